import { describe, expect, it } from 'vitest';
import { choreographyOf, runChoreography } from '../../src/language/sagas/choreography';
import {
  ChoreographySimulation,
  exploreChoreography,
  simulateChoreography,
  type ChoreographyRunResult,
  type DeliverEvent,
} from '../../src/language/simulation/index';
import { exampleSaga, fixtures, sagaOf } from './load';

const placeOrder = () => exampleSaga('PlaceOrderChoreography');
const fulfilment = () => exampleSaga('OrderFulfilment');
const reaction = (run: ChoreographyRunResult, participant: string, event: string) =>
  run.timeline.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.participant === participant && e.event === event);

describe('the choreographed order saga', () => {
  it('reaches OrderConfirmed on the happy path', () => {
    const run = simulateChoreography(placeOrder());
    expect(run.end).toBe('completed');
    expect(run.events).toEqual(['CreateOrder', 'OrderCreated', 'InventoryReserved', 'PaymentSucceeded', 'OrderConfirmed']);
    expect(run.held).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('plays the same firings as the flow analysis when nothing is injected', () => {
    const choreography = choreographyOf(placeOrder());
    const expected = runChoreography(choreography).firings.map((firing) => firing.reaction);
    expect(simulateChoreography(choreography).firings.map((firing) => firing.reaction)).toEqual(expected);
    const failing = runChoreography(choreography, (r) => (r.participant === 'Billing' ? 'failure' : 'success')).firings.map((firing) => firing.reaction);
    expect(simulateChoreography(choreography, { failReactions: [2] }).firings.map((firing) => firing.reaction)).toEqual(failing);
  });

  it('cancels the order and releases the inventory when the payment fails', () => {
    const run = simulateChoreography(placeOrder(), { failReactions: [2] });
    expect(run.end).toBe('compensated');
    expect(run.events).toEqual(['CreateOrder', 'OrderCreated', 'InventoryReserved', 'PaymentFailed', 'InventoryReleased', 'OrderCancelled']);
    expect(run.events).not.toContain('OrderConfirmed');
    // Sales reacts to PaymentFailed or InventoryReleased once only
    expect(run.firings.filter((firing) => firing.participant === 'Sales').map((firing) => firing.cause)).toEqual(['CreateOrder', 'PaymentFailed']);
    expect(reaction(run, 'Sales', 'InventoryReleased').map((e) => e.result)).toEqual(['ignored']);
    expect(run.held).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('reaches the same end in any delivery order', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const happy = simulateChoreography(placeOrder(), { reorder: true, seed });
      expect(happy.events.at(-1)).toBe('OrderConfirmed');
      const failed = simulateChoreography(placeOrder(), { reorder: true, seed, failReactions: [2] });
      expect(new Set(failed.events)).toEqual(new Set(['CreateOrder', 'OrderCreated', 'InventoryReserved', 'PaymentFailed', 'InventoryReleased', 'OrderCancelled']));
      expect(failed.ok).toBe(true);
    }
  });

  it('reports a compensation that is missing: the stock stays reserved', () => {
    const { model } = fixtures('choreography.ddd');
    const run = simulateChoreography(sagaOf(model, 'ForgetfulChoreography'), { failReactions: [2] });
    expect(run.end).toBe('compensated');
    expect(run.breaches.map((breach) => `${breach.kind} ${breach.participant}`)).toEqual(['left-held Inventory']);
    expect(run.held.map((held) => held.label)).toEqual(['Inventory on OrderCreated']);
  });

  it('reports a failure without `else`: nobody hears of it', () => {
    const run = simulateChoreography(placeOrder(), { failReactions: [1] });
    expect(run.end).toBe('stalled');
    expect(run.breaches.map((breach) => breach.kind)).toEqual(['silent-failure', 'left-held']);
    expect(run.breaches[0]!.participant).toBe('Inventory');
  });

  it('treats the refusal of the starting command as a rejection, not a breach', () => {
    const run = simulateChoreography(placeOrder(), { failReactions: [0] });
    expect(run.end).toBe('rejected');
    expect(run.events).toEqual(['CreateOrder']);
    expect(run.ok).toBe(true);
  });
});

describe('the fulfilment saga', () => {
  it('ships only after both InventoryReserved and PaymentProcessed', () => {
    const run = simulateChoreography(fulfilment());
    expect(run.end).toBe('completed');
    expect(run.events).toEqual(['PlaceOrder', 'OrderPlaced', 'InventoryReserved', 'PaymentProcessed', 'OrderShipped']);
    expect(reaction(run, 'Shipping', 'InventoryReserved').map((e) => e.result)).toEqual(['waiting']);
    expect(reaction(run, 'Shipping', 'InventoryReserved')[0]!.waitingFor).toEqual(['PaymentProcessed']);
    expect(reaction(run, 'Shipping', 'PaymentProcessed').map((e) => e.result)).toEqual(['fired']);
  });

  it('ships only after both, whatever the order of delivery', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const run = simulateChoreography(fulfilment(), { reorder: true, seed });
      const shipping = run.timeline.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.participant === 'Shipping');
      orders.add(shipping.map((e) => e.event).join(' '));
      const fired = shipping.findIndex((e) => e.result === 'fired');
      expect(new Set(shipping.slice(0, fired + 1).map((e) => e.event))).toEqual(new Set(['InventoryReserved', 'PaymentProcessed']));
      const shipped = run.timeline.findIndex((e) => e.kind === 'emit' && e.event === 'OrderShipped');
      const lastInput = run.timeline.findIndex((e) => e === shipping[fired]);
      expect(shipped).toBeGreaterThan(lastInput);
      expect(run.events.at(-1)).toBe('OrderShipped');
      expect(run.ok).toBe(true);
    }
    // both orders of arrival happen
    expect(orders).toEqual(new Set(['InventoryReserved PaymentProcessed', 'PaymentProcessed InventoryReserved']));
  });

  it('waits forever when the payment fails silently', () => {
    const run = simulateChoreography(fulfilment(), { failReactions: [2] });
    expect(run.end).toBe('stalled');
    expect(run.breaches.find((breach) => breach.kind === 'stalled-join')).toMatchObject({ participant: 'Shipping', missing: ['PaymentProcessed'] });
  });

  it('ships last when a message is delayed', () => {
    const run = simulateChoreography(fulfilment(), { delay: ['InventoryReserved'] });
    const shipping = run.timeline.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.participant === 'Shipping');
    expect(shipping.map((e) => `${e.event} ${e.result}`)).toEqual(['PaymentProcessed waiting', 'InventoryReserved fired']);
    expect(shipping[1]!.delayed).toBe(true);
  });
});

