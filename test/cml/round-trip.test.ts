/**
 * Round trip: CML → import → .ddd → export → CML → import gives the same model
 * (everything `ddd export --format json` says but where it is written, and the
 * same `ddd summary --format json`), for every CML fixture and every published
 * Context Mapper example the repository has (test/fixtures/context-mapper: .ddd
 * → CML → .ddd → CML → .ddd); what `ddd export --format cml` writes is accepted
 * by our CML parser, built from Context Mapper's grammar, and keeps the order
 * rules of that grammar our parser does not enforce (grammar-order.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportCml } from '../../src/language/cml/export-cml';
import { importCml } from '../../src/language/cml/import';
import { parseCml } from '../../src/language/cml/parse';
import { checkWorkspace } from '../../src/language/index';
import { elementCensus } from '../../src/language/model/element-census';
import type { DddModel } from '../../src/language/model/model';
import { cmlFixtureNames, cmlText } from './cml-fixtures';
import { grammarOrderProblems } from './grammar-order';
import { modelFacts } from './model-facts';

const here = dirname(fileURLToPath(import.meta.url));

function toDdd(cml: string): string {
  const result = importCml(cml);
  if (!result.ok) expect.fail(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; '));
  return result.text;
}

function checked(ddd: string): DddModel {
  const result = checkWorkspace([{ uri: 'file:///model.ddd', text: ddd }]);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'syntax-error').map((diagnostic) => diagnostic.message)).toEqual([]);
  return result.model;
}

/** The model's CML export, which our CML parser must accept. */
function exported(model: DddModel): { text: string; notes: string[] } {
  const result = exportCml(model);
  const parsed = parseCml(result.text);
  if (!parsed.ok) expect.fail(`the exported CML does not parse: ${parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}\n${result.text}`);
  expect(grammarOrderProblems(parsed.model)).toEqual([]);
  return result;
}

/** .ddd → CML → .ddd, twice: the two imports say the same. Returns the first import's model and the first export. */
function roundTrip(model: DddModel): { back: DddModel; notes: string[] } {
  const first = exported(model);
  const back = checked(toDdd(first.text));
  const again = checked(toDdd(exported(back).text));
  expect(modelFacts(again)).toEqual(modelFacts(back));
  expect(elementCensus(again)).toEqual(elementCensus(back));
  return { back, notes: first.notes };
}

const publishedFolder = join(here, '../fixtures/context-mapper');
const publishedNames = readdirSync(publishedFolder).filter((name) => name.endsWith('.ddd')).sort();

/** Kinds whose census may change between a .ddd model and its CML round trip, and the note that says why. */
const explained: Readonly<Record<string, string>> = {
  value: "subdomain's value object",
  field: "subdomain's value object",
  contextmap: 'context map merged into the first',
};

describe('CML round trip', () => {
  it.each(cmlFixtureNames)('%s: import → export → import gives the same model', (name) => {
    const first = checked(toDdd(cmlText(name)));
    const { text } = exported(first);
    const second = checked(toDdd(text));
    expect(elementCensus(second)).toEqual(elementCensus(first));
    expect(modelFacts(second)).toEqual(modelFacts(first));
    expect(Object.values(elementCensus(first)).some((kind) => kind.count > 0)).toBe(true);
  });

  it('has the published Context Mapper examples to check', () => {
    expect(publishedNames.length).toBeGreaterThanOrEqual(7);
  });

  it.each(publishedNames)('published example %s: .ddd → CML → .ddd → CML → .ddd, the two imports the same; what changed from the .ddd is noted', (name) => {
    const model = checked(readFileSync(join(publishedFolder, name), 'utf8'));
    const { back, notes } = roundTrip(model);
    const before = elementCensus(model);
    const after = elementCensus(back);
    for (const kind of Object.keys(before) as (keyof typeof before)[]) {
      if (kind === 'module') {
        // building blocks outside any aggregate and module go into a Module Shared
        const added = after.module.names.filter((path) => !before.module.names.includes(path));
        expect(added.every((path) => path.endsWith('.Shared'))).toBe(true);
        expect(before.module.names.every((path) => after.module.names.includes(path))).toBe(true);
        continue;
      }
      if (JSON.stringify(before[kind]) === JSON.stringify(after[kind])) continue;
      expect(explained[kind], `${kind} changed: ${JSON.stringify(before[kind].names)} → ${JSON.stringify(after[kind].names)}`).toBeDefined();
      expect(notes.join('\n')).toContain(explained[kind]);
    }
  });

  const tacticalFolder = join(here, '../fixtures/tactical');
  it.each(readdirSync(tacticalFolder).filter((name) => name.endsWith('.ddd')))('tactical fixture %s (modules, lifecycles, application layers): .ddd → CML → .ddd → CML → .ddd, the two imports the same', (name) => {
    const model = checkWorkspace([{ uri: 'file:///model.ddd', text: readFileSync(join(tacticalFolder, name), 'utf8') }]).model;
    const { back } = roundTrip(model);
    expect([...back.contexts.keys()]).toEqual([...model.contexts.keys()]);
  });

  it('exports the example workspace as CML the parser accepts with no errors, imports it back and round-trips it', () => {
    const folder = join(here, '../../examples');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ddd'));
    expect(files.length).toBeGreaterThan(3);
    const model = checkWorkspace(files.map((file) => ({ uri: `file:///${file}`, text: readFileSync(join(folder, file), 'utf8') }))).model;
    const { back, notes } = roundTrip(model);
    expect([...back.contexts.keys()].sort()).toEqual([...model.contexts.keys()].sort());
    expect(back.contexts.get('Sales')?.aggregates.map((aggregate) => aggregate.name)).toEqual(model.contexts.get('Sales')?.aggregates.map((aggregate) => aggregate.name));
    expect(notes).toContain(`${model.sagas.length} × saga (CML has no sagas; its Application flows are the nearest)`);
    expect(notes).toContain(`${model.boards.length} × storming board (CML has no event storming boards)`);
  });
});
