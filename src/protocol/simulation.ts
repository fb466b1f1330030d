/**
 * The simulator's contract: `ddd/simulate` (one run, stopped after k actions),
 * `ddd/explore` (every failure and crash point), `ddd/bulk` (N seeded runs) and
 * `ddd/replay` (an event stream replayed). The server keeps no session: the
 * panel asks for the same deterministic run again with more injected faults or
 * a different k. These shapes mirror src/language/simulation/types.ts (the
 * server assigns the core's results to them, so the compiler checks they agree).
 */
import type { DiagramResult } from './diagrams';
import type { SourceRange } from './source';

// ---------------------------------------------------------------- orchestrated: what is injected

export const actionTargets = ['step', 'compensation'] as const;
export type ActionTarget = (typeof actionTargets)[number];

/** A participant answers a command with a failure: the first `attempts` attempts (default 1), or every one. */
export interface Fault {
  target: ActionTarget;
  /** 0-based step index (for a compensation: the step it undoes). */
  step: number;
  attempts?: number | 'always';
}

export const crashTargets = ['step', 'compensation', 'end', 'start'] as const;
export const crashMoments = ['after-journal', 'before-journal'] as const;

/** The orchestrator dies after (or just before) writing the journal entry of an action. */
export interface CrashPoint {
  target: (typeof crashTargets)[number];
  /** Required for `step` and `compensation`. */
  step?: number;
  /** Which attempt (default: the first time). */
  attempt?: number;
  when: (typeof crashMoments)[number];
}

// ---------------------------------------------------------------- orchestrated: the saga and a run

export interface SimStep {
  index: number;
  command: string;
  participant?: string;
  reply?: string;
  role: 'compensatable' | 'read-only' | 'pivot' | 'retriable' | 'irreversible';
  compensation?: string;
  compensationState?: string;
  idempotent: boolean;
  from: string;
  successState: string;
  failureState?: string;
  retried: boolean;
  holds: boolean;
}

export interface SimSaga {
  name: string;
  orchestrator?: string;
  start: string;
  completed: string;
  failed: string;
  pivot?: number;
  steps: SimStep[];
  states: string[];
}

export type EndKind = 'completed' | 'failed' | 'stuck';

export interface CommandEvent {
  kind: 'command';
  seq: number;
  target: ActionTarget;
  step: number;
  command: string;
  participant?: string;
  attempt: number;
  from: string;
  to: string;
  outcome: 'success' | 'failure';
  resent: boolean;
  duplicate?: 'ignored' | 're-executed';
  willRetry?: boolean;
  held: number[];
}

export interface EndEvent {
  kind: 'end';
  outcome: EndKind;
  from: string;
  state: string;
}

export interface CrashEvent {
  kind: 'crash';
  when: CrashPoint['when'];
  journalLength: number;
  state: string;
}

export interface ResumeEvent {
  kind: 'resume';
  journalLength: number;
  state: string;
  next: string;
}

export type TimelineEvent = CommandEvent | EndEvent | CrashEvent | ResumeEvent;

export interface JournalEntry {
  seq: number;
  type: 'step-done' | 'step-failed' | 'compensation-done' | 'compensation-failed' | 'end';
  step?: number;
  command?: string;
  attempt?: number;
  state: string;
  outcome?: EndKind;
}

export interface HeldResource {
  step: number;
  command: string;
  participant?: string;
  label: string;
}

export interface Breach {
  kind: 'not-terminal' | 'not-undone' | 'compensation-without-step' | 'left-held' | 'resume-diverged';
  step?: number;
  command?: string;
  message: string;
}

export interface Risk {
  kind: 'resend-not-idempotent';
  target: ActionTarget;
  step: number;
  command: string;
  message: string;
}

/** What `step` does next. */
export type NextAction =
  | { kind: 'command'; target: ActionTarget; step: number; command: string; participant?: string; attempt: number }
  | { kind: 'end'; outcome: EndKind }
  | { kind: 'resume' };

/** The guarantees checked on a run (so far, or at its end). */
export interface Verdict {
  end: EndKind | 'running';
  state: string;
  /** Every state passed, in order. */
  states: string[];
  compensations: string[];
  commandsSent: number;
  retries: number;
  failedStep?: number;
  breaches: Breach[];
  risks: Risk[];
  ok: boolean;
}

export interface OrchestratedRun {
  style: 'orchestrated';
  saga: SimSaga;
  /** Actions played so far (the run is the deterministic run stopped here). */
  step: number;
  /** Actions in the whole run with these injections. */
  steps: number;
  state: string;
  done: boolean;
  /** The orchestrator is down: the next action resumes a new instance from the journal. */
  crashed: boolean;
  next?: NextAction;
  /** `next` in words: `send ReserveInventory to Inventory (attempt 2)`. */
  nextText: string;
  timeline: TimelineEvent[];
  journal: JournalEntry[];
  held: HeldResource[];
  faults: Fault[];
  crashes: CrashPoint[];
  /** The run so far. */
  verdict: Verdict;
  /** The same run played to its end. */
  final: Verdict;
}

// ---------------------------------------------------------------- choreographed

/** What is injected into a choreographed run. */
export interface ChoreographyInjections {
  /** Reactions (0-based indexes) that fail when they fire. */
  failReactions?: number[];
  /** Every message of these events is delivered twice. */
  duplicate?: string[];
  /** Messages of these events are delivered last. */
  delay?: string[];
  /** Deliveries in a seeded random order. */
  reorder?: boolean;
  seed?: number;
}

export interface ReactionInfo {
  index: number;
  participant?: string;
  label: string;
  listensTo: string[];
  join: 'single' | 'or' | 'and' | 'mixed';
  compensates: boolean;
  idempotent: boolean;
  emits: string[];
  otherwise: string[];
}

