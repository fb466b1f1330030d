/**
 * Names and strings that try to inject mermaid syntax or markup: every diagram of
 * a hostile model parses, mermaid reads each label back as the literal text, and
 * nothing becomes a directive, a click handler, a tooltip, a class or a node.
 */
import { describe, expect, it } from 'vitest';
import {
  aggregateDiagram,
  contextMapDiagram,
  contextMapLayout,
  contextMapSvg,
  decodeMermaidText,
  domainDiagram,
  mermaidText,
  modelStormingView,
  sagaDiagrams,
  stormingDiagram,
  boardView,
  toMarkdown,
  withDiagnosticHotspots,
  xmlText,
  type MermaidDiagram,
} from '../../src/language/diagrams/index';
import { checkWorkspace } from '../../src/language/index';
import { parsed, parseMermaid, shown } from './parse';
import { clickName, diagramFixture, hostile, hostileModel, readFolder } from './support';

const result = hostileModel();
const model = result.model;

function allDiagrams(): MermaidDiagram[] {
  return [
    contextMapDiagram(model),
    contextMapDiagram(model, { focus: 'Sales' }),
    domainDiagram(model),
    ...[...model.contexts.keys()].map((context) => aggregateDiagram(model, context)),
    ...model.sagas.flatMap(sagaDiagrams),
    ...model.boards.map((board) => stormingDiagram(withDiagnosticHotspots(boardView(model, board), [
      { uri: board.uri, range: board.range, severity: 'error', code: 'x', message: `hotspot${hostile}` },
    ]))),
    stormingDiagram(modelStormingView(model)),
  ];
}

/** Lines that would be mermaid statements an attacker wants: directives, comments, clicks, styles. */
const forbidden = /%%|<script|<img|:::evil|^\s*(click|style|classDef b|call|href)\b|javascript:/m;

