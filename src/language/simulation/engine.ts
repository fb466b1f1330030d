/**
 * The orchestrator of a saga as a machine, with the participants and the journal
 * around it. One implementation of the semantics serves single traced runs, the
 * stepping API, exhaustive exploration and bulk runs; with tracing off a run
 * allocates nothing.
 *
 * The orchestrator sends one command at a time: a step's command, or the
 * compensation of a step. The participant does the work (or fails) and replies;
 * the orchestrator writes an entry to its journal and only then moves on. Its
 * position (phase, next step, attempt, state) is a fold of the journal entries
 * (`apply`), so a new instance rebuilds it after a crash from the journal alone.
 *
 * - A step up to and including the pivot that fails aborts the saga: the steps
 *   done are compensated in reverse order and the saga ends in its failed state.
 * - A step after the pivot that fails is retried (at most `maxRetries` times);
 *   a compensation that fails is retried too. Out of retries, the run is stuck.
 * - A participant remembers the commands it has handled. When a resumed
 *   orchestrator sends one again, an idempotent participant answers as before;
 *   another does the work again (a risk the run reports).
 * - A step's effect is held (reserved, charged, pending) from its success until
 *   the saga completes or the step is compensated; `compensate none` holds nothing.
 *
 * Failures are decided per (step or compensation, attempt): a scripted fault, or
 * a seeded hash of the run's seed, so a command sent again gets the same answer.
 */
import { heldLabel, type CompiledSaga } from './compile';
import { anyBroken, brokenGuarantees } from './guarantees';
import type {
  ActionTarget,
  Breach,
  CommandEvent,
  CrashPoint,
  EndKind,
  Fault,
  HeldResource,
  JournalEntry,
  JournalEntryType,
  Risk,
  RunResult,
  TimelineEvent,
} from './types';

// journal entry types
export const STEP_DONE = 1;
export const STEP_FAILED = 2;
export const COMP_DONE = 3;
export const COMP_FAILED = 4;
export const END = 5;

// phases of the orchestrator
const FORWARD = 0;
const COMPENSATING = 1;
const DONE = 2;

// end kinds
export const END_COMPLETED = 0;
export const END_FAILED = 1;
export const END_STUCK = 2;

// action targets
export const T_STEP = 0;
export const T_COMP = 1;
export const T_END = 2;

// crash moments
const AFTER = 0;
const BEFORE = 1;

const endKinds: readonly EndKind[] = ['completed', 'failed', 'stuck'];
const entryTypes: readonly JournalEntryType[] = ['step-done', 'step-done', 'step-failed', 'compensation-done', 'compensation-failed', 'end'];
const ALWAYS = 0x3fffffff;

export const defaultMaxRetries = 3;

