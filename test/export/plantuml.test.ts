/**
 * PlantUML, checked by parsers of PlantUML: `plantuml-parser` (npm) reads the
 * component and class diagrams (context maps, aggregates) and gives back what
 * it understood; PlantUML itself (Debian's `plantuml` package, run headless
 * with `-checkonly`) checks every diagram, state machines and sequences too,
 * when it is installed (CI: `apt-get install --no-install-recommends plantuml`);
 * without it those checks are skipped and say so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'plantuml-parser';
import { describe, expect, it } from 'vitest';
import type { ModelExport } from '../../src/language/export/index';
import { decodePumlText } from '../../src/language/export/plantuml-text';
import { checkWorkspace } from '../../src/language/index';
import { fixture } from '../helpers';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';
import { inCi } from '../chromium';

/** Whether PlantUML itself is installed (`plantuml -version` prints its version; it exits with 250, not 0). */
const plantuml = /PlantUML version/.test(spawnSync('plantuml', ['-version'], { encoding: 'utf8' }).stdout ?? '');

// On a developer's machine without PlantUML its checks are skipped with a warning; in CI (.ci/run installs it) a skip would pass unseen
if (!plantuml) {
  const message = 'the PlantUML exports need PlantUML itself to check the diagrams plantuml-parser cannot read (state machines, sequences): `sudo apt-get install plantuml`';
  if (inCi()) it('PlantUML is installed (CI checks every exported diagram with it)', () => {
    throw new Error(message);
  });
  else console.warn(`${message}; skipped`);
}

/**
 * PlantUML's JVM with the quick compiler only and one garbage collector thread:
 * the same PlantUML and the same checks, about half the CPU of a run (a check
 * is over before the optimising compiler pays off). The JVM reads
 * JAVA_TOOL_OPTIONS itself (the Debian `plantuml` script passes no options).
 */
const plantumlEnv = { ...process.env, JAVA_TOOL_OPTIONS: `${process.env['JAVA_TOOL_OPTIONS'] ?? ''} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`.trim() };

function plantumlAccepts(paths: string[]): boolean {
  return spawnSync('plantuml', ['-checkonly', ...paths], { encoding: 'utf8', env: plantumlEnv }).status === 0;
}

