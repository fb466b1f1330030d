/**
 * The preview's drawing: mermaid text drawn by mermaid, a big context map's SVG
 * drawn by the core, a storming board drawn as sticky notes, or a message. A new
 * drawing of the same view (the model was edited) keeps the zoom and scroll; a
 * diagram too large to read is not drawn until the user asks, and the server's
 * smaller views are offered instead.
 */
import type { DiagramFilter, DiagramResult, ThemeKind } from '../../src/protocol/diagrams';
import type { SelectViewMessage } from '../../src/protocol/messages';
import type { SourceRange } from '../../src/protocol/source';
import { h, plural, replaceChildren } from '../shared/dom';
import { button, singleSelect } from '../shared/elements';
import { naturalSize, renderMermaid } from '../shared/mermaid';
import { separateEdgeLabels } from '../../src/protocol/edge-labels';
import { mapNodes, markClickable } from '../shared/nodes';
import type { ViewBox } from '../shared/pan-zoom';
import { importSvg } from '../shared/svg';
import { DiagramViewport } from '../shared/viewport';
import { drawBoard } from './board';
import { drawMapLegend } from './map-legend';
import { fitScale, readableScale, turned } from './orientation';

export interface DiagramAreaEvents {
  reveal(uri: string, range: SourceRange): void;
  select(view: SelectViewMessage): void;
  /** The zoom or scroll changed (to save it). */
  viewChanged(key: string, view: ViewBox): void;
  /** A drawing is shown: what the status line says. */
  drawn(status: string): void;
  failed(message: string): void;
}

export interface Drawn {
  result: DiagramResult;
  /** The view has nothing yet: what to write was shown instead (nothing to export). */
  empty?: boolean;
  /** The SVG drawn (absent for a board or a message). */
  svg?: SVGSVGElement;
  size: { width: number; height: number };
}

function sameDrawing(a: DiagramResult, b: DiagramResult): boolean {
  if (a.kind !== b.kind || a.key !== b.key) return false;
  if (a.kind === 'mermaid' && b.kind === 'mermaid') return a.text === b.text;
  if (a.kind === 'svg' && b.kind === 'svg') return a.svg === b.svg;
  if (a.kind === 'board' && b.kind === 'board') return JSON.stringify(a.board) === JSON.stringify(b.board);
  return false;
}

export class DiagramArea {
  readonly element: HTMLElement;
  private readonly notice = h('div', { className: 'ddd-notice', attrs: { hidden: true, role: 'status' } });
  private readonly warnings = h('ul', { className: 'ddd-warnings', attrs: { hidden: true } });
  private readonly legend = h('div', { className: 'ddd-legend-host', attrs: { hidden: true } });
  private readonly viewport: DiagramViewport;
  private current: Drawn | undefined;
  /** Views the user asked to draw although they are too large. */
  private readonly forced = new Set<string>();
  /**
   * The views last drawn the other way (orientation.ts): their next drawing (the model was edited)
   * starts with that direction, one mermaid run instead of two while the user types.
   */
  private readonly drawnTurned = new Set<string>();
  private sequence = 0;
  /** The view whose zoom and scroll the stage shows. */
  private appliedKey: string | undefined;
  /** The id mermaid drew the current SVG with (its node ids start with it). */
  private renderId: string | undefined;

  constructor(
    private readonly events: DiagramAreaEvents,
    private readonly savedView: (key: string) => ViewBox | undefined,
  ) {
    this.viewport = new DiagramViewport('Diagram', (view) => this.current && this.events.viewChanged(this.current.result.key, view), events.reveal);
    this.element = h('div', { className: 'ddd-diagram-area' }, [this.notice, this.warnings, this.legend, this.viewport.element]);
  }

  get drawn(): Drawn | undefined {
    return this.current;
  }

  get panZoom() {
    return this.viewport.panZoom;
  }

