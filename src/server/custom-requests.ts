/**
 * The server's custom requests (src/protocol/requests.ts): the preview's views
 * and diagrams, the Markdown export (adapted in view-requests.ts), and the saga
 * simulator. Each is a pure
 * function of the current model and its parameters: the server keeps no
 * session, and a stepped simulation is the same deterministic run replayed and
 * stopped after k actions. Offsets become LSP positions here, so the webview can
 * hand a node's range back to the editor as it is.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Diagnostic } from '../language/diagnostics';
import { findSaga, sagaDiagram } from '../language/diagrams/index';
import type { DddModel } from '../language/index';
import type { Saga } from '../language/model/elements';
import {
  bulkResult,
  ChoreographySimulation,
  compileSaga,
  exploreChoreography,
  exploreSaga,
  findStreams,
  replayOf,
  SagaSimulation,
  simulateSaga,
  startBulk,
  type BulkOptions,
  type ChoreographyOptions,
  type ChoreographyRunResult,
  type RunResult,
} from '../language/simulation/index';
import {
  checkRequestParams,
  DddRequests,
  diagramKey,
  limits,
  type BulkParams,
  type BulkResult,
  type ChoreographedRun,
  type ChoreographyInjections,
  type ChoreographyVerdict,
  type DddRequestMethod,
  type DddRequestParams,
  type DddRequestResult,
  type ExploreParams,
  type ExploreResult,
  type Fault,
  type OrchestratedRun,
  type OutcomeRow,
  type ReplayParams,
  type ReplayResult,
  type SimulateParams,
  type SimulateResult,
  type Verdict,
  type ViewRef,
} from '../protocol/index';
import { Locator } from './convert';
import { defaultVariant, diagram, markdown, mermaidResult, views, type DiagramContext } from './view-requests';

/** What the requests read: the server's current model, and its findings (shown as hotspots on storming boards). */
export interface CustomRequestSource {
  model(): DddModel;
  diagnostics?(): readonly Diagnostic[];
}

/** What a handler answers: at once, or (ddd/bulk, which works a slice at a time) later. */
export type HandlerAnswer<M extends DddRequestMethod> = M extends 'ddd/bulk' ? Promise<DddRequestResult<M>> : DddRequestResult<M>;

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

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/** The handlers, for direct calls (tests, a web worker); parameters are trusted here: `registerCustomRequests` checks them. */
export function customRequestHandlers(source: CustomRequestSource): CustomRequestHandlers {
  return {
    'ddd/views': (params) => views(source.model(), params),
    'ddd/diagram': (params) => diagram(source.model(), params, source.diagnostics?.()),
    'ddd/markdown': (params) => markdown(source.model(), params, source.diagnostics?.()),
    'ddd/simulate': (params) => simulate(source.model(), params),
    'ddd/explore': (params) => explore(source.model(), params),
    'ddd/bulk': (params, token) => bulk(source.model(), params, () => token?.isCancellationRequested === true),
    'ddd/replay': (params) => replay(source.model(), params),
  };
}

// ---------------------------------------------------------------- ddd/simulate

function sagaNamed(model: DddModel, name: string): Saga {
  const saga = findSaga(model, name);
  if (!saga) throw invalid(`There is no saga named ${name}; the sagas are: ${model.sagas.map((s) => s.name).join(', ') || '(none)'}.`);
  return saga;
}

