import { describe, expect, it } from 'vitest';
import type { Saga } from '../../src/language/model/elements';
import { orchestrationOf, pivotOf, type Orchestration } from '../../src/language/sagas/orchestration';
import { screamingSnake } from '../../src/language/sagas/state-names';
import { check, fixture } from '../helpers';

function sagasOf(text: string, withShop = true): Map<string, Saga> {
  const files: Record<string, string> = { 'sagas.ddd': text };
  if (withShop) files['shop.ddd'] = fixture('sagas/shop.ddd');
  return new Map(check(files).model.sagas.map((saga) => [saga.name, saga]));
}

function orchestration(name: string, text = fixture('sagas/order-saga.ddd')): Orchestration {
  return orchestrationOf(sagasOf(text).get(name)!);
}

/** A failure path as `STATE (Command) STATE …`, the way the sketch writes it. */
function pathOf(o: Orchestration, command: string): string {
  const step = o.steps.find((s) => s.command === command)!;
  const path = step.onFailure;
  const parts = [path.from];
  if (path.failureState) parts.push(path.failureState);
  for (const run of path.compensations) parts.push(`(${run.command}) ${run.to}`);
  if (!path.compensations.length && path.mode === 'compensate' && parts[parts.length - 1] !== path.end) parts.push(path.end);
  return parts.join(' → ');
}

describe('OrderSaga (the seed\'s orchestrator, explicit states)', () => {
  const o = orchestration('OrderSaga');

  it('runs the happy path through the named states', () => {
    expect(o.start).toBe('STARTED');
    expect(o.startExplicit).toBe(true);
    expect(o.happyPath).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_DONE', 'COMPLETED']);
    expect(o.completed).toBe('COMPLETED');
    expect(o.failed).toBe('FAILED');
    expect(o.orchestrator).toBe('Sales');
  });

  it('lists the steps with participant, reply and compensation', () => {
    expect(o.steps.map((s) => [s.command, s.participant, s.reply ?? null, s.compensation?.command ?? null])).toEqual([
      ['CreateOrder', 'Sales', 'OrderCreated', 'CancelOrder'],
      ['ReserveInventory', 'Inventory', 'InventoryReserved', 'ReleaseInventory'],
      ['ProcessPayment', 'Billing', 'PaymentProcessed', null],
      ['ConfirmOrder', 'Sales', null, null],
    ]);
    expect(o.steps[2]!.failureState).toBe('PAYMENT_FAILED');
    expect(o.steps[0]!.failureState).toBeUndefined();
  });

  it('finds the pivot: ProcessPayment', () => {
    expect(o.pivot).toBe(2);
    expect(o.steps.map((s) => s.role)).toEqual(['compensatable', 'compensatable', 'pivot', 'retriable']);
  });

  it('compensates in reverse order when ProcessPayment fails', () => {
    expect(pathOf(o, 'ProcessPayment')).toBe('INV_RESERVED → PAYMENT_FAILED → (ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED');
    expect(o.steps[2]!.onFailure.states).toEqual(['INV_RESERVED', 'PAYMENT_FAILED', 'INV_RELEASED', 'FAILED']);
  });

  it('undoes only CreateOrder when ReserveInventory fails', () => {
    expect(pathOf(o, 'ReserveInventory')).toBe('ORDER_CREATED → (CancelOrder) FAILED');
    expect(o.steps[1]!.onFailure.transitions).toEqual([
      { from: 'ORDER_CREATED', to: 'FAILED', trigger: 'compensation', command: 'CancelOrder', step: 0, failedStep: 1 },
    ]);
  });

  it('fails straight away when CreateOrder fails', () => {
    expect(o.steps[0]!.onFailure).toMatchObject({ mode: 'compensate', states: ['STARTED', 'FAILED'], compensations: [], end: 'FAILED' });
    expect(o.steps[0]!.onFailure.transitions).toEqual([{ from: 'STARTED', to: 'FAILED', trigger: 'failure', command: 'CreateOrder', step: 0 }]);
  });

  it('retries ConfirmOrder, after the pivot, and never compensates it', () => {
    const path = o.steps[3]!.onFailure;
    expect(path.mode).toBe('retry');
    expect(path.compensations).toEqual([]);
    expect(path.end).toBe('COMPLETED');
    expect(path.transitions).toEqual([{ from: 'PAYMENT_DONE', to: 'PAYMENT_DONE', trigger: 'retry', command: 'ConfirmOrder', step: 3 }]);
  });

  it('lists every transition once', () => {
    const edges = o.transitions.map((t) => `${t.from} -${t.trigger}:${t.command ?? '-'}-> ${t.to}`);
    expect(edges).toEqual([
      'STARTED -success:CreateOrder-> ORDER_CREATED',
      'ORDER_CREATED -success:ReserveInventory-> INV_RESERVED',
      'INV_RESERVED -success:ProcessPayment-> PAYMENT_DONE',
      'PAYMENT_DONE -success:ConfirmOrder-> COMPLETED',
      'STARTED -failure:CreateOrder-> FAILED',
      'ORDER_CREATED -compensation:CancelOrder-> FAILED',
      'INV_RESERVED -failure:ProcessPayment-> PAYMENT_FAILED',
      'PAYMENT_FAILED -compensation:ReleaseInventory-> INV_RELEASED',
      'INV_RELEASED -compensation:CancelOrder-> FAILED',
      'PAYMENT_DONE -retry:ConfirmOrder-> PAYMENT_DONE',
    ]);
  });

  it('gives every state one meaning, all reachable, two terminal', () => {
    expect(o.states.map((s) => s.name)).toEqual(['STARTED', 'ORDER_CREATED', 'FAILED', 'INV_RESERVED', 'INV_RELEASED', 'PAYMENT_DONE', 'PAYMENT_FAILED', 'COMPLETED']);
    for (const state of o.states) expect(state.reachable).toBe(true);
    expect(o.states.filter((s) => s.terminal).map((s) => s.name)).toEqual(['FAILED', 'COMPLETED']);
    expect(o.states.find((s) => s.name === 'INV_RELEASED')!.meanings).toMatchObject([{ role: 'compensation', step: 1 }]);
  });
});

