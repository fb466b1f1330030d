import { describe, expect, it } from 'vitest';
import { orchestrationOf } from '../../src/language/sagas/orchestration';
import {
  compileSaga,
  pathText,
  OrchestratedSimulation,
  simulateOrchestration,
  type CrashPoint,
  type RunResult,
} from '../../src/language/simulation/index';
import { exampleSaga, fixtures, sagaOf } from './load';

const order = () => exampleSaga('OrderSaga');
const step = (name: string) => compileSaga(order()).commands.indexOf(name);
const commands = (result: RunResult) => result.timeline.flatMap((event) => (event.kind === 'command' ? [event.command] : []));

describe('the seed\'s order saga, one run', () => {
  it('passes exactly STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_DONE → COMPLETED on the happy path', () => {
    const run = simulateOrchestration(order());
    expect(run.states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_DONE', 'COMPLETED']);
    expect(pathText(run)).toBe('STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_DONE → COMPLETED');
    expect(run.end).toBe('completed');
    expect(run.compensations).toEqual([]);
    expect(commands(run)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ConfirmOrder']);
    expect(run.held).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('writes the journal after every step', () => {
    const run = simulateOrchestration(order());
    expect(run.journal.map((entry) => `${entry.type} ${entry.command ?? entry.outcome} ${entry.state}`)).toEqual([
      'step-done CreateOrder ORDER_CREATED',
      'step-done ReserveInventory INV_RESERVED',
      'step-done ProcessPayment PAYMENT_DONE',
      'step-done ConfirmOrder COMPLETED',
      'end completed COMPLETED',
    ]);
  });

  it('compensates a payment failure in reverse order: ReleaseInventory, then CancelOrder', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: step('ProcessPayment') }] });
    expect(run.states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_FAILED', 'INV_RELEASED', 'FAILED']);
    expect(pathText(run)).toBe('STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_FAILED → (ReleaseInventory) INV_RELEASED → (CancelOrder) FAILED');
    expect(run.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(run.end).toBe('failed');
    expect(run.failedStep).toBe(step('ProcessPayment'));
    expect(run.held).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('compensates only the order when the inventory fails', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: step('ReserveInventory') }] });
    expect(pathText(run)).toBe('STARTED → ORDER_CREATED → (CancelOrder) FAILED');
    expect(run.compensations).toEqual(['CancelOrder']);
    expect(commands(run)).toEqual(['CreateOrder', 'ReserveInventory', 'CancelOrder']);
    expect(run.ok).toBe(true);
  });

  it('needs no compensation when the first step fails', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: 0 }] });
    expect(run.states).toEqual(['STARTED', 'FAILED']);
    expect(run.compensations).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('retries a ConfirmOrder failure (after the pivot) and never compensates it', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: step('ConfirmOrder'), attempts: 2 }] });
    expect(run.end).toBe('completed');
    expect(run.compensations).toEqual([]);
    expect(run.retries).toBe(2);
    expect(commands(run)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ConfirmOrder', 'ConfirmOrder', 'ConfirmOrder']);
    expect(pathText(run)).toBe('STARTED → ORDER_CREATED → INV_RESERVED → PAYMENT_DONE → (retry ConfirmOrder) COMPLETED');
    expect(run.ok).toBe(true);
  });

  it('reports a run stuck when ConfirmOrder keeps failing past the retries', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: step('ConfirmOrder'), attempts: 'always' }], maxRetries: 2 });
    expect(run.end).toBe('stuck');
    expect(run.state).toBe('PAYMENT_DONE');
    expect(run.compensations).toEqual([]);
    expect(commands(run).filter((command) => command === 'ConfirmOrder')).toHaveLength(3);
    expect(run.breaches.map((breach) => breach.kind)).toEqual(['not-terminal', 'left-held', 'left-held', 'left-held']);
    expect(run.breaches[0]!.command).toBe('ConfirmOrder');
    expect(run.held.map((held) => held.label)).toEqual(['CreateOrder on Sales', 'ReserveInventory on Inventory', 'ProcessPayment on Billing']);
    expect(pathText(run)).toContain('[stuck: ConfirmOrder failed 3 times]');
    expect(run.ok).toBe(false);
  });

  it('retries a failed compensation; one that never succeeds leaves the saga stuck with the order held', () => {
    const payment = { target: 'step' as const, step: step('ProcessPayment') };
    const once = simulateOrchestration(order(), { faults: [payment, { target: 'compensation', step: step('ReserveInventory') }] });
    expect(once.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(commands(once)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ReleaseInventory', 'ReleaseInventory', 'CancelOrder']);
    expect(once.ok).toBe(true);
    const never = simulateOrchestration(order(), { faults: [payment, { target: 'compensation', step: step('CreateOrder'), attempts: 'always' }] });
    expect(never.end).toBe('stuck');
    expect(never.compensations).toEqual(['ReleaseInventory']);
    expect(never.held.map((held) => held.command)).toEqual(['CreateOrder']);
    expect(never.breaches.map((breach) => `${breach.kind} ${breach.command}`)).toEqual(['not-terminal CancelOrder', 'left-held CreateOrder']);
  });

  it('holds each step\'s effect until it is compensated or the saga completes', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: step('ProcessPayment') }] });
    const held = run.timeline.flatMap((event) => (event.kind === 'command' ? [`${event.command}: ${event.held.join(',')}`] : []));
    expect(held).toEqual(['CreateOrder: 0', 'ReserveInventory: 0,1', 'ProcessPayment: 0,1', 'ReleaseInventory: 0', 'CancelOrder: ']);
  });

  it('leaves nothing held after a read-only step (`compensate none`) and compensates around it', () => {
    const { model } = fixtures('sagas.ddd');
    const quick = sagaOf(model, 'QuickOrder');
    const run = simulateOrchestration(quick, { faults: [{ target: 'step', step: 3 }] });
    expect(run.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(run.timeline.find((event) => event.kind === 'command' && event.command === 'CheckStock' && event.held.includes(1))).toBeUndefined();
    expect(run.ok).toBe(true);
  });

  it('finds the step a missing compensation leaves behind', () => {
    const { model } = fixtures('missing-compensation.ddd');
    const run = simulateOrchestration(sagaOf(model, 'LeakySaga'), { faults: [{ target: 'step', step: 3 }] });
    expect(run.end).toBe('failed');
    expect(run.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(run.breaches.map((breach) => `${breach.kind} ${breach.command}`)).toEqual(['not-undone NotifyWarehouse']);
    expect(run.held.map((held) => held.command)).toEqual(['NotifyWarehouse']);
  });
});

