/**
 * The server's custom requests (src/protocol/requests.ts): the preview's views
 * and diagrams, the Markdown export, and the saga simulator. Each is a pure
 * function of the current model and its parameters (the simulator's requests
 * are adapted in simulation-requests.ts; the core computes a stepped run once
 * and cuts it after k actions). Offsets become LSP positions here, so the webview can
 * hand a node's range back to the editor as it is.
 */
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Diagnostic } from '../language/diagnostics';
import {
  aggregateDiagram,
  contextMapDiagram,
  contextMapGraph,
  contextMapLayout,
  contextMapSvg,
  contextsWithAggregates,
  darkMapTheme,
  domainDiagram,
  findSaga,
  lightMapTheme,
  sagaFlowDiagram,
  sagaSequenceDiagram,
  sagaStateDiagram,
  stormingDiagram,
  stormingViews,
  toMarkdown,
  wholeModelBoard,
  type ContextMapOptions,
  type MapTheme,
  type MermaidDiagram,
  type StormingView,
} from '../language/diagrams/index';
import type { DddModel } from '../language/index';
import type { Saga, TextRange } from '../language/model/elements';
import { compileSaga, streamsOf } from '../language/simulation/index';
import {
  checkRequestParams,
  DddRequests,
  diagramKey,
  limits,
  viewKey,
  type BoardData,
  type DddRequestMethod,
  type DddRequestParams,
  type DddRequestResult,
  type DiagramFilter,
  type DiagramNodeRef,
  type DiagramOptions,
  type DiagramParams,
  type DiagramResult,
  type MarkdownParams,
  type MarkdownResult,
  type SagaVariant,
  type SimulateParams,
  type SimulateResult,
  type SourceLocation,
  type SourceRange,
  type ThemeKind,
  type ViewEntry,
  type ViewRef,
  type ViewsParams,
  type ViewsResult,
} from '../protocol/index';
import { bulk, explore, replay, simulationRun } from './simulation-requests';

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

// ---------------------------------------------------------------- positions

/** Offsets → LSP ranges, through each document's line index. */
class Locator {
  private readonly documents: Map<string, DddModel['documents'][number]>;

  constructor(model: DddModel) {
    this.documents = new Map(model.documents.map((document) => [document.uri, document]));
  }

  range(uri: string | undefined, range: TextRange | undefined): SourceRange | undefined {
    if (uri === undefined || !range) return undefined;
    const lines = this.documents.get(uri)?.lineIndex;
    if (!lines) return undefined;
    return { start: lines.positionAt(range.start), end: lines.positionAt(Math.max(range.start, range.end)) };
  }

  location(element: { uri?: string; nameRange?: TextRange; range?: TextRange } | undefined): SourceLocation | undefined {
    if (!element?.uri) return undefined;
    const range = this.range(element.uri, element.nameRange ?? element.range);
    return range ? { uri: element.uri, range } : undefined;
  }

  /** `uri` and `range` properties to spread into an object (none when unknown). */
  where(uri: string | undefined, range: TextRange | undefined): { uri?: string; range?: SourceRange } {
    const converted = this.range(uri, range);
    return converted && uri !== undefined ? { uri, range: converted } : {};
  }
}

function withLocation<T extends object>(entry: T, location: SourceLocation | undefined): T & { location?: SourceLocation } {
  return location ? { ...entry, location } : entry;
}

// ---------------------------------------------------------------- ddd/views

const variantLabels: Record<SagaVariant, string> = { states: 'state machine', sequence: 'sequence', flow: 'event flow' };

function defaultVariant(saga: Saga): SagaVariant {
  return saga.style === 'choreographed' ? 'flow' : 'states';
}

