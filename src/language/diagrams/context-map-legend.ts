/**
 * The context map's legend, as the storming board has one: what the colours
 * of the contexts mean (core, supporting, generic subdomain, external system,
 * and the categories the map uses besides) and the role abbreviations its
 * relationships use (`OHS`: open host service). The colours are the theme's
 * (theme.ts), the role names the dictionary's (context-map/relationships.ts).
 */
import { roleCodes, roleDictionary, type RoleCode } from '../context-map/relationships';
import { contextImpactKinds, type ContextImpactKind } from '../diff/types';
import type { MapChanges } from './context-map';
import type { ContextMapGraph } from './context-map-graph';
import { changeStrokes, contextCategories, lightMapTheme, type ContextCategory, type MapTheme } from './theme';

export interface MapLegend {
  /** In the theme's order: core, supporting, generic, unclassified, external, unknown. */
  categories: { category: ContextCategory; label: string; fill: string; stroke: string; dashed: boolean }[];
  /** The roles the map's relationships use, in the dictionary's order, then `U` and `D` where an edge says `U → ACL` or `U/D`. */
  roles: { code: RoleCode | 'U' | 'D'; name: string }[];
  /**
   * While a comparison is shown: the version compared with, and the colours of the contexts it
   * touches that the map shows (worst first; none when no context drawn changed).
   */
  changes?: { base: string; impacts: { impact: ContextImpactKind; label: string; fill: string; stroke: string; dashed: boolean }[] };
}

const impactLabels: Record<ContextImpactKind, string> = {
  breaking: 'breaking change',
  risky: 'risky change',
  affected: 'affected by a change elsewhere',
  changed: 'safe changes only',
};

function changesLegend(graph: ContextMapGraph, theme: MapTheme, changes: MapChanges): NonNullable<MapLegend['changes']> {
  const shown = new Set(graph.nodes.filter((node) => !node.unknown).map((node) => node.name));
  const used = new Set(changes.contexts.filter((context) => shown.has(context.name)).map((context) => context.impact));
  return {
    base: changes.base,
    impacts: contextImpactKinds
      .filter((impact) => used.has(impact))
      .map((impact) => ({ impact, label: impactLabels[impact], fill: theme.changes[impact].fill, stroke: theme.changes[impact].stroke, dashed: changeStrokes[impact].dash !== undefined })),
  };
}

const categoryLabels: Record<ContextCategory, string> = {
  core: 'core subdomain',
  supporting: 'supporting subdomain',
  generic: 'generic subdomain',
  unclassified: 'no subdomain',
  external: 'external system',
  team: 'team',
  unknown: 'not declared',
};

/** Shown on every map, used or not: the key to the colours a reader meets first. */
const alwaysShown: ReadonlySet<ContextCategory> = new Set(['core', 'supporting', 'generic', 'external']);

/** The legend of a map: its categories (the four main ones always) and the roles it uses, coloured for `theme`. */
export function contextMapLegend(graph: ContextMapGraph, theme: MapTheme = lightMapTheme, changes?: MapChanges): MapLegend {
  const used = new Set(graph.nodes.map((node) => node.category));
  const roles = new Set<string>(graph.edges.flatMap((edge) => [...edge.upstreamRoles, ...edge.downstreamRoles]));
  // a shared kernel or a partnership is labelled in words on its edge; its code is written in the model
  const patterns = new Set(graph.edges.flatMap((edge) => edge.patterns));
  for (const code of roleCodes) if (roleDictionary[code].position === 'symmetric' && patterns.has(roleDictionary[code].pattern)) roles.add(code);
  const plain = graph.edges.filter((edge) => edge.kind === 'upstream-downstream');
  const categories = contextCategories.filter((category) => alwaysShown.has(category) || used.has(category));
  return {
    categories: categories.map((category) => ({
      category,
      label: categoryLabels[category],
      fill: theme.nodes[category].fill,
      stroke: theme.nodes[category].stroke,
      dashed: category === 'external' || category === 'unknown',
    })),
    roles: [
      ...roleCodes.filter((code) => roles.has(code)).map((code) => ({ code, name: roleDictionary[code].name })),
      // an upstream-downstream edge with no role on a side says U or D there (context-map-graph.ts)
      ...(plain.some((edge) => !edge.upstreamRoles.length) ? [{ code: 'U' as const, name: 'upstream' }] : []),
      ...(plain.some((edge) => !edge.downstreamRoles.length) ? [{ code: 'D' as const, name: 'downstream' }] : []),
    ],
    ...(changes ? { changes: changesLegend(graph, theme, changes) } : {}),
  };
}

/** The same legend in another theme's colours (a map drawn as SVG takes the editor's theme). */
export function recolourLegend(legend: MapLegend, theme: MapTheme): MapLegend {
  return {
    ...legend,
    categories: legend.categories.map((entry) => ({ ...entry, fill: theme.nodes[entry.category].fill, stroke: theme.nodes[entry.category].stroke })),
    ...(legend.changes
      ? { changes: { ...legend.changes, impacts: legend.changes.impacts.map((entry) => ({ ...entry, fill: theme.changes[entry.impact].fill, stroke: theme.changes[entry.impact].stroke })) } }
      : {}),
  };
}