describe('at-least-once delivery', () => {
  it('reports a duplicate delivered to a reaction that is not idempotent', () => {
    const run = simulateChoreography(fulfilment(), { duplicate: ['PaymentProcessed'] });
    const harm = run.breaches.filter((breach) => breach.kind === 'duplicate-harm');
    expect(harm).toHaveLength(1);
    expect(harm[0]).toMatchObject({ participant: 'Shipping', event: 'PaymentProcessed' });
    expect(harm[0]!.message).toContain('Shipping on InventoryReserved and PaymentProcessed received PaymentProcessed twice');
    expect(reaction(run, 'Shipping', 'PaymentProcessed').map((e) => `${e.result}${e.duplicate ? ' (duplicate)' : ''}`)).toEqual(['fired', 'duplicate-reexecuted (duplicate)']);
    // OrderShipped is published again: the parcel ships twice
    expect(run.timeline.filter((e) => e.kind === 'emit' && e.event === 'OrderShipped').map((e) => (e.kind === 'emit' && e.again ? 'again' : 'first'))).toEqual(['first', 'again']);
    expect(run.ok).toBe(false);
  });

  it('lets a duplicate that arrives before the join fires do no harm', () => {
    const run = simulateChoreography(fulfilment(), { duplicate: ['InventoryReserved'] });
    expect(reaction(run, 'Shipping', 'InventoryReserved').map((e) => e.result)).toEqual(['waiting', 'duplicate-harmless']);
    expect(run.ok).toBe(true);
  });

  it('follows the harm downstream: work done twice publishes its events twice', () => {
    const run = simulateChoreography(placeOrder(), { duplicate: ['OrderCreated'] });
    expect(run.breaches.map((breach) => breach.participant)).toEqual(['Inventory', 'Billing', 'Sales']);
  });

  it('lets idempotent reactions ignore duplicates', () => {
    const { model } = fixtures('choreography.ddd');
    const saga = sagaOf(model, 'IdempotentFulfilment');
    for (const event of ['PlaceOrder', 'OrderPlaced', 'InventoryReserved', 'PaymentProcessed']) {
      for (let seed = 1; seed <= 10; seed++) {
        const run = simulateChoreography(saga, { duplicate: [event], reorder: true, seed });
        expect(run.ok).toBe(true);
        const duplicates = run.timeline.filter((e): e is DeliverEvent => e.kind === 'deliver' && e.duplicate);
        expect(duplicates.length).toBeGreaterThan(0);
        expect(duplicates.every((e) => e.result === 'duplicate-ignored' || e.result === 'duplicate-harmless')).toBe(true);
      }
    }
  });

  it('duplicates deliveries at random with a seed, reproducibly', () => {
    const a = simulateChoreography(placeOrder(), { duplicateRate: 0.5, reorder: true, seed: 11 });
    const b = simulateChoreography(placeOrder(), { duplicateRate: 0.5, reorder: true, seed: 11 });
    expect(a).toEqual(b);
    expect(a.timeline.some((e) => e.kind === 'deliver' && e.duplicate)).toBe(true);
  });
});

