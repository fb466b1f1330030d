/**
 * Exhaustive exploration of an orchestrated saga: the happy path, every single
 * failure point (each command of the run failing, one at a time), every pair of
 * failure points for small sagas, and a crash at every point (before and after
 * each journal entry) of the runs with at most one failure, each resumed from
 * the journal and compared with the same run without the crash.
 *
 * A failure point is a command as it is sent in a run (a step, a retry, a
 * compensation), so a pair explores a failing compensation after a failing step,
 * or a retry failing again. Unless told otherwise, it also plays every command
 * that never succeeds (each step, and each compensation after each failure that
 * makes it run, failing on every attempt): those runs end stuck. Runs are
 * played untraced; each distinct outcome is played once more with tracing on
 * for its example (explore-outcomes.ts).
 *
 * The runs are played one at a time, within a work budget (work-budget.ts):
 * past it the exploration stops between two runs, and its result lists the
 * outcomes seen so far and says how far it got (`coverage`).
 */
import { compileSaga, type CompiledSaga } from './compile';
import { defaultMaxRetries, END, Orchestrator, STEP_DONE, STEP_FAILED, T_COMP, T_END, T_STEP } from './engine';
import { explorationOf, type Bucket, type Scenario } from './explore-outcomes';
import type { SagaSource } from './orchestrated';
import type { Exploration } from './types';
import { StepMeter, type ExplorationCoverage, type SlicedExploration, type WorkBudget } from './work-budget';

export { breachKey, outcomeKey, summaryOf } from './explore-outcomes';

export interface ExploreOptions {
  maxRetries?: number;
  /** How many failures a run combines at most: default 2 for sagas of up to `pairLimit` steps, else 1. */
  depth?: number;
  /** Sagas of up to this many steps get pairs of failures by default (12). */
  pairLimit?: number;
  /**
   * Crash at every point (before and after each journal entry) of the runs with at most this many failures:
   * default 1 for sagas of up to 30 steps, else 0 (the crash points of the happy path); -1: no crashes.
   */
  crashDepth?: number;
  /** Trace the example of each outcome (default true); untraced examples have an empty timeline, and `pathText` reads their journal. */
  traces?: boolean;
  /**
   * Also play every step, and every compensation, failing on every attempt (runs that end stuck), as a
   * single run with `attempts: 'always'` does. Default true, so that exploration finds what such a run shows;
   * the editor's rule leaves them out (false): no saga as written can avoid them.
   */
  permanent?: boolean;
  /**
   * List only the outcomes that breach a guarantee (what the validation rule reports): the runs are
   * played all the same, but a clean outcome gets no example run. Default false.
   */
  breachesOnly?: boolean;
}

/** The commands of a run from its last failure point on, 4 numbers each (target, step, attempt, journal position): the next failure points. */
interface Frame {
  actions: number[];
  next: number;
}

/**
 * The exploration of an orchestrated saga, a run at a time: `advance` plays runs
 * until a slice of simulated steps (or the budget) is spent, `result` lists the
 * outcomes seen so far. The runs are played in the same order as in one go, so a
 * whole exploration gives the same outcomes however it is sliced.
 */
export class OrchestrationExplorer implements SlicedExploration {
  private readonly saga: CompiledSaga;
  private readonly n: number;
  private readonly maxRetries: number;
  private readonly depth: number;
  private readonly crashDepth: number;
  private readonly breachesOnly: boolean;
  private readonly permanentRuns: boolean;
  private readonly base: Orchestrator;
  private readonly crashed: Orchestrator;
  private readonly buckets = new Map<number, Bucket>();
  private readonly riskCounts: Int32Array;
  private readonly points: Int32Array;
  private readonly meter: StepMeter;
  private runs = 0;
  private crashRuns = 0;
  /** The failure points still to try, one frame per level (the recursion of a depth-first walk, made explicit). */
  private readonly stack: Frame[] = [];
  /** The crash runs of the run in `base`, under way: the journal position and whether the crash comes before its entry. */
  private crashing: { k: number; position: number; before: number; length: number } | undefined;
  /** Where the runs with a command that never succeeds stand: the failing command's step, then the step failure `f` and compensation `j`. */
  private permanentCursor = { i: 0, f: 0, j: -1 };
  private phase: 'start' | 'tree' | 'permanent' | 'done' = 'start';
  /** Paths known so far (played and to play), and runs still to play that may find more. */
  private known = 1;
  private open: number;

