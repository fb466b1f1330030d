import { describe, expect, it } from 'vitest';
import { MAX_SETTLE_TURNS, ValidationScheduler, type SchedulerClock } from '../../src/server/validation-scheduler';

/**
 * An event loop in miniature: callbacks queued for the next turn run in order, one turn at a
 * time, as Node's immediates do; timers fire when the clock is advanced past them. Messages of
 * the connection are handed over one per turn, as vscode-jsonrpc does.
 */
class FakeLoop implements SchedulerClock {
  time = 0;
  private queue: (() => void)[] = [];
  private timers: { at: number; callback: () => void; cancelled: boolean }[] = [];

  now(): number {
    return this.time;
  }
  nextTurn(callback: () => void): void {
    this.queue.push(callback);
  }
  after(ms: number, callback: () => void): { cancel(): void } {
    const timer = { at: this.time + ms, callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }
  /** Delivers `messages` one per turn (each queued behind what the previous turn queued), then runs the turns that follow (no timers). */
  deliver(messages: (() => void)[]): void {
    const pending = [...messages];
    const next = (): void => {
      const message = pending.shift();
      if (!message) return;
      message();
      if (pending.length) this.nextTurn(next);
    };
    this.nextTurn(next);
    this.runTurns();
  }
  runTurns(): void {
    for (let turns = 0; this.queue.length; turns++) {
      if (turns > 10_000) throw new Error('the turns did not settle');
      const turn = this.queue;
      this.queue = [];
      for (const callback of turn) callback();
    }
  }
  /** Runs turns and fires timers (advancing the clock) until nothing is left. */
  runUntilIdle(): void {
    for (let timers = 0; timers < 10_000; timers++) {
      this.runTurns();
      const due = this.timers.filter((timer) => !timer.cancelled).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.time = Math.max(this.time, due.at);
      due.cancelled = true;
      due.callback();
    }
    throw new Error('the loop did not settle');
  }
}

function setup(gap = 0) {
  const loop = new FakeLoop();
  let text = 0;
  const validated: number[] = [];
  const scheduler = new ValidationScheduler(() => validated.push(text), () => gap, loop);
  const edit = (version: number) => () => {
    text = version;
    scheduler.changed();
  };
  return { loop, validated, scheduler, edit };
}

describe('when the server validates', () => {
  it('validates one edit as soon as the edits stop, with no fixed delay', () => {
    const { loop, validated, edit } = setup();
    loop.deliver([edit(1)]);
    expect(validated).toEqual([1]);
    loop.runUntilIdle();
    expect(validated).toEqual([1]);
    expect(loop.time).toBe(0);
  });

  it('folds a burst of queued edits into one run on the latest text', () => {
    const { loop, validated, edit } = setup();
    loop.deliver([1, 2, 3, 4, 5, 6].map(edit));
    expect(validated).toEqual([6]);
  });

  it('validates each edit that arrives on its own (typing at a person\'s pace)', () => {
    const { loop, validated, edit } = setup();
    for (const version of [1, 2, 3]) loop.deliver([edit(version)]);
    expect(validated).toEqual([1, 2, 3]);
  });

  it('keeps at least the configured gap between the starts of two runs, and runs on the latest text', () => {
    const { loop, validated, edit } = setup(300);
    loop.deliver([edit(1)]);
    expect(validated).toEqual([1]);
    loop.time += 100;
    loop.deliver([edit(2)]);
    loop.deliver([edit(3)]);
    expect(validated).toEqual([1]);
    loop.runUntilIdle();
    expect(validated).toEqual([1, 3]);
    expect(loop.time).toBe(300);
  });

  it('does not starve: a steady stream of edits still gets a run within a bounded number of turns', () => {
    const { loop, validated, edit } = setup();
    const versions = Array.from({ length: MAX_SETTLE_TURNS * 3 }, (_, i) => i + 1);
    loop.deliver(versions.map(edit));
    expect(validated.length).toBeGreaterThan(0);
    expect(validated.length).toBeLessThanOrEqual(4);
    expect(validated.at(-1)).toBe(versions.at(-1));
  });

  it('runs nothing once stopped', () => {
    const { loop, validated, edit, scheduler } = setup(50);
    loop.deliver([edit(1)]);
    scheduler.changed();
    scheduler.stop();
    loop.runUntilIdle();
    expect(validated).toEqual([1]);
  });
});
