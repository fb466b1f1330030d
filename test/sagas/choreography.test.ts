import { describe, expect, it } from 'vitest';
import type { Saga } from '../../src/language/model/elements';
import { choreographyOf, runChoreography, type Choreography } from '../../src/language/sagas/choreography';
import { maxRuns } from '../../src/language/sagas/choreography-flow';
import { cyclesOf } from '../../src/language/sagas/graph';
import { check, fixture } from '../helpers';

function choreography(name: string, text = fixture('sagas/choreography.ddd')): Choreography {
  const sagas = check({ 'shop.ddd': fixture('sagas/shop.ddd'), 'sagas.ddd': text }).model.sagas;
  return choreographyOf(sagas.find((saga: Saga) => saga.name === name)!);
}

describe('PlaceOrderChoreography (the seed\'s choreography saga)', () => {
  const c = choreography('PlaceOrderChoreography');

  it('starts from the declared command CreateOrder', () => {
    expect(c.triggers).toEqual(['CreateOrder']);
    expect(c.triggersAssumed).toBe(false);
    expect(c.unheard).toEqual([]);
  });

  it('knows who emits what, on success and on failure', () => {
    expect(c.emitters.get('PaymentSucceeded')).toEqual([{ reaction: 2, outcome: 'success' }]);
    expect(c.emitters.get('PaymentFailed')).toEqual([{ reaction: 2, outcome: 'failure' }]);
    expect(c.listeners.get('PaymentFailed')).toEqual([4, 5]);
    expect(c.reactions[2]).toMatchObject({ participant: 'Billing', choice: true, emits: ['PaymentSucceeded'], otherwise: ['PaymentFailed'] });
    expect(c.reactions[5]).toMatchObject({ join: 'or', compensates: true, listensTo: ['PaymentFailed', 'InventoryReleased'] });
  });

  it('reaches OrderConfirmed on the happy path', () => {
    const run = runChoreography(c);
    expect(run.events).toEqual(['CreateOrder', 'OrderCreated', 'InventoryReserved', 'PaymentSucceeded', 'OrderConfirmed']);
    expect(run.choices).toEqual(new Map([[2, 'success']]));
  });

  it('reaches InventoryReleased and OrderCancelled when Billing fails, and cancels the order once', () => {
    const run = runChoreography(c, () => 'failure');
    expect(run.events).toEqual(['CreateOrder', 'OrderCreated', 'InventoryReserved', 'PaymentFailed', 'InventoryReleased', 'OrderCancelled']);
    expect(run.firings.filter((f) => f.reaction === 5)).toEqual([{ reaction: 5, outcome: 'success', cause: 'PaymentFailed', emitted: ['OrderCancelled'] }]);
  });

  it('explores both outcomes of Billing', () => {
    expect(c.flow.method).toBe('exhaustive');
    expect(c.flow.runs).toBe(2);
    expect([...c.flow.possible]).toEqual(expect.arrayContaining(['OrderConfirmed', 'PaymentFailed', 'InventoryReleased', 'OrderCancelled']));
    expect([...c.flow.inevitable]).toEqual(['CreateOrder', 'OrderCreated', 'InventoryReserved']);
    expect(c.flow.canFire).toEqual([true, true, true, true, true, true]);
    expect(c.flow.deadJoins).toEqual([]);
    expect(c.cycles).toEqual([]);
  });
});

describe('OrderFulfilment (a join)', () => {
  const c = choreography('OrderFulfilment');

  it('ships only after both InventoryReserved and PaymentProcessed', () => {
    const run = runChoreography(c);
    const shipped = run.events.indexOf('OrderShipped');
    expect(shipped).toBeGreaterThan(run.events.indexOf('InventoryReserved'));
    expect(shipped).toBeGreaterThan(run.events.indexOf('PaymentProcessed'));
    expect(run.firings.find((f) => f.reaction === 4)).toMatchObject({ cause: 'PaymentProcessed', emitted: ['OrderShipped'] });
  });

  it('lets Notification react without emitting anything', () => {
    expect(c.reactions[3]!.emits).toEqual([]);
    expect(c.flow.canFire[3]).toBe(true);
    expect(c.flow.deadJoins).toEqual([]);
  });
});

