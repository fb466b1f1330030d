import { describe, expect, it } from 'vitest';
import { MAX_ABANDONED_RUNS, MAX_SETTLE_TURNS, ValidationScheduler, type SchedulerClock, type ValidationRun } from '../../src/server/validation-scheduler';

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
  const scheduler = new ValidationScheduler(() => void validated.push(text), () => gap, loop);
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

/** A scheduler whose runs take `slices` slices each; what happens is logged in order (slices, requests, edits, completions). */
function slicedSetup(slices: number) {
  const loop = new FakeLoop();
  let text = 0;
  const log: string[] = [];
  const completed: number[] = [];
  const scheduler = new ValidationScheduler(
    (): ValidationRun => {
      const version = text;
      let done = 0;
      return {
        step: () => {
          log.push(`slice ${version}.${++done}`);
          if (done < slices) return false;
          completed.push(version);
          return true;
        },
      };
    },
    () => 0,
    loop,
  );
  const edit = (version: number) => () => {
    log.push(`edit ${version}`);
    text = version;
    scheduler.changed();
  };
  const request = (name: string) => () => void log.push(name);
  return { loop, log, completed, scheduler, edit, request };
}

describe('when a run takes several slices', () => {
  it('runs one slice per turn, and answers a request that arrives meanwhile between two slices', () => {
    const { loop, log, completed, edit, request } = slicedSetup(4);
    loop.deliver([edit(1), () => undefined, () => undefined, request('hover')]);
    loop.runUntilIdle();
    expect(completed).toEqual([1]);
    const hover = log.indexOf('hover');
    expect(log.slice(0, hover)).toContain('slice 1.1');
    expect(log.slice(hover)).toContain('slice 1.4');
  });

  it('abandons a run when an edit arrives during it: the old version is never completed, the latest is', () => {
    const { loop, log, completed, scheduler, edit } = slicedSetup(4);
    loop.deliver([edit(1), () => undefined, () => undefined, edit(2)]);
    loop.runUntilIdle();
    expect(completed).toEqual([2]);
    expect(scheduler.work.abandoned).toBe(1);
    // nothing was computed for version 1 after the edit arrived
    expect(log.slice(log.indexOf('edit 2')).filter((entry) => entry.startsWith('slice 1.'))).toEqual([]);
  });

  it('does not starve: after runs abandoned in a row, the next run goes to the end in one turn', () => {
    const { loop, completed, scheduler, edit } = slicedSetup(4);
    // an edit every second turn: each sliced run is overtaken by the next edit
    const messages = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? edit(i / 2 + 1) : () => undefined));
    loop.deliver(messages);
    loop.runUntilIdle();
    expect(scheduler.work.abandoned).toBeGreaterThanOrEqual(MAX_ABANDONED_RUNS);
    expect(completed.length).toBeGreaterThan(1);
    expect(completed.at(-1)).toBe(100);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
  });

  it('stops stepping a run once stopped', () => {
    const { loop, completed, scheduler, edit } = slicedSetup(4);
    loop.deliver([edit(1), () => undefined, () => scheduler.stop()]);
    loop.runUntilIdle();
    expect(completed).toEqual([]);
  });
});