function verdictOf(result: RunResult): Verdict {
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

function choreographyVerdictOf(result: ChoreographyRunResult): ChoreographyVerdict {
  const { end, running, events, firings, deliveries, held, breaches, ok } = result;
  return { end, running, events, firings, deliveries, held, breaches, ok };
}

function choreographyOptions(injections: ChoreographyInjections | undefined): ChoreographyOptions {
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

function orchestratedRun(saga: Saga, params: SimulateParams): OrchestratedRun {
  const options = { faults: params.faults ?? [], crashes: params.crashes ?? [], ...(params.maxRetries !== undefined ? { maxRetries: params.maxRetries } : {}) };
  let simulation: SagaSimulation;
  try {
    simulation = new SagaSimulation(saga, options);
  } catch (error) {
    if (error instanceof RangeError) throw invalid(error.message);
    throw error;
  }
  const limit = Math.min(params.steps ?? limits.steps, limits.steps);
  let played = 0;
  while (played < limit && simulation.next() !== undefined) {
    simulation.step();
    played++;
  }
  const snapshot = simulation.snapshot();
  // the rest of the run, for its length; the final verdict comes from simulateSaga, which also compares a crash run with the same run without it
  let steps = played;
  while (steps < limits.steps && simulation.next() !== undefined) {
    simulation.step();
    steps++;
  }
  const run: OrchestratedRun = {
    style: 'orchestrated',
    saga: snapshot.saga,
    step: played,
    steps,
    state: snapshot.state,
    done: snapshot.done,
    crashed: snapshot.crashed,
    nextText: snapshot.nextText,
    timeline: snapshot.timeline,
    journal: snapshot.journal,
    held: snapshot.held,
    faults: options.faults,
    crashes: options.crashes,
    verdict: verdictOf(snapshot.result),
    final: verdictOf(simulateSaga(saga, options, false)),
  };
  if (snapshot.next) run.next = snapshot.next;
  return run;
}

function choreographedRun(saga: Saga, params: SimulateParams): ChoreographedRun {
  const injections = params.choreography ?? {};
  const simulation = new ChoreographySimulation(saga, choreographyOptions(injections));
  const limit = Math.min(params.steps ?? limits.steps, limits.steps);
  let played = 0;
  while (played < limit && !simulation.done) {
    simulation.step();
    played++;
  }
  const now = simulation.result();
  const pending = simulation.pendingDeliveries();
  let steps = played;
  while (steps < limits.steps && !simulation.done) {
    simulation.step();
    steps++;
  }
  return {
    style: 'choreographed',
    saga: simulation.info,
    step: played,
    steps,
    done: !now.running,
    pending,
    timeline: now.timeline,
    injections,
    verdict: choreographyVerdictOf(now),
    final: choreographyVerdictOf(simulation.result()),
  };
}

export function simulate(model: DddModel, params: SimulateParams): SimulateResult {
  const saga = sagaNamed(model, params.saga);
  const run = saga.style === 'choreographed' ? choreographedRun(saga, params) : orchestratedRun(saga, params);
  const ref: ViewRef = { view: 'saga', name: saga.name, variant: defaultVariant(saga) };
  const context: DiagramContext = { at: new Locator(model), ref, options: {}, key: diagramKey(ref, {}) };
  return { run, diagram: mermaidResult(context, sagaDiagram(saga, defaultVariant(saga))) };
}

// ---------------------------------------------------------------- ddd/explore, ddd/bulk

/** The faults that replay a run exactly: per step (and compensation), how many attempts failed. Failed attempts always come first. */
function faultsOfJournal(result: RunResult): Fault[] {
  const counts = new Map<string, Fault>();
  for (const entry of result.journal) {
    if ((entry.type !== 'step-failed' && entry.type !== 'compensation-failed') || entry.step === undefined) continue;
    const target = entry.type === 'step-failed' ? 'step' : 'compensation';
    const key = `${target}:${entry.step}`;
    const known = counts.get(key);
    if (known) known.attempts = (typeof known.attempts === 'number' ? known.attempts : 1) + 1;
    else counts.set(key, { target, step: entry.step });
  }
  return [...counts.values()];
}

function outcomeRow(outcome: { key: string; end: OutcomeRow['end']; state: string; compensations: string[]; breaches: OutcomeRow['breaches']; count: number; percent?: number; example: RunResult }, fromJournal: boolean): OutcomeRow {
  const row: OutcomeRow = {
    key: outcome.key,
    end: outcome.end,
    state: outcome.state,
    compensations: outcome.compensations,
    breaches: outcome.breaches,
    count: outcome.count,
    path: outcome.example.states,
    faults: fromJournal ? faultsOfJournal(outcome.example) : outcome.example.faults,
    crashes: fromJournal ? [] : outcome.example.crashes,
  };
  if (outcome.percent !== undefined) row.percent = outcome.percent;
  if (outcome.example.seed !== undefined) row.seed = outcome.example.seed;
  return row;
}

export function explore(model: DddModel, params: ExploreParams): ExploreResult {
  const saga = sagaNamed(model, params.saga);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (saga.style === 'choreographed') {
    const result = exploreChoreography(saga);
    return {
      style: 'choreographed',
      saga: result.saga,
      runs: result.runs,
      outcomes: result.outcomes.map((outcome) => {
        const injections: ChoreographyInjections = {};
        const scenario = outcome.scenario;
        if (scenario.failReactions?.length) injections.failReactions = [...scenario.failReactions];
        if (scenario.duplicate?.length) injections.duplicate = [...scenario.duplicate];
        if (scenario.delay?.length) injections.delay = [...scenario.delay];
        if (scenario.reorder) {
          injections.reorder = true;
          injections.seed = scenario.seed ?? 1;
        }
        return { key: outcome.key, end: outcome.end, events: outcome.events, breaches: outcome.breaches, count: outcome.count, injections };
      }),
      ok: result.ok,
      ms: elapsed(),
    };
  }
  const options: Parameters<typeof exploreSaga>[1] = { traces: false };
  if (params.maxRetries !== undefined) options.maxRetries = params.maxRetries;
  if (params.depth !== undefined) options.depth = params.depth;
  const result = exploreSaga(saga, options);
  return {
    style: 'orchestrated',
    saga: result.saga,
    steps: result.steps,
    runs: result.runs,
    crashRuns: result.crashRuns,
    depth: result.depth,
    outcomes: result.outcomes.map((outcome) => outcomeRow(outcome, false)),
    breaches: result.breaches.map(({ breach, count }) => ({ breach, count })),
    risks: result.risks,
    ok: result.ok,
    ms: elapsed(),
  };
}

function rates(value: number[] | number | undefined, n: number): number[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return new Array<number>(n).fill(value);
  return Array.from({ length: n }, (_, i) => value[i] ?? 0);
}

/** Runs per slice of a bulk request: about 30 ms of work, after which the server answers whatever else is waiting. */
const BULK_SLICE = 100_000;

/**
 * N seeded runs, a slice at a time: between slices the server goes back to its
 * other requests and notifications (a million runs take a few hundred
 * milliseconds), and a cancelled request stops at the next slice.
 */
export async function bulk(model: DddModel, params: BulkParams, cancelled: () => boolean = () => false): Promise<BulkResult> {
  const saga = sagaNamed(model, params.saga);
  if (saga.style === 'choreographed') throw invalid(`${saga.name} is choreographed: bulk runs are for orchestrated sagas (explore it instead).`);
  const n = compileSaga(saga).n;
  const started = performance.now();
  const options: BulkOptions = { runs: params.runs };
  if (params.seed !== undefined) options.seed = params.seed;
  const failureRates = rates(params.failureRates, n);
  const compensationFailureRates = rates(params.compensationFailureRates, n);
  if (failureRates) options.failureRates = failureRates;
  if (compensationFailureRates) options.compensationFailureRates = compensationFailureRates;
  if (params.maxRetries !== undefined) options.maxRetries = params.maxRetries;
  const counter = startBulk(saga, options);
  while (!counter.advance(BULK_SLICE)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, `ddd/bulk cancelled after ${counter.figures().runs} of ${counter.runs} runs.`);
  }
  const result = bulkResult(counter, options);
  return {
    saga: result.saga,
    runs: result.runs,
    seed: result.seed,
    maxRetries: result.maxRetries,
    failureRates: result.failureRates,
    compensationFailureRates: result.compensationFailureRates,
    outcomes: result.outcomes.map((outcome) => outcomeRow(outcome, true)),
    commands: result.commands,
    breachedRuns: result.breachedRuns,
    ok: result.ok,
    ms: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------- ddd/replay

export function replay(model: DddModel, params: ReplayParams): ReplayResult {
  const streams = findStreams(model, params.stream);
  if (!streams.length) throw invalid(`There is no event stream named ${params.stream}.`);
  const at = new Locator(model);
  return {
    replays: streams.map((stream) => {
      const result = replayOf(stream);
      return {
        ...result,
        problems: result.problems.map((found) => ({ ...found, range: at.range(found.uri, found.range) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })),
      };
    }),
  };
}
