import { describe, expect, test } from 'vitest';
import type { GlossaryTerm } from '../../src/language/model/elements';
import { elementAt, glossaryTermUses, referencesTo } from '../../src/language/navigation/index';
import { example, slice, workspace } from './fixtures';

describe('where a glossary term is used', () => {
  const ws = example();
  const sales = ws.uri('contexts/sales.ddd');
  const termAt = (name: string, needle: string) => elementAt(ws.model, ws.uri(name), ws.at(name, needle))!.symbol as GlossaryTerm;

  test("Sales' Customer: the term, and the CustomerId types written in Sales, not Support's", () => {
    const customer = termAt('contexts/sales.ddd', 'Customer:');
    expect(customer.kind).toBe('term');
    const uses = glossaryTermUses(ws.model, customer);
    expect(uses[0]).toMatchObject({ uri: sales, isDeclaration: true });
    expect(slice(ws, sales, uses[0]!.range)).toBe('Customer');
    const identities = uses.slice(1);
    expect(identities.length).toBeGreaterThanOrEqual(5);
    for (const use of identities) {
      expect(use).toMatchObject({ uri: sales, isDeclaration: false });
      expect(slice(ws, use.uri, use.range)).toBe('CustomerId');
    }
    // Support has a Customer term of its own, with its own uses
    const support = glossaryTermUses(ws.model, termAt('contexts/support.ddd', 'Customer:'));
    expect(new Set(support.map((use) => use.uri))).toEqual(new Set([ws.uri('contexts/support.ddd')]));
  });

  test('"Order Item": the entity OrderItem it names, with every reference to it', () => {
    const term = termAt('contexts/sales.ddd', '"Order Item"');
    const uses = glossaryTermUses(ws.model, term);
    const entity = ws.model.contexts.get('Sales')!.aggregates.flatMap((aggregate) => aggregate.entities).find((entity) => entity.name === 'OrderItem')!;
    const entityUses = referencesTo(ws.model, entity);
    expect(entityUses.length).toBeGreaterThan(1);
    expect(uses.map((use) => slice(ws, use.uri, use.range))).toEqual(expect.arrayContaining(['"Order Item"', 'OrderItem']));
    for (const use of entityUses) expect(uses).toContainEqual(use);
    expect(uses.filter((use) => use.isDeclaration)).toHaveLength(2);
    expect(glossaryTermUses(ws.model, term, { includeDeclaration: false }).every((use) => !use.isDeclaration)).toBe(true);
  });

  test('sorted by document and position, each place once', () => {
    const uses = glossaryTermUses(ws.model, termAt('contexts/sales.ddd', 'Order:'));
    const keys = uses.map((use) => `${use.uri}#${use.range.start}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...uses].sort((a, b) => (a.uri === b.uri ? a.range.start - b.range.start : a.uri < b.uri ? -1 : 1));
    expect(uses).toEqual(sorted);
    // the term, the aggregate and its root entity named Order; their uses, the storming board's too
    expect(uses.filter((use) => use.isDeclaration).map((use) => slice(ws, use.uri, use.range))).toEqual(['Order', 'Order', 'Order']);
    expect(uses.map((use) => use.uri)).toContain(ws.uri('storming/checkout.ddd'));
    expect(uses.map((use) => slice(ws, use.uri, use.range))).toContain('OrderId');
  });

  test('a term that names nothing is used only where it is defined', () => {
    const q = workspace({ 'a.ddd': 'context Sales { glossary { Checkout: "Paying for a cart" } value Money { cents: Int } }' });
    const term = elementAt(q.model, q.uri('a.ddd'), q.at('a.ddd', 'Checkout'))!.symbol as GlossaryTerm;
    expect(glossaryTermUses(q.model, term)).toEqual([{ uri: q.uri('a.ddd'), range: term.nameRange, isDeclaration: true }]);
  });
});