export function views(model: DddModel, params: ViewsParams = {}): ViewsResult {
  const at = new Locator(model);
  const list: ViewEntry[] = [];
  const add = (ref: ViewRef, label: string, location?: SourceLocation) => list.push(withLocation({ ...ref, key: viewKey(ref), label }, location));

  if (model.contextMaps.length || model.contexts.size) {
    add({ view: 'context-map' }, model.contextMaps.length > 1 ? 'Context map (all maps)' : 'Context map', at.location(model.contextMaps[0]));
    if (model.contextMaps.length > 1) for (const map of model.contextMaps) add({ view: 'context-map', name: map.name }, `Context map ${map.name}`, at.location(map));
  }
  for (const name of contextsWithAggregates(model)) add({ view: 'aggregates', name }, `Aggregates of ${name}`, at.location(model.contexts.get(name)));
  for (const saga of model.sagas) {
    const variants: SagaVariant[] = saga.style === 'choreographed' ? ['flow'] : ['states', 'sequence'];
    for (const variant of variants) add({ view: 'saga', name: saga.name, variant }, `${saga.name}: ${variantLabels[variant]}`, at.location(saga));
  }
  for (const board of model.boards) add({ view: 'storming', name: board.name }, board.name, at.location(board));
  if (model.contexts.size) add({ view: 'storming', name: wholeModelBoard }, 'Whole model (from the declarations)');
  if (model.domains.length || model.subdomains.length) add({ view: 'domains' }, 'Domains and subdomains', at.location(model.domains[0]));

  const result: ViewsResult = {
    views: list,
    sagas: model.sagas.map((saga) =>
      withLocation({ name: saga.name, style: saga.style, size: saga.style === 'choreographed' ? saga.reactions.length : compileSaga(saga).n }, at.location(saga)),
    ),
    streams: streamsOf(model).map((stream) => {
      const entry: ViewsResult['streams'][number] = { name: `${stream.contextName}.${stream.name}`, context: stream.contextName };
      const aggregate = stream.aggregate?.text;
      if (aggregate) entry.aggregate = aggregate;
      return withLocation(entry, at.location(stream));
    }),
  };
  if (params.uri !== undefined) {
    const order: ViewRef['view'][] = ['saga', 'storming', 'context-map', 'aggregates', 'domains'];
    for (const view of order) {
      const found = list.find((entry) => entry.view === view && entry.location?.uri === params.uri);
      if (found) {
        result.preferred = found.key;
        break;
      }
    }
  }
  result.preferred ??= list[0]?.key;
  return result;
}

// ---------------------------------------------------------------- ddd/diagram

const highContrastDark: MapTheme = {
  ...darkMapTheme,
  background: '#000000',
  text: '#ffffff',
  muted: '#ffffff',
  edge: '#ffffff',
  symmetricEdge: '#b197fc',
};
const highContrastLight: MapTheme = { ...lightMapTheme, text: '#000000', muted: '#000000', edge: '#000000', symmetricEdge: '#5f3dc4' };

function mapTheme(theme: ThemeKind | undefined): MapTheme {
  switch (theme) {
    case 'dark':
      return darkMapTheme;
    case 'high-contrast':
      return highContrastDark;
    case 'high-contrast-light':
      return highContrastLight;
    default:
      return lightMapTheme;
  }
}

interface DiagramContext {
  at: Locator;
  ref: ViewRef;
  options: DiagramOptions;
  key: string;
}

function base(context: DiagramContext, title: string) {
  const out = { key: context.key, ref: context.ref, title, warnings: [] as string[], nodes: [] as DiagramNodeRef[], filters: [] as DiagramFilter[] };
  return Object.keys(context.options).length ? { ...out, options: context.options } : out;
}

function problem(context: DiagramContext, title: string, message: string): DiagramResult {
  return { kind: 'problem', ...base(context, title), message };
}

function nodeRefs(at: Locator, nodes: MermaidDiagram['nodes']): DiagramNodeRef[] {
  return nodes.map((node) => ({ id: node.id, label: node.name, kind: node.kind, ...at.where(node.uri, node.range) }));
}

function mermaidResult(context: DiagramContext, diagram: MermaidDiagram, filters: DiagramFilter[] = []): DiagramResult {
  return {
    kind: 'mermaid',
    ...base(context, diagram.title),
    warnings: diagram.warnings,
    nodes: nodeRefs(context.at, diagram.nodes),
    filters: diagram.tooLarge ? filters : [],
    diagram: diagram.kind,
    text: diagram.text,
    size: diagram.size,
    tooLarge: diagram.tooLarge,
  };
}

