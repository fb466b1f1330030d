/**
 * What an SVG file we write may be made of: the elements and (namespace-less)
 * attributes of drawings, mermaid's and the core's. One list for both ends of
 * an export: the webview's sanitiser (DOMPurify, webview/shared/svg-file.ts)
 * keeps only these, and the extension's check (svg-export-check.ts, an XML
 * parser) refuses anything else. Not here, on purpose: `script`,
 * `foreignObject`, `a`, `image`, `set`, `animate…`, every `on…` attribute.
 * Links (`href`, `xlink:href`) are allowed only to a fragment (`#id`).
 */

/** What drawings are made of (mermaid's and the core's). */
export const svgFileElements: ReadonlySet<string> = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'style', 'symbol', 'use', 'marker',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feDropShadow', 'feFlood',
  'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
]);

/** Attributes without a namespace: structure, geometry, presentation, filter parameters, accessibility. */
export const svgFileAttributes: ReadonlySet<string> = new Set([
  // structure and accessibility
  'id', 'class', 'style', 'transform', 'role', 'lang', 'tabindex', 'focusable', 'version', 'baseProfile', 'href',
  // geometry
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'width', 'height', 'd', 'points', 'pathLength',
  'viewBox', 'preserveAspectRatio', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust', 'refX', 'refY', 'markerWidth', 'markerHeight',
  'markerUnits', 'orient', 'offset', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits', 'patternContentUnits',
  'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'filterUnits', 'primitiveUnits',
  // presentation
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow',
  'clip-path', 'clip-rule', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'font-family', 'font-size',
  'font-style', 'font-weight', 'font-variant', 'font-stretch', 'text-anchor', 'text-decoration', 'dominant-baseline',
  'alignment-baseline', 'baseline-shift', 'letter-spacing', 'word-spacing', 'writing-mode', 'white-space', 'direction',
  'unicode-bidi', 'stop-color', 'stop-opacity', 'flood-color', 'flood-opacity', 'lighting-color', 'paint-order',
  'vector-effect', 'shape-rendering', 'text-rendering', 'color-interpolation', 'color-interpolation-filters', 'pointer-events',
  // filter primitives
  'in', 'in2', 'result', 'stdDeviation', 'mode', 'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type', 'radius',
  'tableValues', 'slope', 'intercept', 'amplitude', 'exponent',
]);

/** `aria-label`, `data-id`: names only, their values are checked like every other. */
export const svgFileAttributePattern = /^(aria|data)-[a-z][a-z0-9-]*$/;

/** A reference to a part of the document itself: the only link a file may hold. */
export const svgFragmentLink = /^#[A-Za-z_][\w.:-]*$/;

/** A URL scheme that runs or embeds something. */
const dangerousScheme = /(^|[^a-z0-9+.-])(javascript|vbscript|livescript|data):/;

/** The value as a browser reads a URL's scheme: without whitespace and control characters, in lower case. */
function compact(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+/g, '').toLowerCase();
}

/** Why an attribute's value (decoded) may not be written, or undefined: a `javascript:`, `vbscript:` or `data:` URL. */
export function svgValueProblem(value: string): string | undefined {
  return dangerousScheme.test(compact(value)) ? 'a script or data URL' : undefined;
}

/** Why CSS (a `<style>` element or a `style` attribute) may not be written, or undefined when it stays inside the document. */
export function svgCssProblem(css: string): string | undefined {
  const text = compact(css);
  if (text.includes('\\')) return 'CSS escapes are not allowed';
  if (text.includes('@import')) return 'CSS @import is not allowed';
  if (/expression\(|-moz-binding|behavior:/.test(text)) return 'scripted CSS is not allowed';
  if (dangerousScheme.test(text)) return 'a script or data URL';
  for (const match of text.matchAll(/url\(([^)]*)\)/g)) {
    const target = match[1]!.replace(/^['"]|['"]$/g, '');
    if (!svgFragmentLink.test(target)) return `url(${target}) points outside the document`;
  }
  if (/url\((?![^)]*\))/.test(text)) return 'an unclosed url(';
  return undefined;
}
