/**
 * The saga simulator: deterministic, seeded, no editor or Node imports.
 *
 * Orchestrated sagas: `simulateOrchestration` (one run), `OrchestratedSimulation` (stepping),
 * `exploreOrchestration` (every failure and crash point), `bulkSimulate` (N seeded runs).
 * Choreographed sagas: `simulateChoreography`, `ChoreographySimulation`,
 * `exploreChoreography`; explorations are bounded by a `WorkBudget` of simulated
 * steps and say how far they got (`ExplorationCoverage`). Event streams: `replayOf`. For the editor:
 * `breachesAsDiagnostics` / `simulationRules`; for the simulator panel,
 * `SimulationSessions` (a run computed once and cut after any action, with
 * failures and crashes injected there) and `explorationSummary` /
 * `bulkSummary` (many runs as rows that replay in a session).
 */
export * from './types';
export { compileSaga, type CompiledSaga } from './compile';
export { simulateOrchestration, OrchestratedSimulation, type NextAction, type SagaSource, type SimulationSnapshot } from './orchestrated';
export { exploreOrchestration, OrchestrationExplorer, outcomeKey, type ExploreOptions } from './explore';
export { ChoreographyExplorer, exploreChoreography, type ChoreographyExploration, type ChoreographyExploreOptions, type ChoreographyOutcome } from './choreography-explore';
export { DEFAULT_EXPLORE_STEPS, type ExplorationCoverage, type SlicedExploration, type WorkBudget } from './work-budget';
export { bulkSimulate, bulkCounts, startBulk, bulkResult, BulkCounter, type BulkOptions, type BulkCounts } from './bulk';
export {
  ChoreographySimulation,
  choreographyInfo,
  reactionLabel,
  simulateChoreography,
  type ChoreographyBreach,
  type ChoreographyBreachKind,
  type ChoreographyEnd,
  type ChoreographyEvent,
  type ChoreographyInfo,
  type ChoreographyOptions,
  type ChoreographyRunResult,
  type DeliverEvent,
  type DeliveryResult,
  type EmitEvent,
  type ReactionInfo,
} from './choreographed';
export { findStreams, replayOf, streamsOf, type StreamReplay } from './stream-replay';
export { pathOf, pathOfJournal, pathText } from './render';
export { breachesAsDiagnostics, sagaBreach, sagaBreachFindings, sagaResendRisk, simulationRules, type BreachDiagnosticsOptions } from './diagnostics';
export { Prng, seedState } from './prng';
export {
  ChoreographySession,
  choreographyInjections,
  choreographyOptions,
  choreographyVerdictOf,
  crashPointAfter,
  defaultMaxSteps,
  faultForNext,
  OrchestratedSession,
  sagaProgress,
  SimulationSessions,
  startSession,
  verdictOf,
  withFault,
  type SessionMove,
  type SimulationSession,
  type SimulationSessionsOptions,
} from './session';
export { bulkOptions, bulkSummary, explorationSummary, faultsOfJournal, outcomeRow, startExploration, type BulkRequest, type ExplorationRun } from './session-outcomes';
