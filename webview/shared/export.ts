/**
 * Exports of what is drawn: the SVG as a standalone document, and a PNG drawn
 * from it on a canvas. The extension saves them where the user says (and
 * checks an SVG again before it writes it).
 */
import { htmlLabelsAsSvgText } from '../../src/protocol/svg-labels';
import { sanitiseSvgForFile } from './svg-file';
import { cssVariable } from './theme';

const ourAttributes = ['tabindex', 'role', 'aria-label'];

/**
 * The drawn SVG as a file: its own size, a background, none of the webview's
 * interaction attributes, its HTML labels as SVG text, sanitised (svg-file.ts).
 */
export function svgDocument(svg: SVGSVGElement, size: { width: number; height: number }): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(size.width));
  copy.setAttribute('height', String(size.height));
  copy.style.removeProperty('transform');
  for (const element of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const name of ourAttributes) element.removeAttribute(name);
    element.classList.remove('ddd-clickable', 'ddd-selected');
    if (element.getAttribute('class') === '') element.removeAttribute('class');
  }
  if (!copy.querySelector(':scope > rect.ddd-background')) {
    const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', cssVariable('--vscode-editor-background', '#ffffff'));
    copy.insertBefore(background, copy.firstChild);
  }
  htmlLabelsAsSvgText(svg, copy);
  return new XMLSerializer().serializeToString(sanitiseSvgForFile(copy));
}

/** A PNG (`data:image/png;base64,…`) of an SVG document, at `scale` (kept under 16k pixels a side). */
export async function pngFromSvg(svgText: string, size: { width: number; height: number }, scale = 2): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await image.decode();
  const factor = Math.min(scale, 16_000 / Math.max(size.width, size.height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(size.width * factor));
  canvas.height = Math.max(1, Math.round(size.height * factor));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.scale(factor, factor);
  context.drawImage(image, 0, 0, size.width, size.height);
  return canvas.toDataURL('image/png');
}

/** A file name from a title: `OrderSaga-state-machine`. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'diagram'}.${extension}`;
}