  /**
   * Draws a result; `theme` is the mermaid theme. Resolves once drawn. With
   * `empty` (the model has nothing of the view's kind yet), that message is
   * shown instead of the drawing.
   */
  async show(result: DiagramResult, theme: ThemeKind, redraw = false, empty?: HTMLElement[]): Promise<void> {
    const previous = this.current;
    const ticket = ++this.sequence;
    if (empty) {
      this.showWarnings([]);
      this.showNotice(empty, 'info');
      this.notice.classList.add('ddd-empty');
      this.setStage([], result, { width: 0, height: 0 });
      this.current = { result, size: { width: 0, height: 0 }, empty: true };
      this.appliedKey = undefined;
      this.events.drawn(`${result.title}: nothing to draw yet`);
      return;
    }
    this.showWarnings(result.warnings);
    if (!redraw && previous && !previous.empty && sameDrawing(previous.result, result)) {
      // the same picture: only the sources may have moved
      this.current = { ...previous, result };
      this.viewport.nodes = this.nodesOf(result, previous.svg);
      return;
    }
    if (result.kind === 'problem') {
      this.showNotice([h('p', { text: result.message })]);
      this.setStage([], result, { width: 0, height: 0 });
      this.appliedKey = undefined;
      this.events.drawn(result.title);
      return;
    }
    if (result.kind === 'mermaid' && result.tooLarge && !this.forced.has(result.key)) {
      this.showTooLarge(result, theme);
      this.setStage([], result, { width: 0, height: 0 });
      this.appliedKey = undefined;
      this.events.drawn(`${result.title}: too large to draw quickly`);
      return;
    }
    this.hideNotice();
    try {
      if (result.kind === 'mermaid') {
        let host = h('div', { className: 'ddd-mermaid' });
        const turnedText = turned(result.text);
        let isTurned = turnedText !== undefined && this.drawnTurned.has(result.key);
        let rendered = await renderMermaid(host, isTurned ? turnedText! : result.text, theme);
        if (ticket !== this.sequence) return;
        let size = naturalSize(rendered.svg);
        // a strip across the panel: laid out the other way, if that reads better
        const box = this.viewport.element.getBoundingClientRect();
        if (turnedText !== undefined && fitScale(size, box) < readableScale) {
          const otherHost = h('div', { className: 'ddd-mermaid' });
          const otherRendered = await renderMermaid(otherHost, isTurned ? result.text : turnedText, theme);
          if (ticket !== this.sequence) return;
          const otherSize = naturalSize(otherRendered.svg);
          if (fitScale(otherSize, box) > fitScale(size, box) * 1.15) {
            host = otherHost;
            rendered = otherRendered;
            size = otherSize;
            isTurned = !isTurned;
          }
        }
        if (isTurned) this.drawnTurned.add(result.key);
        else this.drawnTurned.delete(result.key);
        this.setStage([host], result, size, rendered.svg, rendered.renderId);
        // measured once the drawing is in the page
        separateEdgeLabels(rendered.svg);
        this.events.drawn(`${result.title} · ${plural(result.size.nodes, 'node')}, ${plural(result.size.edges, 'edge')} · drawn in ${Math.round(rendered.ms)} ms`);
      } else if (result.kind === 'svg') {
        const started = performance.now();
        const svg = importSvg(result.svg);
        if (!svg) throw new Error('the server sent an SVG that does not parse');
        const host = h('div', { className: 'ddd-core-svg' }, [svg]);
        const size = naturalSize(svg);
        this.setStage([host], result, size, svg);
        this.showNotice([h('p', { text: result.reason }), this.filterControls(result.filters, 'Show a smaller view:', result.ref.view === 'context-map' ? () => this.events.select({ type: 'selectView', ...result.ref, options: { ...result.options, layout: 'mermaid' } }) : undefined, 'Draw with mermaid')], 'info');
        this.events.drawn(`${result.title} · ${plural(result.size.nodes, 'context')}, ${plural(result.size.edges, 'relationship')} · laid out in ${result.ms} ms, drawn in ${Math.round(performance.now() - started)} ms`);
      } else {
        const started = performance.now();
        const board = drawBoard(result.board);
        this.setStage([board.element], result, { width: 0, height: 0 });
        board.drawLinks();
        const size = { width: board.element.offsetWidth, height: board.element.offsetHeight };
        this.current = { ...this.current!, size };
        this.viewport.panZoom.setContentSize(size.width, size.height);
        this.events.drawn(`${result.title} · ${plural(result.board.notes.length, 'sticky note')} · drawn in ${Math.round(performance.now() - started)} ms`);
      }
    } catch (error) {
      if (ticket !== this.sequence) return;
      const message = error instanceof Error ? error.message : String(error);
      this.showNotice([h('p', { text: `This diagram could not be drawn: ${message}` })], 'error');
      this.events.failed(message);
      return;
    }
    if (this.appliedKey !== result.key) this.restoreView(result.key);
    this.appliedKey = result.key;
  }

