/**
 * Round trip: CML → import → .ddd → export → CML → import gives the same model
 * (the same contexts, aggregates, building blocks with their fields and
 * operations, services, repositories, domains and relationships), and what
 * `ddd export --format cml` writes is accepted by the CML parser built from
 * Context Mapper's grammar.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportCml } from '../../src/language/cml/export-cml';
import { importCml } from '../../src/language/cml/import';
import { parseCml } from '../../src/language/cml/parse';
import { checkWorkspace } from '../../src/language/index';
import { cmlFixtureNames, cmlText } from './cml-fixtures';
import { modelSummary } from './model-summary';
import { pendingGrammar } from './pending-grammar';

function toDdd(cml: string): string {
  const result = importCml(cml);
  if (!result.ok) expect.fail(result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; '));
  return result.text;
}

const modelOf = (ddd: string) => checkWorkspace([{ uri: 'file:///model.ddd', text: ddd }]).model;

function exported(ddd: string): string {
  const { text } = exportCml(modelOf(ddd));
  const parsed = parseCml(text);
  if (!parsed.ok) expect.fail(`the exported CML does not parse: ${parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}\n${text}`);
  return text;
}

const pending = new Set(pendingGrammar.map((entry) => entry.fixture));

describe('CML round trip', () => {
  it.each(cmlFixtureNames.filter((name) => !pending.has(name)))('%s: import → export → import gives the same model', (name) => {
    const first = toDdd(cmlText(name));
    const second = toDdd(exported(first));
    const summary = modelSummary(modelOf(first));
    expect(summary.length).toBeGreaterThan(3);
    expect(modelSummary(modelOf(second))).toEqual(summary);
  });

  it('exports the example model as CML the parser accepts, and imports it back', () => {
    const folder = join(dirname(fileURLToPath(import.meta.url)), '../../examples/order-saga');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ddd'));
    expect(files.length).toBeGreaterThan(3);
    const model = checkWorkspace(files.map((file) => ({ uri: `file:///${file}`, text: readFileSync(join(folder, file), 'utf8') }))).model;
    const { text, notes } = exportCml(model);
    const parsed = parseCml(text);
    expect(parsed.ok).toBe(true);
    const back = modelOf(toDdd(text));
    expect([...back.contexts.keys()].sort()).toEqual([...model.contexts.keys()].sort());
    expect(back.contexts.get('Sales')?.aggregates.map((aggregate) => aggregate.name)).toEqual(model.contexts.get('Sales')?.aggregates.map((aggregate) => aggregate.name));
    expect(notes.some((note) => note.includes('saga'))).toBe(model.sagas.length > 0);
  });

  it('escapes names that are CML keywords, and types that CML does not know', () => {
    const ddd = `context Shipping {
  aggregate Parcel {
    root entity Parcel { id: ParcelId  type: String  state: ParcelState  key: UUID  tags: Map<String, String> }
    enum ParcelState { OPEN X }
  }
  service Value { map(type: String): Parcel }
}`;
    const { text, notes } = exportCml(modelOf(ddd));
    expect(text).toContain('String ^type');
    expect(text).toContain('- @ParcelState ^state');
    expect(text).toContain('String ^key');
    expect(text).toContain('OPEN, ^X');
    expect(text).toContain('Service ^Value {');
    expect(text).toContain('@Parcel ^map(String ^type);');
    expect(notes).toContain('1 × field typed Map<String, String> (a CML attribute holds a type or a collection of one)');
    expect(parseCml(text).ok).toBe(true);
  });

  it('refers to a domain object of another context by its simple name (CML references are not qualified)', () => {
    const ddd = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId  total: Billing.Money  totals: List<Billing.Money> }
  }
}
context Billing {
  aggregate Invoice {
    root entity Invoice { id: InvoiceId }
    value Money { amount: Decimal }
  }
}`;
    const { text } = exportCml(modelOf(ddd));
    expect(text).toContain('- @Money total');
    expect(text).toContain('- List<@Money> totals');
    expect(parseCml(text).ok).toBe(true);
    expect(parseCml('BoundedContext A { Aggregate B { Entity C { - @Billing.Money m } } }').ok).toBe(false);
  });
});
