/**
 * Simulating one run of an orchestrated saga: `simulateOrchestration` plays a run to its
 * end; `OrchestratedSimulation` plays it one action at a time, for the editor's panel
 * (inject a failure or a crash at the current point, look at the state, the
 * timeline and the journal, start again).
 */
import type { Saga } from '../model/elements';
import type { Orchestration } from '../sagas/orchestration';
import { compileSaga, type CompiledSaga } from './compile';
import { Orchestrator, T_COMP, T_END, T_STEP } from './engine';
import { seedState } from './prng';
import type { Breach, CrashPoint, Fault, HeldResource, JournalEntry, OrchestrationOptions, RunPosition, RunResult, SimSaga, TimelineEvent } from './types';

export type SagaSource = Saga | Orchestration | CompiledSaga;

function orchestratorFor(saga: CompiledSaga, options: OrchestrationOptions, trace: boolean, withCrashes = true): Orchestrator {
  const machine = new Orchestrator(saga, { maxRetries: options.maxRetries, trace });
  if (options.faults) machine.addFaults(options.faults);
  if (withCrashes && options.crashes) machine.addCrashes(options.crashes);
  machine.setRates(options.failureRates, options.compensationFailureRates);
  machine.runSeed = seedState(options.seed ?? 1);
  machine.reset();
  return machine;
}

function checkOptions(saga: CompiledSaga, options: OrchestrationOptions): void {
  const valid = (step: number | undefined) => step !== undefined && Number.isInteger(step) && step >= 0 && step < saga.n;
  for (const fault of options.faults ?? []) {
    if (!valid(fault.step)) throw new RangeError(`No step ${fault.step} in saga ${saga.info.name} (it has ${saga.n}).`);
  }
  for (const crash of options.crashes ?? []) {
    if ((crash.target === 'step' || crash.target === 'compensation') && !valid(crash.step)) throw new RangeError(`No step ${crash.step} in saga ${saga.info.name} (it has ${saga.n}).`);
  }
}

/** The breach a crash run gets when it ends differently from the same run without the crash. */
function divergence(crashed: Orchestrator, plain: Orchestrator): Breach {
  const end = (machine: Orchestrator) => {
    const states = machine.states();
    const compensations = machine.compensationOrder().map((step) => machine.saga.compensations[step]);
    return `${states[states.length - 1]}${compensations.length ? ` after ${compensations.join(', ')}` : ''}`;
  };
  return {
    kind: 'resume-diverged',
    message: `Resumed from the journal after the crash, the run ended in ${end(crashed)}; without the crash it ends in ${end(plain)}.`,
  };
}

/**
 * Plays one run of an orchestrated saga to its end, with the faults and crashes given, and checks the guarantees.
 * `trace: false` leaves the timeline empty (the journal still tells the run).
 */
export function simulateOrchestration(source: SagaSource, options: OrchestrationOptions = {}, trace = true): RunResult {
  const saga = compileSaga(source);
  checkOptions(saga, options);
  const machine = orchestratorFor(saga, options, trace);
  machine.run();
  const result = machine.result(options.faults?.slice() ?? [], options.crashes?.slice() ?? []);
  if (options.failureRates?.some((rate) => rate > 0) || options.compensationFailureRates?.some((rate) => rate > 0)) result.seed = machine.runSeed;
  if (options.crashes?.length) checkResume(result, machine, saga, options);
  return result;
}

/** A run with crashes is compared with the same run without them: ending differently is a `resume-diverged` breach. */
function checkResume(result: RunResult, crashed: Orchestrator, saga: CompiledSaga, options: OrchestrationOptions): void {
  const plain = orchestratorFor(saga, options, false, false);
  plain.run();
  if (!crashed.sameOutcome(plain)) {
    result.breaches.push(divergence(crashed, plain));
    result.ok = false;
  }
}

/** What `step()` will do next. */
export type NextAction =
  | { kind: 'command'; target: 'step' | 'compensation'; step: number; command: string; participant?: string; attempt: number }
  | { kind: 'end'; outcome: 'completed' | 'failed' | 'stuck' }
  | { kind: 'resume' };

/** A stepped run as plain data, for a webview. */
export interface SimulationSnapshot extends RunPosition {
  commandsSent: number;
  /** The guarantees checked on the run so far (final once `done`). */
  result: RunResult;
}

/**
 * One run, one action at a time:
 *
 *     const run = new OrchestratedSimulation(saga);
 *     run.step();            // CreateOrder → ORDER_CREATED
 *     run.failNext();        // the next command fails
 *     run.step();            // ReserveInventory fails
 *     run.crashHere();       // the orchestrator dies here
 *     run.step();            // a new instance resumes from the journal
 *     run.runToEnd();        // (CancelOrder) FAILED
 *     run.reset();           // back to the start, same options
 */
export class OrchestratedSimulation {
  readonly saga: SimSaga;
  private readonly compiled: CompiledSaga;
  private readonly options: OrchestrationOptions;
  private machine!: Orchestrator;
  private faults: Fault[] = [];
  private crashes: CrashPoint[] = [];

  constructor(source: SagaSource, options: OrchestrationOptions = {}) {
    this.compiled = compileSaga(source);
    checkOptions(this.compiled, options);
    this.saga = this.compiled.info;
    this.options = options;
    this.reset();
  }

