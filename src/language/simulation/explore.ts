/**
 * Exhaustive exploration of an orchestrated saga: the happy path, every single
 * failure point (each command of the run failing, one at a time), every pair of
 * failure points for small sagas, and a crash at every point (before and after
 * each journal entry) of the runs with at most one failure, each resumed from
 * the journal and compared with the same run without the crash.
 *
 * A failure point is a command as it is sent in a run (a step, a retry, a
 * compensation), so a pair explores a failing compensation after a failing step,
 * or a retry failing again. Unless told otherwise, it also plays every command
 * that never succeeds (each step, and each compensation after each failure that
 * makes it run, failing on every attempt): those runs end stuck. Runs are
 * played untraced; each distinct outcome is played once more with tracing on
 * for its example.
 */
import { compileSaga } from './compile';
import { defaultMaxRetries, END, Orchestrator, resendRisk, STEP_DONE, STEP_FAILED, T_COMP, T_END, T_STEP } from './engine';
import { simulateOrchestration, type SagaSource } from './orchestrated';
import type { Breach, CrashPoint, Exploration, Fault, OutcomeSummary, Risk, RunResult } from './types';

export interface ExploreOptions {
  maxRetries?: number;
  /** How many failures a run combines at most: default 2 for sagas of up to `pairLimit` steps, else 1. */
  depth?: number;
  /** Sagas of up to this many steps get pairs of failures by default (12). */
  pairLimit?: number;
  /**
   * Crash at every point (before and after each journal entry) of the runs with at most this many failures:
   * default 1 for sagas of up to 30 steps, else 0 (the crash points of the happy path); -1: no crashes.
   */
  crashDepth?: number;
  /** Trace the example of each outcome (default true); untraced examples have an empty timeline, and `pathText` reads their journal. */
  traces?: boolean;
  /**
   * Also play every step, and every compensation, failing on every attempt (runs that end stuck), as a
   * single run with `attempts: 'always'` does. Default true, so that exploration finds what such a run shows;
   * the editor's rule leaves them out (false): no saga as written can avoid them.
   */
  permanent?: boolean;
  /**
   * List only the outcomes that breach a guarantee (what the validation rule reports): the runs are
   * played all the same, but a clean outcome gets no example run. Default false.
   */
  breachesOnly?: boolean;
}

interface Scenario {
  /** Exact failure points: target, step, attempt. */
  points: number[];
  permanent?: { target: number; step: number };
  crash?: { target: number; step: number; attempt: number; before: boolean };
}

interface Bucket {
  count: number;
  scenario: Scenario;
  /** Reached by a run in which every command eventually succeeds (not only when one never does). */
  ordinary: boolean;
}

/** The failure points as faults: each (target, step) fails on its first attempts. */
function faultsOf(scenario: Scenario): Fault[] {
  const counts = new Map<string, Fault>();
  for (let k = 0; k < scenario.points.length; k += 3) {
    const target = scenario.points[k] === T_STEP ? 'step' : 'compensation';
    const step = scenario.points[k + 1]!;
    const key = `${target}:${step}`;
    const fault = counts.get(key);
    if (fault) fault.attempts = (fault.attempts as number) + 1;
    else counts.set(key, { target, step, attempts: 1 });
  }
  const faults = [...counts.values()];
  for (const fault of faults) if (fault.attempts === 1) delete fault.attempts;
  if (scenario.permanent) faults.push({ target: scenario.permanent.target === T_STEP ? 'step' : 'compensation', step: scenario.permanent.step, attempts: 'always' });
  return faults;
}

function crashesOf(scenario: Scenario): CrashPoint[] {
  const crash = scenario.crash;
  if (!crash) return [];
  const when = crash.before ? 'before-journal' : 'after-journal';
  if (crash.target === T_END) return [{ target: 'end', when }];
  return [{ target: crash.target === T_STEP ? 'step' : 'compensation', step: crash.step, attempt: crash.attempt, when }];
}

