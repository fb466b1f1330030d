/**
 * Pan (drag) and zoom (wheel, buttons, keys) of a drawing: the stage inside the
 * viewport is moved and scaled with a CSS transform, so a re-render of the same
 * view keeps where the user was. A drag never counts as a click.
 */

export interface ViewBox {
  scale: number;
  x: number;
  y: number;
  /** The size of the drawing the view was of (a saved view of a very different drawing is not reused). */
  width?: number;
  height?: number;
}

const minScale = 0.05;
const maxScale = 8;

export class PanZoom {
  private view: ViewBox = { scale: 1, x: 0, y: 0 };
  private content = { width: 0, height: 0 };
  private drag: { pointer: number; startX: number; startY: number; x: number; y: number; moved: boolean } | undefined;
  /** Set after a drag, so the click that ends it is ignored. */
  private suppressClick = false;

  constructor(
    readonly viewport: HTMLElement,
    readonly stage: HTMLElement,
    private readonly changed: (view: ViewBox) => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.pointerDown(event));
    viewport.addEventListener('pointermove', (event) => this.pointerMove(event));
    viewport.addEventListener('pointerup', (event) => this.pointerUp(event));
    viewport.addEventListener('pointercancel', (event) => this.pointerUp(event));
    viewport.addEventListener('click', (event) => {
      if (this.suppressClick) {
        event.stopPropagation();
        event.preventDefault();
        this.suppressClick = false;
      }
    }, true);
    viewport.addEventListener('keydown', (event) => this.key(event));
  }

  get(): ViewBox {
    return { ...this.view, ...this.content };
  }

  /** Whether a saved view was of a drawing about this size. */
  fits(saved: ViewBox): boolean {
    if (saved.width === undefined || saved.height === undefined) return false;
    const close = (a: number, b: number) => Math.abs(a - b) <= 0.25 * Math.max(a, b, 1);
    return close(saved.width, this.content.width) && close(saved.height, this.content.height);
  }

  /** The size of what is drawn (unscaled), for fitting. */
  setContentSize(width: number, height: number): void {
    this.content = { width, height };
  }

  set(view: ViewBox, notify = true): void {
    const scale = Math.min(maxScale, Math.max(minScale, Number.isFinite(view.scale) ? view.scale : 1));
    this.view = { scale, x: Number.isFinite(view.x) ? view.x : 0, y: Number.isFinite(view.y) ? view.y : 0 };
    this.stage.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
    if (notify) this.changed(this.get());
  }

  /** The whole drawing in view, centred; never enlarged past `max`. */
  fit(max = 1): void {
    const { width, height } = this.content;
    const box = this.viewport.getBoundingClientRect();
    if (!width || !height || !box.width || !box.height) return this.set({ scale: 1, x: 0, y: 0 });
    const margin = 16;
    const scale = Math.min(max, (box.width - 2 * margin) / width, (box.height - 2 * margin) / height);
    this.set({ scale, x: Math.max(margin, (box.width - width * scale) / 2), y: Math.max(margin, (box.height - height * scale) / 2) });
  }

  /**
   * The first view of a drawing: all of it when it reads at 60% or more (never
   * enlarged); else at 80% (or as large as fits along its shorter side, if
   * less), from its start: a tall sequence diagram from the top, a long flow
   * from the left. Never smaller than `readable` (the preview's text stays
   * legible; the rest is a scroll away).
   */
  initial(readable = 0): void {
    const { width, height } = this.content;
    const box = this.viewport.getBoundingClientRect();
    if (!width || !height || !box.width || !box.height) return this.set({ scale: 1, x: 0, y: 0 });
    const margin = 16;
    const fitX = (box.width - 2 * margin) / width;
    const fitY = (box.height - 2 * margin) / height;
    const all = Math.min(fitX, fitY);
    if (all >= 0.6) return this.fit(1);
    // `readable`: never smaller than this (the text stays legible; the rest is a scroll away)
    const scale = Math.max(readable, all, Math.min(1, Math.max(fitX, fitY), 0.8));
    const x = width * scale <= box.width - 2 * margin ? (box.width - width * scale) / 2 : margin;
    const y = height * scale <= box.height - 2 * margin ? (box.height - height * scale) / 2 : margin;
    this.set({ scale, x, y });
  }

  /** Pans (without zooming) so that an element of the stage is in view, when it is not. */
  reveal(element: Element): void {
    const box = this.viewport.getBoundingClientRect();
    const target = element.getBoundingClientRect();
    if (!box.width || !box.height) return;
    const inside = target.left >= box.left && target.right <= box.right && target.top >= box.top && target.bottom <= box.bottom;
    if (inside) return;
    const dx = box.left + box.width / 2 - (target.left + target.width / 2);
    const dy = box.top + box.height / 2 - (target.top + target.height / 2);
    this.panBy(dx, dy);
  }

  /** The size of what is drawn. */
  contentSize(): { width: number; height: number } {
    return { ...this.content };
  }

  /** Actual size, the top left corner in view. */
  actualSize(): void {
    this.set({ scale: 1, x: 16, y: 16 });
  }

  /** Zooms by `factor` around a point of the viewport (default: its centre). */
  zoomBy(factor: number, clientX?: number, clientY?: number): void {
    const box = this.viewport.getBoundingClientRect();
    const px = clientX === undefined ? box.width / 2 : clientX - box.left;
    const py = clientY === undefined ? box.height / 2 : clientY - box.top;
    const scale = Math.min(maxScale, Math.max(minScale, this.view.scale * factor));
    const ratio = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * ratio, y: py - (py - this.view.y) * ratio });
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    if (event.shiftKey) {
      this.panBy(-event.deltaY, 0);
      return;
    }
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.zoomBy(Math.exp(-delta * 0.0015), event.clientX, event.clientY);
  }

  private pointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    this.drag = { pointer: event.pointerId, startX: event.clientX, startY: event.clientY, x: this.view.x, y: this.view.y, moved: false };
  }

  private pointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointer !== event.pointerId) return;
    const dx = event.clientX - drag.startX;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      this.viewport.setPointerCapture(event.pointerId);
      this.viewport.classList.add('ddd-dragging');
    }
    this.set({ ...this.view, x: drag.x + dx, y: drag.y + dy });
  }

  private pointerUp(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || drag.pointer !== event.pointerId) return;
    this.drag = undefined;
    this.viewport.classList.remove('ddd-dragging');
    if (drag.moved) {
      this.suppressClick = true;
      // a click may not follow (pointer released outside): forget it soon
      setTimeout(() => (this.suppressClick = false), 0);
    }
  }

  private key(event: KeyboardEvent): void {
    if (event.target !== this.viewport) return;
    const step = 40;
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.25),
      '=': () => this.zoomBy(1.25),
      '-': () => this.zoomBy(0.8),
      '0': () => this.fit(),
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }
}
