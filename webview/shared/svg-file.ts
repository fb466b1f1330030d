/**
 * An SVG drawing made fit to be a file: HTML labels turned into SVG text
 * (src/protocol/svg-labels.ts), then sanitised by DOMPurify (its own instance) down to the elements and
 * attributes of src/protocol/svg-allow-list.ts (a part of DOMPurify's SVG
 * profile), the list the extension checks the file against again before it
 * writes it.
 */
import DOMPurify, { type UponSanitizeAttributeHookEvent } from 'dompurify';
import { svgCssProblem, svgFileAttributePattern, svgFileAttributes, svgFileElements, svgFragmentLink, svgValueProblem } from '../../src/protocol/svg-allow-list';

const SVG = 'http://www.w3.org/2000/svg';

/** Our own instance: mermaid sanitises its labels with the shared one and its own hooks. */
let purifier: ReturnType<typeof DOMPurify> | undefined;

function keepAttribute(node: Element, data: UponSanitizeAttributeHookEvent): void {
  const name = data.attrName;
  const value = data.attrValue;
  if (name === 'href' || name === 'xlink:href') {
    if (!svgFragmentLink.test(value.trim())) data.keepAttr = false;
  } else if (/^(data|aria)-/.test(name) && !svgFileAttributePattern.test(name)) {
    data.keepAttr = false;
  }
  if (svgValueProblem(value) || ((name === 'style' || /url\(/i.test(value)) && svgCssProblem(value))) data.keepAttr = false;
  void node;
}

function sanitiser(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', keepAttribute);
  instance.addHook('uponSanitizeElement', (node, data) => {
    // a stylesheet that reaches outside the drawing, or holds markup, goes whole
    if (data.tagName === 'style' && ((node as Element).children?.length || svgCssProblem(node.textContent ?? ''))) node.parentNode?.removeChild(node);
  });
  purifier = instance;
  return instance;
}

/**
 * Sanitises `svg` in place (a copy, not in the page): only the allow-listed
 * elements and attributes stay (a part of DOMPurify's SVG and SVG-filter
 * profiles: what drawings use), with links only to `#fragments`.
 */
export function sanitiseSvgForFile(svg: SVGSVGElement): SVGSVGElement {
  if (svg.namespaceURI !== SVG || svg.localName !== 'svg') throw new Error('not an SVG drawing');
  sanitiser().sanitize(svg, {
    IN_PLACE: true,
    // the allow-list, not USE_PROFILES: a profile would replace it with DOMPurify's whole SVG list (a, image, …)
    ALLOWED_TAGS: [...svgFileElements, '#text'],
    ALLOWED_ATTR: [...svgFileAttributes, 'xlink:href', 'xml:space', 'xml:lang'],
    ALLOW_DATA_ATTR: true,
    ALLOW_ARIA_ATTR: true,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: false,
  });
  return svg;
}
