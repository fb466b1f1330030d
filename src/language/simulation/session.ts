/**
 * Simulation sessions: a saga with what is injected into it, played ONCE to its
 * end, then cut anywhere. The simulator panel steps forward and back, injects a
 * failure at the next command or a crash right here, and resumes; each of these
 * is the same deterministic run looked at after k actions, or the run of new
 * injections. A session remembers a frame per action (session-frames.ts: the
 * first 500 as the run is played, a long run's later ones on demand), so "the
 * state after k actions" costs no engine work, and `SimulationSessions` keeps
 * the last few sessions so a panel that steps through a run computes it once.
 */
import type { Saga } from '../model/elements';
import { defaultMaxRetries } from './engine';
import { ChoreographySimulation, type ChoreographyOptions, type ChoreographyRunResult } from './choreographed';
import { OrchestratedSimulation, type NextAction } from './orchestrated';
import { eagerFrames, RunFrames } from './session-frames';
import type {
  ChoreographedRun,
  ChoreographyInjections,
  ChoreographyVerdict,
  CrashPoint,
  Fault,
  HeldResource,
  JournalEntry,
  OrchestratedRun,
  OrchestrationOptions,
  PendingDelivery,
  RunResult,
  SagaInjections,
  SagaProgress,
  SimSaga,
  SimulationRun,
  Verdict,
} from './types';

/** Actions a session plays at most (a guard: every run ends, retries are bounded). */
export const defaultMaxSteps = 100_000;

export function verdictOf(result: RunResult): Verdict {
  const verdict: Verdict = {
    end: result.end,
    state: result.state,
    states: result.states,
    compensations: result.compensations,
    commandsSent: result.commandsSent,
    retries: result.retries,
    breaches: result.breaches,
    risks: result.risks,
    ok: result.ok,
  };
  if (result.failedStep !== undefined) verdict.failedStep = result.failedStep;
  return verdict;
}

export function choreographyVerdictOf(result: ChoreographyRunResult): ChoreographyVerdict {
  const { end, running, events, firings, deliveries, held, breaches, ok } = result;
  return { end, running, events, firings, deliveries, held, breaches, ok };
}

/** The engine's options for what the panel injects into a choreography. */
export function choreographyOptions(injections: ChoreographyInjections | undefined): ChoreographyOptions {
  const options: ChoreographyOptions = {};
  if (injections?.failReactions?.length) options.failReactions = injections.failReactions;
  if (injections?.duplicate?.length) options.duplicate = injections.duplicate;
  if (injections?.delay?.length) options.delay = injections.delay;
  if (injections?.reorder) {
    options.reorder = true;
    options.seed = injections.seed ?? 1;
  }
  return options;
}

/** The panel's injections for the engine's options of a choreographed run (an explored scenario, say). */
export function choreographyInjections(options: ChoreographyOptions): ChoreographyInjections {
  const injections: ChoreographyInjections = {};
  if (options.failReactions?.length) injections.failReactions = [...options.failReactions];
  if (options.duplicate?.length) injections.duplicate = [...options.duplicate];
  if (options.delay?.length) injections.delay = [...options.delay];
  if (options.reorder) {
    injections.reorder = true;
    injections.seed = options.seed ?? 1;
  }
  return injections;
}

/** The fault that makes the next command fail, given the faults already injected (one more failed attempt of that command). */
export function faultForNext(faults: readonly Fault[], next: NextAction | undefined): Fault | undefined {
  if (next?.kind !== 'command') return undefined;
  const known = faults.find((fault) => fault.target === next.target && fault.step === next.step);
  const attempts = known?.attempts === 'always' ? 'always' : Math.max(typeof known?.attempts === 'number' ? known.attempts : known ? 1 : 0, next.attempt);
  const fault: Fault = { target: next.target, step: next.step };
  if (attempts !== 1) fault.attempts = attempts;
  return fault;
}

/** Faults with `fault` in place of any other fault of the same command. */
export function withFault(faults: readonly Fault[], fault: Fault): Fault[] {
  return [...faults.filter((known) => known.target !== fault.target || known.step !== fault.step), fault];
}