export interface ChoreographyInfo {
  name: string;
  triggers: string[];
  reactions: ReactionInfo[];
}

export interface EmitEvent {
  kind: 'emit';
  message: number;
  event: string;
  reaction?: number;
  participant?: string;
  again?: boolean;
}

export interface DeliverEvent {
  kind: 'deliver';
  seq: number;
  message: number;
  event: string;
  reaction: number;
  participant?: string;
  duplicate: boolean;
  delayed: boolean;
  result: 'fired' | 'waiting' | 'ignored' | 'duplicate-harmless' | 'duplicate-ignored' | 'duplicate-reexecuted';
  outcome?: 'success' | 'failure';
  emitted?: string[];
  waitingFor?: string[];
}

export type ChoreographyEvent = EmitEvent | DeliverEvent;

export interface ChoreographyBreach {
  kind: 'duplicate-harm' | 'silent-failure' | 'stalled-join' | 'left-held' | 'delivery-limit';
  reaction?: number;
  participant?: string;
  event?: string;
  missing?: string[];
  message: string;
}

export type ChoreographyEnd = 'completed' | 'compensated' | 'rejected' | 'stalled';

export interface ChoreographyVerdict {
  end: ChoreographyEnd;
  /** Still messages to deliver. */
  running: boolean;
  events: string[];
  firings: { reaction: number; participant?: string; outcome: 'success' | 'failure'; cause: string }[];
  deliveries: number;
  held: { reaction: number; participant?: string; label: string }[];
  breaches: ChoreographyBreach[];
  ok: boolean;
}

export interface ChoreographedRun {
  style: 'choreographed';
  saga: ChoreographyInfo;
  step: number;
  steps: number;
  done: boolean;
  /** Deliveries waiting, in the order they will be taken (without reordering). */
  pending: { message: number; event: string; reaction: number; copy: boolean; delayed: boolean }[];
  timeline: ChoreographyEvent[];
  injections: ChoreographyInjections;
  verdict: ChoreographyVerdict;
  final: ChoreographyVerdict;
}

export type SimulationRun = OrchestratedRun | ChoreographedRun;

// ---------------------------------------------------------------- requests

export interface SimulateParams {
  saga: string;
  /** Orchestrated sagas. */
  faults?: Fault[];
  crashes?: CrashPoint[];
  maxRetries?: number;
  /** Choreographed sagas. */
  choreography?: ChoreographyInjections;
  /** Stop after this many actions (absent: play to the end). */
  steps?: number;
}

export interface SimulateResult {
  run: SimulationRun;
  /** The saga's state machine (orchestrated) or event flow (choreographed), to highlight the run on. */
  diagram: DiagramResult;
}

export interface ExploreParams {
  saga: string;
  maxRetries?: number;
  /** Failures combined per run at most (orchestrated; default 2 for small sagas). */
  depth?: number;
}

/** A distinct outcome of many runs, with the injections of its first run (to replay it in the simulator). */
export interface OutcomeRow {
  key: string;
  end: EndKind;
  state: string;
  compensations: string[];
  breaches: Breach[];
  count: number;
  percent?: number;
  /** The states of the example run. */
  path: string[];
  faults: Fault[];
  crashes: CrashPoint[];
  /** The seed of a bulk run's example (random failures). */
  seed?: number;
}

export interface ChoreographyOutcomeRow {
  key: string;
  end: ChoreographyEnd;
  events: string[];
  breaches: ChoreographyBreach[];
  count: number;
  injections: ChoreographyInjections;
}

export type ExploreResult =
  | {
      style: 'orchestrated';
      saga: string;
      steps: number;
      runs: number;
      crashRuns: number;
      depth: number;
      outcomes: OutcomeRow[];
      breaches: { breach: Breach; count: number }[];
      risks: { risk: Risk; count: number }[];
      ok: boolean;
      ms: number;
    }
  | { style: 'choreographed'; saga: string; runs: number; outcomes: ChoreographyOutcomeRow[]; ok: boolean; ms: number };

export interface BulkParams {
  saga: string;
  runs: number;
  seed?: number;
  /** Per step (0-based), the probability that an attempt fails; a number: the same for every step. */
  failureRates?: number[] | number;
  /** Per step, the probability that an attempt of its compensation fails. */
  compensationFailureRates?: number[] | number;
  maxRetries?: number;
}

export interface BulkResult {
  saga: string;
  runs: number;
  seed: number;
  maxRetries: number;
  /** Per step command: the failure probability used. */
  failureRates: Record<string, number>;
  compensationFailureRates: Record<string, number>;
  outcomes: OutcomeRow[];
  commands: { mean: number; worst: number };
  breachedRuns: number;
  ok: boolean;
  ms: number;
}

export type StateValue = number | string | boolean | null;

export interface StreamReplay {
  stream: string;
  context: string;
  aggregate?: string;
  fields: { name: string; type: string }[];
  initial: Record<string, StateValue>;
  steps: {
    index: number;
    entry: string;
    event: string;
    arguments: Record<string, StateValue>;
    changes: { field: string; before: StateValue; after: StateValue }[];
    state: Record<string, StateValue>;
  }[];
  final: Record<string, StateValue>;
  derivations: { field: string; text: string }[];
  expectations: { field: string; expected: StateValue | undefined; actual: StateValue | undefined; holds: boolean }[];
  problems: { code: string; severity: 'error' | 'warning'; message: string; uri: string; range: SourceRange }[];
  ok: boolean;
}

export interface ReplayParams {
  /** `AccountHistory` or `Banking.AccountHistory`. */
  stream: string;
}

export interface ReplayResult {
  replays: StreamReplay[];
}
