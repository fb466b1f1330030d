import { describe, expect, test } from 'vitest';
import { semanticTokens, type SemanticTokenSpan } from '../../src/language/navigation/index';
import { example, workspace, type Workspace } from './fixtures';

function tokenAt(ws: Workspace, file: string, needle: string, delta = 0, n = 0): SemanticTokenSpan | undefined {
  const offset = ws.at(file, needle, delta, n);
  return semanticTokens(ws.model, ws.uri(file)).find((span) => span.start === offset);
}

describe('semantic tokens', () => {
  const ws = example();

  test('names are classified by what they denote', () => {
    expect(tokenAt(ws, 'contexts/sales.ddd', 'aggregate Order', 10)).toEqual({ start: expect.any(Number), length: 5, type: 'aggregate', modifiers: ['declaration'] });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'root entity Order', 12)).toMatchObject({ type: 'entity', modifiers: ['declaration', 'root'] });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'value Money', 6)).toMatchObject({ type: 'value' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'EUR')).toMatchObject({ type: 'enumMember' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'command PlaceOrder', 8)).toMatchObject({ type: 'command' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'emits OrderPlaced', 6)).toMatchObject({ type: 'event', modifiers: [] });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'placedAt')).toMatchObject({ type: 'field' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'DateTime')).toMatchObject({ type: 'type', modifiers: ['defaultLibrary'] });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'CustomerId')).toMatchObject({ type: 'type', modifiers: [] });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'Customer:')).toMatchObject({ type: 'term' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'findById')).toMatchObject({ type: 'operation' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'id: OrderId)')).toMatchObject({ type: 'parameter' });
    expect(tokenAt(ws, 'contexts/sales.ddd', 'aggregate Order {')).toMatchObject({ type: 'keyword' });
    expect(tokenAt(ws, 'contexts/sales.ddd', '"Checkout team"')).toMatchObject({ type: 'string' });
    expect(tokenAt(ws, 'contexts/sales.ddd', '// Sales')).toMatchObject({ type: 'comment' });
    expect(tokenAt(ws, 'contexts/banking.ddd', 'amount: 1000', 8)).toMatchObject({ type: 'number' });
    expect(tokenAt(ws, 'contexts/banking.ddd', 'Account eventsourced')).toMatchObject({ type: 'aggregate', modifiers: ['declaration', 'eventSourced'] });
    expect(tokenAt(ws, 'contexts/external.ddd', 'PaymentProvider')).toMatchObject({ type: 'context', modifiers: ['declaration', 'external'] });
  });

  test('roles, states, contexts in maps and sagas, stickies', () => {
    expect(tokenAt(ws, 'context-map.ddd', 'OHS')).toMatchObject({ type: 'role' });
    expect(tokenAt(ws, 'context-map.ddd', '] ->', 2)).toMatchObject({ type: 'operator' });
    expect(tokenAt(ws, 'context-map.ddd', 'Support')).toMatchObject({ type: 'context' });
    expect(tokenAt(ws, 'sagas/order-saga.ddd', 'STARTED')).toMatchObject({ type: 'state', modifiers: ['declaration'] });
    expect(tokenAt(ws, 'sagas/order-saga.ddd', 'ORDER_CREATED')).toMatchObject({ type: 'state' });
    expect(tokenAt(ws, 'sagas/choreography.ddd', 'PaymentSucceeded')).toMatchObject({ type: 'event', modifiers: ['unresolved'] });
    expect(tokenAt(ws, 'storming/checkout.ddd', 'actor Customer', 6)).toMatchObject({ type: 'actor' });
    expect(tokenAt(ws, 'storming/checkout.ddd', 'by Customer', 3)).toMatchObject({ type: 'actor' });
    expect(tokenAt(ws, 'storming/checkout.ddd', 'ReserveStock')).toMatchObject({ type: 'policy' });
    expect(tokenAt(ws, 'storming/checkout.ddd', 'PaymentReceived')).toMatchObject({ type: 'event', modifiers: ['unresolved'] });
  });

  test('each segment of a qualified name on its own', () => {
    const q = workspace({ 'a.ddd': 'context Sales { value Money { cents: Int } }\ncontext Billing { value Invoice { total: Sales.Money } }' });
    const spans = semanticTokens(q.model, q.uri('a.ddd'));
    const at = q.at('a.ddd', 'Sales.Money');
    expect(spans.filter((span) => span.start >= at && span.start < at + 11)).toEqual([
      { start: at, length: 5, type: 'context', modifiers: [] },
      { start: at + 6, length: 5, type: 'value', modifiers: [] },
    ]);
  });

  test('in order, never overlapping, never across lines, in every file', () => {
    for (const [uri, text] of ws.texts) {
      let end = 0;
      for (const span of semanticTokens(ws.model, uri)) {
        expect(span.start).toBeGreaterThanOrEqual(end);
        expect(span.length).toBeGreaterThan(0);
        expect(text.slice(span.start, span.start + span.length)).not.toMatch(/[\r\n]/);
        end = span.start + span.length;
      }
    }
    const multi = workspace({ 'a.ddd': '/* one\n   two */ context A' });
    expect(semanticTokens(multi.model, multi.uri('a.ddd')).filter((span) => span.type === 'comment')).toHaveLength(2);
  });
});
