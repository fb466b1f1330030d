/** The simulator panel's session (kept by the extension): each action gives the next session and the request that shows it. */
import { describe, expect, test } from 'vitest';
import { crashPointAfter, faultForNext } from '../../src/language/simulation/index';
import { applySimulatorAction, emptySimulatorSession, simulatorRequest, type OrchestratedRun, type SimulatorSession } from '../../src/protocol/index';

const saga: SimulatorSession = { ...emptySimulatorSession, target: { kind: 'saga', name: 'OrderSaga' } };

/** A run as ddd/simulate returns it, reduced to what the session reads (with what the core says "fail next" and "crash here" inject). */
function run(fields: Partial<OrchestratedRun>): OrchestratedRun {
  const shown: OrchestratedRun = {
    style: 'orchestrated',
    saga: { name: 'OrderSaga', start: 'STARTED', completed: 'COMPLETED', failed: 'FAILED', steps: [], states: [] },
    step: 0,
    steps: 5,
    progress: { step: 1, steps: 4, compensations: 0 },
    maxRetries: 3,
    state: 'STARTED',
    done: false,
    crashed: false,
    nextText: '',
    timeline: [],
    journal: [],
    held: [],
    faults: [],
    crashes: [],
    verdict: { end: 'running', state: 'STARTED', states: [], compensations: [], commandsSent: 0, retries: 0, breaches: [], risks: [], ok: true },
    final: { end: 'completed', state: 'COMPLETED', states: [], compensations: [], commandsSent: 4, retries: 0, breaches: [], risks: [], ok: true },
    ...fields,
  };
  const failNext = faultForNext(shown.faults, shown.next);
  if (failNext) shown.failNext = failNext;
  const crashHere = crashPointAfter(shown.journal, shown.done, shown.crashed);
  if (crashHere) shown.crashHere = crashHere;
  return shown;
}

describe('stepping', () => {
  test('select starts a fresh session at the start; a stream is replayed', () => {
    const { session, request } = applySimulatorAction({ ...saga, faults: [{ target: 'step', step: 1 }], step: 3 }, { action: 'select', target: { kind: 'saga', name: 'Other' } });
    expect(session).toEqual({ ...emptySimulatorSession, target: { kind: 'saga', name: 'Other' } });
    expect(request).toEqual({ method: 'ddd/simulate', params: { saga: 'Other', steps: 0 } });
    expect(applySimulatorAction(saga, { action: 'select', target: { kind: 'stream', name: 'Banking.Account123' } }).request).toEqual({ method: 'ddd/replay', params: { stream: 'Banking.Account123' } });
  });

  test('step, back, run, step to: from the run shown, within the run', () => {
    expect(applySimulatorAction(saga, { action: 'step' }, run({ step: 2 })).session.step).toBe(3);
    expect(applySimulatorAction(saga, { action: 'step' }, run({ step: 5, done: true })).request).toBeUndefined();
    expect(applySimulatorAction(saga, { action: 'back' }, run({ step: 0 })).session.step).toBe(0);
    expect(applySimulatorAction(saga, { action: 'back' }, run({ step: 4 })).session.step).toBe(3);
    expect(applySimulatorAction(saga, { action: 'run' }, run({})).request).toEqual({ method: 'ddd/simulate', params: { saga: 'OrderSaga' } });
    expect(applySimulatorAction(saga, { action: 'stepTo', step: 99 }, run({ steps: 7 })).session.step).toBe(7);
  });

  test('reset keeps the injections; reset with clear drops them', () => {
    const injected: SimulatorSession = { ...saga, faults: [{ target: 'step', step: 2 }], step: 4 };
    expect(applySimulatorAction(injected, { action: 'reset' }).session).toEqual({ ...injected, step: 0 });
    expect(applySimulatorAction(injected, { action: 'reset', clear: true }).session).toEqual({ ...saga, step: 0 });
  });
});