  /** Draws the current view again (the theme changed), keeping the zoom. */
  async redraw(theme: ThemeKind): Promise<void> {
    if (this.current && !this.current.empty) await this.show(this.current.result, theme, true);
  }

  private nodesOf(result: DiagramResult, svg: SVGSVGElement | undefined, renderId?: string) {
    const root = svg ?? this.viewport.stage;
    const nodes = mapNodes(root, result.nodes, renderId ?? this.renderId);
    markClickable(nodes);
    return nodes;
  }

  private setStage(children: HTMLElement[], result: DiagramResult, size: { width: number; height: number }, svg?: SVGSVGElement, renderId?: string): void {
    replaceChildren(this.viewport.stage, children);
    const legend = children.length ? result.legend : undefined;
    replaceChildren(this.legend, [legend && drawMapLegend(legend)]);
    this.legend.hidden = !legend;
    this.renderId = renderId;
    this.current = svg ? { result, svg, size } : { result, size };
    this.viewport.panZoom.setContentSize(size.width, size.height);
    this.viewport.nodes = this.nodesOf(result, svg, renderId);
    this.viewport.stage.setAttribute('data-kind', result.kind);
  }

  private restoreView(key: string): void {
    const saved = this.savedView(key);
    if (saved && this.viewport.panZoom.fits(saved)) this.viewport.panZoom.set(saved);
    else this.viewport.panZoom.initial(readableScale);
  }

  private showWarnings(warnings: string[]): void {
    replaceChildren(this.warnings, warnings.map((warning) => h('li', { text: warning })));
    this.warnings.hidden = warnings.length === 0;
  }

  private showNotice(children: HTMLElement[], tone: 'info' | 'warning' | 'error' = 'warning'): void {
    replaceChildren(this.notice, children);
    this.notice.className = `ddd-notice ddd-notice-${tone}`;
    this.notice.hidden = false;
  }

  private hideNotice(): void {
    this.notice.hidden = true;
    this.notice.classList.remove('ddd-empty');
  }

  private filterControls(filters: DiagramFilter[], label: string, other?: () => void, otherLabel?: string): HTMLElement {
    const select = filters.length
      ? singleSelect(
          [{ value: '', label: 'Choose a smaller view…' }, ...filters.map((filter, index) => ({ value: String(index), label: filter.label }))],
          '',
          (value) => {
            const filter = filters[Number(value)];
            if (value !== '' && filter) this.events.select({ type: 'selectView', ...filter.view, ...(filter.options ? { options: filter.options } : {}) });
          },
          { 'aria-label': 'A smaller view', class: 'ddd-filter-select' },
        )
      : undefined;
    return h('div', { className: 'ddd-notice-actions' }, [
      select ? h('span', { className: 'ddd-notice-label', text: label }) : undefined,
      select,
      other && otherLabel ? button(otherLabel, other, { secondary: true }) : undefined,
    ]);
  }

  private showTooLarge(result: DiagramResult & { kind: 'mermaid' }, theme: ThemeKind): void {
    this.showNotice([
      h('p', { className: 'ddd-notice-title', text: `${result.title} is too large to draw quickly` }),
      h('p', {
        text: `It has ${plural(result.size.nodes, 'node')} and ${plural(result.size.edges, 'edge')}: mermaid would take seconds to lay it out, and it would be hard to read. Show a filtered view, or draw it anyway.`,
      }),
      this.filterControls(result.filters, 'Show a filtered view:', () => {
        this.forced.add(result.key);
        void this.show(result, theme, true);
      }, 'Draw it anyway'),
    ]);
  }
}
