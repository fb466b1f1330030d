/**
 * A drawn fence as the HTML the Markdown preview shows. Every piece of text
 * (names, messages, the model, the mermaid text) is escaped; the only markup
 * that goes in as it is, is the core's own SVG of a large context map (built by
 * `contextMapSvg`, which escapes the model's text itself).
 *
 * A diagram leaves the plugin as its mermaid text in a `<pre data-ddd-mermaid>`
 * (readable as it is); the preview script (webview/markdown-preview/) draws
 * it and hides the text. A problem is a sentence, never a blank.
 */
import { xmlText } from '../language/diagrams/escape';
import { fenceClasses, mermaidAttribute, type FenceState } from '../protocol/markdown-fence';
import { MAX_FENCE_ERRORS, type FenceDrawing, type FenceError } from './fence-drawing';

/** Attributes markdown-it set on the fence's token (VS Code's `data-line` and `code-line` class for scroll sync): kept on the figure. */
export type FenceAttributes = readonly (readonly [string, string | number])[];

function attributes(extra: FenceAttributes, classes: string[]): string {
  const all = [...classes];
  const others: string[] = [];
  for (const [name, value] of extra) {
    if (!/^[A-Za-z_:][-A-Za-z0-9_:.]*$/.test(name)) continue;
    if (name === 'class') all.push(...String(value).split(/\s+/).filter(Boolean));
    else others.push(` ${name}="${xmlText(String(value))}"`);
  }
  return ` class="${xmlText(all.join(' '))}"${others.join('')}`;
}

/** `line 12` counted in the Markdown file when the fence's first line is known, else in the block. */
function errorList(errors: readonly FenceError[], firstLine: number | undefined): string {
  if (!errors.length) return '';
  const where = (error: FenceError) => (firstLine !== undefined ? `line ${firstLine + error.line + 1}` : `line ${error.line + 1} of the block`);
  const items = errors.slice(0, MAX_FENCE_ERRORS).map((error) => `<li>${xmlText(`${where(error)}: ${error.message}`)}</li>`);
  if (errors.length > MAX_FENCE_ERRORS) items.push(`<li>${errors.length - MAX_FENCE_ERRORS} more</li>`);
  const count = errors.length === 1 ? 'a syntax error' : `${errors.length} syntax errors`;
  return `<div class="${fenceClasses.errors}" role="alert"><p>The model in this block has ${count}:</p><ul>${items.join('')}</ul></div>`;
}

function sourceOf(source: string | undefined): string {
  if (source === undefined) return '';
  return `<details class="${fenceClasses.source}"><summary>Model</summary><pre><code>${xmlText(source)}</code></pre></details>`;
}

function warningsOf(warnings: readonly string[]): string {
  return warnings
    .slice(0, MAX_FENCE_ERRORS)
    .map((warning) => `<p class="${fenceClasses.warning}">${xmlText(warning)}</p>`)
    .join('');
}

/**
 * The HTML of a drawn fence. `firstLine` is the 0-based line of the Markdown
 * file that holds the fence's first line of text (error lines are counted from it).
 */
export function fenceHtml(drawing: FenceDrawing, options: { attributes?: FenceAttributes; firstLine?: number } = {}): string {
  const extra = options.attributes ?? [];
  const errors = errorList(drawing.errors, options.firstLine);
  switch (drawing.kind) {
    case 'problem':
      return (
        `<figure${attributes(extra, [fenceClasses.fence, fenceClasses.problem])} data-ddd-state="${'problem' satisfies FenceState}">` +
        `<p class="${fenceClasses.message}" role="alert"><strong>DDD:</strong> ${xmlText(drawing.message)}</p>` +
        errors +
        sourceOf(drawing.source) +
        '</figure>\n'
      );
    case 'mermaid':
      return (
        `<figure${attributes(extra, [fenceClasses.fence])} data-ddd-state="${'source' satisfies FenceState}">` +
        errors +
        `<pre class="${fenceClasses.mermaid}" ${mermaidAttribute}="">${xmlText(drawing.mermaid)}</pre>` +
        warningsOf(drawing.warnings) +
        `<figcaption>${xmlText(drawing.title)}</figcaption>` +
        sourceOf(drawing.source) +
        '</figure>\n'
      );
    case 'svg':
      return (
        `<figure${attributes(extra, [fenceClasses.fence])} data-ddd-state="${'drawn' satisfies FenceState}">` +
        errors +
        `<div class="${fenceClasses.diagram}">${drawing.svg}</div>` +
        warningsOf(drawing.warnings) +
        `<figcaption>${xmlText(drawing.title)}</figcaption>` +
        sourceOf(drawing.source) +
        '</figure>\n'
      );
  }
}