export function outcomeKey(result: RunResult): string {
  const breaches = result.breaches.map((breach) => (breach.command ? `${breach.kind} ${breach.command}` : breach.kind));
  return `${result.end} ${result.state} | ${result.compensations.join(', ') || '-'} | ${breaches.join(', ') || 'ok'}`;
}

export function summaryOf(result: RunResult, count: number): OutcomeSummary {
  return {
    key: outcomeKey(result),
    end: result.end === 'running' ? 'stuck' : result.end,
    state: result.state,
    compensations: result.compensations,
    breaches: result.breaches,
    count,
    example: result,
  };
}

export function breachKey(breach: Breach): string {
  return `${breach.kind}:${breach.step ?? ''}`;
}

/** Explores every failure point and every crash point of an orchestrated saga and lists the distinct outcomes. */
export function exploreOrchestration(source: SagaSource, options: ExploreOptions = {}): Exploration {
  const saga = compileSaga(source);
  const n = saga.n;
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  const depth = Math.max(0, options.depth ?? (n <= (options.pairLimit ?? 12) ? 2 : 1));
  const crashDepth = options.crashDepth ?? (n <= 30 ? 1 : 0);
  const base = new Orchestrator(saga, { maxRetries });
  const crashed = new Orchestrator(saga, { maxRetries });
  const buckets = new Map<number, Bucket>();
  const riskCounts = new Int32Array(2 * n);
  const points = new Int32Array(3 * Math.max(1, depth));
  let runs = 0;
  let crashRuns = 0;

  const snapshot = (k: number): number[] => Array.from(points.subarray(0, 3 * k));
  const breachesOnly = options.breachesOnly ?? false;
  /** Counts a run under its outcome; `breaches`: whether the run breaks a guarantee (only those count with `breachesOnly`). */
  const record = (code: number, breaches: boolean, scenario: () => Scenario, ordinary = true) => {
    if (breachesOnly && !breaches) return;
    const bucket = buckets.get(code);
    if (bucket) {
      bucket.count++;
      // an ordinary run's scenario is the better example: it needs no command that never succeeds
      if (ordinary && !bucket.ordinary) Object.assign(bucket, { ordinary: true, scenario: scenario() });
    } else buckets.set(code, { count: 1, scenario: scenario(), ordinary });
  };
  const configure = (machine: Orchestrator, k: number) => {
    machine.clearFaults();
    for (let i = 0; i < k; i++) machine.addFault(points[3 * i]!, points[3 * i + 1]!, points[3 * i + 2]!, points[3 * i + 2]!);
  };

  const crashAll = (k: number, scenario: () => Scenario) => {
    configure(crashed, k);
    const length = base.journalLength;
    for (let position = 0; position < length; position++) {
      const type = base.entryType(position);
      const target = type === END ? T_END : type === STEP_DONE || type === STEP_FAILED ? T_STEP : T_COMP;
      const step = type === END ? 0 : base.entryStep(position);
      const attempt = type === END ? 0 : base.entryAttempt(position);
      for (let before = 0; before < 2; before++) {
        crashed.clearCrashes();
        crashed.addCrash(target, step, attempt, before === 1);
        crashed.reset();
        crashed.run();
        crashRuns++;
        for (let r = 0; r < 2 * n; r++) riskCounts[r]! += crashed.resendRisk[r]!;
        const same = crashed.sameOutcome(base);
        // a diverging resume gets its own outcome, keyed apart from the others (and is a breach)
        const code = same ? crashed.outcomeCode() : -2 - crashed.outcomeCode();
        record(code, !same || crashed.hasBreach(), () => ({ ...scenario(), crash: { target, step, attempt, before: before === 1 } }));
      }
    }
  };

  const visit = (k: number, from: number) => {
    configure(base, k);
    base.clearCrashes();
    base.reset();
    base.run();
    runs++;
    record(base.outcomeCode(), base.hasBreach(), () => ({ points: snapshot(k) }));
    if (k <= crashDepth) crashAll(k, () => ({ points: snapshot(k) }));
    if (k >= depth) return;
    // the commands of this run, from the last failure point on (the recursion reuses `base`)
    const length = base.journalLength;
    const actions: number[] = [];
    for (let position = from; position < length; position++) {
      const type = base.entryType(position);
      if (type === END) continue;
      actions.push(type === STEP_DONE || type === STEP_FAILED ? T_STEP : T_COMP, base.entryStep(position), base.entryAttempt(position), position);
    }
    for (let a = 0; a < actions.length; a += 4) {
      points[3 * k] = actions[a]!;
      points[3 * k + 1] = actions[a + 1]!;
      points[3 * k + 2] = actions[a + 2]!;
      visit(k + 1, actions[a + 3]! + 1);
    }
  };
  visit(0, 0);

  if (options.permanent ?? true) {
    const permanent = (target: number, step: number, prefix: number[]) => {
      base.clearFaults();
      base.clearCrashes();
      for (let i = 0; i < prefix.length; i += 3) base.addFault(prefix[i]!, prefix[i + 1]!, prefix[i + 2]!, prefix[i + 2]!);
      base.addFault(target, step, 1, 0x3fffffff);
      base.reset();
      base.run();
      runs++;
      record(base.outcomeCode(), base.hasBreach(), () => ({ points: prefix, permanent: { target, step } }), false);
    };
    for (let i = 0; i < n; i++) permanent(T_STEP, i, []);
    // a compensation failing for good, after each step failure that makes it run
    for (let f = 0; f < n; f++) {
      if (saga.retry[f]) continue;
      for (let j = f - 1; j >= 0; j--) if (saga.compensationState[j]! >= 0) permanent(T_COMP, j, [T_STEP, f, 1]);
    }
  }

  // one traced example per outcome
  const outcomes: OutcomeSummary[] = [];
  for (const bucket of buckets.values()) {
    const example = simulateOrchestration(saga, { maxRetries, faults: faultsOf(bucket.scenario), crashes: crashesOf(bucket.scenario) }, options.traces ?? true);
    const outcome = summaryOf(example, bucket.count);
    if (!bucket.ordinary) outcome.onlyIfNeverSucceeds = true;
    outcomes.push(outcome);
  }
  // outcomes that look the same once traced (a crash run and its plain run) are one
  const merged = new Map<string, OutcomeSummary>();
  for (const outcome of outcomes) {
    const same = merged.get(outcome.key);
    if (!same) merged.set(outcome.key, outcome);
    else {
      same.count += outcome.count;
      if (!outcome.onlyIfNeverSucceeds) delete same.onlyIfNeverSucceeds;
    }
  }
  // a guarantee is breached when an ordinary run breaks it; runs that break it only because a command never succeeds are listed apart
  const breaches = new Map<string, { breach: Breach; count: number; example: RunResult }>();
  const neverSucceeds = new Map<string, { breach: Breach; count: number; example: RunResult }>();
  for (const pass of [false, true]) {
    for (const outcome of merged.values()) {
      if ((outcome.onlyIfNeverSucceeds ?? false) !== pass) continue;
      for (const breach of outcome.breaches) {
        const key = breachKey(breach);
        const into = pass && !breaches.has(key) ? neverSucceeds : breaches;
        const known = into.get(key);
        if (known) known.count += outcome.count;
        else into.set(key, { breach, count: outcome.count, example: outcome.example });
      }
    }
  }
  const risks: { risk: Risk; count: number }[] = [];
  for (let r = 0; r < 2 * n; r++) {
    if (riskCounts[r]) risks.push({ risk: resendRisk(saga, r < n ? 'step' : 'compensation', r < n ? r : r - n), count: riskCounts[r]! });
  }
  return {
    saga: saga.info.name,
    steps: n,
    runs,
    crashRuns,
    depth,
    outcomes: [...merged.values()],
    breaches: [...breaches.values()],
    neverSucceeds: [...neverSucceeds.values()],
    risks,
    ok: breaches.size === 0,
  };
}
