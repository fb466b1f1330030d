/**
 * The work budget of an exploration, counted in simulated steps, never in time:
 * commands sent to participants in an orchestrated saga (summed over every run
 * played, and over the example of each outcome, played once more for the
 * result); in a choreography, deliveries and a step per reaction for each run's
 * set-up and checks. The same budget stops at the same run on any machine. An exploration that spends its budget stops between two runs
 * and says so (`ExplorationCoverage`): how many paths it played out of how many,
 * and the outcomes it saw meanwhile. The server, the CLI and the diff hand the
 * same `WorkBudget` to the explorers (explore.ts, choreography-explore.ts).
 */

/** How much an exploration may do. */
export interface WorkBudget {
  /** Simulated steps at most, over every run played. Default: no bound. */
  steps?: number;
}

/**
 * Simulated steps an exploration spends by default where someone waits for it
 * (ddd/explore in the editor, `ddd simulate --explore`; raise it with the
 * request's `budget` or `--explore-budget`, up to the ceiling in
 * src/protocol/requests.ts `limits.exploreSteps`). The sagas of a business
 * process (a few dozen steps) are explored whole well within it; a 100-step
 * saga (a million steps: its failure paths compensate up to 100 steps each)
 * and anything larger stop at it and say how far they got. Its result stays
 * bounded too: each outcome's example is counted, and the rows that show them
 * grow with its steps.
 */
export const DEFAULT_EXPLORE_STEPS = 250_000;

/** How far an exploration got: every path, or as far as its budget reached. Part of every exploration's result. */
export interface ExplorationCoverage {
  /** Every path was played: the outcomes are all there are. */
  complete: boolean;
  /** The paths (runs, with or without a crash) played. */
  paths: number;
  /** The paths of the whole exploration; a lower bound when `totalExact` is false. */
  totalPaths: number;
  /**
   * false when an exploration stopped before it knew every path: combinations of failures are found by
   * playing the runs they start from, so past the budget only those found so far are counted.
   */
  totalExact: boolean;
  /** Simulated steps spent: the paths played, and the example of each outcome played once more for the result. */
  steps: number;
  /** The budget, when there was one. */
  budget?: number;
}

/** The part of an explorer that a caller with other work drives a slice at a time. */
export interface SlicedExploration {
  /** Plays runs until `steps` more simulated steps are spent, the budget is spent, or every path is played; true when it is finished. */
  advance(steps?: number): boolean;
  coverage(): ExplorationCoverage;
}

/** Keeps count of the steps spent against a budget. */
export class StepMeter {
  /** Steps of the runs played. */
  spent = 0;
  /** Steps set aside for work still to come (the example runs an exploration plays again for its result). */
  reserved = 0;
  private readonly limit: number;

  constructor(readonly budget: WorkBudget = {}) {
    this.limit = budget.steps === undefined ? Infinity : Math.max(0, budget.steps);
  }

  /** Every step counted: spent, and set aside. */
  get total(): number {
    return this.spent + this.reserved;
  }

  get exhausted(): boolean {
    return this.total >= this.limit;
  }

  reserve(steps: number): void {
    this.reserved += steps;
  }

  /** A run spends its steps, at least one (a run that sends nothing still took a turn). */
  spend(steps: number): void {
    this.spent += Math.max(1, steps);
  }

  coverage(paths: number, totalPaths: number, totalExact: boolean, complete: boolean): ExplorationCoverage {
    const coverage: ExplorationCoverage = { complete, paths, totalPaths: Math.max(paths, totalPaths), totalExact: complete || totalExact, steps: this.total };
    if (this.budget.steps !== undefined) coverage.budget = this.budget.steps;
    return coverage;
  }
}
