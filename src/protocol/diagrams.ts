/**
 * The preview's contract: which views a workspace has (`ddd/views`), one view
 * drawn (`ddd/diagram`), the Markdown export (`ddd/markdown`). Plain data only.
 */
import type { SourceLocation, SourcePosition, SourceRange } from './source';

/*
 * The names below are the core's (src/language/diagrams/view-names.ts, the one
 * source): the protocol imports nothing, not even types, so it states them as
 * its own `as const` arrays for the webview and the request validators, and
 * test/protocol/view-names.test.ts fails when they and the core's differ in
 * either direction (a name missing on one side, another order), as values and
 * as types. Add a view in the core; the test then says to add it here, and the
 * webview (which takes its lists from here) follows.
 */

/** The views of the preview, as the CLI's `--view` names them, in the toolbar's order. */
export const viewKinds = ['context-map', 'aggregates', 'saga', 'flows', 'storming', 'domains'] as const;
export type ViewKind = (typeof viewKinds)[number];

/** The word on each view's tab (the core's `viewLabels`, their `tab`). */
export const viewTabLabels = {
  'context-map': 'Context map',
  aggregates: 'Aggregates',
  saga: 'Sagas',
  flows: 'Flows',
  storming: 'Event storming',
  domains: 'Domains',
} as const satisfies Record<ViewKind, string>;

/** A saga is drawn as its state machine or its sequence (orchestrated), or its event flow (choreographed). */
export const sagaVariants = ['states', 'sequence', 'flow'] as const;
export type SagaVariant = (typeof sagaVariants)[number];

/** VS Code's theme kinds, read from the webview's body class: the colours of a context map drawn as SVG. */
export const themeKinds = ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const;
export type ThemeKind = (typeof themeKinds)[number];

/**
 * How a context map is drawn: `auto` (mermaid while it is small enough, else the
 * fast layout drawn as SVG), `mermaid` (always), `svg` (always the fast layout).
 */
export const layoutChoices = ['auto', 'mermaid', 'svg'] as const;
export type LayoutChoice = (typeof layoutChoices)[number];

/** Names one view: a kind and, for most kinds, what it is of. */
export interface ViewRef {
  view: ViewKind;
  /**
   * context-map: a context map, or a bounded context (it and its neighbours);
   * aggregates: a bounded context; saga: a saga; storming: a board, or `model`
   * (the whole model as one board). Absent: the whole view.
   */
  name?: string;
  /** For `saga`: which drawing (default: `states` for an orchestrated saga, `flow` for a choreographed one). */
  variant?: SagaVariant;
}

/** Narrows or changes how a view is drawn: the "filtered views" of a diagram too large to draw. */
export interface DiagramOptions {
  /** context-map: only this bounded context and its neighbours. */
  focus?: string;
  /** context-map: only this context map. */
  map?: string;
  /** aggregates: only this aggregate of the context. */
  aggregate?: string;
  layout?: LayoutChoice;
  /** The colours of a context map drawn as SVG (mermaid diagrams take the webview's theme). */
  theme?: ThemeKind;
}

/** A view the workspace has, for the preview's toolbar. */
export interface ViewEntry extends ViewRef {
  /** Stable while the model keeps the view: `saga:OrderSaga:states`. */
  key: string;
  /** `OrderSaga: state machine`, `Aggregates of Sales`. */
  label: string;
  /** Where the thing drawn is declared (the preview opens on the view of the document being edited). */
  location?: SourceLocation;
}

/** An orchestrated or choreographed saga the simulator can play. */
export interface SagaEntry {
  name: string;
  style: 'orchestrated' | 'choreographed';
  /** Steps (orchestrated) or reactions (choreographed). */
  size: number;
  location?: SourceLocation;
}

/** An event stream `ddd/replay` can replay. */
export interface StreamEntry {
  /** `Banking.AccountHistory`: unique in the workspace. */
  name: string;
  context: string;
  aggregate?: string;
  location?: SourceLocation;
}

