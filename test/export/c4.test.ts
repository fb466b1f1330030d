/**
 * C4: the mermaid C4 diagram checked by mermaid's own parser (what it read back:
 * its systems, boundaries and relationships), and the Structurizr DSL workspace
 * (no Structurizr parser runs in Node: its text is held to the DSL's shape and
 * the model's names here, and its strings to the DSL's quoting).
 */
import { describe, expect, it } from 'vitest';
import { decodeMermaidText } from '../../src/language/diagrams/index';
import { parsed, shown } from '../diagrams/parse';
import { exported, exportHostile, exportHostileModel, file, generated100, orderSaga } from './support';

interface C4Shape {
  alias: string;
  label: { text: string };
  typeC4Shape: { text: string };
  descr?: { text: string };
}

async function c4Read(text: string) {
  const diagram = await parsed(text);
  expect(diagram.type).toBe('c4');
  const shapes = diagram.db.getC4ShapeArray() as C4Shape[];
  const relations = diagram.db.getRels() as { from: string; to: string; label: { text: string }; type: string }[];
  const boundaries = diagram.db.getBoundaries() as { alias: string; label: { text: string } }[];
  const names = new Map(shapes.map((shape) => [shape.alias, shown(shape.label.text)]));
  return { shapes, relations, boundaries, names };
}

describe('C4 (mermaid): the example workspace', () => {
  it('mermaid reads every context as a system, external ones as external systems, grouped by domain, with the map relationships', async () => {
    const text = file(exported(orderSaga(), 'c4'), 'c4-context.mmd');
    const { shapes, relations, boundaries, names } = await c4Read(text);
    expect(shapes.map((shape) => shown(shape.label.text)).sort()).toEqual([...orderSaga().model.contexts.keys()].sort());
    expect(shapes.find((shape) => shape.label.text === 'PaymentProvider')?.typeC4Shape.text).toBe('external_system');
    expect(shapes.find((shape) => shape.label.text === 'Sales')?.typeC4Shape.text).toBe('system');
    expect(boundaries.map((boundary) => shown(boundary.label.text))).toContain('Shop');
    const links = relations.map((relation) => `${names.get(relation.from)} ${relation.type} ${names.get(relation.to)}: ${shown(relation.label.text)}`);
    expect(links).toEqual(
      expect.arrayContaining([
        'Sales rel Support: Open host service, published language, anti-corruption layer: OHS, PL → ACL',
        'Sales birel Inventory: Partnership: P ↔ P',
        'LegacyErp rel Inventory: Anti-corruption layer: – → ACL',
      ]),
    );
  });

  it('hostile names: mermaid parses the diagram and shows each name as its text', async () => {
    const text = file(exported(exportHostileModel(), 'c4'), 'c4-context.mmd');
    expect(text).not.toMatch(/%%|@enduml|\{\{/);
    const { names } = await c4Read(text);
    expect([...names.values()].map((name) => decodeMermaidText(name))).toContain(`Mallory${exportHostile}`);
  });

  it('a generated model of 108 contexts: mermaid reads all of them', async () => {
    const text = file(exported(generated100(), 'c4'), 'c4-context.mmd');
    const { shapes } = await c4Read(text);
    expect(shapes.map((shape) => shown(shape.label.text)).sort()).toEqual([...generated100().model.contexts.keys()].sort());
  }, 120_000);
});

/** The strings of a Structurizr DSL line, unescaped (`\"` and `\\`), as the DSL's tokenizer reads them. */
function dslStrings(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\(.)/g, '$1'));
}

describe('Structurizr DSL', () => {
  it('a workspace: contexts as software systems (external ones tagged), grouped by domain, relationships with roles, a landscape view', () => {
    const text = file(exported(orderSaga(), 'structurizr'), 'workspace.dsl');
    expect(text).toMatch(/^workspace "Domain model" "[^"]*" \{\n\n {2}model \{\n/);
    expect(text).toContain('    group "Shop" {');
    expect(text).toContain('      c_Sales = softwareSystem "Sales" "Bounded context of Shop.Ordering" {');
    expect(text).toContain('    c_PaymentProvider = softwareSystem "PaymentProvider" "Card payments, bought as a service" {\n      tags "External"\n    }');
    expect(text).toContain('    c_Sales -> c_Support "Open host service, published language, anti-corruption layer: OHS, PL → ACL" "" {');
    expect(text).toContain('systemLandscape "ContextMap"');
    // every brace opened is closed, line by line
    let depth = 0;
    for (const line of text.split('\n')) {
      const strings = line.replace(/"(?:[^"\\]|\\.)*"/g, '');
      depth += (strings.match(/\{/g) ?? []).length - (strings.match(/\}/g) ?? []).length;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('hostile names stay inside their strings, one line each, with no constant substituted', () => {
    const text = file(exported(exportHostileModel(), 'structurizr'), 'workspace.dsl');
    const line = text.split('\n').find((candidate) => candidate.includes('softwareSystem') && candidate.includes('Mallory'))!;
    const [name] = dslStrings(line);
    expect(name).toBe(`Mallory${exportHostile.replace(/\n/g, ' ').replace('${', '\uff04{')}`);
    expect(text).not.toContain('${');
    for (const candidate of text.split('\n')) expect(candidate.trim()).not.toMatch(/^!/);
  });
});
