/**
 * Colours shared by the mermaid class definitions, the direct SVG of the context
 * map and the storming board's view model, so every view speaks the same colours.
 */
import type { ContextImpactKind } from '../diff/types';
import type { StickyType, SubdomainType } from '../model/elements';
import type { MapThemeName } from './view-names';

/** What a context is on the map: its (most important) subdomain's type, or what else it is. */
/** `team`: a team an (organisational) map relates, as Context Mapper's maps do. */
export type ContextCategory = SubdomainType | 'unclassified' | 'external' | 'team' | 'unknown';

export interface NodeColours {
  fill: string;
  stroke: string;
  text: string;
}

export interface MapTheme {
  background: string;
  text: string;
  /** Secondary text: the subdomain line, edge labels. */
  muted: string;
  edge: string;
  /** The shared-kernel edge (thick) and the partnership edge (double). */
  symmetricEdge: string;
  fontFamily: string;
  fontSize: number;
  nodes: Record<ContextCategory, NodeColours>;
  /** A context a comparison touches (diff/context-impacts.ts): these colours replace its category's. */
  changes: Record<ContextImpactKind, NodeColours>;
}

export const lightMapTheme: MapTheme = {
  background: '#ffffff',
  text: '#212529',
  muted: '#495057',
  edge: '#495057',
  symmetricEdge: '#7048e8',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSize: 14,
  nodes: {
    core: { fill: '#ffe066', stroke: '#e67700', text: '#212529' },
    supporting: { fill: '#a5d8ff', stroke: '#1971c2', text: '#212529' },
    generic: { fill: '#e9ecef', stroke: '#868e96', text: '#212529' },
    unclassified: { fill: '#ffffff', stroke: '#495057', text: '#212529' },
    external: { fill: '#ffdeeb', stroke: '#c2255c', text: '#212529' },
    team: { fill: '#c3fae8', stroke: '#0c8599', text: '#212529' },
    unknown: { fill: '#fff5f5', stroke: '#fa5252', text: '#c92a2a' },
  },
  changes: {
    breaking: { fill: '#ffc9c9', stroke: '#c92a2a', text: '#212529' },
    risky: { fill: '#ffd8a8', stroke: '#d9480f', text: '#212529' },
    affected: { fill: '#e5dbff', stroke: '#6741d9', text: '#212529' },
    changed: { fill: '#d3f9d8', stroke: '#2b8a3e', text: '#212529' },
  },
};

export const darkMapTheme: MapTheme = {
  background: '#1e1e1e',
  text: '#e9ecef',
  muted: '#adb5bd',
  edge: '#adb5bd',
  symmetricEdge: '#b197fc',
  fontFamily: lightMapTheme.fontFamily,
  fontSize: 14,
  nodes: {
    core: { fill: '#5c4600', stroke: '#fcc419', text: '#fff9db' },
    supporting: { fill: '#123a5c', stroke: '#4dabf7', text: '#e7f5ff' },
    generic: { fill: '#343a40', stroke: '#adb5bd', text: '#f1f3f5' },
    unclassified: { fill: '#25262b', stroke: '#ced4da', text: '#f1f3f5' },
    external: { fill: '#4a1530', stroke: '#f783ac', text: '#fff0f6' },
    team: { fill: '#0b3b36', stroke: '#38d9a9', text: '#e6fcf5' },
    unknown: { fill: '#2b1111', stroke: '#ff8787', text: '#ffc9c9' },
  },
  changes: {
    breaking: { fill: '#5c1a1a', stroke: '#ff6b6b', text: '#fff5f5' },
    risky: { fill: '#5c3200', stroke: '#ffa94d', text: '#fff4e6' },
    affected: { fill: '#2e2266', stroke: '#b197fc', text: '#f3f0ff' },
    changed: { fill: '#163d1f', stroke: '#69db7c', text: '#ebfbee' },
  },
};

