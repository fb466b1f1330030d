/**
 * How far an exploration got, in words, as the simulator panel, the CLI and the
 * server's messages say it: "explored all 312 paths", "explored 1,200 of 45,451
 * paths (budget reached)"; "of at least" when combinations of failures were
 * still to be found (ExplorationCoverage, src/language/simulation/work-budget.ts).
 */
import type { ExplorationCoverage } from './simulation';

function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function coverageText(coverage: ExplorationCoverage): string {
  if (coverage.complete) return `explored all ${count(coverage.paths)} path${coverage.paths === 1 ? '' : 's'}`;
  return `explored ${count(coverage.paths)} of ${coverage.totalExact ? '' : 'at least '}${count(coverage.totalPaths)} paths (budget reached)`;
}

/** What to do about a partial exploration: where the budget is raised. */
export function budgetHint(coverage: ExplorationCoverage, raise: string): string {
  if (coverage.complete) return '';
  return `The outcomes below are those of the paths explored: the others may end otherwise. The budget was ${count(coverage.budget ?? coverage.steps)} simulated steps; ${raise}.`;
}
