/**
 * An event storming board as HTML sticky notes: one column per position on the
 * timeline (left to right), one row per lane (the main lane, then one per
 * aggregate), the community's colours, and the board's links drawn as arrows
 * behind the notes. Every text is set as text.
 */
import type { BoardData, BoardLink, BoardNote } from '../../src/protocol/diagrams';
import { h, safeColour } from '../shared/dom';

const svgNs = 'http://www.w3.org/2000/svg';

const typeLabels: Record<BoardNote['type'], string> = {
  event: 'Event',
  command: 'Command',
  actor: 'Actor',
  aggregate: 'Aggregate',
  policy: 'Policy',
  readmodel: 'Read model',
  external: 'External system',
  hotspot: 'Hotspot',
};

const linkWords: Record<BoardLink['kind'], string> = { by: 'by', on: 'on', emits: 'emits', when: 'when', then: 'then', from: 'from' };

/** Sticky types the model declares (a `?` marks one the model does not know). */
const declarable = new Set<BoardNote['type']>(['event', 'command', 'aggregate', 'readmodel']);

/** The text with line-break opportunities between the words of a CamelCase name: `Inventory‹wbr›Reserved`. */
function wordBreaks(text: string): Node[] {
  const parts = text.split(/(?<=[a-z0-9])(?=[A-Z])/);
  const nodes: Node[] = [];
  parts.forEach((part, index) => {
    if (index > 0) nodes.push(document.createElement('wbr'));
    nodes.push(document.createTextNode(part));
  });
  return nodes;
}

function noteElement(note: BoardNote, column: number, row: number): HTMLElement {
  const hint = [
    `${typeLabels[note.type]}: ${note.text}`,
    note.description,
    note.origin === 'derived' ? 'Implied by the board (not written on it)' : note.origin === 'model' ? 'From the model' : undefined,
    note.declared ? undefined : 'Not declared in the model',
    note.code ? `Finding ${note.code}` : undefined,
  ].filter(Boolean);
  const element = h(
    'div',
    {
      className: `ddd-note ddd-note-${note.type} ddd-note-${note.size} ddd-origin-${note.origin}${note.declared ? '' : ' ddd-undeclared'}`,
      title: hint.join('\n'),
      attrs: { 'data-id': note.id, 'data-type': note.type },
    },
    [
      h('span', { className: 'ddd-note-type', text: typeLabels[note.type] }),
      h('span', { className: 'ddd-note-text' }, wordBreaks(note.text)),
      note.description ? h('span', { className: 'ddd-note-description', text: note.description }) : undefined,
      note.declared || !declarable.has(note.type) ? undefined : h('span', { className: 'ddd-note-badge', text: '?', attrs: { 'aria-label': 'not declared in the model' } }),
    ],
  );
  element.style.backgroundColor = safeColour(note.colour, '#ffffff');
  element.style.color = safeColour(note.textColour, '#212529');
  element.style.gridColumn = String(column);
  element.style.gridRow = String(row);
  return element;
}

export interface BoardDrawing {
  element: HTMLElement;
  /** Draws the links once the notes are laid out (call after the board is in the page). */
  drawLinks(): void;
}

