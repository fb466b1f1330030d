/**
 * Mermaid, bundled: initialised once per theme with `securityLevel: 'strict'`
 * (labels are sanitised, no click handlers or scripts from the text) and
 * `startOnLoad: false`; renders are queued, one at a time.
 */
import mermaid from 'mermaid';
import type { ThemeKind } from '../../src/protocol/diagrams';
import { mermaidTheme } from './theme';

let configuredFor: ThemeKind | undefined;
let counter = 0;
let queue: Promise<unknown> = Promise.resolve();

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

/** Draws mermaid text into `host` (replacing what it held). Rejects with mermaid's message when the text does not parse. */
export function renderMermaid(host: HTMLElement, text: string, theme: ThemeKind): Promise<Rendered> {
  const job = queue.then(async () => {
    configure(theme);
    const renderId = `ddd-m${++counter}`;
    const started = performance.now();
    try {
      const { svg } = await mermaid.render(renderId, text);
      // mermaid's output, sanitised by mermaid (securityLevel strict): the one place markup goes in as a string
      host.innerHTML = svg;
    } finally {
      // mermaid leaves its scratch element behind when a render fails
      document.getElementById(`d${renderId}`)?.remove();
    }
    const element = host.querySelector('svg');
    if (!element) throw new Error('mermaid produced no SVG');
    return { svg: element, renderId, ms: performance.now() - started };
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
