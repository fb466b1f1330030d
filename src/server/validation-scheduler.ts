/**
 * When to validate: as soon as the edits stop arriving, never on a version
 * that is already superseded, and at least `minimumGap` ms after the previous
 * run started (the `ddd.diagnostics.debounceMs` setting, 0 by default).
 *
 * The JSON-RPC connection hands over one queued message per event-loop turn, so
 * "the edits stopped" means: one whole turn passed without a new edit. A burst
 * of edits (typing faster than a validation takes, a paste, a multi-cursor
 * change) is coalesced into one run on the latest text.
 *
 * A run goes a slice at a time (re-link, then one step of the validation per
 * turn), so a request (hover, completion, a view) that arrives meanwhile waits for
 * at most the one slice under way. An edit that arrives during a run abandons the
 * rest of it: nothing more is computed for the superseded version, and the run on
 * the latest text follows once the edits stop. So that a steady stream of edits
 * does not starve the findings, after MAX_ABANDONED_RUNS runs abandoned in a row
 * the next run goes to the end in one turn, as if it were one slice.
 */

import { nextTurn } from './next-turn';

export interface SchedulerClock {
  now(): number;
  /** Runs `callback` on a later turn of the event loop (after the messages already queued). */
  nextTurn(callback: () => void): void;
  /** Runs `callback` after `ms` milliseconds. */
  after(ms: number, callback: () => void): { cancel(): void };
}

export const nodeClock: SchedulerClock = {
  now: () => performance.now(),
  nextTurn: (callback) => nextTurn(callback),
  after: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};

/** After this many turns with new edits in each, validate anyway: a steady stream of edits must not starve the findings. */
export const MAX_SETTLE_TURNS = 32;

/** After this many runs abandoned in a row (an edit came in each), the next run is done in one turn. */
export const MAX_ABANDONED_RUNS = 3;

/** A validation run a slice at a time: the scheduler calls `step` once per turn until it returns true. */
export interface ValidationRun {
  /** Does the next slice; true once the run is complete (its findings published). */
  step(): boolean;
}

export class ValidationScheduler {
  /** Bumped by every edit. */
  private edits = 0;
  private scheduled = false;
  private timer: { cancel(): void } | undefined;
  private lastRunStart = Number.NEGATIVE_INFINITY;
  private stopped = false;
  /** The run under way, if any. */
  private running: ValidationRun | undefined;
  private abandonedInARow = 0;
  /** How many runs were abandoned by an edit, and how many slices ran (for tests). */
  readonly work = { abandoned: 0, slices: 0 };

  constructor(
    /** Starts validating the latest text: a run to step through, or nothing when there is nothing to do now. */
    private readonly validate: () => ValidationRun | void,
    private readonly minimumGap: () => number,
    private readonly clock: SchedulerClock = nodeClock,
  ) {}

  /** An edit arrived: validate once the edits stop. */
  changed(): void {
    this.edits++;
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.settle(-1, 0);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Waits one turn at a time until a turn passes without an edit, then for what is left of the gap, then runs. */
  private settle(seen: number, turns: number): void {
    this.clock.nextTurn(() => {
      if (this.stopped) return;
      if (this.edits !== seen && turns < MAX_SETTLE_TURNS) return this.settle(this.edits, turns + 1);
      const wait = this.lastRunStart + this.minimumGap() - this.clock.now();
      if (wait > 0) {
        this.timer = this.clock.after(wait, () => {
          this.timer = undefined;
          this.run();
        });
      } else this.run();
    });
  }

  private run(): void {
    if (this.stopped) return;
    this.scheduled = false;
    this.running = undefined;
    this.lastRunStart = this.clock.now();
    const run = this.validate();
    if (!run) return;
    if (this.abandonedInARow >= MAX_ABANDONED_RUNS) {
      // edits keep coming: this run goes to the end now, so that the findings are not starved
      this.abandonedInARow = 0;
      while (!run.step()) this.work.slices++;
      this.work.slices++;
      return;
    }
    this.running = run;
    this.continue(run, this.edits);
  }

  /** The next slice of `run` on a later turn, unless an edit came in since it started (then it is abandoned). */
  private continue(run: ValidationRun, edits: number): void {
    this.clock.nextTurn(() => {
      if (this.stopped || this.running !== run) return;
      if (this.edits !== edits) {
        // superseded: the run on the latest text is already scheduled
        this.running = undefined;
        this.abandonedInARow++;
        this.work.abandoned++;
        return;
      }
      this.work.slices++;
      if (!run.step()) return this.continue(run, edits);
      this.running = undefined;
      this.abandonedInARow = 0;
    });
  }
}
