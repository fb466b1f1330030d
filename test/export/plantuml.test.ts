/**
 * PlantUML, checked by parsers of PlantUML: `plantuml-parser` (npm) reads the
 * component and class diagrams (context maps, aggregates) and gives back what
 * it understood; PlantUML itself (Debian's `plantuml` package, run headless
 * with `-syntax`) checks every diagram, state machines and sequences too,
 * when it is installed (CI: `apt-get install --no-install-recommends plantuml`);
 * without it those checks are skipped and say so.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'plantuml-parser';
import { describe, expect, it } from 'vitest';
import type { ModelExport } from '../../src/language/export/index';
import { decodePumlText } from '../../src/language/export/plantuml-text';
import { checkWorkspace } from '../../src/language/index';
import { fixture } from '../helpers';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';
import { inCi } from '../ci-environment';

/**
 * Whether PlantUML itself is installed: a `plantuml` command on the PATH. Found without running it (a run
 * is a JVM start, about a second of CPU); the one run of the checks below fails, with PlantUML's own
 * output, when the command is there but does not work.
 */
const plantuml = (process.env['PATH'] ?? '').split(delimiter).some((folder) => {
  if (folder === '') return false;
  try {
    accessSync(join(folder, 'plantuml'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

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

/**
 * PlantUML's verdict on each diagram of `texts`, from one run: with `-syntax -pipe` PlantUML reads
 * the diagrams from its input and prints, for each in turn, its type and size (`CLASS`, `(8 entities)`)
 * or `ERROR`, the line and the message. A verdict per diagram, or the run fails the test.
 */
function plantumlVerdicts(texts: readonly string[]): boolean[] {
  const run = spawnSync('plantuml', ['-syntax', '-pipe'], { input: texts.join('\n'), encoding: 'utf8', env: plantumlEnv, maxBuffer: 64 * 1024 * 1024 });
  const lines = (run.stdout ?? '').split(/\r?\n/);
  const verdicts: boolean[] = [];
  for (const [index, line] of lines.entries()) {
    const next = lines[index + 1] ?? '';
    if (line === 'ERROR' && /^\d+$/.test(next)) verdicts.push(false);
    else if (/^[A-Z][A-Z_]*$/.test(line) && /^\(.*\)$/.test(next)) verdicts.push(true);
  }
  const diagrams = texts.reduce((count, text) => count + (text.match(/^@startuml\b/gm)?.length ?? 0), 0);
  if (verdicts.length !== diagrams) throw new Error(`PlantUML gave ${verdicts.length} verdicts for ${diagrams} diagrams:\n${run.stdout}${run.stderr}`);
  return verdicts;
}

/** The files PlantUML refuses, checked in one run: a file is refused when one of its diagrams is. */
function plantumlRefuses(result: ModelExport): string[] {
  const verdicts = plantumlVerdicts(result.files.map((file) => file.text));
  let next = 0;
  return result.files
    .filter((file) => {
      const count = file.text.match(/^@startuml\b/gm)?.length ?? 0;
      const own = verdicts.slice(next, (next += count));
      return count === 0 || own.includes(false);
    })
    .map((file) => file.path);
}

/**
 * The diagrams of this file's tests (the exports PlantUML must accept, and the
 * check's own broken ones), checked together: one PlantUML run for all of them
 * (a JVM start is most of a small check), each test naming the files of its
 * own set that were refused.
 */
const acceptedTogether: ModelExport[] = [];
let refusedOfAll: Set<string> | undefined;

/** Registers an export for the shared run (while the tests are collected). */
function checkedTogether(result: ModelExport): ModelExport {
  acceptedTogether.push(result);
  return result;
}

function plantumlRefusesAmongAll(result: ModelExport): string[] {
  expect(acceptedTogether).toContain(result);
  const key = (index: number, path: string) => `${index}\n${path}`;
  if (!refusedOfAll) {
    const files = acceptedTogether.flatMap((each, index) => each.files.map((file) => ({ ...file, path: key(index, file.path) })));
    refusedOfAll = new Set(plantumlRefuses({ files, warnings: [] }));
  }
  const index = acceptedTogether.indexOf(result);
  return result.files.filter((file) => refusedOfAll!.has(key(index, file.path))).map((file) => file.path);
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
  const broken = { path: 'broken.puml', text: '@startuml\nstate "A" as a\na -> [*\n@enduml\n' };
  const fine = { path: 'fine.puml', text: '@startuml\nstate "A" as a\na --> [*]\n@enduml\n' };
  const alsoBroken = { path: 'also-broken.puml', text: '@startuml\nclass A {\n@enduml\n' };
  const sequence = { path: 'sequence.puml', text: '@startuml\nA -> B: hello\n@enduml\n' };
  // checked in the run the exports share, among their diagrams: each verdict goes to its own file
  const mixed = checkedTogether({ files: [fine, broken, sequence, alsoBroken], warnings: [] });

  it.skipIf(!plantuml)('refuses a broken diagram and names it', () => {
    expect(plantumlRefusesAmongAll(mixed)).toEqual(['broken.puml', 'also-broken.puml']);
  }, 120_000);
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
