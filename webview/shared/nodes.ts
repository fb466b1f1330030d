/**
 * Which drawn element stands for which model element. Mermaid names its node
 * groups `<renderId>-flowchart-<id>-<n>`, `<renderId>-state-<id>-<n>`,
 * `<renderId>-classId-<id>-<n>`; sequence diagrams mark participants with a
 * `name` attribute; the core's own SVG and the storming board carry `data-id`.
 */
import type { DiagramNodeRef } from '../../src/protocol/diagrams';

const mermaidNodeId = /^(?:flowchart|state|classId)-(.+)-\d+$/;

/** The drawn elements of each node, found in the SVG (or the board). */
export function mapNodes(root: Element, nodes: readonly DiagramNodeRef[], renderId?: string): Map<Element, DiagramNodeRef> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const found = new Map<Element, DiagramNodeRef>();
  for (const element of root.querySelectorAll('[data-id]')) {
    const node = byId.get(element.getAttribute('data-id') ?? '');
    if (node && (element.classList.contains('ddd-node') || element.classList.contains('ddd-note'))) found.set(element, node);
  }
  if (renderId !== undefined) {
    const prefix = `${renderId}-`;
    for (const element of root.querySelectorAll('g[id]')) {
      const id = element.id.startsWith(prefix) ? element.id.slice(prefix.length) : element.id;
      const match = mermaidNodeId.exec(id);
      const node = match ? byId.get(match[1]!) : undefined;
      if (node) found.set(element, node);
    }
    // sequence diagrams: participants (top and bottom boxes)
    for (const element of root.querySelectorAll('rect[name], g.actor-man[name]')) {
      const node = byId.get(element.getAttribute('name') ?? '');
      const group = element.parentElement;
      if (node && group) found.set(group, node);
    }
  }
  return found;
}

/** The node an event's target belongs to. */
export function nodeAt(target: EventTarget | null, nodes: Map<Element, DiagramNodeRef>): { element: Element; node: DiagramNodeRef } | undefined {
  let element = target instanceof Element ? target : null;
  while (element) {
    const node = nodes.get(element);
    if (node) return { element, node };
    element = element.parentElement;
  }
  return undefined;
}

/** Makes the nodes that have a source reachable by keyboard and announced as links to their declaration. */
export function markClickable(nodes: Map<Element, DiagramNodeRef>): void {
  for (const [element, node] of nodes) {
    if (!node.uri || !node.range) continue;
    element.classList.add('ddd-clickable');
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'link');
    element.setAttribute('aria-label', `${node.label} (${node.kind}): go to its declaration`);
  }
}
