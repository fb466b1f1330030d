/**
 * The script VS Code's Markdown preview loads with the page
 * (`contributes.markdown.previewScripts` → dist/markdown-preview.js): it draws
 * the mermaid text of every ```ddd fence the plugin wrote
 * (src/markdown/fence-html.ts) with the bundled mermaid (nothing is fetched),
 * when the page loads, after each update of the preview
 * (`vscode.markdown.updateContent`: the preview swaps in the new HTML, which
 * holds the text again) and when the theme changes.
 *
 * Runs under the preview's Content Security Policy (scripts by nonce, no eval);
 * mermaid's `securityLevel: 'strict'` sanitises its labels, and what this
 * script writes itself is text. A drawing is kept by its text and theme, so an
 * update redraws only the fences that changed.
 */
import { fenceClasses, mermaidAttribute, type FenceState } from '../../src/protocol/markdown-fence';
import { separateEdgeLabels } from '../../src/protocol/edge-labels';
import type { ThemeKind } from '../../src/protocol/diagrams';
import { h } from '../shared/dom';
import { renderMermaid, shownOutside } from '../shared/mermaid';
import { currentTheme, watchTheme } from '../shared/theme';

/** Drawings kept by theme and text: the SVG markup mermaid made, and its id (a long document's worth). */
const KEPT_DRAWINGS = 64;
const kept = new Map<string, { markup: string; renderId: string }>();

function keep(key: string, drawing: { markup: string; renderId: string }): void {
  kept.delete(key);
  kept.set(key, drawing);
  if (kept.size > KEPT_DRAWINGS) kept.delete(kept.keys().next().value!);
}

function setState(figure: HTMLElement, state: FenceState): void {
  figure.dataset['dddState'] = state;
}

/** The element a figure's drawing goes into (after its mermaid text), made on first use. */
function diagramHost(figure: HTMLElement, text: HTMLElement): HTMLElement {
  const existing = figure.querySelector<HTMLElement>(`:scope > .${fenceClasses.diagram}`);
  if (existing) return existing;
  const host = h('div', { className: fenceClasses.diagram, attrs: { role: 'img' } });
  text.after(host);
  return host;
}

async function drawFigure(figure: HTMLElement, theme: ThemeKind): Promise<void> {
  const text = figure.querySelector<HTMLElement>(`:scope > pre[${mermaidAttribute}]`);
  if (!text) return;
  const mermaid = text.textContent ?? '';
  const key = `${theme}\u0000${mermaid}`;
  const host = diagramHost(figure, text);
  host.setAttribute('aria-label', figure.querySelector('figcaption')?.textContent ?? 'Diagram');
  figure.querySelector(`:scope > .${fenceClasses.message}`)?.remove();
  const drawing = kept.get(key);
  // a drawing another figure still shows (the same diagram twice in a document) is drawn again, with ids of its own
  if (drawing !== undefined && !shownOutside(drawing.renderId, host)) {
    // markup mermaid made from this very text before (sanitised by mermaid, securityLevel strict)
    host.innerHTML = drawing.markup;
    setState(figure, 'drawn');
    return;
  }
  // The preview may update the page while mermaid draws, and it morphs the old HTML into the new in
  // place: this figure may stay, with other text and without the element drawn into. The drawing
  // then belongs to nothing shown; the figure is left to the next pass (the update's event asks for one).
  const stillShown = () => figure.isConnected && text.isConnected && host.isConnected && text.textContent === mermaid;
  try {
    const rendered = await renderMermaid(host, mermaid, theme);
    if (!stillShown()) return;
    separateEdgeLabels(rendered.svg);
    keep(key, { markup: host.innerHTML, renderId: rendered.renderId });
    setState(figure, 'drawn');
  } catch (error) {
    if (!stillShown()) return;
    host.replaceChildren();
    const reason = error instanceof Error ? error.message : String(error);
    const message = h('p', { className: fenceClasses.message, attrs: { role: 'alert' } }, [h('strong', { text: 'DDD:' }), ` mermaid could not draw this diagram: ${reason.split('\n')[0]}`]);
    text.before(message);
    setState(figure, 'failed');
  }
}

let pass: Promise<void> = Promise.resolve();

/** Draws every fence of the page that is not drawn yet (all of them with `again`, after a theme change); one pass at a time. */
function drawAll(again = false): Promise<void> {
  pass = pass.then(async () => {
    const theme = currentTheme();
    const figures = [...document.querySelectorAll<HTMLElement>(`figure.${fenceClasses.fence}`)];
    for (const figure of figures) {
      const state = figure.dataset['dddState'] as FenceState | undefined;
      if (state === 'source' || (again && (state === 'drawn' || state === 'failed') && figure.querySelector(`:scope > pre[${mermaidAttribute}]`))) {
        await drawFigure(figure, theme);
      }
    }
  });
  return pass;
}

function start(): void {
  void drawAll();
  window.addEventListener('vscode.markdown.updateContent', () => void drawAll());
  watchTheme(() => void drawAll(true));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
