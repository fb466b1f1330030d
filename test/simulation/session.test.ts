/**
 * Simulation sessions: a run computed once and cut after any action gives the
 * same run as playing it again from the start and stopping there (what the
 * server did before), for every saga of the examples and fixtures and every
 * outcome their exploration finds; stepping through a run computes it once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectEqual } from '../helpers';
import type { Saga } from '../../src/language/model/elements';
import { Orchestrator } from '../../src/language/simulation/engine';
import {
  ChoreographySession,
  ChoreographySimulation,
  choreographyOptions,
  choreographyVerdictOf,
  explorationSummary,
  OrchestratedSession,
  OrchestratedSimulation,
  SimulationSessions,
  simulateOrchestration,
  startSession,
  verdictOf,
  type ChoreographedRun,
  type OrchestratedRun,
  type SagaInjections,
  type SimulationRun,
} from '../../src/language/simulation/index';
import { exampleSaga, exampleWorkspace, fixtures } from './load';

const limit = 100_000;

/** The run as the server computed it before sessions: a fresh run stepped k times, the rest of it played for its length, and the whole run again for the final verdict. */
function replayedOrchestrated(saga: Saga, injections: SagaInjections, k: number | undefined): Omit<OrchestratedRun, 'progress' | 'maxRetries'> {
  const options = { faults: injections.faults ?? [], crashes: injections.crashes ?? [], ...(injections.maxRetries !== undefined ? { maxRetries: injections.maxRetries } : {}) };
  const simulation = new OrchestratedSimulation(saga, options);
  const wanted = Math.min(k ?? limit, limit);
  let played = 0;
  while (played < wanted && simulation.next() !== undefined) {
    simulation.step();
    played++;
  }
  const snapshot = simulation.snapshot();
  let steps = played;
  while (steps < limit && simulation.next() !== undefined) {
    simulation.step();
    steps++;
  }
  const run: Omit<OrchestratedRun, 'progress' | 'maxRetries'> = {
    style: 'orchestrated',
    saga: snapshot.saga,
    step: played,
    steps,
    state: snapshot.state,
    done: snapshot.done,
    crashed: snapshot.crashed,
    nextText: snapshot.nextText,
    timeline: snapshot.timeline,
    journal: snapshot.journal,
    held: snapshot.held,
    faults: options.faults,
    crashes: options.crashes,
    verdict: verdictOf(snapshot.result),
    final: verdictOf(simulateOrchestration(saga, options, false)),
  };
  if (snapshot.next) run.next = snapshot.next;
  return run;
}

function replayedChoreography(saga: Saga, injections: SagaInjections, k: number | undefined): ChoreographedRun {
  const simulation = new ChoreographySimulation(saga, choreographyOptions(injections.choreography));
  const wanted = Math.min(k ?? limit, limit);
  let played = 0;
  while (played < wanted && !simulation.done) {
    simulation.step();
    played++;
  }
  const now = simulation.result();
  const pending = simulation.pendingDeliveries();
  let steps = played;
  while (steps < limit && !simulation.done) {
    simulation.step();
    steps++;
  }
  return {
    style: 'choreographed',
    saga: simulation.info,
    step: played,
    steps,
    done: !now.running,
    pending,
    timeline: now.timeline,
    injections: injections.choreography ?? {},
    verdict: choreographyVerdictOf(now),
    final: choreographyVerdictOf(simulation.result()),
  };
}

/** The run without what a session adds to help the panel (the injections for "fail next" and "crash here", the saga step reached, the retry limit). */
function plain(run: SimulationRun): Omit<OrchestratedRun, 'progress' | 'maxRetries'> | ChoreographedRun {
  if (run.style === 'choreographed') return run;
  const { failNext: _failNext, crashHere: _crashHere, progress: _progress, maxRetries: _maxRetries, ...rest } = run;
  return rest;
}

function allSagas(): Saga[] {
  return [...exampleWorkspace().model.sagas, ...fixtures('sagas.ddd', 'missing-compensation.ddd', 'choreography.ddd').model.sagas];
}

/** Injections worth trying on a saga: none, and those of every outcome its exploration finds. */
function scenarios(saga: Saga): SagaInjections[] {
  const explored = explorationSummary(saga, { depth: 1 });
  if (explored.style === 'choreographed') return [{}, ...explored.outcomes.map((outcome) => ({ choreography: outcome.injections }))];
  return [{}, { maxRetries: 1 }, ...explored.outcomes.map((outcome) => ({ faults: outcome.faults, crashes: outcome.crashes }))];
}

