/**
 * The context map as a plain graph: one node per bounded context, one edge per
 * relationship from upstream to downstream, with the roles as a short label.
 * The mermaid context map, the fast layout and the direct SVG all start here, so
 * they show the same map. Plain data only (no model objects): it can be posted
 * to a webview as it is.
 */
import { normaliseRelationship, patternNames, type NormalisedSide, type RelationshipPattern } from '../context-map/relationships';
import type { BoundedContext, Relationship, SubdomainType, Team, TextRange } from '../model/elements';
import type { DddModel } from '../model/model';
import { summariseMap } from './context-map-summary';
import { IdRegistry } from './escape';
import type { ContextCategory } from './theme';

export interface ContextMapOptions {
  /** Only the relationships of this context map (and the contexts they name). */
  map?: string;
  /** Only this context and its neighbours (the contexts it has a relationship with). */
  focus?: string;
  /**
   * Show contexts that take part in no relationship shown. Default: true when
   * neither `map` nor `focus` is given.
   */
  isolated?: boolean;
  /** Every context however many (default: past MAP_SUMMARY_THRESHOLD contexts, only the most connected; see context-map-summary.ts). */
  whole?: boolean;
}

export interface MapNode {
  /** A safe id (`c_Sales`), stable for a name. */
  id: string;
  name: string;
  category: ContextCategory;
  /** The subdomains it implements: `core: Ordering`. */
  subdomains: { name: string; type?: SubdomainType }[];
  external: boolean;
  /** Named by a relationship but declared nowhere. */
  unknown: boolean;
  /** The context the map is focused on. */
  focus: boolean;
  uri?: string;
  range?: TextRange;
  /** Issue 13: the teams that realize or own it. */
  teams?: string[];
  /** For a team: the contexts it realizes. */
  realizes?: string[];
}

/**
 * - `upstream-downstream`: `->` / `<-`, from upstream to downstream;
 * - `partnership`, `shared-kernel`, `partnership-shared-kernel`: `<->` with P and/or SK;
 * - `symmetric`: another `<->`; `undirected`: no arrow (a syntax error).
 */
/** The teams that realize a context (`team T realizes C`) or own it (`owner T`), each once. */
function contextTeams(context: BoundedContext): string[] {
  const names = (context.teams ?? []).map((team) => team.name);
  for (const block of context.declarations) {
    const owner = block.ownerTeam?.target;
    if (owner?.kind === 'team' && !names.includes(owner.name)) names.push(owner.name);
  }
  return names;
}

/** The most exposed aggregates an edge's label names (the title names them all). */
const MAX_EXPOSED_SHOWN = 3;

export type MapEdgeKind = 'upstream-downstream' | 'partnership' | 'shared-kernel' | 'partnership-shared-kernel' | 'symmetric' | 'undirected';

export interface MapEdge {
  id: string;
  /** Upstream (or the left side when symmetric). */
  from: string;
  /** Downstream (or the right side when symmetric). */
  to: string;
  kind: MapEdgeKind;
  /** Short, for the edge: `OHS, PL → ACL`, `U/D`, `Partnership`, `Shared kernel: Money`. */
  label: string;
  /** Long, for a tooltip: `Sales [OHS, PL] -> Support [ACL]: open host service, published language, anti-corruption layer` (and its description). */
  title: string;
  upstreamRoles: string[];
  downstreamRoles: string[];
  patterns: RelationshipPattern[];
  /** What a shared kernel shares. */
  shared: string[];
  map: string;
  uri: string;
  range: TextRange;
}

export interface ContextMapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
  /** The context maps shown. */
  maps: string[];
  warnings: string[];
}

const typeRank: Record<SubdomainType, number> = { core: 0, supporting: 1, generic: 2 };

/** A context's category: external, else its most important subdomain's type (core > supporting > generic). */
export function contextCategory(context: BoundedContext): ContextCategory {
  if (context.external) return 'external';
  let best: SubdomainType | undefined;
  for (const subdomain of context.subdomains) {
    if (subdomain.type && (best === undefined || typeRank[subdomain.type] < typeRank[best])) best = subdomain.type;
  }
  return best ?? 'unclassified';
}

function roleTexts(side: NormalisedSide | undefined): string[] {
  return side ? side.roles.map((role) => role.name.text) : [];
}

function sideText(side: Relationship['left']): string {
  const name = side.context?.text ?? '?';
  return side.roles.length ? `${name} [${side.roles.map((role) => role.text).join(', ')}]` : name;
}

