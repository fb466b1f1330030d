/**
 * Many runs as rows the simulator panel lists: every failure and crash point
 * (`explorationSummary`) or N seeded runs (`bulkSummary`), each distinct outcome
 * with the injections that replay its example run in a session.
 */
import type { Saga } from '../model/elements';
import type { BulkOptions } from './bulk';
import { ChoreographyExplorer } from './choreography-explore';
import { compileSaga } from './compile';
import { OrchestrationExplorer, type ExploreOptions } from './explore';
import { choreographyInjections } from './session';
import type { SlicedExploration, WorkBudget } from './work-budget';
import type { BulkResult, BulkSummary, ExplorationSummary, Fault, OutcomeRow, OutcomeSummary, RunResult } from './types';

/** The faults that replay a run exactly: per step (and compensation), how many attempts failed. Failed attempts always come first. */
export function faultsOfJournal(result: RunResult): Fault[] {
  const counts = new Map<string, Fault>();
  for (const entry of result.journal) {
    if ((entry.type !== 'step-failed' && entry.type !== 'compensation-failed') || entry.step === undefined) continue;
    const target = entry.type === 'step-failed' ? 'step' : 'compensation';
    const key = `${target}:${entry.step}`;
    const known = counts.get(key);
    if (known) known.attempts = (typeof known.attempts === 'number' ? known.attempts : 1) + 1;
    else counts.set(key, { target, step: entry.step });
  }
  return [...counts.values()];
}

/** An outcome as a row; `fromJournal`: its example had random failures, so its faults are read back from its journal. */
export function outcomeRow(outcome: OutcomeSummary, fromJournal: boolean): OutcomeRow {
  const row: OutcomeRow = {
    key: outcome.key,
    end: outcome.end,
    state: outcome.state,
    compensations: outcome.compensations,
    breaches: outcome.breaches,
    count: outcome.count,
    path: outcome.example.states,
    faults: fromJournal ? faultsOfJournal(outcome.example) : outcome.example.faults,
    crashes: fromJournal ? [] : outcome.example.crashes,
  };
  if (outcome.percent !== undefined) row.percent = outcome.percent;
  if (outcome.onlyIfNeverSucceeds) row.onlyIfNeverSucceeds = true;
  if (outcome.example.seed !== undefined) row.seed = outcome.example.seed;
  return row;
}

/** An exploration to advance a slice at a time (`advance`), then summarise as rows (`summary`): what the server runs between its other requests. */
export interface ExplorationRun extends SlicedExploration {
  summary(): ExplorationSummary;
}

/** Starts the exploration of a saga within `budget`: every failure and crash point of an orchestrated saga, or every failure and duplicate of a choreographed one. */
export function startExploration(saga: Saga, options: Pick<ExploreOptions, 'maxRetries' | 'depth'> = {}, budget: WorkBudget = {}): ExplorationRun {
  if (saga.style === 'choreographed') {
    const explorer = new ChoreographyExplorer(saga, {}, budget);
    return {
      advance: (steps) => explorer.advance(steps),
      coverage: () => explorer.coverage(),
      summary: () => {
        const result = explorer.result();
        return {
          style: 'choreographed',
          saga: result.saga,
          runs: result.runs,
          outcomes: result.outcomes.map((outcome) => ({
            key: outcome.key,
            end: outcome.end,
            events: outcome.events,
            breaches: outcome.breaches,
            count: outcome.count,
            injections: choreographyInjections(outcome.scenario),
          })),
          ok: result.ok,
          coverage: result.coverage,
        };
      },
    };
  }
  const explore: ExploreOptions = {};
  if (options.maxRetries !== undefined) explore.maxRetries = options.maxRetries;
  if (options.depth !== undefined) explore.depth = options.depth;
  const explorer = new OrchestrationExplorer(saga, explore, budget);
  return {
    advance: (steps) => explorer.advance(steps),
    coverage: () => explorer.coverage(),
    summary: () => {
      const result = explorer.result(false);
      return {
        style: 'orchestrated',
        saga: result.saga,
        steps: result.steps,
        runs: result.runs,
        crashRuns: result.crashRuns,
        depth: result.depth,
        outcomes: result.outcomes.map((outcome) => outcomeRow(outcome, false)),
        breaches: result.breaches.map(({ breach, count }) => ({ breach, count })),
        neverSucceeds: result.neverSucceeds.map(({ breach, count }) => ({ breach, count })),
        risks: result.risks,
        ok: result.ok,
        coverage: result.coverage,
      };
    },
  };
}

/** Every failure and crash point of an orchestrated saga, or every failure and duplicate of a choreographed one, as rows (as far as `budget` reaches). */
export function explorationSummary(saga: Saga, options: Pick<ExploreOptions, 'maxRetries' | 'depth'> = {}, budget: WorkBudget = {}): ExplorationSummary {
  const exploration = startExploration(saga, options, budget);
  exploration.advance();
  return exploration.summary();
}

/** What a bulk request asks for: a rate for every step, or one per step (steps left out: 0). */
export interface BulkRequest {
  runs: number;
  seed?: number;
  /** Per step (0-based), the probability that an attempt fails; a number: the same for every step. */
  failureRates?: number[] | number;
  /** Per step, the probability that an attempt of its compensation fails. */
  compensationFailureRates?: number[] | number;
  maxRetries?: number;
}

function rates(value: number[] | number | undefined, n: number): number[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return new Array<number>(n).fill(value);
  return Array.from({ length: n }, (_, i) => value[i] ?? 0);
}

/** The engine's options for a bulk request on an orchestrated saga. */
export function bulkOptions(saga: Saga, request: BulkRequest): BulkOptions {
  const n = compileSaga(saga).n;
  const options: BulkOptions = { runs: request.runs };
  if (request.seed !== undefined) options.seed = request.seed;
  const failureRates = rates(request.failureRates, n);
  const compensationFailureRates = rates(request.compensationFailureRates, n);
  if (failureRates) options.failureRates = failureRates;
  if (compensationFailureRates) options.compensationFailureRates = compensationFailureRates;
  if (request.maxRetries !== undefined) options.maxRetries = request.maxRetries;
  return options;
}

/** N seeded runs, their outcomes as rows that replay from their faults. */
export function bulkSummary(result: BulkResult): BulkSummary {
  return {
    saga: result.saga,
    runs: result.runs,
    seed: result.seed,
    maxRetries: result.maxRetries,
    failureRates: result.failureRates,
    compensationFailureRates: result.compensationFailureRates,
    outcomes: result.outcomes.map((outcome) => outcomeRow(outcome, true)),
    commands: result.commands,
    breachedRuns: result.breachedRuns,
    ok: result.ok,
  };
}
