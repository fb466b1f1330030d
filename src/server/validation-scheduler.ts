/**
 * When to validate: as soon as the edits stop arriving, never on a version
 * that is already superseded, and at least `minimumGap` ms after the previous
 * run started (the `ddd.diagnostics.debounceMs` setting, 0 by default).
 *
 * The JSON-RPC connection hands over one queued message per event-loop turn, so
 * "the edits stopped" means: one whole turn passed without a new edit. A burst
 * of edits (typing faster than a validation takes, a paste, a multi-cursor
 * change) is coalesced into one run on the latest text; a request (hover,
 * completion) waits for at most the one run that is under way.
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

export class ValidationScheduler {
  /** Bumped by every edit. */
  private edits = 0;
  private scheduled = false;
  private timer: { cancel(): void } | undefined;
  private lastRunStart = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly validate: () => void,
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
    this.lastRunStart = this.clock.now();
    this.validate();
  }
}
