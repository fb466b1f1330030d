/**
 * A fast layout for big context maps, where mermaid's layered layout takes
 * seconds (see docs: 2.8 s for 100 contexts / 300 relationships): stress
 * majorisation by stochastic gradient descent (Zheng, Pawar & Goodman, "Graph
 * Drawing by Stochastic Gradient Descent", 2018). Each pair of contexts is pulled
 * towards a distance proportional to the number of relationships between them;
 * then overlapping boxes are pushed apart. O(n²) per iteration and about 30
 * iterations: a few milliseconds for 100 contexts.
 *
 * Deterministic: the same graph and seed give the same positions. Positions
 * depend only on the graph's shape (which contexts, which relationships) and on
 * the box sizes, not on roles or descriptions; `layoutKey` tells when a layout
 * can be reused.
 */
import type { DddModel } from '../model/model';
import { contextSubtitle } from './context-map';
import { contextMapGraph, type ContextMapGraph, type ContextMapOptions, type MapEdge, type MapNode } from './context-map-graph';
import { DENSE_LAYOUT_LIMIT, stressPairs } from './context-map-stress';

export interface LayoutOptions extends ContextMapOptions {
  /** Seed of the initial positions and of the order pairs are visited (default 1). */
  seed?: number;
  /** Iterations of the descent (default 30). */
  iterations?: number;
  /** Pixels per relationship between two contexts (default 240). */
  edgeLength?: number;
  /** Font size the box sizes are estimated for (default 14). */
  fontSize?: number;
}

export interface LaidOutNode extends MapNode {
  /** The box's centre. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The box's second line: `core: Ordering`, `external system`. */
  subtitle: string;
}

export interface LaidOutEdge extends MapEdge {
  /** From the upstream box's border to the downstream box's border. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Where the label goes. */
  labelX: number;
  labelY: number;
}

export interface ContextMapLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
  maps: string[];
  warnings: string[];
  seed: number;
  iterations: number;
  /** Equal keys, equal shapes: a layout can be reused when only names of roles or descriptions changed. */
  key: string;
}

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hash of the graph's shape: node ids in order, the pairs of related nodes, and the box sizes. */
export function layoutKey(graph: ContextMapGraph, fontSize = 14): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const node of graph.nodes) {
    const size = boxSize(node, fontSize);
    mix(`${node.id}:${size.width}x${size.height};`);
  }
  for (const edge of graph.edges) mix(`${edge.from}>${edge.to};`);
  return `${graph.nodes.length}.${graph.edges.length}.${hash.toString(36)}`;
}

function boxSize(node: MapNode, fontSize: number): { width: number; height: number } {
  const subtitle = contextSubtitle(node);
  const nameWidth = [...node.name].length * fontSize * 0.62;
  const subtitleWidth = [...subtitle].length * fontSize * 0.8 * 0.58;
  const width = Math.round(Math.max(96, Math.max(nameWidth, subtitleWidth) + 28));
  const height = Math.round(subtitle ? fontSize * 3.4 : fontSize * 2.6);
  return { width, height };
}

/** The context map (filtered like `contextMapDiagram`) laid out for drawing without mermaid. */
export function contextMapLayout(model: DddModel, options: LayoutOptions = {}): ContextMapLayout {
  return layoutGraph(contextMapGraph(model, options), options);
}

