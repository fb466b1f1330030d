/**
 * The data the saga simulator produces: plain, serialisable objects (no model
 * nodes, no Maps, no functions), so that the CLI can print them as JSON and the
 * VS Code panel can post them to its webview as they are.
 *
 * Step numbers are indexes into the saga's steps (0-based), as in orchestration.ts.
 */
import type { StepRole } from '../sagas/orchestration';
import type { ChoreographyBreach, ChoreographyEnd, ChoreographyEvent, ChoreographyInfo, ChoreographyRunResult, ChoreographySimulation } from './choreographed';
import type { NextAction } from './orchestrated';
import type { ExplorationCoverage } from './work-budget';

// ---------------------------------------------------------------- the saga

export interface SimStep {
  index: number;
  command: string;
  participant?: string;
  reply?: string;
  role: StepRole;
  /** The compensating command; `none` for `compensate none`; absent when the step has no `compensate` clause. */
  compensation?: string;
  /** The state the compensation reaches (absent when it never runs). */
  compensationState?: string;
  idempotent: boolean;
  from: string;
  successState: string;
  /** `fails -> S`, when given. */
  failureState?: string;
  /** A failure of this step is retried (it comes after the pivot), never compensated. */
  retried: boolean;
  /** The step leaves something held (reserved, charged, pending) until the saga completes or the step is compensated. */
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
  /** Every state name, in order of first appearance. */
  states: string[];
}

// ---------------------------------------------------------------- what to inject

/** What a command is sent for: a step, or the compensation that undoes a step. */
export type ActionTarget = 'step' | 'compensation';

/** A participant answers a command with a failure. */
export interface Fault {
  target: ActionTarget;
  step: number;
  /** Fails the first `attempts` attempts (default 1: fails once, a retry succeeds); `always`: every attempt. */
  attempts?: number | 'always';
}

/**
 * The orchestrator process dies. `after-journal`: right after it wrote the journal
 * entry of the action; `before-journal`: the participant did the work and replied,
 * but the orchestrator died before writing it down (so the command is sent again).
 * `target: 'end'` is the final entry (completed / failed / stuck).
 */
export interface CrashPoint {
  /** `start`: before the first command. */
  target: ActionTarget | 'end' | 'start';
  /** Required for `step` and `compensation`. */
  step?: number;
  /** Which attempt (default: the first time the action happens). */
  attempt?: number;
  when: 'after-journal' | 'before-journal';
}

export interface OrchestrationOptions {
  faults?: Fault[];
  crashes?: CrashPoint[];
  /** How often a failed step after the pivot, or a failed compensation, is sent again before the run is reported stuck (default 3). */
  maxRetries?: number;
  /** Per step: the probability that an attempt fails (bulk runs, or a single seeded run). */
  failureRates?: readonly number[];
  /** Per step: the probability that an attempt of its compensation fails. */
  compensationFailureRates?: readonly number[];
  seed?: number;
}

// ---------------------------------------------------------------- what happened

export type EndKind = 'completed' | 'failed' | 'stuck';

export type JournalEntryType = 'step-done' | 'step-failed' | 'compensation-done' | 'compensation-failed' | 'end';

/** What the orchestrator writes down after every action; a new instance rebuilds its position from these alone. */
export interface JournalEntry {
  seq: number;
  type: JournalEntryType;
  /** The step (for a compensation: the step undone); absent for `end`. */
  step?: number;
  command?: string;
  attempt?: number;
  /** The orchestrator's state after the entry. */
  state: string;
  /** For `end`. */
  outcome?: EndKind;
}

export interface HeldResource {
  step: number;
  command: string;
  participant?: string;
  /** `ReserveInventory on Inventory`. */
  label: string;
}

export interface CommandEvent {
  kind: 'command';
  /** 1-based, counting every command sent (re-sends and retries too). */
  seq: number;
  target: ActionTarget;
  step: number;
  command: string;
  participant?: string;
  attempt: number;
  from: string;
  to: string;
  outcome: 'success' | 'failure';
  /** Sent again by an orchestrator resumed from the journal. */
  resent: boolean;
  /** For a re-sent command: an idempotent participant `ignored` it (answered as before), another `re-executed` it. */
  duplicate?: 'ignored' | 're-executed';
  /** The failure is retried (after the pivot, or a compensation). */
  willRetry?: boolean;
  /** Steps whose effect is held after this command. */
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
  /** Journal entries written when the orchestrator died. */
  journalLength: number;
  state: string;
}