/** Smaller views of a context map: each map, and each context with its neighbours (the most connected first). */
function contextMapFilters(model: DddModel, options: ContextMapOptions): DiagramFilter[] {
  const filters: DiagramFilter[] = [];
  if (options.map === undefined && model.contextMaps.length > 1) {
    for (const map of model.contextMaps) filters.push({ label: `Only the context map ${map.name}`, view: { view: 'context-map', name: map.name } });
  }
  const graph = contextMapGraph(model, options);
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const nodes = graph.nodes.filter((node) => !node.unknown && node.name !== options.focus).sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.name.localeCompare(b.name));
  for (const node of nodes.slice(0, limits.list)) {
    const options: DiagramOptions = { focus: node.name };
    filters.push({ label: `Around ${node.name} (${degree.get(node.id) ?? 0} relationships)`, view: { view: 'context-map' }, options });
  }
  return filters;
}

function contextMapView(model: DddModel, context: DiagramContext): DiagramResult {
  const { ref, options } = context;
  const mapOptions: ContextMapOptions = {};
  const isMap = (name: string) => model.contextMaps.some((map) => map.name === name);
  if (options.map !== undefined) mapOptions.map = options.map;
  if (options.focus !== undefined) mapOptions.focus = options.focus;
  if (ref.name !== undefined) {
    if (isMap(ref.name)) mapOptions.map ??= ref.name;
    else if (model.contexts.has(ref.name)) mapOptions.focus ??= ref.name;
    else return problem(context, 'Context map', `There is no context map or bounded context named ${ref.name}.`);
  }
  const diagram = contextMapDiagram(model, mapOptions);
  const layout = options.layout ?? 'auto';
  const filters = contextMapFilters(model, mapOptions);
  if (layout === 'mermaid' || (layout === 'auto' && !diagram.tooLarge)) return mermaidResult(context, diagram, filters);

  const started = performance.now();
  const laidOut = contextMapLayout(model, mapOptions);
  const svg = contextMapSvg(laidOut, mapTheme(options.theme), { title: diagram.title, idPrefix: 'ddd-map' });
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const reason =
    layout === 'svg'
      ? 'Drawn with the fast layout, as asked.'
      : `${diagram.size.nodes} contexts and ${diagram.size.edges} relationships are too many for mermaid's layered layout (it would take seconds): drawn with the fast layout instead.`;
  return {
    kind: 'svg',
    ...base(context, diagram.title),
    warnings: diagram.warnings,
    nodes: laidOut.nodes.map((node) => ({ id: node.id, label: node.name, kind: node.unknown ? 'unknown-context' : 'context', ...context.at.where(node.uri, node.range) })),
    filters,
    svg,
    size: diagram.size,
    reason,
    ms,
  };
}

function aggregatesView(model: DddModel, context: DiagramContext): DiagramResult {
  const name = context.ref.name ?? contextsWithAggregates(model)[0];
  if (name === undefined) return problem(context, 'Aggregates', 'The model declares no aggregates yet.');
  if (!model.contexts.has(name)) return problem(context, 'Aggregates', `There is no bounded context named ${name}.`);
  const aggregate = context.options.aggregate;
  const diagram = aggregateDiagram(model, name, aggregate !== undefined ? { aggregate } : {});
  const filters: DiagramFilter[] = model.contexts
    .get(name)!
    .aggregates.filter((candidate) => candidate.name !== aggregate)
    .map((candidate) => ({ label: `Only the aggregate ${candidate.name}`, view: { view: 'aggregates', name }, options: { aggregate: candidate.name } }));
  return mermaidResult(context, diagram, filters);
}

