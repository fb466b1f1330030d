/**
 * The saga's diagram in the simulator: the state machine (orchestrated) or the
 * event flow (choreographed), drawn once per text, with the run painted on it:
 * the current state outlined and pulsing, the states passed marked, reactions
 * that fired green (red when they failed). Mermaid's own class styles are
 * `!important` rules, so the run's paint goes in as important inline styles.
 */
import type { DiagramNodeRef, DiagramResult, ThemeKind } from '../../src/protocol/diagrams';
import type { SimulationRun } from '../../src/protocol/simulation';
import type { SourceRange } from '../../src/protocol/source';
import { h, replaceChildren } from '../shared/dom';
import { button } from '../shared/elements';
import { naturalSize, renderMermaid } from '../shared/mermaid';
import { separateEdgeLabels } from '../../src/protocol/edge-labels';
import { mapNodes, markClickable } from '../shared/nodes';
import type { ViewBox } from '../shared/pan-zoom';
import { cssVariable } from '../shared/theme';
import { DiagramViewport } from '../shared/viewport';

type Paint = 'current' | 'visited' | 'fired' | 'failed';

const shapeSelector = ':scope > rect, :scope > path, :scope > polygon, :scope > circle, :scope > ellipse, :scope > g > rect, :scope > g > path, :scope > g > polygon';

export class MachineView {
  readonly element: HTMLElement;
  private readonly viewport: DiagramViewport;
  private readonly message = h('p', { className: 'ddd-muted', attrs: { hidden: true } });
  private text: string | undefined;
  private theme: ThemeKind | undefined;
  private painted: Element[] = [];
  private drawing: Promise<void> = Promise.resolve();
  private key: string | undefined;
  /** The view the panel chose itself (the first view of a drawing); while the user has not moved it, a resized panel chooses again. */
  private autoView: ViewBox | undefined;

  constructor(
    reveal: (uri: string, range: SourceRange) => void,
    private readonly viewChanged: (key: string, view: ViewBox) => void,
    private readonly savedView: (key: string) => ViewBox | undefined,
  ) {
    this.viewport = new DiagramViewport('Saga diagram', (view) => this.key && this.viewChanged(this.key, view), reveal);
    // a tall machine opens at a readable size, cut at the bottom: Fit shows all of it
    const panZoom = this.viewport.panZoom;
    const zoom = h('div', { className: 'ddd-button-group ddd-machine-zoom', attrs: { role: 'group', 'aria-label': 'Zoom the diagram' } }, [
      button('−', () => panZoom.zoomBy(0.8), { secondary: true, title: 'Zoom out (-)', attrs: { 'aria-label': 'Zoom out' } }),
      button('+', () => panZoom.zoomBy(1.25), { secondary: true, title: 'Zoom in (+)', attrs: { 'aria-label': 'Zoom in' } }),
      button('Fit', () => panZoom.fit(2), { secondary: true, title: 'Fit the whole diagram (0)' }),
    ]);
    this.element = h('div', { className: 'ddd-machine' }, [zoom, this.message, this.viewport.element]);
    // the area grows with the panel (styles.css): a drawing nobody moved is laid out again for the new size
    new ResizeObserver(() => {
      const view = this.viewport.panZoom.get();
      if (this.autoView && view.scale === this.autoView.scale && view.x === this.autoView.x && view.y === this.autoView.y) this.initialView();
    }).observe(this.viewport.element);
  }

  private initialView(): void {
    this.viewport.panZoom.initial();
    this.autoView = this.viewport.panZoom.get();
  }

  get panZoom() {
    return this.viewport.panZoom;
  }

