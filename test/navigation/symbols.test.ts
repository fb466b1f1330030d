import { describe, expect, test } from 'vitest';
import { documentSymbols, foldingRanges, fuzzyScore, workspaceSymbols, type DocumentSymbolNode } from '../../src/language/navigation/index';
import { parseDocument } from '../../src/language/index';
import { example } from './fixtures';

function walk(nodes: DocumentSymbolNode[], visit: (node: DocumentSymbolNode, parent?: DocumentSymbolNode) => void, parent?: DocumentSymbolNode): void {
  for (const node of nodes) {
    visit(node, parent);
    walk(node.children, visit, node);
  }
}

describe('document symbols', () => {
  const ws = example();

  test('context → aggregate → entities, values, enums, commands, events', () => {
    const [sales] = documentSymbols(ws.model, ws.uri('contexts/sales.ddd'));
    expect(sales).toMatchObject({ name: 'Sales', kind: 'context', detail: 'implements Ordering' });
    const names = sales!.children.map((child) => `${child.kind} ${child.name}`);
    expect(names).toEqual(['term Customer', 'term Order', 'term Order Item', 'aggregate Order', 'repository Orders', 'service PricingService', 'readmodel OrderHistory']);
    const order = sales!.children.find((child) => child.kind === 'aggregate')!;
    expect(order.children.map((child) => child.name)).toEqual([
      'Order', 'OrderItem', 'Money', 'Currency', 'OrderStatus', 'PlaceOrder', 'CreateOrder', 'ConfirmOrder', 'CancelOrder', 'OrderPlaced', 'OrderCreated', 'OrderConfirmed', 'OrderCancelled',
    ]);
    expect(order.children[0]).toMatchObject({ kind: 'entity', detail: 'root' });
    expect(order.children[0]!.children.map((child) => child.name)).toEqual(['id', 'customer', 'items', 'status', 'placedAt']);
  });

  test('sagas → steps, maps → relationships, boards → stickies', () => {
    const [saga] = documentSymbols(ws.model, ws.uri('sagas/order-saga.ddd'));
    expect(saga!.children[0]).toMatchObject({ name: 'CreateOrder', kind: 'sagaStep', detail: 'on Sales reply OrderCreated compensate CancelOrder' });
    const [map] = documentSymbols(ws.model, ws.uri('context-map.ddd'));
    expect(map!.children[0]).toMatchObject({ name: 'Sales [OHS, PL] -> Support [ACL]', kind: 'relationship' });
    const [board] = documentSymbols(ws.model, ws.uri('storming/checkout.ddd'));
    expect(board!.children.map((child) => child.detail)).toEqual(['actor', 'command', 'event', 'policy', 'event', 'external', 'event', 'readmodel', 'hotspot', 'event']);
    const choreographies = documentSymbols(ws.model, ws.uri('sagas/choreography.ddd'));
    expect(choreographies[1]!.children[4]).toMatchObject({ name: 'Shipping on InventoryReserved and PaymentProcessed', kind: 'reaction' });
  });

  test('every range contains its selection range, in every file', () => {
    for (const uri of ws.texts.keys()) {
      walk(documentSymbols(ws.model, uri), (node, parent) => {
        expect(node.range.start).toBeLessThanOrEqual(node.selectionRange.start);
        expect(node.range.end).toBeGreaterThanOrEqual(node.selectionRange.end);
        if (parent) expect(node.range.start).toBeGreaterThanOrEqual(parent.range.start);
      });
    }
  });
});

describe('workspace symbols', () => {
  const ws = example();

  test('fuzzy by name: exact, prefix, initials, substring, in-order letters', () => {
    expect(workspaceSymbols(ws.model, 'OrderCreated')[0]).toMatchObject({ name: 'OrderCreated', kind: 'event', containerName: 'Sales.Order' });
    expect(workspaceSymbols(ws.model, 'ordcr')[0]!.name).toBe('OrderCreated');
    expect(workspaceSymbols(ws.model, 'RI').map((symbol) => symbol.name)).toContain('ReserveInventory');
    expect(workspaceSymbols(ws.model, 'ledger')).toEqual([]);
    expect(workspaceSymbols(ws.model, '').length).toBeGreaterThan(50);
    expect(workspaceSymbols(ws.model, '', 5)).toHaveLength(5);
  });

  test('the score ranks closer matches first', () => {
    const scores = ['Order', 'OrderCreated', 'PlaceOrder', 'CustomerOrderRecord'].map((name) => fuzzyScore('order', name)!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(fuzzyScore('xyz', 'Order')).toBeUndefined();
  });
});

describe('folding ranges', () => {
  test('multi-line blocks and comments; single-line blocks do not fold', () => {
    const text = '/* a\n   b */\n// one\n// two\ncontext A {\n  aggregate B { root entity B { id: BId } }\n  value C {\n    x: Int\n  }\n}\n';
    expect(foldingRanges(parseDocument('file:///f.ddd', text))).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 3, kind: 'comment' },
      { startLine: 4, endLine: 8 },
      { startLine: 6, endLine: 7 },
    ]);
  });

  test('a block still open folds to the end', () => {
    expect(foldingRanges(parseDocument('file:///f.ddd', 'context A {\n  value B {\n    x: Int\n'))).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 1, endLine: 3 },
    ]);
  });
});