  /** Back to the start with the options' faults and crashes (the interactive ones are dropped). */
  reset(): void {
    this.machine = orchestratorFor(this.compiled, this.options, true);
    this.faults = this.options.faults?.slice() ?? [];
    this.crashes = this.options.crashes?.slice() ?? [];
  }

  get done(): boolean {
    return this.machine.done;
  }

  get crashed(): boolean {
    return this.machine.crashed;
  }

  get state(): string {
    return this.compiled.stateNames[this.machine.state]!;
  }

  get timeline(): readonly TimelineEvent[] {
    return this.machine.timeline;
  }

  get journal(): JournalEntry[] {
    return this.machine.journal();
  }

  get held(): HeldResource[] {
    return this.machine.heldResources();
  }

  /** `next()` in words: `send ReserveInventory to Inventory (attempt 2)`. */
  get nextText(): string {
    return this.machine.describeNext();
  }

  /** What `step()` will do, or undefined when the run is over. */
  next(): NextAction | undefined {
    const machine = this.machine;
    if (machine.crashed) return { kind: 'resume' };
    if (!machine.plan()) return undefined;
    if (machine.nextTarget === T_END) return { kind: 'end', outcome: (['completed', 'failed', 'stuck'] as const)[machine.nextEnd]! };
    const step = this.saga.steps[machine.nextStep]!;
    const isStep = machine.nextTarget === T_STEP;
    const action: NextAction = {
      kind: 'command',
      target: isStep ? 'step' : 'compensation',
      step: step.index,
      command: isStep ? step.command : this.compiled.compensations[step.index]!,
      attempt: machine.nextAttempt,
    };
    if (step.participant !== undefined) action.participant = step.participant;
    return action;
  }

  /** One action (or the resume after a crash); returns the timeline events it added, none when the run is over. */
  step(): TimelineEvent[] {
    const before = this.machine.timeline.length;
    this.machine.advance();
    return this.machine.timeline.slice(before);
  }

  /** Plays to the end and returns the checked result. */
  runToEnd(): RunResult {
    // a run always ends: every action moves the journal on, and retries are bounded
    while (this.machine.advance());
    return this.result();
  }

  /** The next command sent fails (`attempts` times in a row, or `always`). False when the next action sends no command. */
  failNext(attempts: number | 'always' = 1): boolean {
    const next = this.next();
    if (next?.kind !== 'command') return false;
    const last = attempts === 'always' ? 0x3fffffff : next.attempt + Math.max(1, attempts) - 1;
    this.machine.addFault(next.target === 'step' ? T_STEP : T_COMP, next.step, next.attempt, last);
    const fault: Fault = { target: next.target, step: next.step };
    if (attempts !== 1) fault.attempts = attempts;
    this.faults.push(fault);
    return true;
  }

  /** The orchestrator dies now, after its last journal entry; the next `step()` resumes a new instance from the journal. */
  crashHere(): boolean {
    if (this.machine.crashed || this.machine.done) return false;
    const last = this.machine.journalLength - 1;
    this.machine.crashNow();
    this.crashes.push(this.crashPointAt(last, 'after-journal'));
    return true;
  }

  /** The orchestrator dies during the next command: by default after the participant did the work but before the journal entry. */
  crashNext(when: CrashPoint['when'] = 'before-journal'): boolean {
    const next = this.next();
    if (!next || next.kind === 'resume') return false;
    const target = next.kind === 'end' ? T_END : next.target === 'step' ? T_STEP : T_COMP;
    const step = next.kind === 'command' ? next.step : 0;
    const attempt = next.kind === 'command' ? next.attempt : 0;
    this.machine.addCrash(target, step, attempt, when === 'before-journal');
    const point: CrashPoint = next.kind === 'command' ? { target: next.target, step, attempt, when } : { target: 'end', when };
    this.crashes.push(point);
    return true;
  }

  private crashPointAt(entry: number, when: CrashPoint['when']): CrashPoint {
    if (entry < 0) return { target: 'start', when };
    const journal = this.machine.journal()[entry]!;
    if (journal.type === 'end') return { target: 'end', when };
    const target = journal.type.startsWith('step') ? 'step' : 'compensation';
    return { target, step: journal.step!, attempt: journal.attempt!, when };
  }

  /** The run so far, checked (final once `done`). */
  result(): RunResult {
    return this.machine.result(this.faults.slice(), this.crashes.slice());
  }

  /** The run so far, checked as `simulateOrchestration` checks a whole run: with crashes, also against the same run without them. */
  checkedResult(): RunResult {
    const result = this.result();
    if (this.crashes.length) checkResume(result, this.machine, this.compiled, { ...this.options, faults: this.faults });
    return result;
  }

  snapshot(): SimulationSnapshot {
    const next = this.next();
    const snapshot: SimulationSnapshot = {
      saga: this.saga,
      state: this.state,
      done: this.done,
      crashed: this.crashed,
      nextText: this.machine.describeNext(),
      timeline: this.machine.timeline.slice(),
      journal: this.journal,
      held: this.held,
      commandsSent: this.machine.commandsSent,
      faults: this.faults.slice(),
      crashes: this.crashes.slice(),
      result: this.result(),
    };
    if (next) snapshot.next = next;
    return snapshot;
  }
}
