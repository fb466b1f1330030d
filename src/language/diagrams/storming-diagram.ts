/**
 * A storming view as a mermaid flowchart (for the Markdown export): stickies
 * left to right in timeline order (kept by invisible links), coloured by type,
 * one subgraph per aggregate lane, and the links between them.
 */
import type { StickyType } from '../model/elements';
import { addTo, DiagramWriter, type MermaidDiagram } from './diagram';
import { quoted, quotedLines, wrapName } from './escape';
import type { StickyNote, StormingLinkKind, StormingView } from './storming';
import { stickyClassDef } from './theme';

const shapes: Record<StickyType, [string, string]> = {
  event: ['[', ']'],
  command: ['[', ']'],
  actor: ['([', '])'],
  aggregate: ['[', ']'],
  policy: ['[', ']'],
  readmodel: ['[', ']'],
  external: ['[', ']'],
  hotspot: ['{{', '}}'],
};

const arrows: Record<StormingLinkKind, string> = {
  by: '-->',
  on: '-->',
  emits: '-->',
  when: '-->',
  then: '-->',
  from: '-.->',
};

export function stormingDiagram(view: StormingView): MermaidDiagram {
  const writer = new DiagramWriter('flowchart LR');
  const classes = new Map<string, string[]>();
  const write = (note: StickyNote, indent: number) => {
    const [open, close] = shapes[note.type];
    writer.line(`${note.id}${open}${quotedLines(wrapName(note.text))}${close}`, indent);
    writer.node({ id: note.id, name: note.text, kind: note.type, ...(note.uri && note.range ? { uri: note.uri, range: note.range } : {}) });
    addTo(classes, note.type, note.id);
    if (note.origin === 'derived') addTo(classes, 'derived', note.id);
  };
  const byId = new Map(view.notes.map((note) => [note.id, note]));
  const laned = view.lanes.some((lane) => lane.name !== '');
  view.lanes.forEach((lane, index) => {
    if (lane.name === '' || !laned) {
      for (const id of lane.notes) write(byId.get(id)!, 1);
      return;
    }
    writer.line(`subgraph lane${index}[${quoted(lane.name)}]`);
    writer.line('direction LR', 2);
    for (const id of lane.notes) write(byId.get(id)!, 2);
    writer.line('end');
    writer.extraNodes++;
  });
  // the timeline: invisible links keep the stickies in order
  for (let i = 1; i < view.notes.length; i++) writer.edge(`${view.notes[i - 1]!.id} ~~~ ${view.notes[i]!.id}`);
  for (const link of view.links) writer.edge(`${link.from} ${arrows[link.kind]} ${link.to}`);
  for (const [name, ids] of [...classes].sort(([a], [b]) => Number(a === 'derived') - Number(b === 'derived'))) {
    writer.line(`classDef ${name} ${name === 'derived' ? 'stroke-dasharray:4 3,opacity:0.8' : stickyClassDef(name as StickyType)}`);
    writer.line(`class ${ids.join(',')} ${name}`);
  }
  return writer.finish('storming', view.origin === 'board' ? `Event storming: ${view.name}` : `Event storming: ${view.name} (from the model)`, view.name);
}
