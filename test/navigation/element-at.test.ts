import { describe, expect, test } from 'vitest';
import { contextAt, definitionOf, elementAt, referencesTo } from '../../src/language/navigation/index';
import { example, slice, workspace } from './fixtures';

describe('elementAt', () => {
  const ws = example();
  const sales = ws.uri('contexts/sales.ddd');

  test('the name of a declaration', () => {
    const element = elementAt(ws.model, sales, ws.at('contexts/sales.ddd', 'event OrderCreated', 8))!;
    expect(element).toMatchObject({ what: 'declaration', text: 'OrderCreated', symbol: { kind: 'event', name: 'OrderCreated' } });
    expect(slice(ws, sales, element.range)).toBe('OrderCreated');
  });

  test('at the end of a name, and nothing between names', () => {
    const end = ws.at('contexts/sales.ddd', 'event OrderCreated', 'event OrderCreated'.length);
    expect(elementAt(ws.model, sales, end)?.text).toBe('OrderCreated');
    expect(elementAt(ws.model, sales, ws.at('contexts/sales.ddd', '{'))).toBeUndefined();
  });

  test('a context block names the merged bounded context', () => {
    const element = elementAt(ws.model, sales, ws.at('contexts/sales.ddd', 'context Sales', 9))!;
    expect(element).toMatchObject({ what: 'declaration', symbol: { kind: 'context', name: 'Sales' } });
  });

  test('a reference resolved across files', () => {
    const saga = ws.uri('sagas/order-saga.ddd');
    const element = elementAt(ws.model, saga, ws.at('sagas/order-saga.ddd', 'reply OrderCreated', 7))!;
    expect(element).toMatchObject({ what: 'reference', symbol: { kind: 'event', uri: sales } });
  });

  test('roles, saga states, glossary terms and stickies', () => {
    const map = ws.uri('context-map.ddd');
    expect(elementAt(ws.model, map, ws.at('context-map.ddd', 'OHS'))).toMatchObject({ what: 'role', roleInfo: { code: 'OHS' }, side: 'left' });
    const saga = ws.uri('sagas/order-saga.ddd');
    expect(elementAt(ws.model, saga, ws.at('sagas/order-saga.ddd', 'INV_RESERVED'))).toMatchObject({ what: 'state', symbol: { kind: 'sagaState', name: 'INV_RESERVED' } });
    expect(elementAt(ws.model, sales, ws.at('contexts/sales.ddd', 'Customer:'))).toMatchObject({ what: 'declaration', symbol: { kind: 'term', contextName: 'Sales' } });
    const board = ws.uri('storming/checkout.ddd');
    expect(elementAt(ws.model, board, ws.at('storming/checkout.ddd', 'actor Customer', 6))).toMatchObject({ what: 'sticky', sticky: { type: 'actor' } });
  });

  test('the segments of a qualified name', () => {
    const q = workspace({
      'a.ddd': 'context Sales { aggregate Order { root entity Order { id: OrderId } value Money { cents: Int } } }',
      'b.ddd': 'context Billing { value Invoice { total: Sales.Order.Money  order: Sales.OrderId } }',
    });
    const b = q.uri('b.ddd');
    expect(elementAt(q.model, b, q.at('b.ddd', 'Sales.Order.Money'))).toMatchObject({ what: 'qualifier', text: 'Sales', symbol: { kind: 'context' } });
    expect(elementAt(q.model, b, q.at('b.ddd', 'Order.Money'))).toMatchObject({ what: 'qualifier', text: 'Order', symbol: { kind: 'aggregate' } });
    const money = elementAt(q.model, b, q.at('b.ddd', 'Money', 1))!;
    expect(money).toMatchObject({ what: 'reference', text: 'Money', symbol: { kind: 'value', name: 'Money' } });
    expect(slice(q, b, money.range)).toBe('Money');
  });
});

