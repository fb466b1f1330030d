/**
 * The saga-aware part of the diff: a saga that changed is explored exhaustively
 * in both versions (every failure point, pairs of them for small sagas, a crash
 * at every point; for a choreography, every reaction failing and events
 * delivered twice or out of order), and the outcomes only one version reaches
 * are reported: a new breach, or a failure that used to compensate and now
 * does not. The work is bounded by a budget of saga steps explored per diff.
 */
import type { Saga } from '../model/elements';
import { isTooLargeToAnalyse, sagaSize } from '../sagas/saga-size';
import { exploreChoreography } from '../simulation/choreography-explore';
import { exploreOrchestration } from '../simulation/explore';
import type { SagaOutcomeChange } from './types';

/** Steps (or reactions) explored per diff, both versions counted. */
export const DEFAULT_EXPLORE_BUDGET = 400;
/** The most outcomes listed each way. */
const MAX_OUTCOMES = 20;

export interface ExploreBudget {
  /** Steps (or reactions) still to explore. */
  left: number;
}

/** The distinct outcomes of a saga's exploration, as keys (`failed FAILED | CancelOrder | ok`). */
function outcomesOf(saga: Saga): string[] {
  if (sagaSize(saga) === 0) return [];
  if (saga.style === 'choreographed') return exploreChoreography(saga, { orders: 2 }).outcomes.map((outcome) => outcome.key);
  return exploreOrchestration(saga, { traces: false, permanent: false }).outcomes.map((outcome) => outcome.key);
}

export function compareSagaOutcomes(before: Saga, after: Saga, budget: ExploreBudget): SagaOutcomeChange {
  const none = { appeared: [], disappeared: [] };
  if (isTooLargeToAnalyse(before) || isTooLargeToAnalyse(after)) return { explored: false, reason: `${after.name} is too large to explore`, ...none };
  const cost = sagaSize(before) + sagaSize(after);
  if (cost > budget.left) return { explored: false, reason: 'past the work budget of the diff (other sagas were explored first)', ...none };
  budget.left -= cost;
  let old: string[];
  let next: string[];
  try {
    old = outcomesOf(before);
    next = outcomesOf(after);
  } catch (error) {
    return { explored: false, reason: `cannot be simulated: ${error instanceof Error ? error.message : String(error)}`, ...none };
  }
  const oldSet = new Set(old);
  const newSet = new Set(next);
  return {
    explored: true,
    appeared: next.filter((key) => !oldSet.has(key)).slice(0, MAX_OUTCOMES),
    disappeared: old.filter((key) => !newSet.has(key)).slice(0, MAX_OUTCOMES),
  };
}

/** Whether an outcome key breaks a guarantee (its last part lists the breaches, `ok` when none). */
export function outcomeBreaches(key: string): boolean {
  const last = key.slice(key.lastIndexOf('|') + 1).trim();
  return last !== 'ok' && last !== '';
}