describe('escaping', () => {
  it('encodes everything mermaid could read as syntax, and decodes back to the text', () => {
    const samples = [hostile, clickName, 'a:::b', 'style x fill:#f00;', 'classDef', '#quot; #35; ﬂ°°35¶ß', 'ﬂ\u2060° ¶\u2060\u2060ß', '`**md**`', 'tab\there', '😀 Zürich → Ω', 'x\r\ny'];
    for (const sample of samples) {
      const encoded = mermaidText(sample);
      expect(encoded).not.toMatch(/["%<>[\]{}()|`&\\~*$@+\n\r\t]|style|classDef|::/);
      expect(decodeMermaidText(encoded)).toBe(sample);
      expect(decodeMermaidText(mermaidText(sample, 'keep'))).toBe(sample);
    }
  });

  it("breaks mermaid's placeholder pairs with an invisible word joiner", () => {
    expect(mermaidText('ﬂ°°35¶ß')).toBe('#64258;#8288;#176;#176;35#182;#8288;#223;');
    expect(mermaidText('Straße ¶')).toBe('Stra#223;e #182;');
  });

  it('escapes XML text and attributes', () => {
    expect(xmlText(`<script a="1" b='2'>&</script>\u0000`)).toBe('&lt;script a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/script&gt;');
  });
});

describe('a hostile model', () => {
  it('really is hostile: the names carry the payloads', () => {
    expect(model.contexts.get('Sales')!.name).toBe(clickName);
    expect(model.contexts.get('Inventory')!.name).toBe(`Inventory${hostile}`);
    expect(model.boards.find((board) => board.name.startsWith('HostileBoard'))!.stickies.map((sticky) => sticky.text)).toContain(`"]; click A call alert(1)${hostile}`);
  });

  it('every diagram parses, with no directive taking effect and no raw payload in the text', async () => {
    const diagrams = allDiagrams();
    expect(diagrams.length).toBeGreaterThan(15);
    for (const diagram of diagrams) {
      const parsedResult = (await parseMermaid(diagram.text)) as { config?: Record<string, unknown> };
      expect(parsedResult.config ?? {}, diagram.title).toEqual({});
      expect(diagram.text, diagram.title).not.toMatch(forbidden);
      // each diagram shows some hostile text, literally, once decoded
      expect(decodeMermaidText(diagram.text), diagram.title).toContain(hostile.trim().split('\n')[0]);
    }
  });

  it('flowcharts: mermaid reads each node label as the literal name; no click, tooltip, class or node is injected', async () => {
    const baselineFunctions = ((await parsed('flowchart LR\n  a --> b\n')).db.funs as unknown[]).length;
    const flowcharts = allDiagrams().filter((diagram) => diagram.text.startsWith('flowchart'));
    expect(flowcharts.length).toBeGreaterThan(5);
    for (const diagram of flowcharts) {
      const { db } = await parsed(diagram);
      const vertices = db.getVertices() as Map<string, { id: string; text: string }>;
      const ours = new Set(diagram.nodes.map((node) => node.id));
      for (const id of vertices.keys()) expect(ours.has(id) || /^j\d+$/.test(id), `${diagram.title}: unexpected node ${id}`).toBe(true);
      for (const node of diagram.nodes) {
        const vertex = vertices.get(node.id);
        expect(vertex, `${diagram.title}: ${node.id}`).toBeDefined();
        // what we wrote shows the name; what mermaid read is that label (see labelOf for why only its end)
        const written = labelOf(diagram, node.id);
        expect(written.includes(node.name), `${diagram.title}: ${JSON.stringify(written)} should show ${JSON.stringify(node.name)}`).toBe(true);
        expect(written.endsWith(shown(vertex!.text)), `${diagram.title}: mermaid read ${JSON.stringify(shown(vertex!.text))}`).toBe(true);
      }
      expect(db.funs ?? [], diagram.title).toHaveLength(baselineFunctions); // mermaid's own tooltip set-up, no click handler
      expect((db.tooltips as Map<string, string>).size, diagram.title).toBe(0);
      for (const name of (db.getClasses() as Map<string, unknown>).keys()) expect(name, diagram.title).toMatch(/^[a-zA-Z]+$/);
      for (const vertex of vertices.values()) expect((vertex as { link?: string }).link, diagram.title).toBeUndefined();
    }
  });

  it('the context map shows the context named `"]; click A call alert(1)` as a node with that text', async () => {
    const diagram = contextMapDiagram(model);
    const sales = diagram.nodes.find((node) => node.name === clickName)!;
    expect(sales.id).toMatch(/^c\d+$/); // not a readable id: the name is no identifier
    expect(labelOf(diagram, sales.id)).toBe(`${clickName}\ncore: Ordering${hostile}`);
    const { db } = await parsed(diagram);
    expect(labelOf(diagram, sales.id).endsWith(shown(db.getVertices().get(sales.id).text))).toBe(true);
    const edgeTexts = (db.getEdges() as { text: string }[]).map((edge) => shown(edge.text));
    expect(edgeTexts.some((text) => text.includes(`OHS${hostile}`))).toBe(true);
  });

  it('state diagrams: states get safe ids and their names as descriptions', async () => {
    const states = allDiagrams().filter((diagram) => diagram.kind === 'saga-states');
    expect(states).toHaveLength(1);
    const { db } = await parsed(states[0]!);
    const parsedStates = db.getStates() as Map<string, { descriptions: string[] }>;
    for (const node of states[0]!.nodes) {
      expect(node.id).toMatch(/^id\d+$/);
      expect(parsedStates.get(node.id)!.descriptions.map(shown)).toContain(node.name);
    }
    expect([...parsedStates.keys()].every((id) => /^(id\d+|root_start|root_end)$/.test(id))).toBe(true);
  });

  it('sequence diagrams: participants and messages are the literal names', async () => {
    const sequence = allDiagrams().find((diagram) => diagram.kind === 'saga-sequence')!;
    const { db } = await parsed(sequence);
    const actors = db.getActors() as Map<string, { description: string }>;
    expect([...actors.keys()].every((id) => /^(orchestrator|p\d+)$/.test(id))).toBe(true);
    expect([...actors.values()].map((actor) => shown(actor.description))).toContain(`Inventory${hostile}`);
    const messages = (db.getMessages() as { message: string }[]).map((message) => shown(message.message));
    expect(messages).toContain(`CreateOrder${hostile}`);
  });

  it('class diagrams: classes, members and notes are the literal text', async () => {
    const sales = aggregateDiagram(model, 'Sales');
    const { db } = await parsed(sales);
    const classes = db.getClasses() as Map<string, { label: string; members: { text: string }[]; annotations: string[] }>;
    for (const node of sales.nodes) expect(shown(classes.get(node.id)!.label)).toBe(node.name);
    const order = [...classes.values()].find((entry) => shown(entry.label) === `Order${hostile}` && entry.annotations[0] === 'Aggregate Root')!;
    expect(order.members.map((member) => shown(member.text))).toContain(`items${hostile}: List<OrderItem>${hostile}`);
    const notes = [...(db.getNotes() as Map<string, { text: string }>).values()].map((note) => shown(note.text));
    expect(notes.some((note) => note.includes(`invariant: an order has at least one item${hostile}`))).toBe(true);
  });

  it('strings from .ddd files (descriptions, hotspots, invariants) come through the parser and stay literal', async () => {
    // the hostile fixture through the parser only (no renaming)
    const plain = checkWorkspace([...readFolder('examples/order-saga'), { uri: 'file:///hostile.ddd', text: diagramFixture('hostile.ddd') }]);
    const domains = domainDiagram(plain.model);
    const board = stormingDiagram(boardView(plain.model, plain.model.boards.find((b) => b.name === 'HostileBoard')!));
    const mallory = aggregateDiagram(plain.model, 'Mallory');
    for (const diagram of [domains, board, mallory]) expect(diagram.text).not.toMatch(forbidden);
    const { db } = await parsed(board);
    const texts = [...(db.getVertices() as Map<string, { text: string }>).values()].map((vertex) => shown(vertex.text));
    expect(texts).toContain('"]; click A call alert(1)');
    expect(texts).toContain('%%{init: {"theme":"dark"}}%% <script>alert(10)</script> click n1 call alert(11) x:::evil');
    const evil = domains.nodes.find((node) => node.name === 'Evil')!;
    expect(labelOf(domains, evil.id)).toBe('Hostile.Evil\n<script>alert(1)</script> click Evil call alert(2) x:::evil `md` #quot; ﬂ°°35¶ß style a fill:#f00; | end ( ) { } [ ]');
    const classDb = (await parsed(mallory)).db;
    const notes = [...(classDb.getNotes() as Map<string, { text: string }>).values()].map((note) => shown(note.text));
    expect(notes).toContain('invariant: "]; click k_Trap call alert(7) %%{init: {}}%% <script>x</script> ::: #35; style');
  });

  it('the direct SVG escapes every text: only our elements, no event attributes', () => {
    const svg = contextMapSvg(contextMapLayout(model));
    const tags = [...svg.matchAll(/<(\/?)([A-Za-z]+)([^>]*)>/g)];
    for (const [, , name, attributes] of tags) {
      expect(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'g', 'line', 'polygon', 'text']).toContain(name);
      const names = [...attributes!.replace(/="[^"]*"/g, '').matchAll(/([\w:-]+)/g)].map((match) => match[1]!);
      for (const attribute of names) expect(attribute).not.toMatch(/^on/i);
    }
    expect(svg).toContain(`>${xmlText(clickName)}</text>`);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the Markdown export escapes prose and tables, and its mermaid blocks parse', async () => {
    const markdown = toMarkdown(model);
    const outside = markdown.replace(/```mermaid\n[\s\S]*?\n```/g, '');
    expect(outside).not.toMatch(/<script|<img|\]\(javascript:/);
    expect(outside).toContain('&lt;script&gt;');
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) await parseMermaid(block);
  });
});

/**
 * A node's label as written in the diagram, decoded. (With happy-dom's window, mermaid's
 * sanitiser, DOMPurify, drops the text before the first tag of a label: the label
 * `a<br/>b` reads back as `<br>b` from mermaid's db, though Chromium draws it
 * whole. So the tests compare what mermaid read with the end of what we wrote.)
 */
function labelOf(diagram: MermaidDiagram, id: string): string {
  const line = diagram.text.split('\n').find((candidate) => candidate.trimStart().startsWith(`${id}(`) || candidate.trimStart().startsWith(`${id}[`) || candidate.trimStart().startsWith(`${id}{`));
  const quoted = /"([^"]*)"/.exec(line ?? '')?.[1];
  if (quoted === undefined) throw new Error(`no label for ${id} in ${diagram.title}`);
  return decodeMermaidText(quoted);
}