describe('flow analysis', () => {
  it('finds a join on the two outcomes of one reaction', () => {
    const c = choreography('S', `saga S choreographed {
      Sales on PlaceOrder emits OrderPlaced
      Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed
      Sales on PaymentSucceeded and PaymentFailed emits OrderClosed
    }`);
    expect(c.flow.deadJoins).toEqual([{ reaction: 2, reason: 'exclusive', events: ['PaymentSucceeded', 'PaymentFailed'], choice: 1 }]);
    expect(c.flow.possible.has('OrderClosed')).toBe(false);
  });

  it('finds a join on an event that only a dead reaction emits', () => {
    const c = choreography('S', `saga S choreographed {
      Sales on PlaceOrder emits OrderPlaced
      Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed
      Sales on PaymentSucceeded and PaymentFailed emits OrderClosed
      Shipping on OrderClosed and OrderPlaced emits OrderShipped
    }`);
    expect(c.flow.deadJoins[1]).toEqual({ reaction: 3, reason: 'never-happens', events: ['OrderClosed'] });
  });

  it('finds events from two choice points that never happen together', () => {
    const c = choreography('S', `saga S choreographed {
      Sales on PlaceOrder emits OrderPlaced
      Billing on OrderPlaced emits PaymentSucceeded else PaymentFailed
      Inventory on PaymentSucceeded emits StockReserved else StockMissing
      Inventory on PaymentFailed emits StockKept
      Shipping on StockKept and StockReserved emits OrderShipped
    }`);
    expect(c.flow.runs).toBe(3);
    expect(c.flow.deadJoins).toEqual([{ reaction: 4, reason: 'never-together', events: ['StockKept', 'StockReserved'] }]);
  });

  it('falls back to the first reaction when no declared command starts the saga', () => {
    const c = choreography('S', `saga S choreographed {
      Sales on OrderRequested emits OrderCreated
      Inventory on OrderCreated emits InventoryReserved
      Billing on Typo emits PaymentProcessed
    }`);
    expect(c.triggersAssumed).toBe(true);
    expect(c.triggers).toEqual(['OrderRequested']);
    expect(c.unheard).toEqual(['Typo']);
    expect(c.flow.canFire).toEqual([true, true, false]);
  });

  it('finds reactions that trigger each other in a loop', () => {
    const c = choreography('S', `saga S choreographed {
      Sales on PlaceOrder emits OrderPlaced
      Billing on OrderPlaced emits PaymentRequested
      Sales on PaymentRequested emits OrderPlaced
      Shipping on Retry emits Retry
    }`);
    expect(c.cycles).toEqual([[1, 2], [3]]);
    // each reaction fires at most once per saga instance, so a run ends
    expect(runChoreography(c).firings.map((f) => f.reaction)).toEqual([0, 1, 2]);
  });

  it('stops exploring a chain at its first failure', () => {
    const lines = ['Sales on PlaceOrder emits E0'];
    for (let i = 0; i < 13; i++) lines.push(`Billing on E${i} emits E${i + 1} else F${i}`);
    lines.push('Sales on E13 and F0 emits Impossible');
    const c = choreography('S', `saga S choreographed {\n${lines.join('\n')}\n}`);
    expect(c.flow.method).toBe('exhaustive');
    expect(c.flow.runs).toBe(14);
    expect(c.flow.deadJoins).toEqual([{ reaction: 14, reason: 'never-together', events: ['E13', 'F0'] }]);
  });

  it('falls back to a conservative analysis beyond 2^12 combinations', () => {
    const lines = ['Sales on PlaceOrder emits E'];
    for (let i = 0; i < 13; i++) lines.push(`Billing on E emits S${i} else F${i}`);
    lines.push('Sales on S3 and F3 emits Never');
    lines.push('Sales on S12 and F11 emits Sometimes');
    const c = choreography('S', `saga S choreographed {\n${lines.join('\n')}\n}`);
    expect(c.flow.method).toBe('static');
    expect(c.flow.runs).toBe(0);
    expect(c.flow.possible.has('F12')).toBe(true);
    expect(c.flow.inevitable.has('E')).toBe(true);
    expect(c.flow.inevitable.has('S0')).toBe(false);
    // it reports only what it can prove: the two outcomes of one reaction
    expect(c.flow.deadJoins).toEqual([{ reaction: 14, reason: 'exclusive', events: ['S3', 'F3'], choice: 4 }]);
    expect(c.flow.canFire[14]).toBe(false);
    expect(c.flow.canFire[15]).toBe(true);
  });

  it('plays every combination when the choice points are independent', () => {
    const lines = ['Sales on PlaceOrder emits E'];
    for (let i = 0; i < 12; i++) lines.push(`Billing on E emits S${i} else F${i}`);
    lines.push('Sales on S3 and F3 emits Never');
    const c = choreography('S', `saga S choreographed {\n${lines.join('\n')}\n}`);
    expect(c.flow.method).toBe('exhaustive');
    // the work is bounded by counting: no more runs than the cap, whatever the combinations
    expect(c.flow.runs).toBe(maxRuns);
    expect(c.flow.deadJoins).toEqual([{ reaction: 13, reason: 'exclusive', events: ['S3', 'F3'], choice: 4 }]);
  });
});

describe('cycles (Tarjan)', () => {
  it('finds strongly connected components that loop', () => {
    const edges = [[1], [2], [0, 3], [], [4]];
    expect(cyclesOf(5, (n) => edges[n]!).sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 1, 2], [4]]);
  });

  it('handles deep graphs without overflowing the stack', () => {
    const count = 100_000;
    expect(cyclesOf(count, (n) => (n + 1 < count ? [n + 1] : [0]))).toHaveLength(1);
  });
});