describe('stepping the bus', () => {
  it('delivers one message at a time and takes faults on the way', () => {
    const bus = new ChoreographySimulation(placeOrder());
    expect(bus.pendingDeliveries().map((d) => `${d.event} → ${d.reaction}`)).toEqual(['CreateOrder → 0']);
    expect(bus.step()).toMatchObject([{ kind: 'deliver', event: 'CreateOrder', result: 'fired', emitted: ['OrderCreated'] }, { kind: 'emit', event: 'OrderCreated' }]);
    bus.failReaction(2);
    bus.duplicateNext();
    const result = bus.runToEnd();
    expect(result.end).toBe('compensated');
    // OrderCreated reached Inventory twice: it reserved twice and published InventoryReserved again, and so on downstream
    expect(result.breaches[0]).toMatchObject({ kind: 'duplicate-harm', participant: 'Inventory', event: 'OrderCreated' });
    expect(result.breaches.every((breach) => breach.kind === 'duplicate-harm')).toBe(true);
    bus.reset();
    expect(bus.runToEnd().end).toBe('completed');
    expect(JSON.parse(JSON.stringify(bus.result()))).toEqual(bus.result());
  });
});

describe('exploring a choreography', () => {
  it('lists the outcomes of every failure and duplicate', () => {
    const exploration = exploreChoreography(placeOrder());
    const ends = new Set(exploration.outcomes.map((outcome) => outcome.end));
    expect(ends).toEqual(new Set(['completed', 'compensated', 'rejected', 'stalled']));
    const compensated = exploration.outcomes.find((outcome) => outcome.end === 'compensated' && outcome.breaches.length === 0)!;
    expect(compensated.events).toContain('OrderCancelled');
    expect(compensated.events).toContain('InventoryReleased');
    expect(exploration.outcomes.some((outcome) => outcome.breaches.some((breach) => breach.kind === 'duplicate-harm'))).toBe(true);
  });
});