export interface ViewsParams {
  /** The document being edited: `preferred` is the first view of something it declares. */
  uri?: string;
  /** The cursor in `uri`: `atCursor` is the view of what it is in. */
  position?: SourcePosition;
}

export interface ViewsResult {
  views: ViewEntry[];
  /** The key of the view to open first for `uri`. */
  preferred?: string;
  /**
   * The key of the view of what the cursor (`position` in `uri`) is in: the
   * saga, board or context map written there, the aggregates of the context
   * (in an aggregate) or the context map that holds it. Absent between
   * declarations: a preview that follows the cursor stays where it is.
   */
  atCursor?: string;
  sagas: SagaEntry[];
  streams: StreamEntry[];
}

/**
 * How a comparison touches a bounded context, worst first (the core's `contextImpactKinds`,
 * src/language/diff/types.ts; test/protocol/context-impacts.test.ts holds the two equal).
 */
export const contextImpactKinds = ['breaking', 'risky', 'affected', 'changed'] as const;
export type ContextImpactKind = (typeof contextImpactKinds)[number];

/** The most contexts a map's changes name. */
export const MAX_MAP_CHANGES = 5_000;

/** The contexts a comparison touches (`ddd diff --format json`'s `contexts`) and the version compared with. */
export interface MapChanges {
  base: string;
  contexts: { name: string; impact: ContextImpactKind }[];
}

export interface DiagramParams extends ViewRef {
  options?: DiagramOptions;
  /**
   * context-map: colour the contexts a comparison touches, and name its base in the legend
   * ("DDD: Compare with…" sends it while its panel is open). Not a view option: the drawing's
   * key and its `options` leave it out.
   */
  changes?: MapChanges;
}

/** A drawn node and the model element it stands for: click-to-source. */
export interface DiagramNodeRef {
  /**
   * The node's id in the drawing: mermaid's SVG ids contain it
   * (`…-flowchart-c_Sales-0`, `…-state-STARTED-1`, `…-classId-k_Order-0`); the
   * direct SVG puts it in `data-id`; a sticky note's id.
   */
  id: string;
  /** The element's name as written in the model. */
  label: string;
  /** `context`, `aggregate-root`, `state`, `event`, `reaction`, … */
  kind: string;
  uri?: string;
  range?: SourceRange;
}

export interface DiagramSize {
  nodes: number;
  edges: number;
  /** Length of the mermaid text. */
  chars: number;
}

/** A smaller view offered when a diagram is too large: the same view with options, or another view. */
export interface DiagramFilter {
  label: string;
  view: ViewRef;
  options?: DiagramOptions;
}

interface DiagramBase {
  /** The view's key (see ViewEntry.key), options included. */
  key: string;
  /** The view asked for, with its options, so the webview can ask again. */
  ref: ViewRef;
  options?: DiagramOptions;
  title: string;
  /** Why the diagram is empty or partial. */
  warnings: string[];
  nodes: DiagramNodeRef[];
  /** Smaller views of the same thing (for a diagram too large to read). */
  filters: DiagramFilter[];
  /** The key to the colours and abbreviations: a context map's (the core's MapLegend). */
  legend?: MapLegend;
}

/** A context map's legend: what its colours mean, and the role abbreviations its relationships use. */
export interface MapLegend {
  /** `core` → `core subdomain`, with the colours drawn (external and unknown contexts are dashed). */
  categories: { category: string; label: string; fill: string; stroke: string; dashed: boolean }[];
  /** `OHS` → `open host service`. */
  roles: { code: string; name: string }[];
  /** While a comparison is shown: its base, and the colours of the contexts it touches on this map (none: no context drawn changed). */
  changes?: { base: string; impacts: { impact: ContextImpactKind; label: string; fill: string; stroke: string; dashed: boolean }[] };
}

