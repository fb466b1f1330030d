/**
 * The context map as a mermaid flowchart: bounded contexts as rounded boxes
 * coloured by their subdomain's type (core, supporting, generic), external
 * systems as pink dashed hexagons, unknown names as red dashed boxes; one edge
 * per relationship from upstream to downstream labelled with the roles
 * (`OHS, PL → ACL`, `U/D`), partnerships as double-headed edges and shared
 * kernels as thick undirected edges labelled with what they share.
 */
import { contextImpactKinds, type ContextImpact, type ContextImpactKind } from '../diff/types';
import type { DddModel } from '../model/model';
import { contextMapLegend } from './context-map-legend';
import { contextMapGraph, type ContextMapGraph, type ContextMapOptions, type MapEdgeKind, type MapNode } from './context-map-graph';
import { addTo, contextMapLimits, DiagramWriter, writeClasses, type MermaidDiagram } from './diagram';
import { quoted, quotedLines, wrapName } from './escape';
import { changeClassDef, changeClassName, contextCategories, contextClassDef } from './theme';

/** The contexts a comparison touches (diff/context-impacts.ts), and the version compared with: coloured on the map. */
export interface MapChanges {
  /** `main`, `HEAD`, `v1.2`: named by the legend. */
  base: string;
  contexts: readonly ContextImpact[];
}

export interface ContextMapDiagramOptions extends ContextMapOptions {
  /** `LR` (default) or `TB`. */
  direction?: 'LR' | 'TB';
  /** Colour the contexts a comparison touches. */
  changes?: MapChanges;
}

/** Each context's impact, by name (the first of a name counts). */
export function impactByName(changes: MapChanges | undefined): Map<string, ContextImpactKind> {
  const impacts = new Map<string, ContextImpactKind>();
  for (const { name, impact } of changes?.contexts ?? []) if (!impacts.has(name)) impacts.set(name, impact);
  return impacts;
}

const arrows: Record<MapEdgeKind, string> = {
  'upstream-downstream': '-->',
  partnership: '<-->',
  'shared-kernel': '===',
  'partnership-shared-kernel': '<==>',
  symmetric: '---',
  undirected: '-.-',
};

/** The second line of a context's box: `core: Ordering`, `external system`. */
export function contextSubtitle(node: MapNode): string {
  if (node.unknown) return 'unknown context';
  // a team an organisational map relates: the contexts it builds
  if (node.category === 'team') return node.realizes?.length ? `team · realizes ${node.realizes.slice(0, 2).join(', ')}${node.realizes.length > 2 ? ' …' : ''}` : 'team';
  if (node.external) return 'external system';
  const subdomains = node.subdomains.map((subdomain) => (subdomain.type ? `${subdomain.type}: ${subdomain.name}` : subdomain.name)).join(', ');
  // issue 13: the team that builds it, when the model says
  const teams = node.teams?.length ? `team ${node.teams.slice(0, 2).join(', ')}${node.teams.length > 2 ? ' …' : ''}` : '';
  return [subdomains, teams].filter(Boolean).join(' · ');
}

function shape(node: MapNode): [string, string] {
  if (node.external) return ['{{', '}}'];
  if (node.unknown) return ['[', ']'];
  return ['(', ')'];
}

export function contextMapMermaid(graph: ContextMapGraph, title: string, direction: 'LR' | 'TB' = 'LR', subject?: string, changes?: MapChanges): MermaidDiagram {
  const writer = new DiagramWriter(`flowchart ${direction}`);
  writer.warnings.push(...graph.warnings);
  const classes = new Map<string, string[]>();
  const impacts = impactByName(changes);
  for (const node of graph.nodes) {
    const [open, close] = shape(node);
    writer.line(`${node.id}${open}${quotedLines([...wrapName(node.name), contextSubtitle(node)])}${close}`);
    writer.node({ id: node.id, name: node.name, kind: node.unknown ? 'unknown-context' : 'context', ...(node.uri ? { uri: node.uri } : {}), ...(node.range ? { range: node.range } : {}) });
    addTo(classes, node.category, node.id);
    const impact = node.unknown ? undefined : impacts.get(node.name);
    if (impact) addTo(classes, changeClassName(impact), node.id);
    if (node.focus) addTo(classes, 'focus', node.id);
  }
  for (const edge of graph.edges) writer.edge(`${edge.from} ${arrows[edge.kind]}|${quoted(edge.label)}| ${edge.to}`);
  const styles: Record<string, string> = { focus: 'stroke-width:4px' };
  for (const category of contextCategories) styles[category] = contextClassDef(category);
  for (const impact of contextImpactKinds) styles[changeClassName(impact)] = changeClassDef(impact);
  // a comparison's colours after the categories', focus last, so that its thicker border wins
  const weight = (name: string) => (name === 'focus' ? 2 : name.startsWith('change') ? 1 : 0);
  const ordered = new Map([...classes].sort(([a], [b]) => weight(a) - weight(b)));
  writeClasses(writer, styles, ordered);
  return { ...writer.finish('context-map', title, subject, contextMapLimits), legend: contextMapLegend(graph, undefined, changes) };
}

/**
 * The context map (all maps, or one with `map`, or one context and its
 * neighbours with `focus`) as a mermaid flowchart.
 */
export function contextMapDiagram(model: DddModel, options: ContextMapDiagramOptions = {}): MermaidDiagram {
  const graph = contextMapGraph(model, options);
  const title = options.focus !== undefined ? `Context map around ${options.focus}` : options.map !== undefined ? `Context map ${options.map}` : 'Context map';
  return contextMapMermaid(graph, title, options.direction, options.focus ?? options.map, options.changes);
}