function sagaDiagram(saga: Saga, variant: SagaVariant): MermaidDiagram {
  if (saga.style === 'choreographed' || variant === 'flow') return saga.style === 'choreographed' ? sagaFlowDiagram(saga) : sagaStateDiagram(saga);
  return variant === 'sequence' ? sagaSequenceDiagram(saga) : sagaStateDiagram(saga);
}

function boardResult(context: DiagramContext, view: StormingView): DiagramResult {
  const at = context.at;
  const board: BoardData = {
    name: view.name,
    origin: view.origin,
    ...at.where(view.uri, view.range),
    notes: view.notes.map((note) => {
      const { uri, range, ...rest } = note;
      return { ...rest, ...at.where(uri, range) };
    }),
    links: view.links,
    lanes: view.lanes,
    legend: view.legend,
  };
  const diagram = stormingDiagram(view);
  return {
    kind: 'board',
    ...base(context, view.origin === 'model' ? `Event storming: ${view.name} (from the declarations)` : `Event storming: ${view.name}`),
    warnings: diagram.warnings,
    nodes: board.notes.map((note) => ({ id: note.id, label: note.text, kind: note.type, ...(note.uri && note.range ? { uri: note.uri, range: note.range } : {}) })),
    board,
    text: diagram.text,
  };
}

/** A view resolved: a saga's default drawing filled in. */
function resolveRef(model: DddModel, params: DiagramParams): ViewRef {
  const ref: ViewRef = { view: params.view };
  if (params.name !== undefined) ref.name = params.name;
  if (params.view === 'saga') {
    const saga = params.name !== undefined ? findSaga(model, params.name) : model.sagas[0];
    if (saga) {
      ref.name = saga.name;
      ref.variant = saga.style === 'choreographed' ? 'flow' : params.variant === 'sequence' ? 'sequence' : params.variant === 'states' ? 'states' : defaultVariant(saga);
    }
  }
  return ref;
}

export function diagram(model: DddModel, params: DiagramParams, diagnostics?: readonly Diagnostic[]): DiagramResult {
  const ref = resolveRef(model, params);
  const options = { ...params.options };
  const context: DiagramContext = { at: new Locator(model), ref, options, key: diagramKey(ref, options) };
  switch (ref.view) {
    case 'context-map':
      return contextMapView(model, context);
    case 'aggregates':
      return aggregatesView(model, context);
    case 'saga': {
      const saga = ref.name !== undefined ? findSaga(model, ref.name) : undefined;
      if (!saga) return problem(context, 'Saga', ref.name === undefined ? 'The model declares no sagas yet.' : `There is no saga named ${ref.name}.`);
      return mermaidResult(context, sagaDiagram(saga, ref.variant ?? defaultVariant(saga)));
    }
    case 'storming': {
      const found = stormingViews(model, ref.name, diagnostics);
      if (!found?.length) return problem(context, 'Event storming', `There is no storming board named ${ref.name ?? ''}.`);
      return boardResult(context, found[0]!);
    }
    case 'domains':
      return mermaidResult(context, domainDiagram(model));
  }
}

// ---------------------------------------------------------------- ddd/markdown

export function markdown(model: DddModel, params: MarkdownParams, diagnostics?: readonly Diagnostic[]): MarkdownResult {
  const options: Parameters<typeof toMarkdown>[1] = {};
  if (params.views) options.views = params.views;
  if (params.name !== undefined) options.name = params.name;
  if (params.title !== undefined) options.title = params.title;
  if (diagnostics) options.diagnostics = diagnostics;
  return { markdown: toMarkdown(model, options) };
}

// ---------------------------------------------------------------- ddd/simulate

/** The run (src/server/simulation-requests.ts) and the saga's diagram to paint it on. */
export function simulate(model: DddModel, params: SimulateParams): SimulateResult {
  const { saga, run } = simulationRun(model, params);
  const ref: ViewRef = { view: 'saga', name: saga.name, variant: defaultVariant(saga) };
  const context: DiagramContext = { at: new Locator(model), ref, options: {}, key: diagramKey(ref, {}) };
  return { run, diagram: mermaidResult(context, sagaDiagram(saga, defaultVariant(saga))) };
}