describe('QuickOrder (derived states, a read-only step)', () => {
  const o = orchestration('QuickOrder');

  it('derives the states from the replies, STARTED and COMPLETED', () => {
    expect(o.startExplicit).toBe(false);
    expect(o.happyPath).toEqual(['STARTED', 'ORDER_CREATED', 'STOCK_CHECKED', 'INVENTORY_RESERVED', 'PAYMENT_PROCESSED', 'COMPLETED']);
  });

  it('treats `compensate none` as read-only: neither a breach nor the pivot', () => {
    expect(o.steps[1]!.role).toBe('read-only');
    expect(o.steps[1]!.compensation).toEqual({ none: true, stateExplicit: false, runs: false });
    expect(o.pivot).toBe(3);
    expect(o.steps.map((s) => s.role)).toEqual(['compensatable', 'read-only', 'compensatable', 'pivot', 'retriable']);
  });

  it('runs ReleaseInventory then CancelOrder when ProcessPayment fails; CheckStock needs nothing', () => {
    const path = o.steps[3]!.onFailure;
    expect(path.compensations.map((c) => c.command)).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(path.notUndone).toEqual([]);
    expect(path.states).toEqual(['INVENTORY_RESERVED', 'RELEASE_INVENTORY_DONE', 'FAILED']);
    expect(o.steps[2]!.compensation!.state).toBe('RELEASE_INVENTORY_DONE');
    expect(o.steps[0]!.compensation!.state).toBe('FAILED');
  });
});

describe('state names', () => {
  it('are SCREAMING_SNAKE_CASE', () => {
    expect(screamingSnake('OrderCreated')).toBe('ORDER_CREATED');
    expect(screamingSnake('Sales.OrderCreated')).toBe('ORDER_CREATED');
    expect(screamingSnake('HTTPCallMade')).toBe('HTTP_CALL_MADE');
    expect(screamingSnake('Step2Done')).toBe('STEP2_DONE');
  });

  it('fall back to COMMAND_DONE without a reply, and stay unique', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      step CreateOrder on Sales compensate CancelOrder
      step ReserveInventory on Inventory reply OrderCreated compensate ReleaseInventory
      step Audit on Sales reply OrderCreated compensate none
      step ProcessPayment on Billing
    }`).get('S')!);
    expect(o.happyPath).toEqual(['STARTED', 'CREATE_ORDER_DONE', 'ORDER_CREATED', 'ORDER_CREATED_2', 'COMPLETED']);
    expect(o.states.every((s) => s.meanings.length === 1 || new Set(s.meanings.map((m) => m.role)).size === 1)).toBe(true);
  });

  it('name the terminal failure state after the compensation that ends every failure path', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      start NEW
      step CreateOrder on Sales compensate CancelOrder -> CANCELLED
      step ProcessPayment on Billing -> PAID
    }`).get('S')!);
    expect(o.failed).toBe('CANCELLED');
    expect(o.completed).toBe('PAID');
    expect(o.happyPath).toEqual(['NEW', 'CREATE_ORDER_DONE', 'PAID']);
    expect(o.steps[1]!.onFailure.states).toEqual(['CREATE_ORDER_DONE', 'CANCELLED']);
  });
});

