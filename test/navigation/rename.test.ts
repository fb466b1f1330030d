import { describe, expect, test } from 'vitest';
import { applyEdits, elementAt, invalidName, prepareRename, renameAt, renameEdits } from '../../src/language/navigation/index';
import { example, workspace, type Workspace } from './fixtures';

/** Every file of the workspace after the edits. */
function renamed(ws: Workspace, result: ReturnType<typeof renameAt>): Record<string, string> {
  expect(result.error).toBeUndefined();
  const files: Record<string, string> = {};
  for (const [uri, text] of ws.texts) files[uri.replace('file:///ws/', '')] = applyEdits(text, result.edits?.get(uri) ?? []);
  return files;
}

describe('rename', () => {
  test('an event: its declaration, the command that emits it, and the sagas', () => {
    const ws = example();
    const result = renameAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'event OrderCreated', 6), 'OrderOpened');
    expect([...result.edits!.keys()].map((uri) => uri.replace('file:///ws/', '')).sort()).toEqual(['contexts/sales.ddd', 'sagas/choreography.ddd', 'sagas/order-saga.ddd']);
    const files = renamed(ws, result);
    expect(files['contexts/sales.ddd']).toContain('command CreateOrder { customer: CustomerId } emits OrderOpened');
    expect(files['sagas/choreography.ddd']).toContain('Sales on CreateOrder emits OrderOpened\n  Inventory on OrderOpened emits');
    expect(files['sagas/order-saga.ddd']).toContain('reply OrderOpened -> ORDER_CREATED');
    // the result is a model with the same findings as before
    expect(workspace(files).diagnostics.length).toBe(ws.diagnostics.length);
  });

  test('a qualified reference changes only the segment that names the symbol', () => {
    const ws = workspace({
      'a.ddd': 'context Sales { aggregate Order { root entity Order { id: OrderId } value Money { cents: Int } } }',
      'b.ddd': 'context Billing { value Invoice { total: Sales.Order.Money  other: Sales.Money } }',
    });
    const files = renamed(ws, renameAt(ws.model, ws.uri('a.ddd'), ws.at('a.ddd', 'Money'), 'Amount'));
    expect(files['b.ddd']).toBe('context Billing { value Invoice { total: Sales.Order.Amount  other: Sales.Amount } }');
    const context = renamed(ws, renameAt(ws.model, ws.uri('b.ddd'), ws.at('b.ddd', 'Sales'), 'Selling'));
    expect(context['a.ddd']).toContain('context Selling {');
    expect(context['b.ddd']).toBe('context Billing { value Invoice { total: Selling.Order.Money  other: Selling.Money } }');
    const aggregate = renamed(ws, renameAt(ws.model, ws.uri('b.ddd'), ws.at('b.ddd', 'Order.Money'), 'Purchase'));
    expect(aggregate['a.ddd']).toContain('aggregate Purchase { root entity Order');
    expect(aggregate['b.ddd']).toContain('Sales.Purchase.Money');
  });

  test('every block of an open context, and the context map', () => {
    const ws = workspace({ 'a.ddd': 'context Sales { owner "x" }', 'b.ddd': 'context Sales\ncontext Support\ncontextmap M { Sales -> Support }' });
    const files = renamed(ws, renameAt(ws.model, ws.uri('b.ddd'), ws.at('b.ddd', 'Sales', 0, 1), 'Selling'));
    expect(files).toEqual({ 'a.ddd': 'context Selling { owner "x" }', 'b.ddd': 'context Selling\ncontext Support\ncontextmap M { Selling -> Support }' });
  });

  test('a saga state everywhere its saga names it, and nowhere else', () => {
    const ws = workspace({ 's.ddd': 'saga S orchestrated by A {\n  start BEGIN\n  step X on A -> MID\n  step Y on A fails -> BEGIN\n}\nsaga T orchestrated by A { start BEGIN }\ncontext A' });
    const files = renamed(ws, renameAt(ws.model, ws.uri('s.ddd'), ws.at('s.ddd', 'BEGIN'), 'IDLE'));
    expect(files['s.ddd']).toBe('saga S orchestrated by A {\n  start IDLE\n  step X on A -> MID\n  step Y on A fails -> IDLE\n}\nsaga T orchestrated by A { start BEGIN }\ncontext A');
    expect(renameAt(ws.model, ws.uri('s.ddd'), ws.at('s.ddd', 'BEGIN'), 'MID').error).toMatch(/already has a state MID/);
  });

  test('a field and the event-sourcing expressions that name it', () => {
    const ws = example();
    const files = renamed(ws, renameAt(ws.model, ws.uri('contexts/banking.ddd'), ws.at('contexts/banking.ddd', 'balance: Decimal'), 'total'));
    expect(files['contexts/banking.ddd']).toContain('applies total = initial');
    expect(files['contexts/banking.ddd']).toContain('applies total -= amount');
    expect(files['contexts/banking.ddd']).toContain('expect total = 500');
  });

  test('a quoted glossary term stays quoted', () => {
    const ws = example();
    const files = renamed(ws, renameAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', '"Order Item"', 1), 'Order Line'));
    expect(files['contexts/sales.ddd']).toContain('"Order Line": "One product');
  });

  test('refuses what cannot be a name, with the reason', () => {
    const ws = example();
    const event = elementAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'event OrderCreated', 6))!.symbol!;
    expect(renameEdits(ws.model, event, '2Orders').error).toMatch(/not a valid name/);
    expect(renameEdits(ws.model, event, 'Order Created').error).toMatch(/not a valid name/);
    expect(renameEdits(ws.model, event, 'saga').error).toMatch(/keyword/);
    expect(renameEdits(ws.model, event, 'OrderPlaced').error).toBe('Cannot rename OrderCreated to OrderPlaced: context Sales already declares the domain event Sales.Order.OrderPlaced.');
    // a command and an event share a namespace; a value may share a name with an event
    expect(renameEdits(ws.model, event, 'CreateOrder').error).toMatch(/already declares the command/);
    expect(renameEdits(ws.model, event, 'Money').error).toBeUndefined();
    expect(renameEdits(ws.model, event, 'OrderCreated').edits?.size).toBe(0);
    const context = elementAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'context Sales', 8))!.symbol!;
    expect(renameEdits(ws.model, context, 'Billing').error).toMatch(/already exists/);
    const field = elementAt(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'items: List'))!.symbol!;
    expect(renameEdits(ws.model, field, 'status').error).toMatch(/already has a field status/);
    expect(invalidName('Good_Name1')).toBeUndefined();
  });

  test('an identity type (undeclared, ending in Id) everywhere it is written, across files', () => {
    const ws = example();
    const sales = ws.uri('contexts/sales.ddd');
    expect(prepareRename(ws.model, sales, ws.at('contexts/sales.ddd', 'CustomerId', 3))).toMatchObject({ placeholder: 'CustomerId', identityType: 'CustomerId' });
    const before = Object.values(Object.fromEntries([...ws.texts].map(([uri, text]) => [uri, text.split('CustomerId').length - 1]))).reduce((a, b) => a + b, 0);
    const files = renamed(ws, renameAt(ws.model, sales, ws.at('contexts/sales.ddd', 'CustomerId'), 'ClientId'));
    const after = (name: string) => Object.values(files).reduce((sum, text) => sum + text.split(name).length - 1, 0);
    expect(after('CustomerId')).toBe(0);
    expect(after('ClientId')).toBe(before);
    expect(files['contexts/support.ddd']).toContain('command OpenTicket { customer: ClientId  subject: String }');
    expect(workspace(files).diagnostics.length).toBe(ws.diagnostics.length);
  });

  test('an identity type keeps its meaning: its new name ends in Id and is not a declaration', () => {
    const ws = example();
    const at = ws.at('contexts/sales.ddd', 'CustomerId');
    expect(renameAt(ws.model, ws.uri('contexts/sales.ddd'), at, 'Client').error).toMatch(/identity type .* Choose a name ending in Id/);
    expect(renameAt(ws.model, ws.uri('contexts/sales.ddd'), at, 'OrderItem').error).toMatch(/identity type/);
    const declared = workspace({ 'a.ddd': 'context Sales { value AccountId { iban: String }  value Order { by: CustomerId } }' });
    expect(renameAt(declared.model, declared.uri('a.ddd'), declared.at('a.ddd', 'CustomerId'), 'AccountId').error).toMatch(/declares the value object Sales.AccountId/);
    // a declared type ending in Id is renamed as a declaration, with its references
    expect(prepareRename(declared.model, declared.uri('a.ddd'), declared.at('a.ddd', 'AccountId'))).toMatchObject({ symbol: { kind: 'value' } });
    expect(prepareRename(ws.model, ws.uri('contexts/sales.ddd'), ws.at('contexts/sales.ddd', 'DateTime')).error).toMatch(/not declared/);
  });

  test('prepareRename gives the range to edit, or why not', () => {
    const ws = example();
    const sales = ws.uri('contexts/sales.ddd');
    const prepared = prepareRename(ws.model, sales, ws.at('contexts/sales.ddd', 'OrderItem>', 3));
    expect(prepared).toMatchObject({ placeholder: 'OrderItem', range: { start: ws.at('contexts/sales.ddd', 'OrderItem>') } });
    expect(prepareRename(ws.model, ws.uri('context-map.ddd'), ws.at('context-map.ddd', 'OHS')).error).toMatch(/role/);
    expect(prepareRename(ws.model, sales, ws.at('contexts/sales.ddd', 'DateTime')).error).toMatch(/not declared/);
    expect(prepareRename(ws.model, sales, ws.at('contexts/sales.ddd', '{')).error).toMatch(/Nothing to rename/);
    expect(prepareRename(ws.model, ws.uri('storming/checkout.ddd'), ws.at('storming/checkout.ddd', 'ReserveStock')).error).toMatch(/storming board/);
  });
});
