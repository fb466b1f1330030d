/**
 * One view drawn, as the preview shows it: the view and name resolved by
 * `findView` (the same decision as the CLI's and the Markdown export's), a
 * saga's drawing chosen, a context map too large for mermaid laid out and drawn
 * as SVG, smaller views offered for a diagram too large to read. Plain data with
 * offsets: the server turns the ranges into positions.
 */
import type { Diagnostic } from '../diagnostics';
import type { TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import { aggregateDiagram } from './aggregates';
import { contextMapDiagram, impactByName, type MapChanges } from './context-map';
import { contextMapGraph, type ContextMapOptions } from './context-map-graph';
import { recolourLegend, type MapLegend } from './context-map-legend';
import { contextMapLayout, type ContextMapLayout } from './context-map-layout';
import { contextMapSvg } from './context-map-svg';
import type { DiagramNode, MermaidDiagram } from './diagram';
import { domainDiagram } from './domains';
import { sagaDiagram, sagaVariantOf } from './sagas';
import type { StormingView } from './storming';
import { stormingDiagram } from './storming-diagram';
import { mapThemes } from './theme';
import { viewLabels, type LayoutChoice, type MapThemeName, type SagaVariant, type ViewName } from './view-names';
import { findView, isViewProblem, nothingToDraw } from './views';
import { processDiagram } from './application-flows';

/** Names one view: a kind and, for most kinds, what it is of (see findView). */
export interface ViewRef {
  view: ViewName;
  name?: string;
  /**
   * For `saga`: which drawing (default: `states` for an orchestrated saga, `flow` for a choreographed one).
   * For `flows`: which of the drawings of that name: `flow` (a flow), `sequence` (a coordination), `states` (an aggregate's lifecycle).
   */
  variant?: SagaVariant;
}

/** Narrows or changes how a view is drawn: the "filtered views" of a diagram too large to draw. */
export interface ViewOptions {
  /** context-map: only this bounded context and its neighbours. */
  focus?: string;
  /** context-map: only this context map. */
  map?: string;
  /** aggregates: only this aggregate of the context. */
  aggregate?: string;
  layout?: LayoutChoice;
  /** The colours of a context map drawn as SVG. */
  theme?: MapThemeName;
}

export interface DrawViewOptions extends ViewOptions {
  /** context-map: colour the contexts a comparison touches, and say so in the legend. */
  changes?: MapChanges;
  /** Findings to show as hotspots on storming boards. */
  diagnostics?: readonly Diagnostic[];
  /** At most this many "around a context" filters of a context map (default: all). */
  maxFilters?: number;
}

/** A smaller view offered for a diagram too large to read: the same view with options, or another view. */
export interface ViewFilter {
  label: string;
  view: ViewRef;
  options?: ViewOptions;
}

/** A drawn node and the model element it stands for (click-to-source), with the element's range as offsets. */
export interface ViewNode {
  id: string;
  /** The element's name as written in the model (a sticky note's text). */
  label: string;
  kind: string;
  uri?: string;
  range?: TextRange;
}

interface DrawnBase {
  /** The view drawn: a saga's name and drawing filled in when they were left out. */
  ref: ViewRef;
  title: string;
  /** Why the diagram is empty or partial. */
  warnings: string[];
  nodes: ViewNode[];
  /** Smaller views of the same thing (offered for a diagram too large to read). */
  filters: ViewFilter[];
  /** The key to the colours and abbreviations (a context map's), in the drawing's colours. */
  legend?: MapLegend;
}

export type DrawnView =
  | (DrawnBase & { kind: 'mermaid'; diagram: MermaidDiagram })
  /** A context map too large for mermaid (or asked for with `layout: 'svg'`), laid out and drawn directly. */
  | (DrawnBase & { kind: 'svg'; diagram: MermaidDiagram; layout: ContextMapLayout; svg: string; reason: string })
  /** A storming board: its notes for the webview's sticky notes, and its mermaid flowchart for exports. */
  | (DrawnBase & { kind: 'board'; board: StormingView; diagram: MermaidDiagram })
  /** Nothing to draw: an unknown view or name, an empty model. */
  | (DrawnBase & { kind: 'problem'; message: string });

function base(ref: ViewRef, title: string): DrawnBase {
  return { ref, title, warnings: [], nodes: [], filters: [] };
}

function nodesOf(nodes: readonly DiagramNode[]): ViewNode[] {
  return nodes.map((node) => ({ id: node.id, label: node.name, kind: node.kind, ...(node.uri !== undefined ? { uri: node.uri } : {}), ...(node.range ? { range: node.range } : {}) }));
}

/** A mermaid diagram as a drawn view (the filters are offered only when it is too large to read). */
export function mermaidView(ref: ViewRef, diagram: MermaidDiagram, filters: ViewFilter[] = []): DrawnView {
  const drawn: DrawnView = { kind: 'mermaid', ...base(ref, diagram.title), warnings: diagram.warnings, nodes: nodesOf(diagram.nodes), filters: diagram.tooLarge ? filters : [], diagram };
  return diagram.legend ? { ...drawn, legend: diagram.legend } : drawn;
}

/**
 * The view `ref` names, drawn once. A view asked for without a name shows its
 * first drawing (the first saga, the first context with aggregates, the first
 * board); an unknown view or name is a `problem` with the message the CLI gives.
 */
export function drawView(model: DddModel, ref: ViewRef, options: DrawViewOptions = {}): DrawnView {
  const found = findView(model, ref.view, ref.name, options.diagnostics);
  // only a saga's drawing has a variant, filled in below
  const asked: ViewRef = { view: ref.view, ...(ref.name !== undefined ? { name: ref.name } : {}) };
  // `?.`: a view name from outside may be unknown at run time
  const title = (viewLabels[ref.view] as { title: string } | undefined)?.title ?? 'View';
  if (isViewProblem(found)) return { kind: 'problem', ...base(asked, title), message: found.problem };
  const empty = nothingToDraw(found);
  if (empty !== undefined) return { kind: 'problem', ...base(asked, title), message: empty };
  switch (found.view) {
    case 'domains':
      return mermaidView(asked, domainDiagram(model));
    case 'context-map':
      return contextMapView(model, asked, { ...(found.map !== undefined ? { map: found.map } : {}), ...(found.focus !== undefined ? { focus: found.focus } : {}) }, options);
    case 'aggregates':
      return aggregatesView(model, asked, found.contexts[0]!, options.aggregate);
    case 'saga': {
      const saga = found.sagas[0]!;
      const variant = sagaVariantOf(saga, ref.variant);
      return mermaidView({ ...asked, name: saga.name, variant }, sagaDiagram(saga, variant));
    }
    case 'flows': {
      // several drawings may share a name (a flow and a coordination): the variant picks one
      const drawing = found.drawings.find((candidate) => candidate.variant === ref.variant) ?? found.drawings[0]!;
      return mermaidView({ ...asked, name: drawing.name, variant: drawing.variant }, processDiagram(model, drawing));
    }
    case 'storming': {
      const view = found.boards[0]!;
      const diagram = stormingDiagram(view);
      const title = view.origin === 'model' ? `Event storming: ${view.name} (from the declarations)` : `Event storming: ${view.name}`;
      const nodes: ViewNode[] = view.notes.map((note) => ({ id: note.id, label: note.text, kind: note.type, ...(note.uri !== undefined && note.range ? { uri: note.uri, range: note.range } : {}) }));
      return { kind: 'board', ...base(asked, title), warnings: diagram.warnings, nodes, board: view, diagram };
    }
  }
}

/** Smaller views of a context map: each map, and each context with its neighbours (the most connected first). */
function contextMapFilters(model: DddModel, options: ContextMapOptions, maxFilters: number): ViewFilter[] {
  const filters: ViewFilter[] = [];
  if (options.map === undefined && model.contextMaps.length > 1) {
    for (const map of model.contextMaps) filters.push({ label: `Only the context map ${map.name}`, view: { view: 'context-map', name: map.name } });
  }
  const graph = contextMapGraph(model, options);
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const nodes = graph.nodes
    .filter((node) => !node.unknown && node.name !== options.focus)
    .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.name.localeCompare(b.name));
  for (const node of nodes.slice(0, maxFilters)) {
    filters.push({ label: `Around ${node.name} (${degree.get(node.id) ?? 0} relationships)`, view: { view: 'context-map' }, options: { focus: node.name } });
  }
  return filters;
}

