/**
 * What every diagram function returns: mermaid source text plus the facts a
 * caller needs around it (its size, whether mermaid can draw it comfortably,
 * which node stands for which model element).
 */
import type { MapLegend } from './context-map-legend';
import type { TextRange } from '../model/elements';

export type DiagramKind =
  | 'context-map'
  | 'aggregates'
  | 'saga-states'
  | 'saga-sequence'
  | 'saga-flow'
  | 'storming'
  | 'domains'
  | 'flow'
  | 'coordination'
  | 'lifecycle';

export interface DiagramSize {
  /** Nodes, states, classes, participants or sticky notes. */
  nodes: number;
  /** Edges, transitions, relations or messages (invisible layout links included). */
  edges: number;
  /** Length of the mermaid text (mermaid refuses more than `maxTextSize`, 50,000 by default). */
  chars: number;
}

/** Beyond these, mermaid's layered layout gets slow (seconds) or refuses (its default maxEdges is 500). */
export interface DiagramLimits {
  nodes: number;
  edges: number;
  chars: number;
}

export const mermaidLimits: Readonly<DiagramLimits> = { nodes: 150, edges: 400, chars: 50_000 };

/**
 * A context map is all edges and crossings, the worst case for mermaid's layered
 * layout (measured: 50 contexts / 150 relationships take 1.0 s, 100 / 300 take
 * 2.8 s in Chromium): past these, use `contextMapLayout` + `contextMapSvg`.
 */
export const contextMapLimits: Readonly<DiagramLimits> = { nodes: 60, edges: 180, chars: 50_000 };

/** Whether a diagram of this size is too large for mermaid to draw: offer a filtered view (or the direct SVG of a context map). */
export function isTooLarge(size: DiagramSize, limits: DiagramLimits = mermaidLimits): boolean {
  return size.nodes > limits.nodes || size.edges > limits.edges || size.chars > limits.chars;
}

/** A node of a diagram and the model element it stands for (click-to-source). */
export interface DiagramNode {
  /** The mermaid id (mermaid's SVG ids contain it, e.g. `flowchart-c_Sales-0`). */
  id: string;
  /** The element's name as written in the model (not escaped). */
  name: string;
  /** What it is: `context`, `aggregate`, `entity`, `state`, `event`, `sticky`, … */
  kind: string;
  uri?: string;
  range?: TextRange;
}

export interface MermaidDiagram {
  kind: DiagramKind;
  /** A title for a heading or a tab: `Context map`, `Aggregates of Sales`, `OrderSaga: state machine`. */
  title: string;
  /** The name of what is drawn (a context, a saga, a board, a context map), when it is one thing. */
  subject?: string;
  /** The mermaid source. */
  text: string;
  size: DiagramSize;
  /** Past `mermaidLimits` (`contextMapLimits` for a context map): offer a filtered view, or draw a context map with contextMapLayout + contextMapSvg. */
  tooLarge: boolean;
  nodes: DiagramNode[];
  /** Why the diagram is empty or partial (an unknown name, say). */
  warnings: string[];
  /** The key to its colours and abbreviations (a context map's). */
  legend?: MapLegend;
}

/** Collects a diagram's lines, nodes and edges. */
export class DiagramWriter {
  readonly lines: string[] = [];
  readonly nodes: DiagramNode[] = [];
  readonly warnings: string[] = [];
  edges = 0;
  /** Nodes drawn that stand for no model element (joins, start and end markers, …). */
  extraNodes = 0;

  constructor(header: string) {
    this.lines.push(header);
  }

  line(text: string, indent = 1): void {
    this.lines.push('  '.repeat(indent) + text);
  }

  node(node: DiagramNode): void {
    this.nodes.push(node);
  }

  edge(text: string, indent = 1): void {
    this.edges++;
    this.line(text, indent);
  }

  finish(kind: DiagramKind, title: string, subject?: string, limits: DiagramLimits = mermaidLimits): MermaidDiagram {
    const text = this.lines.join('\n') + '\n';
    const size = { nodes: this.nodes.length + this.extraNodes, edges: this.edges, chars: text.length };
    const diagram: MermaidDiagram = { kind, title, text, size, tooLarge: isTooLarge(size, limits), nodes: this.nodes, warnings: this.warnings };
    if (subject !== undefined) diagram.subject = subject;
    return diagram;
  }
}

/** Where a model element is written, when it has one. */
export function sourceOf(element: { uri?: string; range?: TextRange } | undefined): { uri?: string; range?: TextRange } {
  if (!element?.uri || !element.range) return {};
  return { uri: element.uri, range: { start: element.range.start, end: element.range.end } };
}

/** `classDef name style` lines and `class a,b name` assignments for the classes in use. */
export function writeClasses(writer: DiagramWriter, styles: Readonly<Record<string, string>>, members: ReadonlyMap<string, string[]>, assign: 'class' | 'flowchart' = 'flowchart'): void {
  for (const [name, ids] of members) {
    if (!ids.length) continue;
    writer.line(`classDef ${name} ${styles[name]}`);
    if (assign === 'class') for (const id of ids) writer.line(`class ${id}:::${name}`);
    else writer.line(`class ${ids.join(',')} ${name}`);
  }
}

export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