/** The files written to a temporary folder, for PlantUML to read. */
function withFiles<T>(files: ModelExport['files'], use: (paths: string[]) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-plantuml-'));
  try {
    const paths = files.map((exportedFile, index) => {
      const path = join(folder, `${index}.puml`);
      writeFileSync(path, exportedFile.text);
      return path;
    });
    return use(paths);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Whether PlantUML accepts every one of the files, in one run. */
function plantumlAcceptsAll(files: ModelExport['files']): boolean {
  return withFiles(files, plantumlAccepts);
}

/** Every file checked by PlantUML in one run; on a failure, each file alone, to name the ones it refuses. */
function plantumlRefuses(result: ModelExport): string[] {
  return withFiles(result.files, (paths) => {
    if (plantumlAccepts(paths)) return [];
    return result.files.filter((_, index) => !plantumlAccepts([paths[index]!])).map((f) => f.path);
  });
}

/**
 * The exports of this file that PlantUML must accept, checked together: one
 * PlantUML run for all of them (a JVM start is most of a small check). When
 * that run refuses something, each export is checked on its own, and its test
 * names the files refused.
 */
const acceptedTogether: ModelExport[] = [];
let allAccepted: boolean | undefined;

/** Registers an export for the shared run (while the tests are collected). */
function checkedTogether(result: ModelExport): ModelExport {
  acceptedTogether.push(result);
  return result;
}

function plantumlRefusesAmongAll(result: ModelExport): string[] {
  expect(acceptedTogether).toContain(result);
  allAccepted ??= plantumlAcceptsAll(acceptedTogether.flatMap((each) => each.files));
  return allAccepted ? [] : plantumlRefuses(result);
}

interface ParsedElement {
  name?: string;
  title?: string;
  left?: string;
  right?: string;
  label?: string;
  text?: string;
  members?: { name: string; type?: string }[];
  stereotypes?: string[];
  elements?: ParsedElement[];
}

/** What plantuml-parser read: every element, packages opened. */
function elementsOf(text: string): ParsedElement[] {
  const diagrams = parse(text) as { elements: ParsedElement[] }[];
  expect(diagrams).toHaveLength(1);
  const all: ParsedElement[] = [];
  const walk = (elements: ParsedElement[]) => {
    for (const element of elements) {
      all.push(element);
      if (element.elements) walk(element.elements);
    }
  };
  walk(diagrams[0]!.elements);
  return all;
}

describe('PlantUML: the example workspace', () => {
  const result = checkedTogether(exported(orderSaga(), 'plantuml'));

  it('writes the context map, the aggregates of each context, and each saga', () => {
    expect(result.files.map((f) => f.path)).toEqual([
      'context-map-ShopMap.puml',
      'aggregates-Banking.puml',
      'aggregates-Billing.puml',
      'aggregates-Inventory.puml',
      'aggregates-Sales.puml',
      'aggregates-Shipping.puml',
      'aggregates-Support.puml',
      'saga-flow-PlaceOrderChoreography.puml',
      'saga-flow-OrderFulfilment.puml',
      'saga-states-OrderSaga.puml',
      'saga-sequence-OrderSaga.puml',
    ]);
  });

  it('the context map as Context Mapper draws it: the upstream exposes an interface with its roles, the downstream uses it with its roles', () => {
    const elements = elementsOf(file(result, 'context-map-ShopMap.puml'));
    const title = (alias: string | undefined) => elements.find((element) => element.name === alias)?.title;
    const links = elements.filter((element) => element.left !== undefined).map((link) => decodePumlText(`${title(link.left)} ${title(link.right)} ${link.label}`));
    expect(links).toEqual(
      expect.arrayContaining([
        'Sales Open host service, published language, anti-corruption layer OHS, PL',
        'Open host service, published language, anti-corruption layer Support use via ACL',
        'Sales Customer-supplier S',
        'Customer-supplier Shipping use via C',
        'Sales Inventory Partnership (P ↔ P)',
        'Sales Billing Shared kernel (SK ↔ SK)',
        'LegacyErp Anti-corruption layer ',
        'Anti-corruption layer Inventory use via ACL',
      ]),
    );
    expect(elements.map((element) => element.title)).toEqual(expect.arrayContaining(['Sales', 'Support', 'PaymentProvider', 'Banking']));
  });

  it('aggregates as classes in a package per aggregate, with fields, stereotypes and what commands emit', () => {
    const elements = elementsOf(file(result, 'aggregates-Sales.puml'));
    const order = elements.find((element) => element.title === 'Order' && element.stereotypes?.includes('Aggregate Root'))!;
    expect(order.members?.map((member) => member.name)).toEqual(['id', 'customer', 'items', 'status', 'placedAt']);
    expect(elements.find((element) => element.title === 'Money')?.stereotypes).toEqual(['Value Object']);
    expect(elements.find((element) => element.title === 'Currency')?.members?.map((member) => member.name)).toEqual(['EUR', 'USD', 'GBP']);
    expect(elements.find((element) => element.name === 'Order' && element.elements)).toBeDefined();
    const title = (alias: string | undefined) => elements.find((element) => element.name === alias)?.title;
    const links = elements.filter((element) => element.left !== undefined).map((link) => `${title(link.left)} ${title(link.right)} ${link.label}`);
    expect(links).toEqual(expect.arrayContaining(['Order OrderItem items', 'PlaceOrder OrderPlaced emits']));
  });

  it.skipIf(!plantuml)('PlantUML itself accepts every diagram (state machines and sequences included)', () => {
    expect(plantumlRefusesAmongAll(result)).toEqual([]);
  }, 120_000);
});

describe('the PlantUML check', () => {
  it.skipIf(!plantuml)('refuses a broken diagram and names it', () => {
    const broken = { path: 'broken.puml', text: '@startuml\nstate "A" as a\na -> [*\n@enduml\n' };
    const fine = { path: 'fine.puml', text: '@startuml\nstate "A" as a\na --> [*]\n@enduml\n' };
    expect(plantumlRefuses({ files: [fine, broken], warnings: [] })).toEqual(['broken.puml']);
  }, 60_000);
});

describe('PlantUML: inheritance', () => {
  const result = checkedTogether(exported(checkWorkspace([{ uri: 'file:///claims.ddd', text: fixture('export/inherited-events.ddd') }]), 'plantuml'));

  it('draws each base above what extends it, and an abstract one as an abstract class', () => {
    const text = file(result, 'aggregates-Claims.puml');
    const elements = elementsOf(text);
    const title = (alias: string | undefined) => elements.find((element) => element.name === alias)?.title;
    const links = elements.filter((element) => element.left !== undefined).map((link) => `${title(link.left)} ${title(link.right)}`);
    expect(links).toEqual(expect.arrayContaining(['ClaimEvent ClaimSubmitted', 'ClaimEvent ClaimSettled', 'ClaimEvent ReceiptFiled', 'Document Receipt']));
    expect(text).toMatch(/^ {2}abstract class "ClaimEvent" as \S+ <<Domain Event>> \{$/m);
    expect(text).toMatch(/^\S+ <\|-- \S+$/m);
  });

  it.skipIf(!plantuml)('PlantUML itself accepts it', () => {
    expect(plantumlRefusesAmongAll(result)).toEqual([]);
  }, 120_000);
});

describe('PlantUML: hostile names', () => {
  const result = checkedTogether(exported(exportHostileModel(), 'plantuml'));

  it('no line of model text starts a PlantUML command; the parser reads the names back as the text', () => {
    for (const exportedFile of result.files) {
      const lines = exportedFile.text.split('\n');
      expect(lines.filter((line) => /^\s*[@!]/.test(line)), exportedFile.path).toEqual(['@startuml', '@enduml']);
    }
    const map = result.files.find((f) => f.path.startsWith('context-map-HostileMap'))!;
    const titles = elementsOf(map.text).map((element) => decodePumlText(element.title ?? ''));
    expect(titles).toContain(`Mallory${exportHostile.replace(/\n/g, ' ')}`);
    const aggregates = result.files.find((f) => f.path.startsWith('aggregates-Mallory'))!;
    expect(elementsOf(aggregates.text).map((element) => decodePumlText(element.title ?? ''))).toContain(`Trap${exportHostile.replace(/\n/g, ' ')}`);
  });

  it.skipIf(!plantuml)('PlantUML itself accepts every diagram', () => {
    expect(plantumlRefusesAmongAll(result)).toEqual([]);
  }, 120_000);
});

describe('PlantUML: a generated model of 108 contexts', () => {
  const result = checkedTogether(exported(generated100(), 'plantuml'));

  it('plantuml-parser reads the context maps and the class diagrams, with every context in the maps', () => {
    const readable = result.files.filter((f) => /^(context-map|aggregates)-/.test(f.path));
    const titles = new Set<string>();
    for (const exportedFile of readable) for (const element of elementsOf(exportedFile.text)) if (element.title) titles.add(decodePumlText(element.title));
    const mapped = [...generated100().model.contexts.values()].filter((context) => generated100().model.contextMaps.some((map) => map.relationships.some((r) => r.left.context?.text === context.name || r.right.context?.text === context.name)));
    for (const context of mapped) expect(titles.has(context.name), context.name).toBe(true);
  }, 300_000);

  it.skipIf(!plantuml)('PlantUML itself accepts every diagram', () => {
    expect(plantumlRefusesAmongAll(result)).toEqual([]);
  }, 600_000);
});