export function contextMapGraph(model: DddModel, options: ContextMapOptions = {}): ContextMapGraph {
  const warnings: string[] = [];
  const ids = new IdRegistry('c');
  const nodes = new Map<string, MapNode>();
  const maps = options.map === undefined ? model.contextMaps : model.contextMaps.filter((map) => map.name === options.map);
  if (options.map !== undefined && maps.length === 0) warnings.push(`There is no context map named ${options.map}.`);
  if (options.focus !== undefined && !model.contexts.has(options.focus)) warnings.push(`There is no bounded context named ${options.focus}.`);

  const contextNode = (context: BoundedContext): MapNode => {
    let node = nodes.get(context.name);
    if (!node) {
      node = {
        id: ids.id(context, context.name),
        name: context.name,
        category: contextCategory(context),
        subdomains: context.subdomains.map((subdomain) => (subdomain.type ? { name: subdomain.name, type: subdomain.type } : { name: subdomain.name })),
        external: context.external,
        unknown: false,
        focus: context.name === options.focus,
        uri: context.uri,
        range: { start: context.nameRange.start, end: context.nameRange.end },
      };
      const teams = contextTeams(context);
      if (teams.length) node.teams = teams;
      nodes.set(context.name, node);
    }
    return node;
  };
  const unknownNode = (name: string): MapNode => {
    const key = `?${name}`;
    let node = nodes.get(key);
    if (!node) {
      node = { id: ids.id(key, name), name, category: 'unknown', subdomains: [], external: false, unknown: true, focus: false };
      nodes.set(key, node);
    }
    return node;
  };
  // a team an organisational map relates (issue 13): its own node, in the team's colours
  const teamNode = (team: Team): MapNode => {
    const key = `team ${team.name}`;
    let node = nodes.get(key);
    if (!node) {
      node = { id: ids.id(key, team.name), name: team.name, category: 'team', subdomains: [], external: false, unknown: false, focus: false, uri: team.uri, range: { start: team.nameRange.start, end: team.nameRange.end } };
      const realized = team.realizes.map((reference) => reference.text).filter(Boolean);
      if (realized.length) node.realizes = realized;
      nodes.set(key, node);
    }
    return node;
  };
  const sideNode = (side: NormalisedSide): MapNode | undefined => {
    if (side.context) return contextNode(side.context);
    const target = side.side.context?.target;
    if (target?.kind === 'team') return teamNode(target);
    const text = side.side.context?.text;
    return text ? unknownNode(text) : undefined;
  };

  // contexts first, in model order, so that ids and order do not depend on the relationships
  const showIsolated = options.isolated ?? (options.map === undefined && options.focus === undefined);
  if (showIsolated) for (const context of model.contexts.values()) contextNode(context);

  // issue 13: the contexts a map `contains` are on it, related or not
  if (options.focus === undefined) {
    for (const map of maps) {
      for (const reference of map.contains ?? []) {
        if (reference.target?.kind === 'context') contextNode(reference.target);
        else if (reference.target?.kind === 'team') teamNode(reference.target);
      }
    }
  }

  const edges: MapEdge[] = [];
  for (const map of maps) {
    for (const relationship of map.relationships) {
      const normalised = normaliseRelationship(relationship);
      const names = normalised.sides.map((side) => side.context?.name ?? side.side.context?.text);
      if (options.focus !== undefined && !names.includes(options.focus)) continue;
      const [first, second] = normalised.upstream && normalised.downstream ? [normalised.upstream, normalised.downstream] : normalised.sides;
      const from = sideNode(first);
      const to = sideNode(second);
      if (!from || !to) continue;
      const patterns = [...normalised.patterns];
      const shared = relationship.shared.map((reference) => reference.text);
      const up = roleTexts(normalised.upstream);
      const down = roleTexts(normalised.downstream);
      let kind: MapEdgeKind;
      let label: string;
      if (normalised.upstream && normalised.downstream) {
        kind = 'upstream-downstream';
        label = up.length || down.length ? `${up.join(', ') || 'U'} → ${down.join(', ') || 'D'}` : 'U/D';
      } else {
        const partnership = patterns.includes('partnership');
        const kernel = patterns.includes('shared-kernel');
        kind = partnership && kernel ? 'partnership-shared-kernel' : partnership ? 'partnership' : kernel ? 'shared-kernel' : relationship.arrow ? 'symmetric' : 'undirected';
        const parts: string[] = [];
        if (partnership) parts.push('Partnership');
        if (kernel) parts.push(shared.length ? `Shared kernel: ${shared.join(', ')}` : 'Shared kernel');
        if (!parts.length) {
          const roles = [...new Set(normalised.sides.flatMap((side) => roleTexts(side)))];
          parts.push(roles.length ? roles.join(', ') : relationship.arrow ? '↔' : '?');
        }
        label = parts.join(' + ');
      }
      // issue 13: the upstream's exposed aggregates, a few at most so that the label stays readable
      const exposed = (relationship.exposes ?? []).map((reference) => reference.text).filter(Boolean);
      if (exposed.length) label += ` · exposes ${exposed.length > MAX_EXPOSED_SHOWN ? `${exposed.slice(0, MAX_EXPOSED_SHOWN).join(', ')} +${exposed.length - MAX_EXPOSED_SHOWN}` : exposed.join(', ')}`;
      const described = `${sideText(relationship.left)} ${relationship.arrow ?? '?'} ${sideText(relationship.right)}${relationship.name ? ` as ${relationship.name.text}` : ''}`;
      const patternText = patterns.map((pattern) => patternNames[pattern]).join(', ') || 'relationship';
      const exposedText = exposed.length ? `; exposes ${exposed.join(', ')}` : '';
      const title = `${described}${shared.length ? ` { ${shared.join(', ')} }` : ''}: ${patternText}${exposedText}${relationship.description ? ` (${relationship.description})` : ''}`;
      edges.push({
        id: `r${edges.length + 1}`,
        from: from.id,
        to: to.id,
        kind,
        label,
        title,
        upstreamRoles: up,
        downstreamRoles: down,
        patterns,
        shared,
        map: map.name,
        uri: relationship.uri,
        range: { start: relationship.range.start, end: relationship.range.end },
      });
    }
  }
  if (options.focus !== undefined && model.contexts.has(options.focus)) contextNode(model.contexts.get(options.focus)!);
  const graph = { nodes: [...nodes.values()], edges, maps: maps.map((map) => map.name), warnings };
  return options.whole ? graph : summariseMap(graph);
}
