/**
 * The server's custom requests (src/protocol/requests.ts): the preview's views
 * and diagrams, the Markdown export (adapted in view-requests.ts), the model
 * exports (export-requests.ts), and the saga
 * simulator (adapted in simulation-requests.ts; the core computes a stepped run
 * once and cuts it after k actions). Each is a pure function of the current
 * model and its parameters. Offsets become LSP positions here, so the webview can
 * hand a node's range back to the editor as it is.
 */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from '../language/diagnostics';
import { sagaDiagram } from '../language/diagrams/index';
import type { DddModel } from '../language/index';
import {
  checkRequestParams,
  DddRequests,
  diagramKey,
  type DddRequestMethod,
  type DddRequestParams,
  type DddRequestResult,
  type SimulateParams,
  type SimulateResult,
  type ViewRef,
} from '../protocol/index';
import { cmlMapName, importCml } from '../language/cml/import';
import { Locator } from './convert';
import { defaultVariant, diagram, markdown, mermaidResult, refuseIfCancelled, views, type DiagramContext } from './view-requests';
import { bulk, explore, replay, simulationRun } from './simulation-requests';
import { exportFormats, exportModelFiles } from './export-requests';

/** What the requests read: the server's current model, and its findings (shown as hotspots on storming boards). */
export interface CustomRequestSource {
  model(): DddModel;
  diagnostics?(): readonly Diagnostic[];
}

/** What a handler answers: at once, or (ddd/bulk and ddd/explore, which work a slice at a time) later. */
export type HandlerAnswer<M extends DddRequestMethod> = M extends 'ddd/bulk' | 'ddd/explore' ? Promise<DddRequestResult<M>> : DddRequestResult<M>;

export type CustomRequestHandlers = { [M in DddRequestMethod]: (params: DddRequestParams<M>, token?: CancellationToken) => HandlerAnswer<M> };

/** The part of an LSP connection the requests need. */
export interface RequestConnection {
  onRequest(method: string, handler: (params: unknown, token?: CancellationToken) => unknown): unknown;
}

/**
 * Wraps a handler (the server's own wrapper waits for the workspace index and
 * logs failures); the default turns an unexpected error into an InternalError.
 */
export type RequestGuard = (
  name: string,
  handler: (params: unknown, token?: CancellationToken) => unknown,
) => (params: unknown, token?: CancellationToken) => unknown;

const defaultGuard: RequestGuard = (name, handler) => async (params, token) => {
  try {
    return await handler(params, token);
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/**
 * Registers every custom request on the connection. In the server:
 *
 *     registerCustomRequests(c, { model: () => this.model(), diagnostics: () => [...this.workspace.diagnostics().values()].flat() },
 *       (name, handler) => this.request(name, () => null, handler));
 */
export function registerCustomRequests(connection: RequestConnection, source: CustomRequestSource, guard: RequestGuard = defaultGuard): CustomRequestHandlers {
  const handlers = customRequestHandlers(source);
  for (const method of Object.values(DddRequests)) {
    const handler = handlers[method] as (params: unknown, token?: CancellationToken) => unknown;
    connection.onRequest(method, guard(method, (params, token) => handler(checked(method, params), token)));
  }
  return handlers;
}

function checked<M extends DddRequestMethod>(method: M, params: unknown): DddRequestParams<M> {
  const result = checkRequestParams(method, params);
  if (!result.ok) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${result.reason}`);
  return result.value;
}

/** The handlers, for direct calls (tests, a web worker); parameters are trusted here: `registerCustomRequests` checks them. */
/** A handler that first refuses a request cancelled before it runs. */
function unlessCancelled<P, R>(method: string, answer: (params: P) => R): (params: P, token?: CancellationToken) => R {
  return (params, token) => {
    refuseIfCancelled(method, token);
    return answer(params);
  };
}

export function customRequestHandlers(source: CustomRequestSource): CustomRequestHandlers {
  // each checks its token first: a request cancelled before it runs does no work (not even finishing a validation)
  return {
    'ddd/views': unlessCancelled('ddd/views', (params) => views(source.model(), params)),
    'ddd/diagram': (params, token) => {
      refuseIfCancelled('ddd/diagram', token);
      const model = source.model();
      // only a storming board shows findings (as hotspots): other views do not wait for a validation under way
      const diagnostics = params.view === 'storming' ? source.diagnostics?.() : undefined;
      refuseIfCancelled('ddd/diagram', token);
      return diagram(model, params, diagnostics);
    },
    'ddd/markdown': unlessCancelled('ddd/markdown', (params) => markdown(source.model(), params, source.diagnostics?.())),
    'ddd/simulate': unlessCancelled('ddd/simulate', (params) => simulate(source.model(), params)),
    'ddd/explore': (params, token) => explore(source.model(), params, () => token?.isCancellationRequested === true),
    'ddd/bulk': (params, token) => bulk(source.model(), params, () => token?.isCancellationRequested === true),
    'ddd/replay': unlessCancelled('ddd/replay', (params) => replay(source.model(), params)),
    'ddd/exportFormats': () => exportFormats(),
    'ddd/exportModel': unlessCancelled('ddd/exportModel', (params) => exportModelFiles(source.model(), params)),
    'ddd/importCml': unlessCancelled('ddd/importCml', (params) => importCml(params.text, { mapName: cmlMapName(params.fileName) })),
  };
}

// ---------------------------------------------------------------- ddd/simulate

/** The run (src/server/simulation-requests.ts) and the saga's diagram to paint it on. */
export function simulate(model: DddModel, params: SimulateParams): SimulateResult {
  const { saga, run } = simulationRun(model, params);
  const ref: ViewRef = { view: 'saga', name: saga.name, variant: defaultVariant(saga) };
  const context: DiagramContext = { at: new Locator(model), ref, options: {}, key: diagramKey(ref, {}) };
  return { run, diagram: mermaidResult(context, sagaDiagram(saga, defaultVariant(saga))) };
}