export interface ResumeEvent {
  kind: 'resume';
  journalLength: number;
  /** The state rebuilt from the journal. */
  state: string;
  /** What the new instance does first, in words. */
  next: string;
}

export type TimelineEvent = CommandEvent | EndEvent | CrashEvent | ResumeEvent;

export type BreachKind =
  /** The run ended without reaching COMPLETED or FAILED (retries exhausted). */
  | 'not-terminal'
  /** The saga failed and a step that changed something was neither compensated nor read-only. */
  | 'not-undone'
  /** A compensation ran for a step that never ran. */
  | 'compensation-without-step'
  /** Something stays reserved, charged or pending at the end (not already reported as not-undone). */
  | 'left-held'
  /** After a crash and a resume from the journal, the run ended differently from the same run without the crash. */
  | 'resume-diverged';

export interface Breach {
  kind: BreachKind;
  /** The step concerned, when there is one. */
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

export interface RunResult {
  saga: string;
  faults: Fault[];
  crashes: CrashPoint[];
  /** The seed of the run's random failures, when it had failure rates (replay it with the same rates and this seed). */
  seed?: number;
  /** `running`: a stepped run looked at before its end. */
  end: EndKind | 'running';
  /** The final state. */
  state: string;
  /** Every state passed, in order, without repeats in a row. */
  states: string[];
  /** The compensating commands that ran, in the order they ran. */
  compensations: string[];
  /** Commands sent, retries and re-sends included. */
  commandsSent: number;
  /** Failed attempts that were sent again. */
  retries: number;
  /** The step whose failure aborted the saga (`failed`). */
  failedStep?: number;
  timeline: TimelineEvent[];
  journal: JournalEntry[];
  /** Held at the end. */
  held: HeldResource[];
  breaches: Breach[];
  risks: Risk[];
  /** No breach. */
  ok: boolean;
}

// ---------------------------------------------------------------- many runs

/** A distinct outcome: terminal state, compensations run and breaches. */
export interface OutcomeSummary {
  /** Identifies the outcome: `failed FAILED | ReleaseInventory, CancelOrder | -`. */
  key: string;
  end: EndKind;
  state: string;
  compensations: string[];
  breaches: Breach[];
  count: number;
  /** Percentage of all runs (bulk mode). */
  percent?: number;
  /** The first run that had this outcome, traced. */
  example: RunResult;
  /** Exploration: reached only when a command fails on every attempt (the saga waits for an operator). */
  onlyIfNeverSucceeds?: boolean;
}

export interface Exploration {
  saga: string;
  steps: number;
  /** Runs without a crash: the happy path and every combination of up to `depth` failures. */
  runs: number;
  /** Runs with a crash (and a resume from the journal). */
  crashRuns: number;
  /** How many failures a run combines at most (2 for small sagas). */
  depth: number;
  outcomes: OutcomeSummary[];
  /** Each distinct breach once, with the trace of a run that shows it (runs in which every command eventually succeeds). */
  breaches: { breach: Breach; count: number; example: RunResult }[];
  /**
   * What breaks only when a command fails on every attempt: the saga stops, stuck, and an operator
   * must step in. No saga as written can avoid it, so it does not make the exploration fail; it is
   * listed so that nobody reads "every guarantee holds" as "nothing can go wrong".
   */
  neverSucceeds: { breach: Breach; count: number; example: RunResult }[];
  /** Each distinct risk once (re-sends to participants that are not idempotent), with a count. */
  risks: { risk: Risk; count: number }[];
  /** No guarantee breached by a run in which every command eventually succeeds (of the runs played, when the budget ran out). */
  ok: boolean;
  /** Every path played, or how far the budget reached. */
  coverage: ExplorationCoverage;
}

export interface BulkResult {
  saga: string;
  runs: number;
  seed: number;
  maxRetries: number;
  /** Per step command: the failure probability used (steps left out: 0). */
  failureRates: Record<string, number>;
  compensationFailureRates: Record<string, number>;
  outcomes: OutcomeSummary[];
  /** Commands sent per run. */
  commands: { mean: number; worst: number };
  /** Runs with at least one breach. */
  breachedRuns: number;
  ok: boolean;
}

// ---------------------------------------------------------------- a stepped run, for the simulator panel

/** The guarantees checked on a run (so far, or at its end). */
export type Verdict = Pick<RunResult, 'end' | 'state' | 'states' | 'compensations' | 'commandsSent' | 'retries' | 'failedStep' | 'breaches' | 'risks' | 'ok'>;

/** Where a stepped orchestrated run stands: its state, what comes next, and what it did so far. */
export interface RunPosition {
  saga: SimSaga;
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
  /** The faults and crashes injected (options and interactive). */
  faults: Fault[];
  crashes: CrashPoint[];
}

/**
 * Where a stepped run stands among the saga's steps: what the panel counts as
 * "Step 2 of 4, +1 compensation" (actions, retries and re-sends are no steps).
 */
export interface SagaProgress {
  /** The saga step the run has reached, 1-based: the step of the last step command sent or of the next one (0: none). */
  step: number;
  /** Steps in the saga. */
  steps: number;
  /** Compensating commands that ran so far (`verdict.compensations`). */
  compensations: number;
}

/** An orchestrated run stopped after `step` actions (the same deterministic run however it is cut). */
export interface OrchestratedRun extends RunPosition {
  style: 'orchestrated';
  /** Actions played so far. */
  step: number;
  /** Actions in the whole run with these injections. */
  steps: number;
  /** The saga step reached after `step` actions, and the compensations run. */
  progress: SagaProgress;
  /** How often a failed step after the pivot (or a failed compensation) is sent again before the run is stuck. */
  maxRetries: number;
  /** The run so far. */
  verdict: Verdict;
  /** The same run played to its end. */
  final: Verdict;
  /** The fault that makes the next command fail once more (absent when no command comes next). */
  failNext?: Fault;
  /** The crash point right here, after the last journal entry (absent when the run is over or the orchestrator down). */
  crashHere?: CrashPoint;
}

/** What is injected into a choreographed run (the panel's choices; `ChoreographyOptions` holds the engine's). */
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

/** The guarantees checked on a choreographed run (so far, or at its end). */
export type ChoreographyVerdict = Pick<ChoreographyRunResult, 'end' | 'running' | 'events' | 'firings' | 'deliveries' | 'held' | 'breaches' | 'ok'>;

/** A delivery waiting on the bus (`copy`: an extra delivery of a message). */
export type PendingDelivery = ReturnType<ChoreographySimulation['pendingDeliveries']>[number];

/** A choreographed run stopped after `step` deliveries. */
export interface ChoreographedRun {
  style: 'choreographed';
  saga: ChoreographyInfo;
  step: number;
  steps: number;
  done: boolean;
  /** Deliveries waiting, in the order they will be taken (without reordering). */
  pending: PendingDelivery[];
  timeline: ChoreographyEvent[];
  injections: ChoreographyInjections;
  verdict: ChoreographyVerdict;
  final: ChoreographyVerdict;
}

export type SimulationRun = OrchestratedRun | ChoreographedRun;

/** Everything injected into a run of a saga: faults and crashes (orchestrated), or the choreography's injections. */
export interface SagaInjections {
  /** Orchestrated sagas. */
  faults?: Fault[];
  crashes?: CrashPoint[];
  maxRetries?: number;
  /** Choreographed sagas. */
  choreography?: ChoreographyInjections;
}

// ---------------------------------------------------------------- many runs, as rows

/** A distinct outcome of many runs, with the injections of its first run (to replay it in the simulator). */
export interface OutcomeRow extends Omit<OutcomeSummary, 'example'> {
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

/** Every failure and crash point of a saga, as rows that replay in the simulator. */
export type ExplorationSummary =
  | {
      style: 'orchestrated';
      saga: string;
      steps: number;
      runs: number;
      crashRuns: number;
      depth: number;
      outcomes: OutcomeRow[];
      breaches: { breach: Breach; count: number }[];
      /** What breaks only when a command never succeeds (see `Exploration.neverSucceeds`). */
      neverSucceeds: { breach: Breach; count: number }[];
      risks: { risk: Risk; count: number }[];
      ok: boolean;
      coverage: ExplorationCoverage;
    }
  | { style: 'choreographed'; saga: string; runs: number; outcomes: ChoreographyOutcomeRow[]; ok: boolean; coverage: ExplorationCoverage };

/** N seeded runs, their outcomes as rows. */
export type BulkSummary = Omit<BulkResult, 'outcomes'> & { outcomes: OutcomeRow[] };
