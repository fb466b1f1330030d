/**
 * Mermaid, bundled: initialised once per theme with `securityLevel: 'strict'`
 * (labels are sanitised, no click handlers or scripts from the text) and
 * `startOnLoad: false`; renders are queued, one at a time. The last drawings
 * are kept by their text and theme: going back to a view, a saga or a fence
 * drawn a moment ago shows it without running mermaid again (unless that drawing
 * is still shown elsewhere in the page: each copy has element ids of its own).
 */
import mermaid from 'mermaid';
import type { ThemeKind } from '../../src/protocol/diagrams';
import { mermaidTheme } from './theme';

let configuredFor: ThemeKind | undefined;
let counter = 0;
let queue: Promise<unknown> = Promise.resolve();

/** What mermaid drew for a text in a theme: its SVG markup and the id it was drawn with (its element ids start with it). */
interface KeptDrawing {
  svg: string;
  renderId: string;
}
/** The drawings kept, the most recent last; at most this many, and this many characters of SVG in all. */
const KEPT_DRAWINGS = 12;
const KEPT_CHARACTERS = 8_000_000;
const kept = new Map<string, KeptDrawing>();
let keptCharacters = 0;

function keep(key: string, drawing: KeptDrawing): void {
  const previous = kept.get(key);
  if (previous) keptCharacters -= previous.svg.length;
  kept.delete(key);
  kept.set(key, drawing);
  keptCharacters += drawing.svg.length;
  for (const [oldest, old] of kept) {
    if (kept.size <= KEPT_DRAWINGS && keptCharacters <= KEPT_CHARACTERS) break;
    kept.delete(oldest);
    keptCharacters -= old.svg.length;
  }
}

/** A kept drawing, made the most recent. */
function keptDrawing(key: string): KeptDrawing | undefined {
  const drawing = kept.get(key);
  if (drawing) keep(key, drawing);
  return drawing;
}

function configure(theme: ThemeKind): void {
  if (configuredFor === theme) return;
  const { theme: name, themeVariables } = mermaidTheme(theme);
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: name,
    themeVariables,
    // a render error is reported by the webview, not drawn into the page by mermaid
    suppressErrorRendering: true,
    // the server decides what is too large; when the user asks to draw it anyway, let mermaid try
    maxTextSize: 2_000_000,
    maxEdges: 5_000,
    flowchart: { useMaxWidth: false },
    sequence: { useMaxWidth: false },
    class: { useMaxWidth: false },
    state: { useMaxWidth: false },
  });
  configuredFor = theme;
}

export interface Rendered {
  svg: SVGSVGElement;
  /** The id mermaid was given: the SVG's element ids start with it. */
  renderId: string;
  ms: number;
}

/**
 * Whether the drawing mermaid made with `renderId` is in the page outside `host` (which a new
 * drawing replaces): a copy of it put anywhere else would repeat its element ids.
 */
export function shownOutside(renderId: string, host: HTMLElement): boolean {
  const shown = host.ownerDocument.getElementById(renderId);
  return shown !== null && !host.contains(shown);
}

/** Draws mermaid text into `host` (replacing what it held). Rejects with mermaid's message when the text does not parse. */
export function renderMermaid(host: HTMLElement, text: string, theme: ThemeKind): Promise<Rendered> {
  const job = queue.then(async () => {
    const started = performance.now();
    const key = `${theme}\n${text}`;
    let drawing = keptDrawing(key);
    // a drawing still shown elsewhere in the page (a second fence of the same diagram in a Markdown
    // document) is drawn again: its element ids (markers, styles) would be in the page twice
    if (drawing && shownOutside(drawing.renderId, host)) drawing = undefined;
    if (!drawing) {
      configure(theme);
      const renderId = `ddd-m${++counter}`;
      try {
        drawing = { svg: (await mermaid.render(renderId, text)).svg, renderId };
      } finally {
        // mermaid leaves its scratch element behind when a render fails
        document.getElementById(`d${renderId}`)?.remove();
      }
      keep(key, drawing);
    }
    // mermaid's output, sanitised by mermaid (securityLevel strict): the one place markup goes in as a string
    host.innerHTML = drawing.svg;
    const element = host.querySelector('svg');
    if (!element) throw new Error('mermaid produced no SVG');
    return { svg: element, renderId: drawing.renderId, ms: performance.now() - started };
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Gives an SVG its natural size in pixels (mermaid leaves `width="100%"` and a max-width). */
export function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  let width = box && box.width > 0 ? box.width : Number.parseFloat(svg.getAttribute('width') ?? '') || 0;
  let height = box && box.height > 0 ? box.height : Number.parseFloat(svg.getAttribute('height') ?? '') || 0;
  if (!width || !height) {
    const measured = svg.getBBox();
    width = measured.width || 800;
    height = measured.height || 600;
  }
  svg.setAttribute('width', String(Math.ceil(width)));
  svg.setAttribute('height', String(Math.ceil(height)));
  svg.style.removeProperty('max-width');
  return { width: Math.ceil(width), height: Math.ceil(height) };
}