describe('agreement with the saga\'s state machine', () => {
  it('draws the same path from the journal as from the timeline', () => {
    const scenarios = [[], [{ target: 'step' as const, step: 2 }], [{ target: 'step' as const, step: 3, attempts: 2 }], [{ target: 'step' as const, step: 2 }, { target: 'compensation' as const, step: 0 }], [{ target: 'step' as const, step: 3, attempts: 'always' as const }]];
    for (const faults of scenarios) {
      const run = simulateOrchestration(order(), { faults });
      expect(pathText({ ...run, timeline: [] })).toBe(pathText(run));
      expect(simulateOrchestration(order(), { faults }, false).timeline).toEqual([]);
    }
  });

  it('passes the failure path orchestrationOf describes, for every step of every saga', () => {
    const { model } = fixtures('sagas.ddd', 'missing-compensation.ddd');
    const sagas = [order(), ...model.sagas.filter((saga) => saga.style === 'orchestrated')];
    for (const saga of sagas) {
      const orchestration = orchestrationOf(saga);
      for (const failing of orchestration.steps) {
        const run = simulateOrchestration(saga, { faults: [{ target: 'step', step: failing.index }] });
        const before = orchestration.happyPath.slice(0, failing.index + 1);
        const expected = failing.onFailure.mode === 'retry' ? orchestration.happyPath : [...before, ...failing.onFailure.states.slice(1)];
        expect(run.states, `${saga.name}: ${failing.command} fails`).toEqual(expected);
        expect(run.compensations).toEqual(failing.onFailure.mode === 'retry' ? [] : failing.onFailure.compensations.map((c) => c.command));
      }
    }
  });
});