/** The crash point "right here": after the last journal entry of a run that is neither over nor down. */
export function crashPointAfter(journal: OrchestratedRun['journal'], done: boolean, crashed: boolean): CrashPoint | undefined {
  if (done || crashed) return undefined;
  const last = journal[journal.length - 1];
  if (!last) return { target: 'start', when: 'after-journal' };
  if (last.type === 'end' || last.step === undefined) return undefined;
  const point: CrashPoint = { target: last.type.startsWith('step') ? 'step' : 'compensation', step: last.step, when: 'after-journal' };
  if (last.attempt !== undefined) point.attempt = last.attempt;
  return point;
}

/**
 * The saga step a run has reached after its journal, with `next` to come, and
 * the compensations that ran: the step of the last step command written down
 * or of the next one, whichever is later (retries and re-sends stay on their step).
 */
export function sagaProgress(saga: SimSaga, journal: readonly JournalEntry[], next: NextAction | undefined, compensations: number): SagaProgress {
  let reached = next?.kind === 'command' && next.target === 'step' ? next.step + 1 : 0;
  for (const entry of journal) {
    if ((entry.type === 'step-done' || entry.type === 'step-failed') && entry.step !== undefined) reached = Math.max(reached, entry.step + 1);
  }
  return { step: reached, steps: saga.steps.length, compensations };
}

/** New injections and where to look at their run: what `failNext` and `crashHere` answer. */
export interface SessionMove {
  injections: SagaInjections;
  step: number;
}

/** One run of a saga with its injections, computed once. */
export interface SimulationSession {
  readonly saga: Saga;
  readonly injections: SagaInjections;
  /** Actions in the whole run. */
  readonly steps: number;
  /** The run after `step` actions (absent, or past the end: the whole run). */
  at(step?: number): SimulationRun;
}

/** The list before when it has the same entries (it is kept once), else the new one. */
function same<T>(before: T[] | undefined, now: T[]): T[] {
  if (!before || before.length !== now.length) return now;
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i] && JSON.stringify(before[i]) !== JSON.stringify(now[i])) return now;
  return before;
}

function orchestratedFrame(simulation: OrchestratedSimulation, previous: OrchestratedFrame | undefined): OrchestratedFrame {
  const now = simulation.result();
  const verdict = verdictOf(now);
  const frame: OrchestratedFrame = {
    state: simulation.state,
    done: simulation.done,
    crashed: simulation.crashed,
    nextText: simulation.nextText,
    timelineLength: now.timeline.length,
    journalLength: now.journal.length,
    // a run with many retries changes little from one action to the next: what did not change is kept once
    held: same(previous?.held, now.held),
    verdict: {
      ...verdict,
      states: same(previous?.verdict.states, verdict.states),
      compensations: same(previous?.verdict.compensations, verdict.compensations),
      breaches: same(previous?.verdict.breaches, verdict.breaches),
      risks: same(previous?.verdict.risks, verdict.risks),
    },
  };
  const next = simulation.next();
  if (next) frame.next = next;
  return frame;
}

interface OrchestratedFrame {
  state: string;
  done: boolean;
  crashed: boolean;
  next?: NextAction;
  nextText: string;
  timelineLength: number;
  journalLength: number;
  held: HeldResource[];
  verdict: Verdict;
}

/**
 * An orchestrated saga's run: `at(k)` is the run stopped after k actions,
 * `failNext(k)` and `crashHere(k)` the injections that fail the command after
 * action k, or crash the orchestrator right after it (the next action resumes a
 * new instance from the journal).
 */
export class OrchestratedSession implements SimulationSession {
  readonly steps: number;
  private readonly frames: RunFrames<OrchestratedSimulation, OrchestratedFrame>;
  private readonly whole: RunResult;
  private readonly final: Verdict;
  private readonly info: SimSaga;

