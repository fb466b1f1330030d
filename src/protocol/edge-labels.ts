/**
 * Edge labels that do not cover each other, for a mermaid drawing in a page.
 * mermaid's layered layout gives most labels a place of their own, but it moves
 * some (long edges, edges it re-routes) to the middle of their path afterwards,
 * where they can land on another label: in the example's context map, "Shared
 * kernel: Money" lay over "OHS, PL → ACL". A label that covers one already
 * placed, or a box, slides along its own edge to the nearest free spot; a label
 * with no free spot on its edge stays where it was.
 *
 * Shared by the preview and simulator (webview) and by `ddd export --format svg`
 * (a headless page): the function is self-contained, with its helpers inside,
 * because the command line hands its source text to the page.
 */

/** Slides each edge label that covers another label or a box along its edge; returns how many moved. Needs the SVG in the page (it measures). */
export function separateEdgeLabels(svg: SVGSVGElement): number {
  interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
  }
  /** Pixels kept between a label and what is around it. */
  const gap = 3;
  const toSvgOf = (element: SVGGraphicsElement) => {
    const own = element.getScreenCTM();
    return own ? svg.getScreenCTM()?.inverse().multiply(own) : undefined;
  };
  // the element's box in the SVG's own coordinates
  const boxOf = (element: SVGGraphicsElement): Box | undefined => {
    const local = element.getBBox();
    const toSvg = toSvgOf(element);
    if (local.width === 0 || local.height === 0 || !toSvg) return undefined;
    const corner = new DOMPoint(local.x, local.y).matrixTransform(toSvg);
    const far = new DOMPoint(local.x + local.width, local.y + local.height).matrixTransform(toSvg);
    return { x: Math.min(corner.x, far.x), y: Math.min(corner.y, far.y), width: Math.abs(far.x - corner.x), height: Math.abs(far.y - corner.y) };
  };
  const taken: Box[] = [];
  const isFree = (box: Box) =>
    taken.every((other) => box.x >= other.x + other.width + gap || other.x >= box.x + box.width + gap || box.y >= other.y + other.height + gap || other.y >= box.y + box.height + gap);
  // moves by (dx, dy) in the parent's coordinates: mermaid only translates
  const shift = (element: SVGGraphicsElement, dx: number, dy: number) => {
    const match = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
    element.setAttribute('transform', `translate(${(match ? Number(match[1]) : 0) + dx}, ${(match ? Number(match[2]) : 0) + dy})`);
  };

  for (const node of Array.from(svg.querySelectorAll<SVGGraphicsElement>('g.node'))) {
    const box = boxOf(node);
    if (box) taken.push(box);
  }
  let moved = 0;
  for (const label of Array.from(svg.querySelectorAll<SVGGraphicsElement>('g.edgeLabel'))) {
    const box = boxOf(label);
    if (!box) continue;
    let placed = box;
    const id = isFree(box) ? null : label.querySelector('[data-id]')?.getAttribute('data-id');
    const path = id ? svg.querySelector<SVGPathElement>(`path[data-id="${CSS.escape(id)}"]`) : null;
    const toSvg = path ? toSvgOf(path) : undefined;
    if (path && toSvg) {
      // points along the edge, nearest its middle first, half a label apart
      const length = path.getTotalLength();
      const step = box.height / 2 + gap;
      for (let offset = step; offset < length / 2; offset += step) {
        const found = [length / 2 - offset, length / 2 + offset]
          .map((at) => path.getPointAtLength(at).matrixTransform(toSvg))
          .map((point) => ({ ...box, x: point.x - box.width / 2, y: point.y - box.height / 2 }))
          .find(isFree);
        if (!found) continue;
        shift(label, found.x - box.x, found.y - box.y);
        placed = found;
        moved++;
        break;
      }
    }
    taken.push(placed);
  }
  return moved;
}