describe('failure handling', () => {
  it('leaves a step before the pivot without compensation undone', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      step CreateOrder on Sales
      step ReserveInventory on Inventory compensate ReleaseInventory
      step ProcessPayment on Billing
    }`).get('S')!);
    expect(o.steps[0]!.role).toBe('irreversible');
    expect(o.pivot).toBe(2);
    expect(o.steps[2]!.onFailure.notUndone).toEqual([0]);
    expect(o.steps[2]!.onFailure.compensations.map((c) => c.command)).toEqual(['ReleaseInventory']);
  });

  it('has no pivot when the last step has a compensation, which then never runs', () => {
    const saga = sagasOf(`saga S orchestrated by Sales {
      step CreateOrder on Sales compensate CancelOrder
      step ReserveInventory on Inventory compensate ReleaseInventory -> RELEASED
    }`).get('S')!;
    expect(pivotOf(saga.steps)).toBeUndefined();
    const o = orchestrationOf(saga);
    expect(o.steps[1]!.compensation).toMatchObject({ command: 'ReleaseInventory', runs: false, state: 'RELEASED' });
    expect(o.states.find((s) => s.name === 'RELEASED')!.reachable).toBe(false);
    expect(o.steps[1]!.onFailure.compensations.map((c) => c.command)).toEqual(['CancelOrder']);
  });

  it('goes from an explicit failure state to the terminal one when nothing is left to undo', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      step CreateOrder on Sales fails -> REJECTED compensate CancelOrder
      step ProcessPayment on Billing
    }`).get('S')!);
    expect(o.steps[0]!.onFailure.transitions).toEqual([
      { from: 'STARTED', to: 'REJECTED', trigger: 'failure', command: 'CreateOrder', step: 0 },
      { from: 'REJECTED', to: 'FAILED', trigger: 'compensation', step: 0, failedStep: 0 },
    ]);
  });

  it('retries from an explicit failure state into the success state', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      step ProcessPayment on Billing
      step ConfirmOrder on Sales fails -> CONFIRM_PENDING idempotent
    }`).get('S')!);
    expect(o.pivot).toBe(0);
    expect(o.steps[1]!.idempotent).toBe(true);
    expect(o.steps[1]!.onFailure).toMatchObject({ mode: 'retry', states: ['PROCESS_PAYMENT_DONE', 'CONFIRM_PENDING', 'COMPLETED'] });
    expect(o.steps[1]!.onFailure.transitions.map((t) => [t.from, t.trigger, t.to])).toEqual([
      ['PROCESS_PAYMENT_DONE', 'failure', 'CONFIRM_PENDING'],
      ['CONFIRM_PENDING', 'retry', 'COMPLETED'],
    ]);
  });

  it('records a name that means two things', () => {
    const o = orchestrationOf(sagasOf(`saga S orchestrated by Sales {
      step CreateOrder on Sales -> FAILED compensate CancelOrder
      step ProcessPayment on Billing
    }`).get('S')!);
    expect(o.states.find((s) => s.name === 'FAILED')!.meanings.map((m) => m.role).sort()).toEqual(['failed', 'success']);
  });

  it('handles a saga with no steps', () => {
    const o = orchestrationOf(sagasOf('saga S orchestrated by Sales { }').get('S')!);
    expect(o.steps).toEqual([]);
    expect(o.transitions).toEqual([]);
    expect(o.happyPath).toEqual(['STARTED']);
  });
});