describe('injections', () => {
  test('failStep toggles a fault; another number of attempts replaces it', () => {
    let session = applySimulatorAction(saga, { action: 'failStep', target: 'step', step: 2 }, run({ step: 1 })).session;
    expect(session.faults).toEqual([{ target: 'step', step: 2 }]);
    expect(session.step).toBe(1);
    session = applySimulatorAction(session, { action: 'failStep', target: 'step', step: 2, attempts: 'always' }).session;
    expect(session.faults).toEqual([{ target: 'step', step: 2, attempts: 'always' }]);
    session = applySimulatorAction(session, { action: 'failStep', target: 'step', step: 2, attempts: 'always' }).session;
    expect(session.faults).toEqual([]);
    session = applySimulatorAction(session, { action: 'failStep', target: 'compensation', step: 1 }).session;
    expect(simulatorRequest(session)).toEqual({ method: 'ddd/simulate', params: { saga: 'OrderSaga', faults: [{ target: 'compensation', step: 1 }], steps: 1 } });
  });

  test('crashAfter toggles a crash point', () => {
    const on = applySimulatorAction(saga, { action: 'crashAfter', target: 'step', step: 1, when: 'after-journal' }).session;
    expect(on.crashes).toEqual([{ target: 'step', step: 1, when: 'after-journal' }]);
    expect(applySimulatorAction(on, { action: 'crashAfter', target: 'step', step: 1, when: 'after-journal' }).session.crashes).toEqual([]);
    expect(applySimulatorAction(on, { action: 'crashAfter', target: 'step', step: 1, when: 'before-journal' }).session.crashes).toHaveLength(2);
  });

  test('failNext fails the next command (on its attempt) and plays it', () => {
    const next = run({ step: 2, next: { kind: 'command', target: 'step', step: 2, command: 'ProcessPayment', attempt: 1 } });
    const update = applySimulatorAction({ ...saga, step: 2 }, { action: 'failNext' }, next);
    expect(update.session).toMatchObject({ faults: [{ target: 'step', step: 2 }], step: 3 });
    // a retry: attempts 1 and 2 fail
    const retry = run({ step: 4, faults: [{ target: 'step', step: 3 }], next: { kind: 'command', target: 'step', step: 3, command: 'ConfirmOrder', attempt: 2 } });
    expect(applySimulatorAction({ ...saga, faults: [{ target: 'step', step: 3 }] }, { action: 'failNext' }, retry).session.faults).toEqual([{ target: 'step', step: 3, attempts: 2 }]);
    // nothing to fail at the end
    expect(applySimulatorAction(saga, { action: 'failNext' }, run({ next: { kind: 'end', outcome: 'completed' } })).request).toBeUndefined();
  });

  test('crashHere crashes after the last journal entry (or at the start)', () => {
    expect(applySimulatorAction(saga, { action: 'crashHere' }, run({})).session.crashes).toEqual([{ target: 'start', when: 'after-journal' }]);
    const later = run({ step: 3, journal: [{ seq: 1, type: 'step-done', step: 0, command: 'CreateOrder', attempt: 1, state: 'ORDER_CREATED' }, { seq: 2, type: 'compensation-failed', step: 0, command: 'CancelOrder', attempt: 2, state: 'X' }] });
    const update = applySimulatorAction({ ...saga, step: 3 }, { action: 'crashHere' }, later);
    expect(update.session.crashes).toEqual([{ target: 'compensation', step: 0, attempt: 2, when: 'after-journal' }]);
    expect(update.session.step).toBe(3);
    expect(applySimulatorAction(saga, { action: 'crashHere' }, run({ crashed: true })).request).toBeUndefined();
    expect(applySimulatorAction(saga, { action: 'crashHere' }, run({ done: true })).request).toBeUndefined();
  });

  test('a scenario from a table replays to the end', () => {
    const update = applySimulatorAction(saga, { action: 'scenario', faults: [{ target: 'step', step: 1 }], crashes: [] });
    expect(update.request).toEqual({ method: 'ddd/simulate', params: { saga: 'OrderSaga', faults: [{ target: 'step', step: 1 }] } });
  });

  test('choreography: failing reactions, duplicated and delayed events, reordering', () => {
    const bus: SimulatorSession = { ...emptySimulatorSession, target: { kind: 'saga', name: 'Bus' } };
    let session = applySimulatorAction(bus, { action: 'failReaction', reaction: 3 }).session;
    session = applySimulatorAction(session, { action: 'failReaction', reaction: 1 }).session;
    session = applySimulatorAction(session, { action: 'duplicate', event: 'PaymentFailed' }).session;
    session = applySimulatorAction(session, { action: 'reorder', enabled: true, seed: 5 }).session;
    expect(session.injections).toEqual({ failReactions: [1, 3], duplicate: ['PaymentFailed'], reorder: true, seed: 5 });
    session = applySimulatorAction(session, { action: 'duplicate', event: 'PaymentFailed' }).session;
    session = applySimulatorAction(session, { action: 'reorder', enabled: false }).session;
    expect(session.injections).toEqual({ failReactions: [1, 3] });
    expect(simulatorRequest(session)).toEqual({ method: 'ddd/simulate', params: { saga: 'Bus', choreography: { failReactions: [1, 3] }, steps: 0 } });
  });
});

test('explore and bulk ask for many runs, for a saga only', () => {
  expect(applySimulatorAction(saga, { action: 'explore' }).request).toEqual({ method: 'ddd/explore', params: { saga: 'OrderSaga' } });
  expect(applySimulatorAction(saga, { action: 'bulk', runs: 100, seed: 3, failureRate: 0.2 }).request).toEqual({ method: 'ddd/bulk', params: { saga: 'OrderSaga', runs: 100, seed: 3, failureRates: 0.2 } });
  expect(applySimulatorAction({ ...emptySimulatorSession, target: { kind: 'stream', name: 'S' } }, { action: 'explore' }).request).toBeUndefined();
  expect(applySimulatorAction(emptySimulatorSession, { action: 'step' }).request).toBeUndefined();
});
