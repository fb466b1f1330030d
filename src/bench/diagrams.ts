/**
 * Diagrams: model → mermaid text for a generated 100-context model (every view),
 * and the big-map path (layout + direct SVG) for 100 contexts / 300
 * relationships and 200 / 600, the sizes where mermaid's own flowchart layout
 * takes 2.8 s and 8.4 s in Chromium (docs: diagram-scale).
 */
import {
  aggregateDiagram,
  contextMapDiagram,
  contextMapGraph,
  contextMapSvg,
  contextsWithAggregates,
  domainDiagram,
  layoutGraph,
  sagaDiagrams,
  seededRandom,
  stormingDiagram,
  modelStormingView,
  toMarkdown,
} from '../language/diagrams/index';
import { checkWorkspace, type SourceFile } from '../language/index';
import { median, ms, table, target, time, type BenchSection } from './report';
import { thousands } from '../language/util/thousands';

export interface GeneratedContextMap {
  files: SourceFile[];
  contexts: number;
  relationships: number;
}

const relationshipShapes: ((a: string, b: string) => string)[] = [
  (a, b) => `${a} [OHS, PL] -> ${b} [ACL]`,
  (a, b) => `${a} [S] -> ${b} [C]`,
  (a, b) => `${a} [P] <-> ${b} [P]`,
  (a, b) => `${a} [SK] <-> ${b} [SK] { Money }`,
  (a, b) => `${a} [OHS] -> ${b} [CF]`,
  (a, b) => `${a} -> ${b} [ACL]`,
  (a, b) => `${a} -> ${b}`,
];

/**
 * A workspace with `contexts` bounded contexts (one in ten external, the others
 * implementing core, supporting and generic subdomains, each with a small
 * aggregate) and one context map with `relationships` relationships between
 * distinct pairs, using every kind of role. Deterministic for a seed.
 */
export function generateContextMap(contexts: number, relationships: number, seed = 7): GeneratedContextMap {
  const random = seededRandom(seed);
  const name = (i: number) => `Context${String(i + 1).padStart(3, '0')}`;
  const types = ['core', 'supporting', 'generic'];
  const lines: string[] = ['domain Enterprise {'];
  const subdomains = Math.max(1, Math.ceil(contexts / 3));
  for (let s = 0; s < subdomains; s++) lines.push(`  ${types[s % 3]} subdomain Area${s + 1} "Area ${s + 1} of the business"`);
  lines.push('}', '');
  for (let i = 0; i < contexts; i++) {
    if (i % 10 === 9) {
      lines.push(`context ${name(i)} external "A system we do not own"`, '');
      continue;
    }
    const noun = `Thing${i + 1}`;
    lines.push(
      `context ${name(i)} implements Area${(i % subdomains) + 1} {`,
      `  aggregate ${noun} {`,
      `    root entity ${noun} {`,
      `      id: ${noun}Id`,
      `      amount: Money`,
      `      status: ${noun}Status`,
      `    }`,
      `    value Money { amount: Decimal  currency: String }`,
      `    enum ${noun}Status { OPEN CLOSED }`,
      `    command Open${noun} { amount: Money } emits ${noun}Opened`,
      `    command Close${noun} { ${noun.toLowerCase()}: ${noun}Id } emits ${noun}Closed`,
      `    event ${noun}Opened { ${noun.toLowerCase()}: ${noun}Id }`,
      `    event ${noun}Closed { ${noun.toLowerCase()}: ${noun}Id }`,
      `  }`,
      `}`,
      '',
    );
  }
  const pairs = new Set<string>();
  const map: string[] = ['contextmap Enterprise {'];
  const limit = Math.min(relationships, (contexts * (contexts - 1)) / 2);
  while (pairs.size < limit) {
    const a = Math.floor(random() * contexts);
    const b = Math.floor(random() * contexts);
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    const shape = relationshipShapes[Math.floor(random() * relationshipShapes.length)]!;
    map.push(`  ${shape(name(a), name(b))}`);
  }
  map.push('}');
  return {
    files: [
      { uri: 'file:///bench/diagrams/model.ddd', text: lines.join('\n') },
      { uri: 'file:///bench/diagrams/map.ddd', text: map.join('\n') },
    ],
    contexts,
    relationships: pairs.size,
  };
}

export const diagramsSection: BenchSection = {
  name: 'diagrams',
  title: 'Diagrams: model → mermaid text, and the big context map laid out + drawn as SVG without mermaid (median of runs)',
  run({ log, quick }) {
    const runs = quick ? 3 : 11;
    const rows: string[][] = [];
    const generated = generateContextMap(100, 300);
    const { model } = checkWorkspace(generated.files);
    const measure = (what: string, work: () => unknown, limit?: number) => {
      time(work); // warm
      const times = Array.from({ length: runs }, () => time(work).ms);
      const value = median(times);
      rows.push([what, ms(value), ms(Math.min(...times)), target(value, limit)]);
    };
    const map = contextMapDiagram(model);
    measure(`context map → mermaid (${generated.contexts} contexts, ${generated.relationships} relationships; ${map.tooLarge ? 'too large for mermaid' : 'fits mermaid'})`, () => contextMapDiagram(model));
    measure(`aggregates → mermaid, all ${contextsWithAggregates(model).length} contexts`, () => contextsWithAggregates(model).map((context) => aggregateDiagram(model, context)));
    measure('domains → mermaid', () => domainDiagram(model));
    measure('storming board from the whole model → mermaid', () => stormingDiagram(modelStormingView(model)));
    measure('Markdown export, every view', () => toMarkdown(model));

    for (const [contexts, relationships] of [
      [100, 300],
      [200, 600],
    ] as const) {
      const big = generateContextMap(contexts, relationships);
      const bigModel = checkWorkspace(big.files).model;
      const graph = contextMapGraph(bigModel);
      measure(`layout, ${contexts} contexts / ${relationships} relationships`, () => layoutGraph(graph));
      const layout = layoutGraph(graph);
      measure(`SVG from the layout, ${contexts} / ${relationships}`, () => contextMapSvg(layout));
      measure(`model → graph → layout → SVG, ${contexts} / ${relationships}`, () => contextMapSvg(layoutGraph(contextMapGraph(bigModel))), contexts === 100 ? 200 : undefined);
    }
    log(table(['what', 'median', 'min', 'target'], rows));
    log();
    const sagas = model.sagas.flatMap(sagaDiagrams).length;
    log(`  the generated model: ${generated.contexts} contexts, ${generated.relationships} relationships, ${sagas} saga diagrams; context map text ${thousands(map.text.length)} chars, ${map.size.nodes} nodes, ${map.size.edges} edges`);
    log('  for comparison (docs: diagram-scale): mermaid draws 100 / 300 in 2,812 ms and 200 / 600 in 8,364 ms in Chromium');
  },
};
