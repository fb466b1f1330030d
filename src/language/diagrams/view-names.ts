/**
 * The names of the views, declared once. The CLI's `--view`, the Markdown
 * export, the preview's requests and its toolbar all take them from here.
 *
 * This file imports nothing, on purpose: `src/protocol/diagrams.ts` (which may
 * import nothing of the core at run time) states the same names as its own
 * `as const` arrays, so that the webview can read them, and checks them against
 * these types with `import type` (a name missing on either side does not
 * compile); `test/protocol/view-names.test.ts` also compares the arrays, order
 * included. A view added here is thus added to the protocol and the webview,
 * or the build says where it is missing.
 */

/** The views, in the preview's order (its tabs), as `ddd export --view` names them. */
export const viewNames = ['context-map', 'aggregates', 'saga', 'storming', 'domains'] as const;
export type ViewName = (typeof viewNames)[number];

/** A saga is drawn as its state machine or its sequence (orchestrated), or its event flow (choreographed). */
export const sagaVariants = ['states', 'sequence', 'flow'] as const;
export type SagaVariant = (typeof sagaVariants)[number];

/**
 * How a context map is drawn: `auto` (mermaid while it is small enough, else the
 * fast layout drawn as SVG), `mermaid` (always), `svg` (always the fast layout).
 */
export const layoutChoices = ['auto', 'mermaid', 'svg'] as const;
export type LayoutChoice = (typeof layoutChoices)[number];

/** The colours a context map drawn as SVG takes: VS Code's theme kinds. */
export const mapThemeNames = ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const;
export type MapThemeName = (typeof mapThemeNames)[number];

/** The name that asks the storming view for the board synthesised from the whole model. */
export const wholeModelBoard = 'model';

export function isViewName(text: string): text is ViewName {
  return (viewNames as readonly string[]).includes(text);
}
