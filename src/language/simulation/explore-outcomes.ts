/**
 * The outcomes of an exploration (explore.ts): the runs it played, counted per
 * outcome, each outcome with an example run played once more (traced or not),
 * outcomes that look the same once traced merged, and the breaches and risks
 * they show.
 */
import type { CompiledSaga } from './compile';
import { resendRisk, T_END, T_STEP } from './engine';
import { simulateOrchestration } from './orchestrated';
import type { Breach, CrashPoint, Exploration, Fault, OutcomeSummary, Risk, RunResult } from './types';
import type { ExplorationCoverage } from './work-budget';

export interface Scenario {
  /** Exact failure points: target, step, attempt. */
  points: number[];
  permanent?: { target: number; step: number };
  crash?: { target: number; step: number; attempt: number; before: boolean };
}

export interface Bucket {
  count: number;
  scenario: Scenario;
  /** Commands the example run sends (it is played again, traced, for the result). */
  steps: number;
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

/** What the walk of an exploration found. */
export interface Walked {
  buckets: Map<number, Bucket>;
  riskCounts: Int32Array;
  runs: number;
  crashRuns: number;
  coverage: ExplorationCoverage;
}

/** The exploration's result from what its walk found. */
export function explorationOf(saga: CompiledSaga, maxRetries: number, depth: number, traces: boolean, walked: Walked): Exploration {
  const { buckets, riskCounts, runs, crashRuns } = walked;
  const n = saga.n;
  // one traced example per outcome
  const outcomes: OutcomeSummary[] = [];
  for (const bucket of buckets.values()) {
    const example = simulateOrchestration(saga, { maxRetries, faults: faultsOf(bucket.scenario), crashes: crashesOf(bucket.scenario) }, traces);
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
    coverage: walked.coverage,
  };
}
