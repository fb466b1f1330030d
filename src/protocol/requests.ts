/**
 * The custom requests of the DDD language server, by method name, with their
 * parameter and result types. The client sends them with
 * `client.sendRequest<DddRequestResult<'ddd/diagram'>>(DddRequests.diagram, params)`.
 * Every request is answered from the server's current model; none keeps state.
 */
import type { DiagramParams, DiagramResult, MarkdownParams, MarkdownResult, ViewsParams, ViewsResult } from './diagrams';
import type { ExportFormatsParams, ExportFormatsResult, ExportModelParams, ExportModelResult } from './model-export';
import type { CmlImportParams, CmlImportResult } from './cml-import';
import type { BulkParams, BulkResult, ExploreParams, ExploreResult, ReplayParams, ReplayResult, SimulateParams, SimulateResult } from './simulation';

export const DddRequests = {
  /** The views the workspace has, the sagas the simulator can play and the event streams it can replay. */
  views: 'ddd/views',
  /** One view drawn: mermaid text, an SVG (a big context map), or a storming board's view model. */
  diagram: 'ddd/diagram',
  /** The model (or some views of it) as Markdown with mermaid blocks. */
  markdown: 'ddd/markdown',
  /** One run of a saga, with faults and crashes injected, stopped after `steps` actions. */
  simulate: 'ddd/simulate',
  /** Every failure and crash point of a saga: the distinct outcomes. */
  explore: 'ddd/explore',
  /** N seeded runs with failure probabilities: outcome counts. */
  bulk: 'ddd/bulk',
  /** An event stream replayed on its aggregate. */
  replay: 'ddd/replay',
  /** The model exports there are (AsyncAPI, EventCatalog, PlantUML, …). */
  exportFormats: 'ddd/exportFormats',
  /** The model exported in one format: files (relative paths and text) for the extension to write. */
  exportModel: 'ddd/exportModel',
  /** A Context Mapper (.cml) file converted to .ddd text, with what could not be carried over. */
  importCml: 'ddd/importCml',
} as const;

export type DddRequestMethod = (typeof DddRequests)[keyof typeof DddRequests];

export interface DddRequestMap {
  'ddd/views': { params: ViewsParams; result: ViewsResult };
  'ddd/diagram': { params: DiagramParams; result: DiagramResult };
  'ddd/markdown': { params: MarkdownParams; result: MarkdownResult };
  'ddd/simulate': { params: SimulateParams; result: SimulateResult };
  'ddd/explore': { params: ExploreParams; result: ExploreResult };
  'ddd/bulk': { params: BulkParams; result: BulkResult };
  'ddd/replay': { params: ReplayParams; result: ReplayResult };
  'ddd/exportFormats': { params: ExportFormatsParams; result: ExportFormatsResult };
  'ddd/exportModel': { params: ExportModelParams; result: ExportModelResult };
  'ddd/importCml': { params: CmlImportParams; result: CmlImportResult };
}

export type DddRequestParams<M extends DddRequestMethod> = DddRequestMap[M]['params'];
export type DddRequestResult<M extends DddRequestMethod> = DddRequestMap[M]['result'];

/** A request to send: its method and parameters, typed together. */
export type DddRequest = { [M in DddRequestMethod]: { method: M; params: DddRequestParams<M> } }[DddRequestMethod];

/** Limits the server (and the webview's validators) hold requests to. */
export const limits = {
  /** Names of views, sagas, streams, contexts, events. */
  name: 200,
  /** Actions a stepped run plays at most. */
  steps: 100_000,
  /** Bulk runs at most. */
  runs: 1_000_000,
  /** Entries of a list of faults, crashes, rates or events. */
  list: 500,
  /** Attempts of a fault. */
  attempts: 1_000,
  /** Retries before a run is reported stuck. */
  maxRetries: 100,
  /** Failures combined per explored run. */
  depth: 3,
  /** Simulated steps an exploration may spend at most (its `budget`; the default is the core's DEFAULT_EXPLORE_STEPS). */
  exploreSteps: 5_000_000,
} as const;
