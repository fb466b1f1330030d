/**
 * The names of the views, declared once. The CLI's `--view`, the Markdown
 * export, `drawView` and the preview all take them from here.
 *
 * This file imports nothing. The protocol (src/protocol/diagrams.ts) may import
 * nothing of the core, not even types, yet the webview and the request
 * validators need these names as values: so the protocol states them again as
 * its own `as const` arrays, and test/protocol/view-names.test.ts holds the two
 * equal in both directions (values, order and types). This file is the source:
 * a view added here fails that test until the protocol has it, and the webview
 * takes its lists from the protocol. (A shared file both could import would be
 * a layer of its own; a run-time import of the core by the protocol would break
 * the layer rule that keeps the protocol free of the core.)
 */

/** The views, in the preview's order (its tabs), as `ddd export --view` names them. */
export const viewNames = ['context-map', 'aggregates', 'saga', 'flows', 'storming', 'domains'] as const;
export type ViewName = (typeof viewNames)[number];

/** How each view is named: `tab` on the preview's tab, `title` for a view of it that has nothing to draw. */
export const viewLabels = {
  'context-map': { tab: 'Context map', title: 'Context map' },
  aggregates: { tab: 'Aggregates', title: 'Aggregates' },
  saga: { tab: 'Sagas', title: 'Saga' },
  flows: { tab: 'Flows', title: 'Flows' },
  storming: { tab: 'Event storming', title: 'Event storming' },
  domains: { tab: 'Domains', title: 'Domains' },
} as const satisfies Record<ViewName, { readonly tab: string; readonly title: string }>;

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