  /** Throws a RangeError for a fault or crash at a step the saga does not have. */
  constructor(
    readonly saga: Saga,
    readonly injections: SagaInjections,
    maxSteps = defaultMaxSteps,
    eager = eagerFrames,
  ) {
    const options: OrchestrationOptions = { faults: injections.faults ?? [], crashes: injections.crashes ?? [] };
    if (injections.maxRetries !== undefined) options.maxRetries = injections.maxRetries;
    this.frames = new RunFrames(
      {
        start: () => new OrchestratedSimulation(saga, options),
        step: (simulation) => simulation.next() !== undefined && (simulation.step(), true),
        capture: orchestratedFrame,
      },
      maxSteps,
      eager,
    );
    this.steps = this.frames.steps;
    const simulation = this.frames.simulation;
    this.info = simulation.saga;
    // a run cut by maxSteps still gets its final verdict: it always ends
    simulation.runToEnd();
    this.whole = simulation.checkedResult();
    this.final = verdictOf(this.whole);
  }

  private cut(step: number | undefined): number {
    return step === undefined ? this.steps : Math.max(0, Math.min(step, this.steps));
  }

  at(step?: number): OrchestratedRun {
    const played = this.cut(step);
    const frame = this.frames.at(played);
    const journal = this.whole.journal.slice(0, frame.journalLength);
    const run: OrchestratedRun = {
      style: 'orchestrated',
      saga: this.info,
      step: played,
      steps: this.steps,
      progress: sagaProgress(this.info, journal, frame.next, frame.verdict.compensations.length),
      maxRetries: Math.max(0, this.injections.maxRetries ?? defaultMaxRetries),
      state: frame.state,
      done: frame.done,
      crashed: frame.crashed,
      nextText: frame.nextText,
      timeline: this.whole.timeline.slice(0, frame.timelineLength),
      journal,
      held: frame.held,
      faults: this.injections.faults ?? [],
      crashes: this.injections.crashes ?? [],
      verdict: frame.verdict,
      final: this.final,
    };
    if (frame.next) run.next = frame.next;
    const failNext = faultForNext(run.faults, frame.next);
    if (failNext) run.failNext = failNext;
    const crashHere = crashPointAfter(run.journal, frame.done, frame.crashed);
    if (crashHere) run.crashHere = crashHere;
    return run;
  }

  /** The command after action `step` fails (once more than it already did); the move plays it at once. Undefined when no command comes next. */
  failNext(step: number): SessionMove | undefined {
    const played = this.cut(step);
    const fault = faultForNext(this.injections.faults ?? [], this.frames.at(played).next);
    if (!fault) return undefined;
    return { injections: { ...this.injections, faults: withFault(this.injections.faults ?? [], fault) }, step: played + 1 };
  }

  /** The orchestrator dies right after action `step`; the next action resumes it from the journal. Undefined when the run is over or already down there. */
  crashHere(step: number): SessionMove | undefined {
    const played = this.cut(step);
    const frame = this.frames.at(played);
    const point = crashPointAfter(this.whole.journal.slice(0, frame.journalLength), frame.done, frame.crashed);
    if (!point) return undefined;
    return { injections: { ...this.injections, crashes: [...(this.injections.crashes ?? []), point] }, step: played };
  }
}

interface ChoreographyFrame {
  timelineLength: number;
  pending: PendingDelivery[];
  verdict: ChoreographyVerdict;
}

/** A choreographed saga's run on the bus: `at(k)` is the run after k deliveries. */
export class ChoreographySession implements SimulationSession {
  readonly steps: number;
  private readonly frames: RunFrames<ChoreographySimulation, ChoreographyFrame>;
  private readonly timeline: ChoreographedRun['timeline'];
  private readonly final: ChoreographyVerdict;
  private readonly info: ChoreographedRun['saga'];

  constructor(
    readonly saga: Saga,
    readonly injections: SagaInjections,
    maxSteps = defaultMaxSteps,
    eager = eagerFrames,
  ) {
    const options = choreographyOptions(injections.choreography);
    this.frames = new RunFrames<ChoreographySimulation, ChoreographyFrame>(
      {
        start: () => new ChoreographySimulation(saga, options),
        step: (simulation) => !simulation.done && (simulation.step(), true),
        capture: (simulation) => {
          const now = simulation.result();
          return { timelineLength: now.timeline.length, pending: simulation.pendingDeliveries(), verdict: choreographyVerdictOf(now) };
        },
      },
      maxSteps,
      eager,
    );
    this.steps = this.frames.steps;
    const end = this.frames.simulation.result();
    this.info = this.frames.simulation.info;
    this.timeline = end.timeline;
    this.final = choreographyVerdictOf(end);
  }