/** The options (a map, a context) narrow the map further than the name does; the name fills in what they leave out. */
function contextMapView(model: DddModel, ref: ViewRef, named: ContextMapOptions, options: DrawViewOptions): DrawnView {
  const mapOptions: ContextMapOptions = {};
  const map = options.map ?? named.map;
  const focus = options.focus ?? named.focus;
  if (map !== undefined) mapOptions.map = map;
  if (focus !== undefined) mapOptions.focus = focus;
  const diagram = contextMapDiagram(model, { ...mapOptions, ...(options.changes ? { changes: options.changes } : {}) });
  const layout = options.layout ?? 'auto';
  const filters = contextMapFilters(model, mapOptions, options.maxFilters ?? Number.POSITIVE_INFINITY);
  if (layout === 'mermaid' || (layout === 'auto' && !diagram.tooLarge)) return mermaidView(ref, diagram, filters);

  const laidOut = contextMapLayout(model, mapOptions);
  const svg = contextMapSvg(laidOut, mapThemes[options.theme ?? 'light'], { title: diagram.title, idPrefix: 'ddd-map', ...(options.changes ? { changes: impactByName(options.changes) } : {}) });
  const reason =
    layout === 'svg'
      ? 'Drawn with the fast layout, as asked.'
      : `${diagram.size.nodes} contexts and ${diagram.size.edges} relationships are too many for mermaid's layered layout (it would take seconds): drawn with the fast layout instead.`;
  const nodes: ViewNode[] = laidOut.nodes.map((node) => ({
    id: node.id,
    label: node.name,
    kind: node.unknown ? 'unknown-context' : 'context',
    ...(node.uri !== undefined ? { uri: node.uri } : {}),
    ...(node.range ? { range: node.range } : {}),
  }));
  const legend = diagram.legend && recolourLegend(diagram.legend, mapThemes[options.theme ?? 'light']);
  return { kind: 'svg', ...base(ref, diagram.title), warnings: diagram.warnings, nodes, filters, diagram, layout: laidOut, svg, reason, ...(legend ? { legend } : {}) };
}

function aggregatesView(model: DddModel, ref: ViewRef, name: string, aggregate: string | undefined): DrawnView {
  const diagram = aggregateDiagram(model, name, aggregate !== undefined ? { aggregate } : {});
  const filters: ViewFilter[] = model.contexts
    .get(name)!
    .aggregates.filter((candidate) => candidate.name !== aggregate)
    .map((candidate) => ({ label: `Only the aggregate ${candidate.name}`, view: { view: 'aggregates', name }, options: { aggregate: candidate.name } }));
  return mermaidView(ref, diagram, filters);
}