/** The map's colours for each theme kind of the editor (high contrast: black or white text and edges). */
export const mapThemes: Readonly<Record<MapThemeName, MapTheme>> = {
  light: lightMapTheme,
  dark: darkMapTheme,
  'high-contrast': { ...darkMapTheme, background: '#000000', text: '#ffffff', muted: '#ffffff', edge: '#ffffff', symmetricEdge: '#b197fc' },
  'high-contrast-light': { ...lightMapTheme, text: '#000000', muted: '#000000', edge: '#000000', symmetricEdge: '#5f3dc4' },
};

/** Every category, in the order the themes list them (legends, mermaid class definitions). */
export const contextCategories = Object.keys(lightMapTheme.nodes) as ContextCategory[];

/** The mermaid class for a context category (`classDef core …`). */
export function contextClassDef(category: ContextCategory, theme: MapTheme = lightMapTheme): string {
  const colours = theme.nodes[category];
  const dashed = category === 'external' ? ',stroke-dasharray:6 3' : category === 'unknown' ? ',stroke-dasharray:3 3' : '';
  const width = category === 'core' ? '2.5px' : '1.5px';
  return `fill:${colours.fill},stroke:${colours.stroke},stroke-width:${width},color:${colours.text}${dashed}`;
}

/** How thick (and whether dashed) the border of a context a comparison touches is: the worse, the thicker. */
export const changeStrokes: Readonly<Record<ContextImpactKind, { width: number; dash?: string }>> = {
  breaking: { width: 4 },
  risky: { width: 3 },
  affected: { width: 2.5, dash: '6 3' },
  changed: { width: 2 },
};

/** The mermaid class of a context a comparison touches (`classDef changeBreaking …`). */
export function changeClassName(impact: ContextImpactKind): string {
  return `change${impact[0]!.toUpperCase()}${impact.slice(1)}`;
}

export function changeClassDef(impact: ContextImpactKind, theme: MapTheme = lightMapTheme): string {
  const colours = theme.changes[impact];
  const { width, dash } = changeStrokes[impact];
  return `fill:${colours.fill},stroke:${colours.stroke},stroke-width:${width}px,color:${colours.text}${dash ? `,stroke-dasharray:${dash}` : ''}`;
}

// ---------------------------------------------------------------- event storming

export interface StickyStyle {
  /** The paper's colour. */
  colour: string;
  /** Text on it. */
  text: string;
  /** Actors are small stickies, aggregates large ones. */
  size: 'small' | 'normal' | 'large';
  /** How a facilitator says it. */
  label: string;
}

/** The community's colours: event orange, command blue, actor small yellow, aggregate large yellow, policy lilac, read model green, external system pink, hotspot red. */
export const stickyStyles: Readonly<Record<StickyType, StickyStyle>> = {
  event: { colour: '#ff9f1c', text: '#212529', size: 'normal', label: 'domain event' },
  command: { colour: '#4dabf7', text: '#0b1f33', size: 'normal', label: 'command' },
  actor: { colour: '#fff3a3', text: '#212529', size: 'small', label: 'actor' },
  aggregate: { colour: '#ffd43b', text: '#212529', size: 'large', label: 'aggregate' },
  policy: { colour: '#c8b6ff', text: '#212529', size: 'normal', label: 'policy' },
  readmodel: { colour: '#8ce99a', text: '#212529', size: 'normal', label: 'read model' },
  external: { colour: '#f783ac', text: '#212529', size: 'normal', label: 'external system' },
  hotspot: { colour: '#ff6b6b', text: '#ffffff', size: 'normal', label: 'hotspot' },
};

/** The mermaid class for a sticky type. */
export function stickyClassDef(type: StickyType): string {
  const style = stickyStyles[type];
  const font = style.size === 'small' ? ',font-size:12px' : style.size === 'large' ? ',font-size:18px,font-weight:bold' : '';
  const border = type === 'hotspot' ? '#c92a2a' : '#00000033';
  return `fill:${style.colour},stroke:${border},color:${style.text}${font}`;
}