/** A uniform number in [0, 1) from a seed and three small integers (lowbias32 mixing). */
export function hashUniform(seed: number, a: number, b: number, c: number): number {
  let h = (seed ^ Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export interface OrchestratorOptions {
  maxRetries?: number;
  trace?: boolean;
}

/** The orchestrator of an orchestrated saga, played one action at a time: it sends each step's command, retries, compensates, journals, crashes and resumes. */
export class Orchestrator {
  readonly saga: CompiledSaga;
  readonly maxRetries: number;
  trace: boolean;

  // ---- the orchestrator's position: a fold of the journal
  phase = FORWARD;
  cursor = 0;
  attempt = 0;
  state: number;
  failedStep = -1;
  endKind = -1;
  /** The orchestrator died and has not been resumed yet. */
  crashed = false;

  // ---- the journal (parallel arrays, `journalLength` entries)
  journalLength = 0;
  private jType: Int32Array;
  private jStep: Int32Array;
  private jAttempt: Int32Array;
  private jState: Int32Array;

  // ---- the world: what the participants did
  /** Per step: the step's work happened. */
  readonly stepEffect: Uint8Array;
  /** Per step: how often its compensation did its work. */
  readonly compEffect: Uint8Array;
  readonly held: Uint8Array;
  /** Per step: the highest attempt of the step's command (and of its compensation) the participant handled, and its answer (1 failed). */
  private readonly seenStep: Int32Array;
  private readonly seenComp: Int32Array;
  private readonly answerStep: Uint8Array;
  private readonly answerComp: Uint8Array;
  /** Per step (step, then compensation): a command re-executed by a participant that is not idempotent. */
  readonly resendRisk: Uint8Array;
  commandsSent = 0;
  retries = 0;

  // ---- the next action (set by `plan`)
  nextTarget = T_STEP;
  nextStep = 0;
  nextAttempt = 1;
  nextEnd = END_COMPLETED;

  // ---- faults: [target, step, first attempt, last attempt] each
  private faultCount = 0;
  private faults = new Int32Array(16);
  private rates: Float64Array | undefined;
  private compRates: Float64Array | undefined;
  runSeed = 0;

  // ---- crashes: [target, step, attempt (0: first), when, fired] each
  private crashCount = 0;
  private crashes = new Int32Array(10);
  private crashAtStart = false;

  // ---- tracing
  timeline: TimelineEvent[] = [];

  constructor(saga: CompiledSaga, options: OrchestratorOptions = {}) {
    this.saga = saga;
    this.maxRetries = Math.max(0, options.maxRetries ?? defaultMaxRetries);
    this.trace = options.trace ?? false;
    const n = saga.n;
    this.state = saga.start;
    const capacity = Math.max(8, 4 * n + 8);
    this.jType = new Int32Array(capacity);
    this.jStep = new Int32Array(capacity);
    this.jAttempt = new Int32Array(capacity);
    this.jState = new Int32Array(capacity);
    this.stepEffect = new Uint8Array(n);
    this.compEffect = new Uint8Array(n);
    this.held = new Uint8Array(n);
    this.seenStep = new Int32Array(n);
    this.seenComp = new Int32Array(n);
    this.answerStep = new Uint8Array(n);
    this.answerComp = new Uint8Array(n);
    this.resendRisk = new Uint8Array(2 * n);
  }

  // ------------------------------------------------------------ configuration

  clearFaults(): void {
    this.faultCount = 0;
  }

  /** The command of (target, step) fails on attempts `first` … `last`. */
  addFault(target: number, step: number, first: number, last: number): void {
    this.faults = withRoom(this.faults, (this.faultCount + 1) * 4);
    const at = this.faultCount++ * 4;
    this.faults[at] = target;
    this.faults[at + 1] = step;
    this.faults[at + 2] = first;
    this.faults[at + 3] = last;
  }

  addFaults(faults: readonly Fault[]): void {
    for (const fault of faults) {
      const attempts = fault.attempts === 'always' ? ALWAYS : Math.max(1, fault.attempts ?? 1);
      this.addFault(fault.target === 'step' ? T_STEP : T_COMP, fault.step, 1, attempts);
    }
  }

  setRates(rates: ArrayLike<number> | undefined, compensationRates: ArrayLike<number> | undefined): void {
    const n = this.saga.n;
    const copy = (from: ArrayLike<number> | undefined) => {
      if (!from) return undefined;
      const to = new Float64Array(n);
      let any = false;
      for (let i = 0; i < n && i < from.length; i++) {
        to[i] = from[i] ?? 0;
        if (to[i]! > 0) any = true;
      }
      return any ? to : undefined;
    };
    this.rates = copy(rates);
    this.compRates = copy(compensationRates);
  }

  clearCrashes(): void {
    this.crashCount = 0;
    this.crashAtStart = false;
  }

  /** Crash at (target, step, attempt; 0 = whenever it first happens), after or before the journal write. */
  addCrash(target: number, step: number, attempt: number, before: boolean): void {
    this.crashes = withRoom(this.crashes, (this.crashCount + 1) * 5);
    const at = this.crashCount++ * 5;
    this.crashes[at] = target;
    this.crashes[at + 1] = step;
    this.crashes[at + 2] = attempt;
    this.crashes[at + 3] = before ? BEFORE : AFTER;
    this.crashes[at + 4] = 0;
  }

  addCrashes(crashes: readonly CrashPoint[]): void {
    for (const crash of crashes) {
      if (crash.target === 'start') {
        this.crashAtStart = true;
        continue;
      }
      const target = crash.target === 'step' ? T_STEP : crash.target === 'compensation' ? T_COMP : T_END;
      this.addCrash(target, crash.step ?? 0, crash.attempt ?? 0, crash.when === 'before-journal');
    }
  }

  // ------------------------------------------------------------ running

  /** Back to the start: an empty journal, untouched participants. Faults and crashes stay configured. */
  reset(): void {
    this.phase = FORWARD;
    this.cursor = 0;
    this.attempt = 0;
    this.state = this.saga.start;
    this.failedStep = -1;
    this.endKind = -1;
    this.crashed = false;
    this.journalLength = 0;
    this.stepEffect.fill(0);
    this.compEffect.fill(0);
    this.held.fill(0);
    this.seenStep.fill(0);
    this.seenComp.fill(0);
    this.answerStep.fill(0);
    this.answerComp.fill(0);
    this.resendRisk.fill(0);
    this.commandsSent = 0;
    this.retries = 0;
    for (let k = 0; k < this.crashCount; k++) this.crashes[k * 5 + 4] = 0;
    if (this.trace) this.timeline = [];
    if (this.crashAtStart) this.crash(AFTER);
  }

  get done(): boolean {
    return this.phase === DONE && !this.crashed;
  }

  /** The run is over and ended stuck (retries exhausted). */
  get endedStuck(): boolean {
    return this.done && this.endKind === END_STUCK;
  }

  /** The run is over and ended in the saga's failed state. */
  get endedFailed(): boolean {
    return this.done && this.endKind === END_FAILED;
  }

  /** Runs to the end. */
  run(): void {
    while (this.advance());
  }

  /**
   * Decides the orchestrator's next action from its position: sets `nextTarget`
   * (a step, a compensation or the end), `nextStep`, `nextAttempt`, `nextEnd`.
   * False when the run is over.
   */
  plan(): boolean {
    const saga = this.saga;
    if (this.phase === DONE) return false;
    if (this.phase === FORWARD) {
      if (this.cursor >= saga.n) return this.planEnd(END_COMPLETED);
      if (this.attempt > this.maxRetries) return this.planEnd(END_STUCK);
      this.nextTarget = T_STEP;
      this.nextStep = this.cursor;
      this.nextAttempt = this.attempt + 1;
      return true;
    }
    if (this.attempt > this.maxRetries) return this.planEnd(END_STUCK);
    let j = this.cursor;
    while (j >= 0 && saga.compensationState[j]! < 0) j--;
    if (j < 0) return this.planEnd(END_FAILED);
    this.nextTarget = T_COMP;
    this.nextStep = j;
    this.nextAttempt = this.attempt + 1;
    return true;
  }

  private planEnd(kind: number): boolean {
    this.nextTarget = T_END;
    this.nextEnd = kind;
    this.nextStep = this.cursor;
    this.nextAttempt = 0;
    return true;
  }

  /** One action: resume after a crash, send one command and handle its reply, or end the run. False when there is nothing left to do. */
  advance(): boolean {
    if (this.crashed) {
      this.resume();
      return true;
    }
    if (!this.plan()) return false;
    const saga = this.saga;
    const target = this.nextTarget;
    const step = this.nextStep;
    const attempt = this.nextAttempt;
    const from = this.state;

    if (target === T_END) {
      const kind = this.nextEnd;
      const state = kind === END_COMPLETED ? (saga.n === 0 ? saga.completed : from) : kind === END_FAILED ? saga.failed : from;
      if (this.crashMatches(T_END, step, 0, BEFORE)) return this.crash(BEFORE);
      this.write(END, kind, 0, state);
      if (kind === END_COMPLETED) this.held.fill(0); // the saga is done: what was pending becomes final
      if (this.trace) this.timeline.push({ kind: 'end', outcome: endKinds[kind]!, from: saga.stateNames[from]!, state: saga.stateNames[state]! });
      if (this.crashMatches(T_END, step, 0, AFTER)) this.crash(AFTER);
      return true;
    }

    this.commandsSent++;
    const isStep = target === T_STEP;
    const seen = isStep ? this.seenStep : this.seenComp;
    const answer = isStep ? this.answerStep : this.answerComp;
    let failed: boolean;
    let duplicate = 0; // 1 ignored, 2 re-executed
    if (seen[step]! >= attempt) {
      // sent again by a resumed orchestrator
      if (saga.idempotent[step]) {
        failed = answer[step] === 1;
        duplicate = 1;
      } else {
        failed = this.decide(target, step, attempt);
        duplicate = 2;
        if (!failed) {
          // the work happens a second time
          this.resendRisk[isStep ? step : saga.n + step] = 1;
          this.doWork(isStep, step);
        }
      }
    } else {
      if (attempt > 1) this.retries++;
      seen[step] = attempt;
      failed = this.decide(target, step, attempt);
      answer[step] = failed ? 1 : 0;
      if (!failed) this.doWork(isStep, step);
    }

    let type: number;
    let to: number;
    if (isStep) {
      type = failed ? STEP_FAILED : STEP_DONE;
      to = failed ? (saga.failure[step]! >= 0 ? saga.failure[step]! : from) : saga.success[step]!;
    } else {
      type = failed ? COMP_FAILED : COMP_DONE;
      to = failed ? from : saga.compensationState[step]!;
    }
    if (this.crashMatches(target, step, attempt, BEFORE)) {
      if (this.trace) this.traceCommand(target, step, attempt, from, from, failed, duplicate);
      return this.crash(BEFORE);
    }
    this.write(type, step, attempt, to);
    if (this.trace) this.traceCommand(target, step, attempt, from, to, failed, duplicate);
    if (this.crashMatches(target, step, attempt, AFTER)) this.crash(AFTER);
    return true;
  }

  private doWork(isStep: boolean, step: number): void {
    if (isStep) {
      this.stepEffect[step] = 1;
      if (this.saga.holds[step]) this.held[step] = 1;
    } else {
      if (this.compEffect[step]! < 255) this.compEffect[step]!++;
      this.held[step] = 0;
    }
  }

  private decide(target: number, step: number, attempt: number): boolean {
    const faults = this.faults;
    for (let k = 0, at = 0; k < this.faultCount; k++, at += 4) {
      if (faults[at] === target && faults[at + 1] === step && attempt >= faults[at + 2]! && attempt <= faults[at + 3]!) return true;
    }
    const rates = target === T_STEP ? this.rates : this.compRates;
    if (rates) {
      const p = rates[step]!;
      if (p > 0 && (p >= 1 || hashUniform(this.runSeed, target, step, attempt) < p)) return true;
    }
    return false;
  }

  private write(type: number, step: number, attempt: number, state: number): void {
    const at = this.journalLength;
    if (at >= this.jType.length) this.growJournal();
    this.jType[at] = type;
    this.jStep[at] = step;
    this.jAttempt[at] = attempt;
    this.jState[at] = state;
    this.journalLength = at + 1;
    this.apply(type, step, attempt, state);
  }

  private growJournal(): void {
    const grow = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.jType = grow(this.jType);
    this.jStep = grow(this.jStep);
    this.jAttempt = grow(this.jAttempt);
    this.jState = grow(this.jState);
  }

  /** How one journal entry moves the orchestrator: the only place its position changes. */
  private apply(type: number, step: number, attempt: number, state: number): void {
    this.state = state;
    switch (type) {
      case STEP_DONE:
        this.cursor = step + 1;
        this.attempt = 0;
        break;
      case STEP_FAILED:
        if (this.saga.retry[step]) {
          this.cursor = step;
          this.attempt = attempt;
        } else {
          this.phase = COMPENSATING;
          this.failedStep = step;
          this.cursor = step - 1;
          this.attempt = 0;
        }
        break;
      case COMP_DONE:
        this.cursor = step - 1;
        this.attempt = 0;
        break;
      case COMP_FAILED:
        this.cursor = step;
        this.attempt = attempt;
        break;
      case END:
        this.phase = DONE;
        this.endKind = step;
        break;
    }
  }

  private crashMatches(target: number, step: number, attempt: number, when: number): boolean {
    const crashes = this.crashes;
    for (let k = 0, at = 0; k < this.crashCount; k++, at += 5) {
      if (crashes[at + 4] || crashes[at] !== target || crashes[at + 3] !== when) continue;
      if (target !== T_END && (crashes[at + 1] !== step || (crashes[at + 2] !== 0 && crashes[at + 2] !== attempt))) continue;
      crashes[at + 4] = 1;
      return true;
    }
    return false;
  }

  private crash(when: number): boolean {
    this.crashed = true;
    if (this.trace) {
      this.timeline.push({
        kind: 'crash',
        when: when === BEFORE ? 'before-journal' : 'after-journal',
        journalLength: this.journalLength,
        state: this.saga.stateNames[this.state]!,
      });
    }
    return true;
  }

  /** Crashes now: the orchestrator stops after its last journal entry. */
  crashNow(): void {
    if (this.crashed || this.done) return;
    this.crash(AFTER);
  }

  /** A new orchestrator instance: forgets everything but the journal and folds it. */
  resume(): void {
    this.phase = FORWARD;
    this.cursor = 0;
    this.attempt = 0;
    this.state = this.saga.start;
    this.failedStep = -1;
    this.endKind = -1;
    for (let i = 0; i < this.journalLength; i++) this.apply(this.jType[i]!, this.jStep[i]!, this.jAttempt[i]!, this.jState[i]!);
    this.crashed = false;
    if (this.trace) {
      this.timeline.push({ kind: 'resume', journalLength: this.journalLength, state: this.saga.stateNames[this.state]!, next: this.describeNext() });
    }
  }

  /** The next action in words: `send ReserveInventory to Inventory (attempt 2)`. */
  describeNext(): string {
    if (this.crashed) return 'resume from the journal';
    if (!this.plan()) return 'nothing: the run is over';
    const info = this.saga.info.steps[this.nextStep];
    if (this.nextTarget === T_END) return `end the saga: ${endKinds[this.nextEnd]}`;
    const command = this.nextTarget === T_STEP ? info!.command : this.saga.compensations[this.nextStep]!;
    const attempt = this.nextAttempt > 1 ? ` (attempt ${this.nextAttempt})` : '';
    return `send ${command}${info?.participant ? ` to ${info.participant}` : ''}${attempt}`;
  }

  private traceCommand(target: number, step: number, attempt: number, from: number, to: number, failed: boolean, duplicate: number): void {
    const saga = this.saga;
    const info = saga.info.steps[step]!;
    const isStep = target === T_STEP;
    const event: CommandEvent = {
      kind: 'command',
      seq: this.commandsSent,
      target: isStep ? 'step' : 'compensation',
      step,
      command: isStep ? info.command : saga.compensations[step]!,
      attempt,
      from: saga.stateNames[from]!,
      to: saga.stateNames[to]!,
      outcome: failed ? 'failure' : 'success',
      resent: duplicate !== 0,
      held: this.heldSteps(),
    };
    if (info.participant !== undefined) event.participant = info.participant;
    if (duplicate) event.duplicate = duplicate === 1 ? 'ignored' : 're-executed';
    if (failed && (!isStep || saga.retry[step])) event.willRetry = attempt <= this.maxRetries;
    this.timeline.push(event);
  }

  heldSteps(): number[] {
    const steps: number[] = [];
    for (let i = 0; i < this.saga.n; i++) if (this.held[i]) steps.push(i);
    return steps;
  }

  // ------------------------------------------------------------ results

  /**
   * The outcome as one number: 0 completed, 1+f failed at step f, 1+n+i stuck
   * at step i, 1+2n+f·n+j stuck compensating step j after step f failed; -1 not over.
   */
  outcomeCode(): number {
    const n = this.saga.n;
    if (this.phase !== DONE) return -1;
    if (this.endKind === END_COMPLETED) return 0;
    if (this.endKind === END_FAILED) return 1 + this.failedStep;
    if (this.failedStep < 0) return 1 + n + this.cursor;
    return 1 + 2 * n + this.failedStep * n + this.cursor;
  }

  /** Whether the world and the journal's outcome equal another machine's (crash runs against their run without the crash). */
  sameOutcome(other: Orchestrator): boolean {
    if (this.outcomeCode() !== other.outcomeCode() || this.state !== other.state) return false;
    for (let i = 0; i < this.saga.n; i++) {
      if (this.held[i] !== other.held[i] || this.stepEffect[i] !== other.stepEffect[i] || (this.compEffect[i] !== 0) !== (other.compEffect[i] !== 0)) return false;
    }
    // the same compensations, in the same order
    let a = 0;
    let b = 0;
    for (;;) {
      while (a < this.journalLength && this.jType[a] !== COMP_DONE) a++;
      while (b < other.journalLength && other.jType[b] !== COMP_DONE) b++;
      if (a >= this.journalLength || b >= other.journalLength) return a >= this.journalLength && b >= other.journalLength;
      if (this.jStep[a] !== other.jStep[b]) return false;
      a++;
      b++;
    }
  }

  /** The steps compensated, in the order the journal records it. */
  compensationOrder(): number[] {
    const steps: number[] = [];
    for (let i = 0; i < this.journalLength; i++) if (this.jType[i] === COMP_DONE) steps.push(this.jStep[i]!);
    return steps;
  }

  /** Journal entry `i`: type, step (end kind for END), attempt. */
  entryType(i: number): number {
    return this.jType[i]!;
  }

  entryStep(i: number): number {
    return this.jStep[i]!;
  }

  entryAttempt(i: number): number {
    return this.jAttempt[i]!;
  }

  journal(): JournalEntry[] {
    const saga = this.saga;
    const entries: JournalEntry[] = [];
    for (let i = 0; i < this.journalLength; i++) {
      const type = this.jType[i]!;
      const entry: JournalEntry = { seq: i + 1, type: entryTypes[type]!, state: saga.stateNames[this.jState[i]!]! };
      if (type === END) {
        entry.outcome = endKinds[this.jStep[i]!]!;
      } else {
        const step = this.jStep[i]!;
        entry.step = step;
        entry.command = type === STEP_DONE || type === STEP_FAILED ? saga.commands[step]! : saga.compensations[step]!;
        entry.attempt = this.jAttempt[i]!;
      }
      entries.push(entry);
    }
    return entries;
  }

  /** The states the journal passes, the start first, without repeats in a row. */
  states(): string[] {
    const names = this.saga.stateNames;
    const states = [names[this.saga.start]!];
    for (let i = 0; i < this.journalLength; i++) {
      const name = names[this.jState[i]!]!;
      if (states[states.length - 1] !== name) states.push(name);
    }
    return states;
  }

  heldResources(): HeldResource[] {
    return this.heldSteps().map((step) => heldResource(this.saga, step));
  }

  /** Whether `breaches()` would find anything, without building the findings (asked of every explored run). */
  hasBreach(): boolean {
    return anyBroken(this);
  }

  /** The guarantees (guarantees.ts), checked on the run as it stands. */
  breaches(): Breach[] {
    return brokenGuarantees(this);
  }

  risks(): Risk[] {
    const saga = this.saga;
    const risks: Risk[] = [];
    for (let k = 0; k < 2 * saga.n; k++) {
      if (!this.resendRisk[k]) continue;
      const isStep = k < saga.n;
      const step = isStep ? k : k - saga.n;
      risks.push(resendRisk(saga, isStep ? 'step' : 'compensation', step));
    }
    return risks;
  }

  /** The run as plain data (tracing should have been on for the timeline). */
  result(faults: Fault[] = [], crashes: CrashPoint[] = []): RunResult {
    const saga = this.saga;
    const breaches = this.breaches();
    const result: RunResult = {
      saga: saga.info.name,
      faults,
      crashes,
      end: this.phase === DONE && !this.crashed ? endKinds[this.endKind]! : 'running',
      state: saga.stateNames[this.state]!,
      states: this.states(),
      compensations: this.compensationOrder().map((step) => saga.compensations[step]!),
      commandsSent: this.commandsSent,
      retries: this.retries,
      timeline: this.timeline.slice(),
      journal: this.journal(),
      held: this.heldResources(),
      breaches,
      risks: this.risks(),
      ok: breaches.length === 0,
    };
    if (this.failedStep >= 0 && this.endKind === END_FAILED) result.failedStep = this.failedStep;
    return result;
  }
}

export function heldResource(saga: CompiledSaga, step: number): HeldResource {
  const info = saga.info.steps[step]!;
  const resource: HeldResource = { step, command: info.command, label: heldLabel(info) };
  if (info.participant !== undefined) resource.participant = info.participant;
  return resource;
}

export function resendRisk(saga: CompiledSaga, target: ActionTarget, step: number): Risk {
  const info = saga.info.steps[step]!;
  const command = target === 'step' ? info.command : saga.compensations[step]!;
  const who = info.participant ?? 'the participant';
  return {
    kind: 'resend-not-idempotent',
    target,
    step,
    command,
    message: `After a crash the orchestrator sends ${command} again, and ${who} does the work twice: mark the step \`idempotent\` once its participant ignores repeated commands.`,
  };
}

/** `array`, or a copy twice as long when it holds fewer than `needed` entries. */
function withRoom(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}