  constructor(source: SagaSource, options: ExploreOptions = {}, budget: WorkBudget = {}) {
    this.saga = compileSaga(source);
    const n = (this.n = this.saga.n);
    this.maxRetries = options.maxRetries ?? defaultMaxRetries;
    this.depth = Math.max(0, options.depth ?? (n <= (options.pairLimit ?? 12) ? 2 : 1));
    this.crashDepth = options.crashDepth ?? (n <= 30 ? 1 : 0);
    this.breachesOnly = options.breachesOnly ?? false;
    this.permanentRuns = options.permanent ?? true;
    this.base = new Orchestrator(this.saga, { maxRetries: this.maxRetries });
    this.crashed = new Orchestrator(this.saga, { maxRetries: this.maxRetries });
    this.riskCounts = new Int32Array(2 * n);
    this.points = new Int32Array(3 * Math.max(1, this.depth));
    this.meter = new StepMeter(budget);
    // the happy path finds more paths unless it is the only one (depth 0, no crashes)
    this.open = this.depth > 0 || this.crashDepth >= 0 ? 1 : 0;
    if (this.permanentRuns) this.known += this.permanentTotal();
  }

  /** How many runs with a command that never succeeds there are: each step, and each compensation after each step failure that makes it run. */
  private permanentTotal(): number {
    let total = this.n;
    let compensable = 0;
    for (let f = 0; f < this.n; f++) {
      if (!this.saga.retry[f]) total += compensable;
      if (this.saga.compensationState[f]! >= 0) compensable++;
    }
    return total;
  }

  private snapshot(k: number): number[] {
    return Array.from(this.points.subarray(0, 3 * k));
  }

  /** Counts a run under its outcome; `breaches`: whether the run breaks a guarantee (only those count with `breachesOnly`). */
  private record(code: number, breaches: boolean, steps: number, scenario: () => Scenario, ordinary = true): void {
    if (this.breachesOnly && !breaches) return;
    const bucket = this.buckets.get(code);
    if (bucket) {
      bucket.count++;
      // an ordinary run's scenario is the better example: it needs no command that never succeeds
      if (ordinary && !bucket.ordinary) {
        this.meter.reserve(steps - bucket.steps);
        Object.assign(bucket, { ordinary: true, scenario: scenario(), steps });
      }
    } else {
      // the example is played again for the result: its steps count against the budget now
      this.meter.reserve(steps);
      this.buckets.set(code, { count: 1, scenario: scenario(), ordinary, steps });
    }
  }

  private configure(machine: Orchestrator, k: number): void {
    machine.clearFaults();
    for (let i = 0; i < k; i++) machine.addFault(this.points[3 * i]!, this.points[3 * i + 1]!, this.points[3 * i + 2]!, this.points[3 * i + 2]!);
  }

  /** Plays the run with the first `k` failure points, whose last failed at journal position `from - 1`. */
  private visit(k: number, from: number): void {
    const base = this.base;
    this.configure(base, k);
    base.clearCrashes();
    base.reset();
    base.run();
    this.runs++;
    this.meter.spend(base.commandsSent);
    if (k < this.depth || k <= this.crashDepth) this.open--;
    this.record(base.outcomeCode(), base.hasBreach(), base.commandsSent, () => ({ points: this.snapshot(k) }));
    if (k < this.depth) {
      // the commands of this run, from the last failure point on: each fails in a run of its own (which reuses `base`)
      const length = base.journalLength;
      const actions: number[] = [];
      for (let position = from; position < length; position++) {
        const type = base.entryType(position);
        if (type === END) continue;
        actions.push(type === STEP_DONE || type === STEP_FAILED ? T_STEP : T_COMP, base.entryStep(position), base.entryAttempt(position), position);
      }
      const children = actions.length / 4;
      this.known += children;
      if (k + 1 < this.depth || k + 1 <= this.crashDepth) this.open += children;
      this.stack.push({ actions, next: 0 });
    }
    if (k <= this.crashDepth) {
      this.crashing = { k, position: 0, before: 0, length: base.journalLength };
      this.known += 2 * base.journalLength;
    }
  }

  /** One crash run of the run in `base`: a crash before or after one journal entry, resumed from the journal. */
  private crashNext(): void {
    const crashing = this.crashing!;
    const { base, crashed } = this;
    const { k, position } = crashing;
    const before = crashing.before;
    this.configure(crashed, k);
    const type = base.entryType(position);
    const target = type === END ? T_END : type === STEP_DONE || type === STEP_FAILED ? T_STEP : T_COMP;
    const step = type === END ? 0 : base.entryStep(position);
    const attempt = type === END ? 0 : base.entryAttempt(position);
    crashed.clearCrashes();
    crashed.addCrash(target, step, attempt, before === 1);
    crashed.reset();
    crashed.run();
    this.crashRuns++;
    this.meter.spend(crashed.commandsSent);
    for (let r = 0; r < 2 * this.n; r++) this.riskCounts[r]! += crashed.resendRisk[r]!;
    const same = crashed.sameOutcome(base);
    // a diverging resume gets its own outcome, keyed apart from the others (and is a breach)
    const code = same ? crashed.outcomeCode() : -2 - crashed.outcomeCode();
    this.record(code, !same || crashed.hasBreach(), crashed.commandsSent, () => ({ points: this.snapshot(k), crash: { target, step, attempt, before: before === 1 } }));
    if (++crashing.before === 2) {
      crashing.before = 0;
      if (++crashing.position === crashing.length) this.crashing = undefined;
    }
  }

