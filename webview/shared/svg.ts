/**
 * The context map the core draws itself (too large for mermaid) arrives as SVG
 * text. Its text is XML-escaped by the core; here it is parsed as XML (not HTML)
 * and kept only if it is made of the elements and attributes that drawing uses.
 */

const allowedElements = new Set(['svg', 'g', 'title', 'desc', 'defs', 'marker', 'path', 'rect', 'polygon', 'polyline', 'line', 'circle', 'ellipse', 'text', 'tspan']);

function clean(element: Element): void {
  for (const child of Array.from(element.children)) {
    if (!allowedElements.has(child.localName)) child.remove();
    else clean(child);
  }
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on') || name.endsWith('href') || name === 'style') element.removeAttribute(attribute.name);
  }
}

/** The SVG document as an element of this page, or undefined when it is not well-formed SVG. */
export function importSvg(text: string): SVGSVGElement | undefined {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length || root.localName !== 'svg') return undefined;
  clean(root);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
