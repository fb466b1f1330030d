/**
 * The path for context maps too big for mermaid: a generated 100-context /
 * 300-relationship map, laid out and drawn as SVG, deterministic for a seed.
 */
import { describe, expect, it } from 'vitest';
import { generateContextMap } from '../../src/bench/diagrams';
import {
  contextMapDiagram,
  contextMapGraph,
  contextMapLayout,
  contextMapSvg,
  darkMapTheme,
  layoutGraph,
  layoutKey,
  type ContextMapLayout,
} from '../../src/language/diagrams/index';
import { seededRandom } from '../../src/language/diagrams/context-map-layout';
import { DENSE_LAYOUT_LIMIT, stressPairs } from '../../src/language/diagrams/context-map-stress';
import { MAP_SUMMARY_SHOWN, MAP_SUMMARY_THRESHOLD } from '../../src/language/diagrams/context-map-summary';
import { checkWorkspace } from '../../src/language/index';
import { parseMermaid } from './parse';
import { orderSaga } from './support';

/** How many pairs of boxes overlap: the boxes by their left edge, each compared with those that start before it ends. */
function overlaps(layout: ContextMapLayout): number {
  const boxes = [...layout.nodes].sort((a, b) => a.x - a.width / 2 - (b.x - b.width / 2));
  let count = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    const right = a.x + a.width / 2;
    for (let j = i + 1; j < boxes.length && boxes[j]!.x - boxes[j]!.width / 2 < right; j++) {
      const b = boxes[j]!;
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2) count++;
    }
  }
  return count;
}

describe('the overlap count of the tests', () => {
  it('counts each overlapping pair once, whatever the order of the boxes, and touching boxes not at all', () => {
    const box = (x: number, y: number, width = 10, height = 10) => ({ x, y, width, height });
    const layout = (nodes: ReturnType<typeof box>[]) => ({ nodes }) as unknown as ContextMapLayout;
    // a overlaps b and c; b and c overlap; d touches c's right edge; e is far away; f is wide and covers a and e's row
    const nodes = [box(0, 0), box(5, 5), box(8, -2), box(18, -2), box(100, 0), box(50, 30, 200, 10)];
    expect(overlaps(layout(nodes))).toBe(3);
    expect(overlaps(layout([...nodes].reverse()))).toBe(3);
    expect(overlaps(layout([box(0, 0), box(0, 0, 30, 4), box(0, 0, 4, 30)]))).toBe(3);
    expect(overlaps(layout([box(0, 0), box(10, 0), box(0, 10)]))).toBe(0);
  });
});