export interface MermaidDiagramResult extends DiagramBase {
  kind: 'mermaid';
  /** `context-map`, `aggregates`, `saga-states`, `saga-sequence`, `saga-flow`, `storming`, `domains`. */
  diagram: string;
  text: string;
  size: DiagramSize;
  /** Past mermaid's comfortable limits: the webview offers the filters (or drawing it anyway). */
  tooLarge: boolean;
}

/** A context map too large for mermaid, laid out by the fast layout and drawn as SVG by the core. */
export interface SvgDiagramResult extends DiagramBase {
  kind: 'svg';
  svg: string;
  size: DiagramSize;
  /** Why it is not drawn by mermaid, in words. */
  reason: string;
  /** Laying out and drawing took this long on the server (ms). */
  ms: number;
}

/** An event storming board: drawn as HTML sticky notes by the webview. */
export interface BoardDiagramResult extends DiagramBase {
  kind: 'board';
  board: BoardData;
  /** The board as a mermaid flowchart, for the SVG and PNG exports. */
  text: string;
}

/** Nothing to draw: an unknown name, an empty model. */
export interface ProblemResult extends DiagramBase {
  kind: 'problem';
  message: string;
}

export type DiagramResult = MermaidDiagramResult | SvgDiagramResult | BoardDiagramResult | ProblemResult;

// ---------------------------------------------------------------- the storming board

/** The sticky types: the storming rows of the core's constructs table (test/protocol/view-names.test.ts holds them equal). */
export const stickyKinds = ['event', 'command', 'actor', 'aggregate', 'policy', 'readmodel', 'external', 'hotspot'] as const;
export type StickyKind = (typeof stickyKinds)[number];

export interface BoardNote {
  /** Stable for the board's content (`n3`, `d1`, `h1`, `m7`). */
  id: string;
  type: StickyKind;
  text: string;
  /** The paper's colour and the text's (`#ff9f1c`). */
  colour: string;
  textColour: string;
  size: 'small' | 'normal' | 'large';
  /** Position on the timeline, from 0, left to right. */
  order: number;
  /** The aggregate lane, or absent for the main lane. */
  lane?: string;
  /** Written on the board, implied by a line of it, synthesised from the model, or a finding. */
  origin: 'board' | 'derived' | 'model' | 'diagnostic';
  /** The name resolves to a declaration of the model. */
  declared: boolean;
  description?: string;
  /** A hotspot made from a finding: its code. */
  code?: string;
  uri?: string;
  range?: SourceRange;
}

export interface BoardLink {
  from: string;
  to: string;
  kind: 'by' | 'on' | 'emits' | 'when' | 'then' | 'from';
}

export interface BoardData {
  name: string;
  origin: 'board' | 'model';
  uri?: string;
  range?: SourceRange;
  /** In timeline order. */
  notes: BoardNote[];
  links: BoardLink[];
  /** The main lane ('') first, then one per aggregate. */
  lanes: { name: string; notes: string[] }[];
  legend: { type: StickyKind; label: string; colour: string }[];
}

// ---------------------------------------------------------------- Markdown

export interface MarkdownParams {
  /** The views to include, in this order (default: all). */
  views?: ViewKind[];
  /** Narrows them as `ViewRef.name` does. */
  name?: string;
  /** The document's heading. */
  title?: string;
}

export interface MarkdownResult {
  markdown: string;
}

// ---------------------------------------------------------------- keys

/** The key of a view (ViewEntry.key): `context-map`, `aggregates:Sales`, `saga:OrderSaga:states`. */
export function viewKey(ref: ViewRef): string {
  return [ref.view, ref.name, ref.variant].filter((part) => part !== undefined).join(':');
}

/** The key of a drawing: the view's key and the options that change what is drawn (a filtered view has its own zoom). */
export function diagramKey(ref: ViewRef, options: DiagramOptions = {}): string {
  const parts = [viewKey(ref)];
  for (const option of ['map', 'focus', 'aggregate', 'layout'] as const) {
    const value = options[option];
    if (value !== undefined && !(option === 'layout' && value === 'auto')) parts.push(`${option}=${value}`);
  }
  return parts.join('|');
}