export function layoutGraph(graph: ContextMapGraph, options: LayoutOptions = {}): ContextMapLayout {
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? 30;
  const unit = options.edgeLength ?? 240;
  const fontSize = options.fontSize ?? 14;
  const n = graph.nodes.length;
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const sizes = graph.nodes.map((node) => boxSize(node, fontSize));

  // neighbours, both ways, without repeats or self-loops
  const neighbours: number[][] = graph.nodes.map(() => []);
  for (const edge of graph.edges) {
    const a = index.get(edge.from)!;
    const b = index.get(edge.to)!;
    if (a === b || neighbours[a]!.includes(b)) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }

  const random = seededRandom(seed);
  // the pairs whose distance on the page should match their distance in the graph
  const { pairI, pairJ, target, longest } = stressPairs(n, neighbours, random);
  const pairCount = pairI.length;

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const spread = Math.sqrt(Math.max(n, 1)) * 1.5;
  for (let i = 0; i < n; i++) {
    x[i] = (random() - 0.5) * spread;
    y[i] = (random() - 0.5) * spread;
  }

  if (pairCount > 0 && iterations > 0) {
    const maxDistance = longest + 1;
    const etaMax = maxDistance * maxDistance; // 1 / smallest weight
    const etaMin = 0.1; // epsilon / largest weight (1)
    const decay = iterations > 1 ? Math.log(etaMax / etaMin) / (iterations - 1) : 0;
    const order = new Int32Array(pairCount);
    for (let k = 0; k < pairCount; k++) order[k] = k;
    for (let t = 0; t < iterations; t++) {
      const eta = etaMax * Math.exp(-decay * t);
      for (let k = pairCount - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        const swap = order[k]!;
        order[k] = order[r]!;
        order[r] = swap;
      }
      for (let k = 0; k < pairCount; k++) {
        const q = order[k]!;
        const i = pairI[q]!;
        const j = pairJ[q]!;
        const d = target[q]!;
        const mu = Math.min(eta / (d * d), 1);
        let dx = x[i]! - x[j]!;
        let dy = y[i]! - y[j]!;
        let length = Math.sqrt(dx * dx + dy * dy);
        if (length < 1e-9) {
          // coincident: nudge apart in a seeded direction
          const angle = random() * Math.PI * 2;
          dx = Math.cos(angle) * 1e-3;
          dy = Math.sin(angle) * 1e-3;
          length = 1e-3;
        }
        const move = (mu * (length - d)) / (2 * length);
        const mx = move * dx;
        const my = move * dy;
        x[i] = x[i]! - mx;
        y[i] = y[i]! - my;
        x[j] = x[j]! + mx;
        y[j] = y[j]! + my;
      }
    }
  }

  for (let i = 0; i < n; i++) {
    x[i] = x[i]! * unit;
    y[i] = y[i]! * unit;
  }
  if (n > DENSE_LAYOUT_LIMIT) snapToGrid(x, y, sizes);
  else removeOverlaps(x, y, sizes);

  // translate to a margin
  const margin = 24;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]! - sizes[i]!.width / 2);
    minY = Math.min(minY, y[i]! - sizes[i]!.height / 2);
    maxX = Math.max(maxX, x[i]! + sizes[i]!.width / 2);
    maxY = Math.max(maxY, y[i]! + sizes[i]!.height / 2);
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const round = (value: number) => Math.round(value * 10) / 10;
  const nodes: LaidOutNode[] = graph.nodes.map((node, i) => ({
    ...node,
    x: round(x[i]! - minX + margin),
    y: round(y[i]! - minY + margin),
    width: sizes[i]!.width,
    height: sizes[i]!.height,
    subtitle: contextSubtitle(node),
  }));
  const edges = routeEdges(graph.edges, nodes, index, round);
  return {
    nodes,
    edges,
    width: Math.ceil(maxX - minX + 2 * margin),
    height: Math.ceil(maxY - minY + 2 * margin),
    maps: graph.maps,
    warnings: graph.warnings,
    seed,
    iterations,
    key: layoutKey(graph, fontSize),
  };
}


/**
 * A big map's stress layout packs thousands of boxes closer than they fit, and pushing them
 * apart pair by pair does not settle. So they keep their order instead: rows by height on the
 * page, each row by left to right, on a grid of cells as large as the largest box (with the gaps),
 * shaped like the layout. No two boxes overlap, and neighbours stay near.
 */
function snapToGrid(x: Float64Array, y: Float64Array, sizes: { width: number; height: number }[]): void {
  const n = sizes.length;
  let cellW = 1;
  let cellH = 1;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    cellW = Math.max(cellW, sizes[i]!.width + GAP_X);
    cellH = Math.max(cellH, sizes[i]!.height + GAP_Y);
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const aspect = Math.max(0.25, Math.min(4, (maxX - minX + 1) / (maxY - minY + 1)));
  const columns = Math.max(1, Math.ceil(Math.sqrt((n * aspect * cellH) / cellW)));
  const byHeight = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a]! - y[b]! || x[a]! - x[b]!);
  for (let row = 0; row * columns < n; row++) {
    const members = byHeight.slice(row * columns, (row + 1) * columns).sort((a, b) => x[a]! - x[b]!);
    members.forEach((i, column) => {
      x[i] = column * cellW;
      y[i] = row * cellH;
    });
  }
}

