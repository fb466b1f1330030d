/**
 * A context map too big to read (a monorepo's worth of contexts) is drawn as a
 * summary: the most connected contexts and the relationships between them, with
 * a warning that says how many there are and how to see the rest. The layout,
 * the mermaid text and the SVG all start from the summarised graph, so every
 * way of showing the map stays bounded however big the model grows.
 */
import type { ContextMapGraph, MapNode } from './context-map-graph';
import { thousands } from '../util/thousands';

/** Past this many contexts, a map is summarised. */
export const MAP_SUMMARY_THRESHOLD = 500;

/** How many contexts a summarised map shows: the most connected. */
export const MAP_SUMMARY_SHOWN = 200;


/** The graph itself when it is small enough, else its `shown` most connected contexts (ties: model order) and the edges among them. */
export function summariseMap(graph: ContextMapGraph, threshold = MAP_SUMMARY_THRESHOLD, shown = MAP_SUMMARY_SHOWN): ContextMapGraph {
  if (graph.nodes.length <= threshold) return graph;
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    if (edge.to !== edge.from) degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const order = new Map(graph.nodes.map((node, index) => [node.id, index]));
  const ranked = [...graph.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!);
  const keptIds = new Set(ranked.slice(0, shown).map((node) => node.id));
  // the focused context is always shown
  for (const node of graph.nodes) if (node.focus) keptIds.add(node.id);
  const nodes: MapNode[] = graph.nodes.filter((node) => keptIds.has(node.id));
  const edges = graph.edges.filter((edge) => keptIds.has(edge.from) && keptIds.has(edge.to));
  const example = ranked.find((node) => !node.unknown)?.name ?? 'Sales';
  const warning =
    `${thousands(graph.nodes.length)} contexts: showing the ${thousands(nodes.length)} most connected ` +
    `and the ${thousands(edges.length)} of ${thousands(graph.edges.length)} relationships between them. ` +
    `To see any context with its neighbours, choose it among the smaller views (Around ${example}), or name it: \`ddd export --view context-map --name ${example}\`.`;
  return { ...graph, nodes, edges, warnings: [...graph.warnings, warning] };
}