  /** One run with a command failing on every attempt (after `prefix`, a step failure that makes a compensation run). */
  private permanent(target: number, step: number, prefix: number[]): void {
    const base = this.base;
    base.clearFaults();
    base.clearCrashes();
    for (let i = 0; i < prefix.length; i += 3) base.addFault(prefix[i]!, prefix[i + 1]!, prefix[i + 2]!, prefix[i + 2]!);
    base.addFault(target, step, 1, 0x3fffffff);
    base.reset();
    base.run();
    this.runs++;
    this.meter.spend(base.commandsSent);
    this.record(base.outcomeCode(), base.hasBreach(), base.commandsSent, () => ({ points: prefix, permanent: { target, step } }), false);
  }

  /** The next run with a command that never succeeds; false when there is none left. */
  private permanentNext(): boolean {
    const cursor = this.permanentCursor;
    if (cursor.i < this.n) {
      this.permanent(T_STEP, cursor.i++, []);
      return true;
    }
    // a compensation failing for good, after each step failure that makes it run
    const { retry, compensationState } = this.saga;
    for (;;) {
      while (cursor.j >= 0 && compensationState[cursor.j]! < 0) cursor.j--;
      if (cursor.j >= 0) {
        this.permanent(T_COMP, cursor.j--, [T_STEP, cursor.f, 1]);
        return true;
      }
      // the next step failure that makes compensations run (a retried step never fails for good here)
      cursor.f++;
      while (cursor.f < this.n && retry[cursor.f]) cursor.f++;
      if (cursor.f >= this.n) return false;
      cursor.j = cursor.f - 1;
    }
  }

  /** Plays the next run; false when every path has been played. */
  private playNext(): boolean {
    if (this.phase === 'start') {
      this.phase = 'tree';
      this.visit(0, 0);
      return true;
    }
    if (this.phase === 'tree') {
      if (this.crashing) {
        this.crashNext();
        return true;
      }
      while (this.stack.length) {
        const k = this.stack.length - 1;
        const frame = this.stack[k]!;
        if (frame.next >= frame.actions.length) {
          this.stack.pop();
          continue;
        }
        const a = frame.next;
        frame.next += 4;
        this.points[3 * k] = frame.actions[a]!;
        this.points[3 * k + 1] = frame.actions[a + 1]!;
        this.points[3 * k + 2] = frame.actions[a + 2]!;
        this.visit(k + 1, frame.actions[a + 3]! + 1);
        return true;
      }
      this.phase = this.permanentRuns ? 'permanent' : 'done';
    }
    if (this.phase === 'permanent') {
      if (this.permanentNext()) return true;
      this.phase = 'done';
    }
    return false;
  }

  advance(steps = Infinity): boolean {
    const until = this.meter.total + steps;
    while (this.phase !== 'done') {
      if (this.meter.exhausted) return true;
      if (this.meter.total >= until) return false;
      if (!this.playNext()) return true;
    }
    return true;
  }

  coverage(): ExplorationCoverage {
    const paths = this.runs + this.crashRuns;
    // every path played: complete, even when the budget ran out on the last one (before the walk found nothing was left)
    const complete = this.phase === 'done' || (this.open === 0 && paths === this.known);
    return this.meter.coverage(paths, this.known, this.open === 0, complete);
  }

  /** The outcomes of the runs played so far, each with an example run played once more (traced unless `traces` is false). */
  result(traces = true): Exploration {
    return explorationOf(this.saga, this.maxRetries, this.depth, traces, {
      buckets: this.buckets,
      riskCounts: this.riskCounts,
      runs: this.runs,
      crashRuns: this.crashRuns,
      coverage: this.coverage(),
    });
  }
}

/** Explores every failure point and every crash point of an orchestrated saga (as far as `budget` reaches) and lists the distinct outcomes. */
export function exploreOrchestration(source: SagaSource, options: ExploreOptions = {}, budget: WorkBudget = {}): Exploration {
  const explorer = new OrchestrationExplorer(source, options, budget);
  explorer.advance();
  return explorer.result(options.traces ?? true);
}