/** Pushes overlapping boxes apart along the axis where they overlap least, until none overlap (or enough sweeps): for maps up to DENSE_LAYOUT_LIMIT. */
function removeOverlaps(x: Float64Array, y: Float64Array, sizes: { width: number; height: number }[]): void {
  const n = sizes.length;
  for (let sweep = 0; sweep < 200; sweep++) {
    let moved = false;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) moved = separate(x, y, sizes, i, j) || moved;
    if (!moved) return;
  }
}

const GAP_X = 28;
const GAP_Y = 36;

/** Moves boxes i and j apart if they overlap; whether they did. */
function separate(x: Float64Array, y: Float64Array, sizes: { width: number; height: number }[], i: number, j: number): boolean {
  const dx = x[j]! - x[i]!;
  const dy = y[j]! - y[i]!;
  const overlapX = (sizes[i]!.width + sizes[j]!.width) / 2 + GAP_X - Math.abs(dx);
  const overlapY = (sizes[i]!.height + sizes[j]!.height) / 2 + GAP_Y - Math.abs(dy);
  if (overlapX <= 0 || overlapY <= 0) return false;
  if (overlapX / (sizes[i]!.width + sizes[j]!.width) < overlapY / (sizes[i]!.height + sizes[j]!.height)) {
    const push = (overlapX / 2) * (dx < 0 ? -1 : 1) + (dx === 0 ? (i % 2 ? 0.5 : -0.5) : 0);
    x[i] = x[i]! - push;
    x[j] = x[j]! + push;
  } else {
    const push = (overlapY / 2) * (dy < 0 ? -1 : 1) + (dy === 0 ? (i % 2 ? 0.5 : -0.5) : 0);
    y[i] = y[i]! - push;
    y[j] = y[j]! + push;
  }
  return true;
}

/** Where a ray from a box's centre towards (dx, dy) leaves the box. */
function border(node: LaidOutNode, dx: number, dy: number): [number, number] {
  const halfW = node.width / 2 + 3;
  const halfH = node.height / 2 + 3;
  if (dx === 0 && dy === 0) return [node.x, node.y];
  const scale = Math.min(dx === 0 ? Infinity : halfW / Math.abs(dx), dy === 0 ? Infinity : halfH / Math.abs(dy));
  return [node.x + dx * scale, node.y + dy * scale];
}

function routeEdges(edges: MapEdge[], nodes: LaidOutNode[], index: Map<string, number>, round: (value: number) => number): LaidOutEdge[] {
  // relationships between the same two contexts are drawn side by side
  const bundles = new Map<string, number>();
  const position = edges.map((edge) => {
    const key = edge.from < edge.to ? `${edge.from}|${edge.to}` : `${edge.to}|${edge.from}`;
    const seen = bundles.get(key) ?? 0;
    bundles.set(key, seen + 1);
    return { key, seen };
  });
  return edges.map((edge, k) => {
    const from = nodes[index.get(edge.from)!]!;
    const to = nodes[index.get(edge.to)!]!;
    const { key, seen } = position[k]!;
    const total = bundles.get(key)!;
    let dx = to.x - from.x;
    let dy = to.y - from.y;
    const length = Math.sqrt(dx * dx + dy * dy) || 1;
    // a perpendicular offset for parallel edges, the same side whichever way they point
    const sign = edge.from < edge.to ? 1 : -1;
    const offset = (seen - (total - 1) / 2) * 16 * sign;
    const nx = (-dy / length) * offset;
    const ny = (dx / length) * offset;
    if (from === to) {
      // a context related to itself: a small loop above the box
      const top = from.y - from.height / 2;
      return { ...edge, x1: round(from.x - 12), y1: round(top), x2: round(from.x + 12), y2: round(top), labelX: round(from.x), labelY: round(top - 22) };
    }
    const [x1, y1] = border(from, dx, dy);
    const [x2, y2] = border(to, -dx, -dy);
    dx = x2 - x1;
    dy = y2 - y1;
    return {
      ...edge,
      x1: round(x1 + nx),
      y1: round(y1 + ny),
      x2: round(x2 + nx),
      y2: round(y2 + ny),
      labelX: round(x1 + dx / 2 + nx),
      labelY: round(y1 + dy / 2 + ny),
    };
  });
}