describe('crash and resume from the journal', () => {
  const scenarios = [
    { name: 'the happy path', faults: [] },
    { name: 'a payment failure', faults: [{ target: 'step' as const, step: 2 }] },
    { name: 'an inventory failure', faults: [{ target: 'step' as const, step: 1 }] },
    { name: 'a ConfirmOrder failure', faults: [{ target: 'step' as const, step: 3 }] },
    { name: 'a payment failure and a failing ReleaseInventory', faults: [{ target: 'step' as const, step: 2 }, { target: 'compensation' as const, step: 1 }] },
  ];
  for (const scenario of scenarios) {
    it(`ends in the same state after a crash at any point of ${scenario.name}`, () => {
      const plain = simulateOrchestration(order(), { faults: scenario.faults });
      let crashes = 0;
      for (const entry of plain.journal) {
        for (const when of ['after-journal', 'before-journal'] as const) {
          const crash: CrashPoint = entry.type === 'end' ? { target: 'end', when } : { target: entry.type.startsWith('step') ? 'step' : 'compensation', step: entry.step!, attempt: entry.attempt!, when };
          const run = simulateOrchestration(order(), { faults: scenario.faults, crashes: [crash] });
          crashes++;
          expect(run.timeline.some((event) => event.kind === 'crash')).toBe(true);
          expect(run.timeline.some((event) => event.kind === 'resume')).toBe(true);
          expect(run.end).toBe(plain.end);
          expect(run.state).toBe(plain.state);
          expect(run.states).toEqual(plain.states);
          expect(run.compensations).toEqual(plain.compensations);
          expect(run.held).toEqual(plain.held);
          expect(run.breaches).toEqual([]);
        }
      }
      expect(crashes).toBe(2 * plain.journal.length);
    });
  }

  it('resumes after the entry of each step without sending anything twice', () => {
    for (let k = 0; k < 4; k++) {
      const run = simulateOrchestration(order(), { crashes: [{ target: 'step', step: k, when: 'after-journal' }] });
      expect(commands(run)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ConfirmOrder']);
      expect(run.risks).toEqual([]);
      const resume = run.timeline.find((event) => event.kind === 'resume');
      expect(resume).toMatchObject({ journalLength: k + 1, state: run.states[k + 1] });
    }
  });

  it('re-sends the command of a step whose journal entry was lost: a risk unless the step is idempotent', () => {
    const crash: CrashPoint = { target: 'step', step: 2, when: 'before-journal' };
    const risky = simulateOrchestration(order(), { crashes: [crash] });
    expect(commands(risky)).toEqual(['CreateOrder', 'ReserveInventory', 'ProcessPayment', 'ProcessPayment', 'ConfirmOrder']);
    expect(risky.risks).toMatchObject([{ kind: 'resend-not-idempotent', command: 'ProcessPayment', target: 'step', step: 2 }]);
    expect(risky.timeline.find((event) => event.kind === 'command' && event.resent)).toMatchObject({ duplicate: 're-executed' });
    expect(risky.ok).toBe(true);

    const { model } = fixtures('sagas.ddd');
    const safe = simulateOrchestration(sagaOf(model, 'IdempotentOrder'), { crashes: [crash] });
    expect(safe.risks).toEqual([]);
    expect(safe.timeline.find((event) => event.kind === 'command' && event.resent)).toMatchObject({ duplicate: 'ignored' });
    expect(safe.states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_DONE', 'COMPLETED']);
  });

  it('gets the same answer to a re-sent failed command, so the saga still compensates', () => {
    const run = simulateOrchestration(order(), { faults: [{ target: 'step', step: 2 }], crashes: [{ target: 'step', step: 2, when: 'before-journal' }] });
    expect(run.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    expect(run.end).toBe('failed');
  });

  it('survives several crashes in one run', () => {
    const run = simulateOrchestration(order(), {
      faults: [{ target: 'step', step: 2 }],
      crashes: [
        { target: 'start', when: 'after-journal' },
        { target: 'step', step: 0, when: 'after-journal' },
        { target: 'step', step: 2, when: 'before-journal' },
        { target: 'compensation', step: 1, when: 'after-journal' },
        { target: 'end', when: 'before-journal' },
      ],
    });
    expect(run.timeline.filter((event) => event.kind === 'crash')).toHaveLength(5);
    expect(run.states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_FAILED', 'INV_RELEASED', 'FAILED']);
    expect(run.ok).toBe(true);
  });
});

describe('the stepping API', () => {
  it('steps, injects a failure and a crash, and resets', () => {
    const run = new OrchestratedSimulation(order());
    expect(run.state).toBe('STARTED');
    expect(run.next()).toEqual({ kind: 'command', target: 'step', step: 0, command: 'CreateOrder', participant: 'Sales', attempt: 1 });
    expect(run.step()).toMatchObject([{ kind: 'command', command: 'CreateOrder', from: 'STARTED', to: 'ORDER_CREATED', outcome: 'success' }]);
    run.step();
    expect(run.state).toBe('INV_RESERVED');
    expect(run.held.map((held) => held.command)).toEqual(['CreateOrder', 'ReserveInventory']);
    expect(run.failNext()).toBe(true);
    expect(run.step()).toMatchObject([{ command: 'ProcessPayment', outcome: 'failure', to: 'PAYMENT_FAILED' }]);
    expect(run.crashHere()).toBe(true);
    expect(run.crashed).toBe(true);
    expect(run.next()).toEqual({ kind: 'resume' });
    expect(run.step()).toMatchObject([{ kind: 'resume', journalLength: 3, state: 'PAYMENT_FAILED', next: 'send ReleaseInventory to Inventory' }]);
    expect(run.next()).toMatchObject({ kind: 'command', target: 'compensation', command: 'ReleaseInventory' });
    const result = run.runToEnd();
    expect(run.done).toBe(true);
    expect(result.states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_FAILED', 'INV_RELEASED', 'FAILED']);
    expect(result.faults).toEqual([{ target: 'step', step: 2 }]);
    expect(result.crashes).toEqual([{ target: 'step', step: 2, attempt: 1, when: 'after-journal' }]);
    expect(run.step()).toEqual([]);

    // the same faults and crash, given up front, give the same run
    const replayed = simulateOrchestration(order(), { faults: result.faults, crashes: result.crashes });
    expect(replayed.timeline).toEqual(result.timeline);

    run.reset();
    expect(run.state).toBe('STARTED');
    expect(run.timeline).toEqual([]);
    expect(run.journal).toEqual([]);
    expect(run.runToEnd().end).toBe('completed');
  });

  it('crashes during the next command, before its journal entry', () => {
    const run = new OrchestratedSimulation(order());
    run.step();
    expect(run.crashNext()).toBe(true);
    run.step();
    expect(run.crashed).toBe(true);
    expect(run.journal).toHaveLength(1);
    const result = run.runToEnd();
    expect(result.risks.map((risk) => risk.command)).toEqual(['ReserveInventory']);
    expect(result.end).toBe('completed');
  });

  it('reports the run so far as running', () => {
    const run = new OrchestratedSimulation(order());
    run.step();
    const partial = run.result();
    expect(partial.end).toBe('running');
    expect(partial.breaches.map((breach) => breach.kind)).toContain('not-terminal');
  });

  it('gives snapshots that are plain data', () => {
    const run = new OrchestratedSimulation(order(), { faults: [{ target: 'step', step: 1 }] });
    run.step();
    run.crashHere();
    run.step();
    run.step();
    const snapshot = run.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.saga.steps.map((s) => s.role)).toEqual(['compensatable', 'compensatable', 'pivot', 'retriable']);
    expect(snapshot.nextText).toBe('send CancelOrder to Sales');
  });
});
