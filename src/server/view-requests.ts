/**
 * The preview's requests (`ddd/views`, `ddd/diagram`, `ddd/markdown`) adapted
 * to LSP: the core decides which views there are and draws one
 * (`listViews`, `drawView`, `toMarkdown`, the same functions as `ddd export`);
 * this file turns offsets into positions, adds the protocol's keys, and turns a
 * Markdown export that names nothing into an InvalidParams error.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from '../language/diagnostics';
import {
  drawView,
  listViews,
  markdownProblem,
  mermaidView,
  preferredView,
  sagaVariantOf,
  toMarkdown,
  viewAt,
  type DrawnView,
  type MermaidDiagram,
  type ViewNode,
} from '../language/diagrams/index';
import type { DddModel } from '../language/index';
import type { Saga } from '../language/model/elements';
import { sagaSize } from '../language/sagas/saga-size';
import { streamsOf } from '../language/simulation/index';
import {
  diagramKey,
  limits,
  viewKey,
  type BoardData,
  type DiagramNodeRef,
  type DiagramOptions,
  type DiagramParams,
  type DiagramResult,
  type MarkdownParams,
  type MarkdownResult,
  type SagaVariant,
  type SourceLocation,
  type ViewEntry,
  type ViewRef,
  type ViewsParams,
  type ViewsResult,
} from '../protocol/index';
import { Locator } from './convert';

/** How many view lists and drawings were made (tests: a cancelled request draws nothing). */
export const viewWork = { views: 0, diagrams: 0 };

/**
 * A request its client no longer needs (a newer refresh superseded it) is
 * answered RequestCancelled, with no work done.
 */
export function refuseIfCancelled(method: string, token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${method} was cancelled.`);
}

function withLocation<T extends object>(entry: T, location: SourceLocation | undefined): T & { location?: SourceLocation } {
  return location ? { ...entry, location } : entry;
}

// ---------------------------------------------------------------- ddd/views

export function views(model: DddModel, params: ViewsParams = {}): ViewsResult {
  viewWork.views++;
  const at = new Locator(model);
  const listed = listViews(model);
  const entries: ViewEntry[] = listed.map(({ declared, ...view }) => withLocation({ ...view, key: viewKey(view) }, declared && at.location(declared)));
  const result: ViewsResult = {
    views: entries,
    sagas: model.sagas.map((saga) =>
      withLocation({ name: saga.name, style: saga.style, size: sagaSize(saga) }, at.location(saga)),
    ),
    streams: streamsOf(model).map((stream) => {
      const entry: ViewsResult['streams'][number] = { name: `${stream.contextName}.${stream.name}`, context: stream.contextName };
      const aggregate = stream.aggregate?.text;
      if (aggregate) entry.aggregate = aggregate;
      return withLocation(entry, at.location(stream));
    }),
  };
  const preferred = preferredView(listed, params.uri);
  if (preferred) result.preferred = viewKey(preferred);
  const lines = params.uri !== undefined && params.position ? model.documents.find((document) => document.uri === params.uri)?.lineIndex : undefined;
  const atCursor = lines && viewAt(model, listed, params.uri!, lines.offsetAt(params.position!));
  if (atCursor) result.atCursor = viewKey(atCursor);
  return result;
}

// ---------------------------------------------------------------- ddd/diagram

/** What turning a drawing into the protocol's result needs: positions, the view asked for, its options and its key. */
export interface DiagramContext {
  at: Locator;
  ref: ViewRef;
  options: DiagramOptions;
  key: string;
}

function nodeRefs(at: Locator, nodes: readonly ViewNode[]): DiagramNodeRef[] {
  return nodes.map((node) => ({ id: node.id, label: node.label, kind: node.kind, ...at.where(node.uri, node.range) }));
}

/** A drawing of the core as the protocol's DiagramResult: ranges become positions. */
function diagramResult(context: DiagramContext, drawn: DrawnView, ms: number): DiagramResult {
  const { at, options } = context;
  const out = { key: context.key, ref: context.ref, title: drawn.title, warnings: drawn.warnings, nodes: nodeRefs(at, drawn.nodes), filters: drawn.filters, ...(drawn.legend ? { legend: drawn.legend } : {}) };
  const base = Object.keys(options).length ? { ...out, options } : out;
  switch (drawn.kind) {
    case 'problem':
      return { kind: 'problem', ...base, message: drawn.message };
    case 'mermaid':
      return { kind: 'mermaid', ...base, diagram: drawn.diagram.kind, text: drawn.diagram.text, size: drawn.diagram.size, tooLarge: drawn.diagram.tooLarge };
    case 'svg':
      return { kind: 'svg', ...base, svg: drawn.svg, size: drawn.diagram.size, reason: drawn.reason, ms };
    case 'board': {
      const view = drawn.board;
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
      return { kind: 'board', ...base, board, text: drawn.diagram.text };
    }
  }
}

/** A saga's default drawing: the state machine of an orchestrated saga, the event flow of a choreographed one. */
export function defaultVariant(saga: Saga): SagaVariant {
  return sagaVariantOf(saga);
}

/** A mermaid diagram drawn outside a view (the simulator's saga) as a DiagramResult. */
export function mermaidResult(context: DiagramContext, diagram: MermaidDiagram): DiagramResult {
  return diagramResult(context, mermaidView(context.ref, diagram), 0);
}

export function diagram(model: DddModel, params: DiagramParams, diagnostics?: readonly Diagnostic[]): DiagramResult {
  const options = { ...params.options };
  const ref: ViewRef = { view: params.view, ...(params.name !== undefined ? { name: params.name } : {}), ...(params.variant !== undefined ? { variant: params.variant } : {}) };
  viewWork.diagrams++;
  const started = performance.now();
  // a comparison's colours are the extension's overlay on the view, passed through (not one of its options)
  const drawn = drawView(model, ref, { ...options, ...(params.changes ? { changes: params.changes } : {}), ...(diagnostics ? { diagnostics } : {}), maxFilters: limits.list });
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return diagramResult({ at: new Locator(model), ref: drawn.ref, options, key: diagramKey(drawn.ref, options) }, drawn, ms);
}

// ---------------------------------------------------------------- ddd/markdown

export function markdown(model: DddModel, params: MarkdownParams, diagnostics?: readonly Diagnostic[]): MarkdownResult {
  const options: Parameters<typeof toMarkdown>[1] = {};
  if (params.views) options.views = params.views;
  if (params.name !== undefined) options.name = params.name;
  if (params.title !== undefined) options.title = params.title;
  if (diagnostics) options.diagnostics = diagnostics;
  const problem = markdownProblem(model, options);
  if (problem !== undefined) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  return { markdown: toMarkdown(model, options) };
}