  at(step?: number): ChoreographedRun {
    const played = step === undefined ? this.steps : Math.max(0, Math.min(step, this.steps));
    const frame = this.frames.at(played);
    return {
      style: 'choreographed',
      saga: this.info,
      step: played,
      steps: this.steps,
      done: !frame.verdict.running,
      pending: frame.pending,
      timeline: this.timeline.slice(0, frame.timelineLength),
      injections: this.injections.choreography ?? {},
      verdict: frame.verdict,
      final: this.final,
    };
  }
}

/** A session for the saga: orchestrated or choreographed, as the saga is. */
export function startSession(saga: Saga, injections: SagaInjections, maxSteps = defaultMaxSteps): SimulationSession {
  checkInjections(saga, injections);
  return saga.style === 'choreographed' ? new ChoreographySession(saga, injections, maxSteps) : new OrchestratedSession(saga, injections, maxSteps);
}

/**
 * Refuses (RangeError) injections that cannot apply to this saga, rather than play a run without
 * them: step faults or crashes on a choreography, reaction faults on an orchestration, a reaction
 * the choreography does not have.
 */
export function checkInjections(saga: Saga, injections: SagaInjections): void {
  if (saga.style === 'choreographed') {
    if (injections.faults?.length || injections.crashes?.length) {
      throw new RangeError(`${saga.name} is choreographed: fail or duplicate its reactions and events; step faults and crashes are for orchestrated sagas`);
    }
    const beyond = injections.choreography?.failReactions?.find((index) => index < 0 || index >= saga.reactions.length);
    if (beyond !== undefined) throw new RangeError(`${saga.name} has ${saga.reactions.length} reaction${saga.reactions.length === 1 ? '' : 's'}: there is no reaction ${beyond + 1}`);
    return;
  }
  const choreography = injections.choreography;
  if (choreography && (choreography.failReactions?.length || choreography.duplicate?.length || choreography.delay?.length || choreography.reorder)) {
    throw new RangeError(`${saga.name} is orchestrated: fail its steps or crash its orchestrator; reaction faults, duplicates, delays and reordering are for choreographed sagas`);
  }
}

/** What identifies a run: the saga (the model element itself) and its injections. */
function injectionsKey(saga: Saga, injections: SagaInjections): string {
  const { faults, crashes, maxRetries, choreography } = injections;
  return JSON.stringify([saga.name, saga.style === 'choreographed' ? [choreography ?? {}] : [faults ?? [], crashes ?? [], maxRetries ?? null]]);
}

export interface SimulationSessionsOptions {
  /** Sessions kept (the most recently used; default 8). */
  size?: number;
  maxSteps?: number;
  /** How a session is started (tests count the runs computed). */
  start?: typeof startSession;
}

/**
 * The last few sessions, by saga and injections: a panel that steps through a
 * run, back and forth, asks for the same session each time and gets it without
 * computing the run again. An edit makes new model elements, so a saga edited
 * since is a new session.
 */
export class SimulationSessions {
  private readonly sessions = new Map<string, SimulationSession>();
  private readonly size: number;
  private readonly maxSteps: number;
  private readonly start: typeof startSession;

  constructor(options: SimulationSessionsOptions = {}) {
    this.size = Math.max(1, options.size ?? 8);
    this.maxSteps = options.maxSteps ?? defaultMaxSteps;
    this.start = options.start ?? startSession;
  }

  session(saga: Saga, injections: SagaInjections): SimulationSession {
    // before the cache: a run's key leaves out the injections of the other style
    checkInjections(saga, injections);
    const key = injectionsKey(saga, injections);
    const known = this.sessions.get(key);
    if (known && known.saga === saga) {
      // most recently used last
      this.sessions.delete(key);
      this.sessions.set(key, known);
      return known;
    }
    const session = this.start(saga, injections, this.maxSteps);
    this.sessions.delete(key);
    this.sessions.set(key, session);
    while (this.sessions.size > this.size) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }

  /** The run of the saga with these injections after `step` actions. */
  run(saga: Saga, injections: SagaInjections, step?: number): SimulationRun {
    return this.session(saga, injections).at(step);
  }
}
