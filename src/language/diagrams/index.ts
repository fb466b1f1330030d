/**
 * Diagrams of a model: pure functions from the model to mermaid text, plain
 * view models (the storming board) and, for context maps too big for mermaid, a
 * layout and an SVG drawn directly. No DOM, no Node APIs, no mermaid import: the
 * webview, the CLI and the Markdown export call these and draw the result.
 */
export { aggregateDiagram, contextsWithAggregates, type AggregateDiagramOptions } from './aggregates';
export { contextMapDiagram, contextMapMermaid, contextSubtitle, type ContextMapDiagramOptions, type MapChanges } from './context-map';
export { contextMapLegend, recolourLegend, type MapLegend } from './context-map-legend';
export {
  contextCategory,
  contextMapGraph,
  type ContextMapGraph,
  type ContextMapOptions,
  type MapEdge,
  type MapEdgeKind,
  type MapNode,
} from './context-map-graph';
export {
  contextMapLayout,
  layoutGraph,
  layoutKey,
  seededRandom,
  type ContextMapLayout,
  type LaidOutEdge,
  type LaidOutNode,
  type LayoutOptions,
} from './context-map-layout';
export { contextMapSvg, type ContextMapSvgOptions } from './context-map-svg';
export {
  contextMapLimits,
  isTooLarge,
  mermaidLimits,
  type DiagramKind,
  type DiagramLimits,
  type DiagramNode,
  type DiagramSize,
  type MermaidDiagram,
} from './diagram';
export { domainDiagram } from './domains';
export { decodeMermaidText, markdownText, mermaidFence, mermaidText, NAME_LINE_WIDTH, wrapName, xmlText } from './escape';
export { markdownProblem, toMarkdown, type MarkdownOptions } from './markdown';
export { sagaFlowDiagram } from './saga-flow';
export { sagaSequenceDiagram } from './saga-sequence';
export { sagaStateDiagram, transitionLabel } from './saga-states';
export { findSaga, sagaDiagram, sagaDiagrams, sagaVariantOf } from './sagas';
export {
  boardView,
  modelStormingView,
  stormingView,
  withDiagnosticHotspots,
  type StickyNote,
  type StickyOrigin,
  type StormingLane,
  type StormingLink,
  type StormingLinkKind,
  type StormingView,
} from './storming';
export { stormingDiagram } from './storming-diagram';
export {
  contextClassDef,
  darkMapTheme,
  lightMapTheme,
  mapThemes,
  stickyClassDef,
  stickyStyles,
  type ContextCategory,
  type MapTheme,
  type NodeColours,
  type StickyStyle,
} from './theme';
export {
  drawView,
  mermaidView,
  type DrawnView,
  type DrawViewOptions,
  type ViewFilter,
  type ViewNode,
  type ViewOptions,
  type ViewRef,
} from './draw-view';
export { listViews, preferredView, viewAt, type ListedView } from './view-list';
export {
  isViewName,
  layoutChoices,
  mapThemeNames,
  sagaVariants,
  viewNames,
  wholeModelBoard,
  type LayoutChoice,
  type MapThemeName,
  type SagaVariant,
  type ViewName,
} from './view-names';
export {
  findView,
  isViewProblem,
  stormingViews,
  subjectDiagrams,
  unknownViewProblem,
  viewDiagrams,
  type ViewDiagrams,
  type ViewProblem,
  type ViewSubject,
} from './views';
export { coordinationDiagram, flowDiagram, lifecycleDiagram, processDiagram, processesOf, type ProcessDrawing } from './application-flows';