export function drawBoard(board: BoardData): BoardDrawing {
  const laneIndex = new Map(board.lanes.map((lane, index) => [lane.name, index]));
  const grid = h('div', { className: 'ddd-board-grid', attrs: { role: 'list', 'aria-label': `Event storming board ${board.name}` } });
  grid.style.gridTemplateColumns = `max-content repeat(${Math.max(board.notes.length, 1)}, max-content)`;
  grid.style.gridTemplateRows = `auto repeat(${board.lanes.length}, auto)`;
  // the time axis
  const axis = h('div', { className: 'ddd-board-axis', text: 'time →', attrs: { 'aria-hidden': 'true' } });
  axis.style.gridColumn = `2 / span ${Math.max(board.notes.length, 1)}`;
  axis.style.gridRow = '1';
  grid.appendChild(axis);
  board.lanes.forEach((lane, index) => {
    const label = h('div', { className: `ddd-lane-label${lane.name ? '' : ' ddd-lane-main'}`, text: lane.name || 'Main flow' });
    label.style.gridRow = String(index + 2);
    label.style.gridColumn = '1';
    grid.appendChild(label);
    const band = h('div', { className: 'ddd-lane-band', attrs: { 'aria-hidden': 'true' } });
    band.style.gridRow = String(index + 2);
    band.style.gridColumn = `1 / span ${board.notes.length + 1}`;
    grid.appendChild(band);
  });
  const notes = new Map<string, HTMLElement>();
  for (const note of board.notes) {
    const element = noteElement(note, note.order + 2, (laneIndex.get(note.lane ?? '') ?? 0) + 2);
    element.setAttribute('role', 'listitem');
    notes.set(note.id, element);
    grid.appendChild(element);
  }
  const links = document.createElementNS(svgNs, 'svg');
  links.setAttribute('class', 'ddd-board-links');
  links.setAttribute('aria-hidden', 'true');
  grid.appendChild(links);

  const legend = h(
    'div',
    { className: 'ddd-board-legend', attrs: { 'aria-label': 'Legend' } },
    board.legend.map((entry) => {
      const swatch = h('span', { className: 'ddd-swatch' });
      swatch.style.backgroundColor = safeColour(entry.colour, '#ffffff');
      return h('span', { className: 'ddd-legend-entry' }, [swatch, entry.label]);
    }),
  );
  const title = h('div', { className: 'ddd-board-title' }, [h('strong', { text: board.name }), board.origin === 'model' ? ' — synthesised from the model’s declarations' : undefined]);
  const element = h('div', { className: 'ddd-board' }, [title, legend, grid]);

  const drawLinks = () => {
    while (links.firstChild) links.removeChild(links.firstChild);
    const width = grid.scrollWidth;
    const height = grid.scrollHeight;
    links.setAttribute('width', String(width));
    links.setAttribute('height', String(height));
    links.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const defs = document.createElementNS(svgNs, 'defs');
    const marker = document.createElementNS(svgNs, 'marker');
    marker.setAttribute('id', 'ddd-board-arrow');
    marker.setAttribute('viewBox', '0 0 10 10');
    marker.setAttribute('refX', '9');
    marker.setAttribute('refY', '5');
    marker.setAttribute('markerWidth', '7');
    marker.setAttribute('markerHeight', '7');
    marker.setAttribute('orient', 'auto-start-reverse');
    const head = document.createElementNS(svgNs, 'path');
    head.setAttribute('d', 'M0,0L10,5L0,10z');
    head.setAttribute('class', 'ddd-board-arrowhead');
    marker.appendChild(head);
    defs.appendChild(marker);
    links.appendChild(defs);
    for (const link of board.links) {
      const from = notes.get(link.from);
      const to = notes.get(link.to);
      if (!from || !to) continue;
      const fx = from.offsetLeft + from.offsetWidth;
      const fy = from.offsetTop + from.offsetHeight / 2;
      const tx = to.offsetLeft;
      const ty = to.offsetTop + to.offsetHeight / 2;
      const forward = tx >= fx;
      const [x1, y1, x2, y2] = forward ? [fx, fy, tx, ty] : [from.offsetLeft, fy, to.offsetLeft + to.offsetWidth, ty];
      const bend = Math.max(24, Math.abs(x2 - x1) / 2);
      const path = document.createElementNS(svgNs, 'path');
      const c1 = forward ? x1 + bend : x1 - bend;
      const c2 = forward ? x2 - bend : x2 + bend;
      path.setAttribute('d', `M${x1},${y1} C${c1},${y1} ${c2},${y2} ${x2},${y2}`);
      path.setAttribute('class', `ddd-board-link ddd-link-${link.kind}`);
      path.setAttribute('marker-end', 'url(#ddd-board-arrow)');
      const tooltip = document.createElementNS(svgNs, 'title');
      tooltip.textContent = linkWords[link.kind];
      path.appendChild(tooltip);
      links.appendChild(path);
    }
  };
  return { element, drawLinks };
}
