/**
 * The saga-aware part of the diff: a saga that changed is explored exhaustively
 * in both versions (every failure point, pairs of them for small sagas, a crash
 * at every point; for a choreography, every reaction failing and events
 * delivered twice or out of order), and the outcomes only one version reaches
 * are reported: a new breach, or a failure that used to compensate and now
 * does not. The work is bounded by a budget of simulated steps per diff (the
 * explorations' WorkBudget), shared by every changed saga.
 */
import type { Saga } from '../model/elements';
import { isTooLargeToAnalyse, sagaSize } from '../sagas/saga-size';
import { exploreChoreography } from '../simulation/choreography-explore';
import { exploreOrchestration } from '../simulation/explore';
import type { ExplorationCoverage, WorkBudget } from '../simulation/work-budget';
import type { SagaOutcomeChange } from './types';
import { thousands } from '../util/thousands';

/**
 * Simulated steps explored per diff, both versions of every changed saga counted (the
 * exploration's WorkBudget, src/language/simulation/work-budget.ts): a few seconds at most.
 */
export const DEFAULT_EXPLORE_BUDGET = 1_000_000;
/** The most outcomes listed each way. */
const MAX_OUTCOMES = 20;

/** The distinct outcomes of a saga's exploration, as keys (`failed FAILED | CancelOrder | ok`), and how far it got within `budget`. */
function outcomesOf(saga: Saga, budget: WorkBudget): { keys: string[]; coverage: ExplorationCoverage } {
  if (sagaSize(saga) === 0) return { keys: [], coverage: { complete: true, paths: 0, totalPaths: 0, totalExact: true, steps: 0 } };
  const exploration =
    saga.style === 'choreographed' ? exploreChoreography(saga, { orders: 2 }, budget) : exploreOrchestration(saga, { traces: false, permanent: false }, budget);
  return { keys: exploration.outcomes.map((outcome) => outcome.key), coverage: exploration.coverage };
}

/**
 * The outcomes only one version of a saga reaches. `budget` is the diff's, shared by every
 * changed saga: what the two explorations spend is taken off it; a saga whose exploration
 * it cannot finish is listed without outcomes (a partial exploration would report
 * outcomes as gone that were only not reached).
 */
export function compareSagaOutcomes(before: Saga, after: Saga, budget: WorkBudget): SagaOutcomeChange {
  const none = { appeared: [], disappeared: [] };
  if (isTooLargeToAnalyse(before) || isTooLargeToAnalyse(after)) return { explored: false, reason: `${after.name} is too large to explore`, ...none };
  const left = budget.steps ?? Infinity;
  const pastBudget = (coverage: ExplorationCoverage) => ({
    explored: false,
    reason: `past the work budget of the diff (${thousands(coverage.paths)} of ${thousands(coverage.totalPaths)} paths explored; other sagas were explored first)`,
    ...none,
  });
  let old: { keys: string[]; coverage: ExplorationCoverage };
  let next: { keys: string[]; coverage: ExplorationCoverage };
  try {
    old = outcomesOf(before, { steps: left });
    budget.steps = Math.max(0, left - old.coverage.steps);
    if (!old.coverage.complete) return pastBudget(old.coverage);
    next = outcomesOf(after, { steps: budget.steps });
    budget.steps = Math.max(0, budget.steps - next.coverage.steps);
    if (!next.coverage.complete) return pastBudget(next.coverage);
  } catch (error) {
    return { explored: false, reason: `cannot be simulated: ${error instanceof Error ? error.message : String(error)}`, ...none };
  }
  const oldSet = new Set(old.keys);
  const newSet = new Set(next.keys);
  return {
    explored: true,
    appeared: next.keys.filter((key) => !oldSet.has(key)).slice(0, MAX_OUTCOMES),
    disappeared: old.keys.filter((key) => !newSet.has(key)).slice(0, MAX_OUTCOMES),
  };
}

/** Whether an outcome key breaks a guarantee (its last part lists the breaches, `ok` when none). */
export function outcomeBreaches(key: string): boolean {
  const last = key.slice(key.lastIndexOf('|') + 1).trim();
  return last !== 'ok' && last !== '';
}