describe('a session cut after k actions is the run played again and stopped there', () => {
  it('for every saga of the examples and fixtures, explored outcomes of each, every k', () => {
    let compared = 0;
    for (const saga of allSagas()) {
      for (const injections of scenarios(saga).slice(0, 12)) {
        const session = startSession(saga, injections);
        const replayed = saga.style === 'choreographed' ? replayedChoreography : replayedOrchestrated;
        for (let k = 0; k <= session.steps + 1; k++) {
          expectEqual(plain(session.at(k)), replayed(saga, injections, k), () => `${saga.name} ${JSON.stringify(injections)} k=${k}`);
          compared++;
        }
        expect(plain(session.at())).toEqual(replayed(saga, injections, undefined));
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('a long run takes its later frames on demand', () => {
  it('the same runs, stepped forward, back and jumping, as when every frame is taken at once', () => {
    for (const saga of allSagas()) {
      for (const injections of scenarios(saga).slice(0, 6)) {
        const whole = startSession(saga, injections);
        const late = saga.style === 'choreographed' ? new ChoreographySession(saga, injections, undefined, 2) : new OrchestratedSession(saga, injections, undefined, 2);
        const order = [...Array.from({ length: whole.steps + 1 }, (_, k) => k), ...Array.from({ length: whole.steps + 1 }, (_, k) => whole.steps - k), whole.steps, 1, 0, whole.steps];
        for (const k of order) expect(late.at(k), `${saga.name} ${JSON.stringify(injections)} k=${k}`).toEqual(whole.at(k));
      }
    }
  });

  it('stepping forward through the late frames plays the run once more, not once per step', () => {
    const steps = vi.spyOn(OrchestratedSimulation.prototype, 'step');
    const session = new OrchestratedSession(exampleSaga('OrderSaga'), { faults: [{ target: 'step', step: 2 }] }, undefined, 2);
    const n = session.steps;
    expect(steps).toHaveBeenCalledTimes(n);
    for (let k = 0; k <= n; k++) session.at(k);
    expect(steps).toHaveBeenCalledTimes(2 * n);
    vi.restoreAllMocks();
  });
});

describe('a run is computed once', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stepping k = 1..n and back through a session computes one engine run', () => {
    const resets = vi.spyOn(Orchestrator.prototype, 'reset');
    const steps = vi.spyOn(OrchestratedSimulation.prototype, 'step');
    let started = 0;
    const sessions = new SimulationSessions({ start: (...args) => (started++, startSession(...args)) });
    const saga = exampleSaga('OrderSaga');
    const faults = [{ target: 'step' as const, step: 2 }];
    const n = sessions.run(saga, { faults }, 0).steps;
    expect(n).toBe(6); // ProcessPayment fails, two compensations, the end
    for (let k = 1; k <= n; k++) expect(sessions.run(saga, { faults }, k).step).toBe(k);
    for (let k = n; k >= 0; k--) sessions.run(saga, { faults }, k);
    expect(started).toBe(1);
    expect(resets).toHaveBeenCalledTimes(1);
    // the engine stepped through the run once: n actions, not n·(n+1)/2
    expect(steps).toHaveBeenCalledTimes(n);
  });

  it('a run with a crash is played once, and once more without the crash to check the resume', () => {
    const resets = vi.spyOn(Orchestrator.prototype, 'reset');
    const sessions = new SimulationSessions();
    const saga = exampleSaga('OrderSaga');
    const crashes = [{ target: 'step' as const, step: 1, when: 'after-journal' as const }];
    const n = sessions.run(saga, { crashes }).steps;
    for (let k = 0; k <= n; k++) sessions.run(saga, { crashes }, k);
    expect(resets).toHaveBeenCalledTimes(2);
  });

  it('a choreographed run is delivered once', () => {
    const steps = vi.spyOn(ChoreographySimulation.prototype, 'step');
    const sessions = new SimulationSessions();
    const saga = exampleWorkspace().model.sagas.find((candidate) => candidate.style === 'choreographed')!;
    const n = sessions.run(saga, {}).steps;
    for (let k = 0; k <= n; k++) expect(sessions.run(saga, {}, k).step).toBe(k);
    expect(steps).toHaveBeenCalledTimes(n);
  });

  it('keeps a few sessions, the most recently used, and none of a saga edited since', () => {
    let started = 0;
    const sessions = new SimulationSessions({ size: 2, start: (...args) => (started++, startSession(...args)) });
    const saga = exampleSaga('OrderSaga');
    const fail = (step: number): SagaInjections => ({ faults: [{ target: 'step', step }] });
    sessions.run(saga, fail(0));
    sessions.run(saga, fail(1));
    sessions.run(saga, fail(0));
    expect(started).toBe(2);
    sessions.run(saga, fail(2)); // drops fail(1), the least recently used
    sessions.run(saga, fail(0));
    expect(started).toBe(3);
    sessions.run(saga, fail(1));
    expect(started).toBe(4);
    const edited: Saga = { ...saga };
    sessions.run(edited, fail(1));
    expect(started).toBe(5);
  });
});

describe("the panel's moves on a session", () => {
  const saga = () => exampleSaga('OrderSaga');

  it('step forward and back: the states of the run, in order', () => {
    const session = new OrchestratedSession(saga(), {});
    const states = Array.from({ length: session.steps + 1 }, (_, k) => session.at(k).state);
    expect(states).toEqual(['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_DONE', 'COMPLETED', 'COMPLETED']);
    expect(session.at(2).held.map((held) => held.command)).toContain('ReserveInventory');
    expect(session.at(1).state).toBe('ORDER_CREATED');
    expect(session.at(-3).step).toBe(0);
    expect(session.at(99)).toMatchObject({ step: 5, done: true });
  });

  it('fail the next command, crash here, resume, run to the end', () => {
    const start = new OrchestratedSession(saga(), {});
    expect(start.at(2).failNext).toEqual({ target: 'step', step: 2 });
    const failed = start.failNext(2)!;
    expect(failed).toEqual({ injections: { faults: [{ target: 'step', step: 2 }] }, step: 3 });
    const afterFailure = new OrchestratedSession(saga(), failed.injections);
    expect(afterFailure.at(failed.step).state).toBe('PAYMENT_FAILED');
    const crash = afterFailure.crashHere(failed.step)!;
    expect(crash.injections.crashes).toEqual([{ target: 'step', step: 2, attempt: 1, when: 'after-journal' }]);
    expect(afterFailure.at(failed.step).crashHere).toEqual(crash.injections.crashes![0]);
    const crashed = new OrchestratedSession(saga(), crash.injections);
    expect(crashed.at(crash.step)).toMatchObject({ crashed: true, next: { kind: 'resume' } });
    expect(crashed.at(crash.step).crashHere).toBeUndefined();
    expect(crashed.crashHere(crash.step)).toBeUndefined();
    const resumed = crashed.at(crash.step + 1);
    expect(resumed).toMatchObject({ crashed: false, state: 'PAYMENT_FAILED' });
    expect(resumed.timeline[resumed.timeline.length - 1]!.kind).toBe('resume');
    expect(crashed.at()).toMatchObject({ done: true, final: { end: 'failed', state: 'FAILED', compensations: ['ReleaseInventory', 'CancelOrder'], ok: true } });
    expect(crashed.failNext(crashed.steps)).toBeUndefined();
  });

  it('failing the same command again fails one more attempt', () => {
    const session = new OrchestratedSession(saga(), { faults: [{ target: 'step', step: 3 }] });
    // ConfirmOrder comes after the pivot: its failure is retried, attempt 2 is next
    const retry = session.at().timeline.findIndex((event) => event.kind === 'command' && event.command === 'ConfirmOrder' && event.outcome === 'failure');
    expect(retry).toBeGreaterThanOrEqual(0);
    expect(session.at(retry + 1).next).toMatchObject({ kind: 'command', step: 3, attempt: 2 });
    expect(session.failNext(retry + 1)!.injections.faults).toEqual([{ target: 'step', step: 3, attempts: 2 }]);
  });

  it('a fault at a step the saga does not have is a RangeError', () => {
    expect(() => new OrchestratedSession(saga(), { faults: [{ target: 'step', step: 9 }] })).toThrow(RangeError);
  });
});

describe("the run counts the saga's steps, not its actions", () => {
  const saga = () => exampleSaga('OrderSaga');
  const progress = (session: OrchestratedSession) => Array.from({ length: session.steps + 1 }, (_, k) => session.at(k).progress);

  it('the happy path: 5 actions, 4 steps; the step about to be sent counts', () => {
    const session = new OrchestratedSession(saga(), {});
    expect(session.steps).toBe(5);
    expect(progress(session).map((at) => `${at.step} of ${at.steps}`)).toEqual(['1 of 4', '2 of 4', '3 of 4', '4 of 4', '4 of 4', '4 of 4']);
    expect(progress(session).every((at) => at.compensations === 0)).toBe(true);
  });

  it('a failed payment: the steps stop at 3, the compensations are counted apart', () => {
    const session = new OrchestratedSession(saga(), { faults: [{ target: 'step', step: 2 }] });
    const seen = progress(session).map((at) => [at.step, at.compensations]);
    expect(seen[0]).toEqual([1, 0]);
    expect(seen[seen.length - 1]).toEqual([3, 2]);
    expect(session.at().final.compensations).toEqual(['ReleaseInventory', 'CancelOrder']);
    // never more steps than the saga has, never fewer as the run goes on
    expect(seen.map(([step]) => step)).toEqual([...seen.map(([step]) => step!)].sort((a, b) => a - b));
  });

  it('retries stay on their step; the run says the retry limit it was played with', () => {
    const session = new OrchestratedSession(saga(), { faults: [{ target: 'step', step: 3, attempts: 'always' }] });
    expect(session.at().maxRetries).toBe(3);
    expect(session.at()).toMatchObject({ progress: { step: 4, steps: 4, compensations: 0 }, final: { end: 'stuck' } });
    expect(session.steps).toBeGreaterThan(6);
    expect(new OrchestratedSession(saga(), { maxRetries: 1 }).at().maxRetries).toBe(1);
  });
});
