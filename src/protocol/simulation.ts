/**
 * The simulator's contract: `ddd/simulate` (one run, stopped after k actions),
 * `ddd/explore` (every failure and crash point), `ddd/bulk` (N seeded runs) and
 * `ddd/replay` (an event stream replayed). The results are the core's plain
 * data (src/language/simulation/types.ts), imported as types only: nothing of
 * the core runs here. Only what changes form on the wire is declared again
 * (`OnTheWire`: offsets become LSP positions), and the lists of names that the
 * validators need at run time, which test/protocol/result-types.test.ts holds
 * equal to the core's types.
 */
import type { StateValue } from '../language/event-sourcing/replay';
import type {
  ChoreographyBreach,
  ChoreographyEnd,
  ChoreographyEvent,
  ChoreographyInfo,
  DeliverEvent,
  EmitEvent,
  ReactionInfo,
} from '../language/simulation/choreographed';
import type { NextAction } from '../language/simulation/orchestrated';
import type { StreamReplay as CoreStreamReplay } from '../language/simulation/stream-replay';
import type {
  ActionTarget,
  Breach,
  BulkSummary,
  ChoreographedRun,
  ChoreographyInjections,
  ChoreographyOutcomeRow,
  ChoreographyVerdict,
  CommandEvent,
  CrashEvent,
  CrashPoint,
  EndEvent,
  EndKind,
  ExplorationSummary,
  Fault,
  HeldResource,
  JournalEntry,
  OrchestratedRun,
  OutcomeRow,
  ResumeEvent,
  Risk,
  SagaInjections,
  SimSaga,
  SimStep,
  SimulationRun,
  TimelineEvent,
  Verdict,
} from '../language/simulation/types';
import type { BulkRequest } from '../language/simulation/session-outcomes';
import type { ExplorationCoverage } from '../language/simulation/work-budget';
import type { DiagramResult } from './diagrams';
import type { SourceRange } from './source';

export type {
  ActionTarget,
  Breach,
  ChoreographedRun,
  ChoreographyBreach,
  ChoreographyEnd,
  ChoreographyEvent,
  ChoreographyInfo,
  ChoreographyInjections,
  ChoreographyOutcomeRow,
  ChoreographyVerdict,
  CommandEvent,
  CrashEvent,
  CrashPoint,
  DeliverEvent,
  EmitEvent,
  EndEvent,
  EndKind,
  ExplorationCoverage,
  Fault,
  HeldResource,
  JournalEntry,
  NextAction,
  OrchestratedRun,
  OutcomeRow,
  ReactionInfo,
  ResumeEvent,
  Risk,
  SimSaga,
  SimStep,
  SimulationRun,
  StateValue,
  TimelineEvent,
  Verdict,
};

// ---------------------------------------------------------------- names the validators check at run time

export const actionTargets = ['step', 'compensation'] as const satisfies readonly ActionTarget[];
export const crashTargets = ['step', 'compensation', 'end', 'start'] as const satisfies readonly CrashPoint['target'][];
export const crashMoments = ['after-journal', 'before-journal'] as const satisfies readonly CrashPoint['when'][];

// ---------------------------------------------------------------- what changes form on the wire

/** An offset range of the core (`{ start, end }` in UTF-16 code units of a document). */
interface OffsetRange {
  start: number;
  end: number;
}

/** A core result as the server sends it: every offset range becomes an LSP range, the rest is as it is. */
export type OnTheWire<T> = T extends OffsetRange
  ? SourceRange
  : T extends readonly (infer Item)[]
    ? OnTheWire<Item>[]
    : T extends object
      ? { [K in keyof T]: OnTheWire<T[K]> }
      : T;

export type StreamReplay = OnTheWire<CoreStreamReplay>;

// ---------------------------------------------------------------- requests

export interface SimulateParams extends SagaInjections {
  saga: string;
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
  /**
   * Simulated steps to spend at most (commands sent, or deliveries, over every run played): past it the
   * answer lists the outcomes seen so far and its `coverage` says how far it got. Default 250,000, at most `limits.exploreSteps`.
   */
  budget?: number;
}

/** How long the server took, in milliseconds. */
interface Timed {
  ms: number;
}

export type ExploreResult = ExplorationSummary & Timed;

export interface BulkParams extends BulkRequest {
  saga: string;
}

export type BulkResult = BulkSummary & Timed;

export interface ReplayParams {
  /** `AccountHistory` or `Banking.AccountHistory`. */
  stream: string;
}

export interface ReplayResult {
  replays: StreamReplay[];
}