describe('definitionOf', () => {
  const ws = example();

  test('jumps from a use to the declaration, across files', () => {
    const [location] = definitionOf(ws.model, ws.uri('sagas/choreography.ddd'), ws.at('sagas/choreography.ddd', 'Inventory on OrderCreated', 14));
    expect(location!.uri).toBe(ws.uri('contexts/sales.ddd'));
    expect(slice(ws, location!.uri, location!.range)).toBe('OrderCreated');
  });

  test('an open context is defined by all of its blocks', () => {
    const open = workspace({ 'a.ddd': 'context Sales { owner "x" }', 'b.ddd': 'context Sales { aggregate A { root entity A { id: AId } } }', 'c.ddd': 'contextmap M { Sales -> Sales }' });
    const locations = definitionOf(open.model, open.uri('c.ddd'), open.at('c.ddd', 'Sales'));
    expect(locations.map((location) => location.uri)).toEqual([open.uri('a.ddd'), open.uri('b.ddd')]);
  });

  test('a saga state goes to where it is first named; an actor to its sticky', () => {
    const saga = ws.uri('sagas/order-saga.ddd');
    const states = workspace({ 's.ddd': 'saga S orchestrated by A {\n  start BEGIN\n  step X on A -> MID\n  step Y on A fails -> BEGIN\n}\ncontext A' });
    const [state] = definitionOf(states.model, states.uri('s.ddd'), states.at('s.ddd', 'BEGIN', 0, 1));
    expect(state!.range.start).toBe(states.at('s.ddd', 'BEGIN'));
    expect(definitionOf(ws.model, saga, ws.at('sagas/order-saga.ddd', 'STARTED'))[0]!.range.start).toBe(ws.at('sagas/order-saga.ddd', 'STARTED'));
    const board = ws.uri('storming/checkout.ddd');
    const [actor] = definitionOf(ws.model, board, ws.at('storming/checkout.ddd', 'by Customer', 3));
    expect(actor!.range.start).toBe(ws.at('storming/checkout.ddd', 'actor Customer', 6));
  });

  test('an ambiguous name offers every candidate; a role has none', () => {
    const ambiguous = workspace({ 'a.ddd': 'context A { value Money { c: Int } }\ncontext B { value Money { c: Int } }\ncontext C { value Bill { total: Money } }' });
    expect(definitionOf(ambiguous.model, ambiguous.uri('a.ddd'), ambiguous.at('a.ddd', 'Money', 0, 2))).toHaveLength(2);
    expect(definitionOf(ws.model, ws.uri('context-map.ddd'), ws.at('context-map.ddd', 'ACL'))).toEqual([]);
  });
});

describe('referencesTo', () => {
  const ws = example();

  test('every use of an event, and its declaration', () => {
    const event = elementAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'event OrderCreated', 8))!.symbol!;
    const all = referencesTo(ws.model, event);
    expect(all.map((location) => location.uri.replace('file:///ws/', ''))).toEqual([
      'contexts/sales.ddd',
      'contexts/sales.ddd',
      'sagas/choreography.ddd',
      'sagas/choreography.ddd',
      'sagas/order-saga.ddd',
    ]);
    expect(all.filter((location) => location.isDeclaration)).toHaveLength(1);
    expect(referencesTo(ws.model, event, { includeDeclaration: false })).toHaveLength(4);
    for (const location of all) expect(slice(ws, location.uri, location.range)).toBe('OrderCreated');
  });

  test('a context: its blocks, the references to it and the qualifiers that name it', () => {
    const q = workspace({
      'a.ddd': 'context Sales { value Money { cents: Int } }',
      'b.ddd': 'context Sales { owner "team" }\ncontext Billing { value Invoice { total: Sales.Money } }\ncontextmap M { Sales -> Billing }',
    });
    const sales = elementAt(q.model, q.uri('a.ddd'), q.at('a.ddd', 'Sales'))!.symbol!;
    const uses = referencesTo(q.model, sales);
    expect(uses.filter((use) => use.isDeclaration)).toHaveLength(2);
    expect(uses).toHaveLength(4);
    for (const use of uses) expect(slice(q, use.uri, use.range)).toBe('Sales');
  });

  test('a field: where event sourcing names it', () => {
    const banking = ws.uri('contexts/banking.ddd');
    const balance = elementAt(ws.model, banking, ws.at('contexts/banking.ddd', 'balance: Decimal'))!.symbol!;
    // the declaration, three `applies balance …` and `expect balance = 500`
    expect(referencesTo(ws.model, balance)).toHaveLength(5);
    const initial = elementAt(ws.model, banking, ws.at('contexts/banking.ddd', 'initial: Decimal } applies'))!.symbol!;
    // the declaration, `= initial` and the stream's `AccountCreated(initial: 0)`
    expect(referencesTo(ws.model, initial).map((use) => slice(ws, banking, use.range))).toEqual(['initial', 'initial', 'initial']);
  });
});

describe('contextAt', () => {
  const ws = example();
  test('the context block, a saga step\'s participant, nothing on a context map', () => {
    expect(contextAt(ws.model, ws.uri('contexts/support.ddd'), ws.at('contexts/support.ddd', 'Customer:'))).toBe('Support');
    expect(contextAt(ws.model, ws.uri('sagas/order-saga.ddd'), ws.at('sagas/order-saga.ddd', 'reply InventoryReserved'))).toBe('Inventory');
    expect(contextAt(ws.model, ws.uri('sagas/choreography.ddd'), ws.at('sagas/choreography.ddd', 'emits PaymentSucceeded'))).toBe('Billing');
    expect(contextAt(ws.model, ws.uri('context-map.ddd'), ws.at('context-map.ddd', 'Support'))).toBeUndefined();
  });
});