describe('a big context map: 100 contexts, 300 relationships', () => {
  const started = performance.now();
  const generated = generateContextMap(100, 300);
  const { model } = checkWorkspace(generated.files);
  const modelMs = performance.now() - started;

  it('is too large for mermaid, and mermaid can still parse it', async () => {
    const diagram = contextMapDiagram(model);
    expect(diagram.size).toMatchObject({ nodes: 100, edges: 300 });
    expect(diagram.tooLarge).toBe(true);
    await parseMermaid(diagram.text);
  });

  it('is laid out and drawn as SVG (time printed; npm run bench measures it), without overlaps', () => {
    const times: number[] = [];
    let layout!: ContextMapLayout;
    let svg = '';
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      layout = contextMapLayout(model, { seed: 1 });
      svg = contextMapSvg(layout);
      times.push(performance.now() - start);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `100 contexts / 300 relationships: model ${modelMs.toFixed(0)} ms; graph + layout + SVG: first ${times[0]!.toFixed(1)} ms, median ${sorted[2]!.toFixed(1)} ms; ` +
        `${layout.width}×${layout.height} px, SVG ${(svg.length / 1024).toFixed(0)} KB`,
    );
    expect(layout.nodes).toHaveLength(100);
    expect(layout.edges).toHaveLength(300);
    expect(overlaps(layout)).toBe(0);
    for (const node of layout.nodes) {
      expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
    }
    expect(svg.match(/<g class="ddd-node /g)).toHaveLength(100);
    expect(svg.match(/<g class="ddd-edge /g)).toHaveLength(300);
    expect(svg.match(/<text class="ddd-edge-label"/g)).toHaveLength(300);
  });

  it('places related contexts closer than unrelated ones', () => {
    const layout = contextMapLayout(model);
    const at = new Map(layout.nodes.map((node) => [node.id, node]));
    const distance = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    const related = layout.edges.map((edge) => distance(edge.from, edge.to));
    const all: number[] = [];
    for (let i = 0; i < layout.nodes.length; i++) for (let j = i + 1; j < layout.nodes.length; j++) all.push(distance(layout.nodes[i]!.id, layout.nodes[j]!.id));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(related)).toBeLessThan(mean(all) * 0.8);
  });

  it('is deterministic for a seed, and differs for another seed', () => {
    const graph = contextMapGraph(model);
    const one = layoutGraph(graph, { seed: 42 });
    const again = layoutGraph(contextMapGraph(checkWorkspace(generated.files).model), { seed: 42 });
    const other = layoutGraph(graph, { seed: 43 });
    expect(again).toEqual(one);
    expect(contextMapSvg(again)).toBe(contextMapSvg(one));
    expect(other.nodes.map((node) => [node.x, node.y])).not.toEqual(one.nodes.map((node) => [node.x, node.y]));
  });

  it('has a key that changes with the shape only', () => {
    const graph = contextMapGraph(model);
    const renamedRoles = { ...graph, edges: graph.edges.map((edge) => ({ ...edge, label: 'x' })) };
    expect(layoutKey(renamedRoles)).toBe(layoutKey(graph));
    expect(layoutKey({ ...graph, edges: graph.edges.slice(1) })).not.toBe(layoutKey(graph));
    expect(contextMapLayout(model).key).toBe(layoutKey(graph));
  });
});

describe('the example map drawn directly', () => {
  it('draws every context and relationship, with the roles and a theme', () => {
    const layout = contextMapLayout(orderSaga().model);
    expect(overlaps(layout)).toBe(0);
    const svg = contextMapSvg(layout, darkMapTheme, { idPrefix: 'map1' });
    expect(svg).toContain('<marker id="map1-arrow"');
    expect(svg).toContain('data-name="Sales"');
    expect(svg).toContain('>core: Ordering</text>');
    expect(svg).toContain('>OHS, PL → ACL<title>');
    expect(svg).toContain('>Shared kernel: Money<title>');
    expect(svg).toContain('class="ddd-edge ddd-partnership"');
    expect(svg).toContain('<polygon'); // external systems are hexagons
    expect(svg).toContain(`fill="${darkMapTheme.background}"`);
    expect(svg).toContain('<title>Sales [OHS, PL] -&gt; Support [ACL]: open host service, published language, anti-corruption layer</title>');
  });

  it('filters like the mermaid map', () => {
    const layout = contextMapLayout(orderSaga().model, { focus: 'Billing' });
    expect(layout.nodes.map((node) => node.name).sort()).toEqual(['Banking', 'Billing', 'PaymentProvider', 'Sales']);
    expect(layout.nodes.find((node) => node.name === 'Billing')!.focus).toBe(true);
  });

  it('an empty map is a valid, empty SVG', () => {
    const layout = contextMapLayout(checkWorkspace([]).model);
    expect(layout.nodes).toEqual([]);
    expect(contextMapSvg(layout)).toMatch(/^<svg [^>]*width="\d+"/);
  });
});

describe('a very big context map: 2,000 contexts, 6,000 relationships (issue 11)', () => {
  const generated = generateContextMap(2_000, 6_000);
  const { model } = checkWorkspace(generated.files);
  const graph = contextMapGraph(model, { whole: true });

  it('is drawn as a summary: the 200 most connected contexts and the relationships between them, with a warning that says how to see the rest', () => {
    const summary = contextMapGraph(model);
    expect(summary.nodes).toHaveLength(MAP_SUMMARY_SHOWN);
    const degree = new Map<string, number>();
    for (const edge of graph.edges) for (const end of new Set([edge.from, edge.to])) degree.set(end, (degree.get(end) ?? 0) + 1);
    const kept = new Set(summary.nodes.map((node) => node.id));
    const leastKept = Math.min(...summary.nodes.map((node) => degree.get(node.id) ?? 0));
    const mostLeftOut = Math.max(...graph.nodes.filter((node) => !kept.has(node.id)).map((node) => degree.get(node.id) ?? 0));
    expect(leastKept).toBeGreaterThanOrEqual(mostLeftOut);
    expect(summary.edges.length).toBeGreaterThan(0);
    expect(summary.edges.every((edge) => kept.has(edge.from) && kept.has(edge.to))).toBe(true);
    expect(summary.edges).toEqual(graph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)));
    expect(summary.warnings.at(-1)).toMatch(/^2,000 contexts: showing the 200 most connected and the [\d,]+ of 6,000 relationships between them\. To see any context with its neighbours, choose it among the smaller views \(Around (Context\d+)\), or name it: `ddd export --view context-map --name \1`\.$/);
    // the mermaid text and the layout start from the summary too
    expect(layoutGraph(summary).nodes).toHaveLength(MAP_SUMMARY_SHOWN);
    expect(contextMapDiagram(model).warnings.at(-1)).toBe(summary.warnings.at(-1));
  });

  it('keeps a map at the threshold whole, and a focused context with its neighbours whatever the size', () => {
    const atLimit = checkWorkspace(generateContextMap(MAP_SUMMARY_THRESHOLD, 900).files).model;
    expect(contextMapGraph(atLimit).nodes).toHaveLength(MAP_SUMMARY_THRESHOLD);
    expect(contextMapGraph(atLimit).warnings).toEqual([]);
    const focused = contextMapGraph(model, { focus: 'Context001' });
    expect(focused.nodes.some((node) => node.focus && node.name === 'Context001')).toBe(true);
    expect(focused.warnings).toEqual([]);
  });

  it('lays out with a number of stress pairs that grows with the contexts, not their square', () => {
    expect(graph.nodes.length).toBe(2_000);
    const neighbours = graph.nodes.map(() => [] as number[]);
    const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
    for (const edge of graph.edges) {
      const a = index.get(edge.from)!;
      const b = index.get(edge.to)!;
      if (a !== b && !neighbours[a]!.includes(b)) neighbours[a]!.push(b), neighbours[b]!.push(a);
    }
    const sparse = stressPairs(2_000, neighbours, seededRandom(1));
    expect(sparse.pairI.length).toBeLessThanOrEqual(2_000 * 96);
    expect(sparse.pairI.length).toBeGreaterThan(2_000 * 40);
    // a small map keeps every pair: the layout's quality where it is cheap
    expect(stressPairs(DENSE_LAYOUT_LIMIT, neighbours.slice(0, DENSE_LAYOUT_LIMIT).map((list) => list.filter((j) => j < DENSE_LAYOUT_LIMIT)), seededRandom(1)).pairI.length).toBe(
      (DENSE_LAYOUT_LIMIT * (DENSE_LAYOUT_LIMIT - 1)) / 2,
    );
  });

  it('places every context, with no two boxes overlapping', () => {
    const layout = layoutGraph(graph);
    expect(layout.nodes).toHaveLength(2_000);
    expect(layout.nodes.every((node) => Number.isFinite(node.x) && Number.isFinite(node.y))).toBe(true);
    expect(overlaps(layout)).toBe(0);
    expect(layoutGraph(graph).nodes.map((node) => [node.x, node.y])).toEqual(layout.nodes.map((node) => [node.x, node.y]));
  });
});
