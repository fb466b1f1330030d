/**
 * What the Markdown preview plugin (src/markdown/fence-html.ts) writes for a
 * ```ddd fence and its preview script (webview/markdown-preview/) reads: the
 * class names and attributes of the figure, named once for both (and for the
 * stylesheet media/markdown-preview.css, which a test holds to them).
 *
 *   <figure class="ddd-fence" data-ddd-state="source">       a diagram to draw
 *     <pre class="ddd-mermaid" data-ddd-mermaid>mermaid text</pre>
 *     <figcaption>title</figcaption>
 *   </figure>
 *
 * The script draws the text into a `ddd-fence-diagram` element and sets the
 * state to `drawn` (the stylesheet then hides the text), or to `failed` with a
 * `ddd-fence-message` saying why.
 */
export const fenceClasses = {
  fence: 'ddd-fence',
  problem: 'ddd-fence-problem',
  message: 'ddd-fence-message',
  errors: 'ddd-fence-errors',
  warning: 'ddd-fence-warning',
  mermaid: 'ddd-mermaid',
  diagram: 'ddd-fence-diagram',
  source: 'ddd-fence-source',
} as const;

/** The attribute that marks the mermaid text of a fence. */
export const mermaidAttribute = 'data-ddd-mermaid';

/** The figure's `data-ddd-state`: its mermaid text not drawn yet, drawn, failed to draw, or a problem instead of a diagram. */
export const fenceStates = ['source', 'drawn', 'failed', 'problem'] as const;
export type FenceState = (typeof fenceStates)[number];