  /** Draws the diagram (when its text or the theme changed) and paints the run on it. */
  show(diagram: DiagramResult, run: SimulationRun, theme: ThemeKind): Promise<void> {
    this.drawing = this.drawing.then(async () => {
      if (diagram.kind !== 'mermaid') {
        this.message.textContent = diagram.kind === 'problem' ? diagram.message : 'No diagram for this saga.';
        this.message.hidden = false;
        return;
      }
      this.message.hidden = true;
      if (diagram.text !== this.text || theme !== this.theme) {
        const host = h('div', { className: 'ddd-mermaid' });
        try {
          const rendered = await renderMermaid(host, diagram.text, theme);
          const size = naturalSize(rendered.svg);
          replaceChildren(this.viewport.stage, [host]);
          separateEdgeLabels(rendered.svg);
          this.viewport.panZoom.setContentSize(size.width, size.height);
          this.viewport.nodes = mapNodes(rendered.svg, diagram.nodes, rendered.renderId);
          markClickable(this.viewport.nodes);
          this.painted = [];
          const firstTime = this.key !== diagram.key;
          this.text = diagram.text;
          this.theme = theme;
          this.key = diagram.key;
          if (firstTime) {
            const saved = this.savedView(diagram.key);
            this.autoView = undefined;
            if (saved && this.viewport.panZoom.fits(saved)) this.viewport.panZoom.set(saved, false);
            else this.initialView();
          }
        } catch (error) {
          this.message.textContent = `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
          this.message.hidden = false;
          return;
        }
      }
      this.paintRun(run);
      const current = this.viewport.stage.querySelector('.ddd-current');
      if (current) this.viewport.panZoom.reveal(current);
    });
    return this.drawing;
  }

  private paintRun(run: SimulationRun): void {
    for (const element of this.painted) {
      element.classList.remove('ddd-current', 'ddd-visited', 'ddd-fired', 'ddd-failed');
      element.removeAttribute('aria-current');
      for (const shape of element.querySelectorAll(shapeSelector)) {
        const style = (shape as SVGElement).style;
        for (const property of ['stroke', 'stroke-width', 'stroke-dasharray', 'filter']) style.removeProperty(property);
      }
    }
    this.painted = [];
    const entries = [...this.viewport.nodes];
    const paint = (node: DiagramNodeRef | undefined, how: Paint) => {
      for (const [element, candidate] of entries) if (candidate === node) this.paint(element, how);
    };
    const byLabel = (kind: (kind: string) => boolean, label: string) => entries.find(([, node]) => kind(node.kind) && node.label === label)?.[1];
    if (run.style === 'orchestrated') {
      for (const state of new Set(run.verdict.states)) if (state !== run.state) paint(byLabel((kind) => kind === 'state', state), 'visited');
      paint(byLabel((kind) => kind === 'state', run.state), 'current');
    } else {
      const isEvent = (kind: string) => kind === 'event' || kind === 'command';
      for (const event of run.verdict.events) paint(byLabel(isEvent, event), 'visited');
      // reaction boxes are listed in reaction order
      const reactions = entries.filter(([, node]) => node.kind === 'reaction').map(([, node]) => node);
      const reactionNodes = [...new Set(reactions)];
      for (const firing of run.verdict.firings) paint(reactionNodes[firing.reaction], firing.outcome === 'failure' ? 'failed' : 'fired');
      const last = [...run.timeline].reverse().find((event) => event.kind === 'deliver' && event.result === 'fired');
      if (last && last.kind === 'deliver') paint(reactionNodes[last.reaction], 'current');
    }
  }

  private paint(element: Element, how: Paint): void {
    const colours: Record<Paint, string> = {
      current: cssVariable('--vscode-focusBorder', '#0078d4'),
      visited: cssVariable('--vscode-charts-blue', '#3794ff'),
      fired: cssVariable('--vscode-testing-iconPassed', '#388a34'),
      failed: cssVariable('--vscode-errorForeground', '#f14c4c'),
    };
    const widths: Record<Paint, string> = { current: '5px', visited: '2.5px', fired: '3px', failed: '3px' };
    element.classList.add(`ddd-${how}`);
    if (how === 'current') element.setAttribute('aria-current', 'step');
    for (const shape of element.querySelectorAll(shapeSelector)) {
      const style = (shape as SVGElement).style;
      style.setProperty('stroke', colours[how], 'important');
      style.setProperty('stroke-width', widths[how], 'important');
      if (how === 'visited') style.setProperty('stroke-dasharray', '6 3', 'important');
      else style.removeProperty('stroke-dasharray');
      if (how === 'current' || how === 'failed') style.setProperty('filter', `drop-shadow(0 0 5px ${colours[how]})`, 'important');
    }
    this.painted.push(element);
  }
}
