/**
 * How big a saga the checks and drawings take whole. A saga's failure paths, its
 * exploration and its drawings grow with the square of its steps (each failure
 * compensates every step before it), so past this size they are summarised
 * instead: one finding that says why, and a drawing that says the same. Playing
 * the saga (`ddd simulate`, the simulator) stays linear per run and is not capped.
 */
import type { Saga } from '../model/elements';
import { thousands } from '../util/thousands';

/** Steps of an orchestrated saga, or reactions of a choreographed one, checked and drawn whole. */
export const MAX_ANALYSED_SAGA_SIZE = 300;

/** Its steps, or its reactions. */
export function sagaSize(saga: Saga): number {
  return saga.style === 'choreographed' ? saga.reactions.length : saga.steps.length;
}

export function isTooLargeToAnalyse(saga: Saga): boolean {
  return sagaSize(saga) > MAX_ANALYSED_SAGA_SIZE;
}

/** Why a saga is summarised, and what to do about it. */
export function tooLargeToAnalyse(saga: Saga): string {
  const parts = saga.style === 'choreographed' ? 'reactions' : 'steps';
  return (
    `${saga.name} has ${thousands(sagaSize(saga))} ${parts}, more than the ${MAX_ANALYSED_SAGA_SIZE} whose failure paths are checked and drawn ` +
    `(they grow with the square of the ${parts}). Split it into sagas, one per stage of the business process; ` +
    `\`ddd simulate --saga ${saga.name}\` still plays it.`
  );
}
