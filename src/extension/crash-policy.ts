/**
 * When to restart a language server that stopped on its own, and when to give up.
 *
 * Pure (no `vscode` import) so that the rule reads in one place: a crash is
 * followed by a restart while fewer than `maxRestarts` crashes happened within
 * the last `windowMs`; the next one gives up, and the client then tells the
 * user once and waits for an explicit restart (which calls `reset()`).
 */
export interface CrashPolicyOptions {
  /** restarts allowed within the window; the crash after them gives up */
  maxRestarts: number;
  /** sliding window in which crashes are counted */
  windowMs: number;
  /** clock, for tests */
  now?: () => number;
}

export type CrashVerdict =
  | { action: 'restart'; /** 1-based number of this restart in the window */ attempt: number; of: number; delayMs: number }
  | { action: 'give-up'; crashes: number; windowMs: number };

export class CrashPolicy {
  private crashes: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: CrashPolicyOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records a crash and says what to do about it. */
  crashed(): CrashVerdict {
    const now = this.now();
    this.crashes = this.crashes.filter((at) => now - at < this.options.windowMs);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count > this.options.maxRestarts) {
      return { action: 'give-up', crashes: count, windowMs: this.options.windowMs };
    }
    // A short, growing pause: a server that dies on start-up does not spin the CPU.
    return { action: 'restart', attempt: count, of: this.options.maxRestarts, delayMs: 250 * 2 ** (count - 1) };
  }

  /** Forget past crashes (the user asked for a restart). */
  reset(): void {
    this.crashes = [];
  }
}
