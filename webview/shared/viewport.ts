/**
 * A drawing area: a focusable viewport with a stage that pans and zooms, and
 * click-to-source on the nodes drawn in it.
 */
import type { DiagramNodeRef } from '../../src/protocol/diagrams';
import type { SourceRange } from '../../src/protocol/source';
import { h } from './dom';
import { nodeAt } from './nodes';
import { PanZoom, type ViewBox } from './pan-zoom';

export class DiagramViewport {
  readonly element: HTMLElement;
  readonly stage: HTMLElement;
  readonly panZoom: PanZoom;
  nodes = new Map<Element, DiagramNodeRef>();

  constructor(
    label: string,
    viewChanged: (view: ViewBox) => void,
    private readonly reveal: (uri: string, range: SourceRange) => void,
  ) {
    this.stage = h('div', { className: 'ddd-stage' });
    this.element = h('div', { className: 'ddd-viewport', attrs: { tabindex: 0, role: 'region', 'aria-label': `${label}: drag to pan, wheel or + and - to zoom, 0 to fit` } }, [this.stage]);
    this.panZoom = new PanZoom(this.element, this.stage, viewChanged);
    this.element.addEventListener('click', (event) => this.activate(event.target));
    this.element.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && event.target !== this.element) {
        event.preventDefault();
        this.activate(event.target);
      }
    });
  }

  private activate(target: EventTarget | null): void {
    const hit = nodeAt(target, this.nodes);
    if (!hit?.node.uri || !hit.node.range) return;
    for (const element of this.stage.querySelectorAll('.ddd-selected')) element.classList.remove('ddd-selected');
    hit.element.classList.add('ddd-selected');
    this.reveal(hit.node.uri, hit.node.range);
  }
}
