/**
 * Edge labels that do not cover each other. mermaid's layered layout gives most
 * labels a place of their own, but it moves some (long edges, edges it re-routes)
 * to the middle of their path afterwards, where they can land on another label:
 * in the example's context map, "Shared kernel: Money" lay over "OHS, PL → ACL".
 * A label that covers one already placed, or a box, slides along its own edge to
 * the nearest free spot; a label with no free spot on its edge stays where it was.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels kept between a label and what is around it. */
const GAP = 3;

/** The element's box in the SVG's own coordinates (mermaid only translates). */
function boxOf(svg: SVGSVGElement, element: SVGGraphicsElement): Box | undefined {
  const local = element.getBBox();
  if (local.width === 0 || local.height === 0) return undefined;
  const toSvg = svg.getScreenCTM()?.inverse().multiply(element.getScreenCTM() ?? new DOMMatrix());
  if (!toSvg) return undefined;
  const corner = new DOMPoint(local.x, local.y).matrixTransform(toSvg);
  const far = new DOMPoint(local.x + local.width, local.y + local.height).matrixTransform(toSvg);
  return { x: Math.min(corner.x, far.x), y: Math.min(corner.y, far.y), width: Math.abs(far.x - corner.x), height: Math.abs(far.y - corner.y) };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

function covers(box: Box, taken: readonly Box[]): boolean {
  for (const other of taken) if (overlaps(box, other)) return true;
  return false;
}

/** Moves an element by (dx, dy), in its parent's coordinates (translation only, as mermaid draws). */
function shift(element: SVGGraphicsElement, dx: number, dy: number): void {
  const match = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(element.getAttribute('transform') ?? '');
  const x = match ? Number(match[1]) : 0;
  const y = match ? Number(match[2]) : 0;
  element.setAttribute('transform', `translate(${x + dx}, ${y + dy})`);
}

/** Points along the path, nearest its middle first, one label height apart. */
function* placesAlong(path: SVGPathElement, step: number): Generator<DOMPoint> {
  const length = path.getTotalLength();
  if (!(length > 0)) return;
  const middle = length / 2;
  for (let offset = step; offset < middle; offset += step) {
    yield path.getPointAtLength(middle - offset);
    yield path.getPointAtLength(middle + offset);
  }
}

/** Slides each edge label that covers another label or a box along its edge; returns how many moved. */
export function separateEdgeLabels(svg: SVGSVGElement): number {
  const taken: Box[] = [];
  for (const node of svg.querySelectorAll<SVGGraphicsElement>('g.node')) {
    const box = boxOf(svg, node);
    if (box) taken.push(box);
  }
  let moved = 0;
  for (const label of svg.querySelectorAll<SVGGraphicsElement>('g.edgeLabel')) {
    const box = boxOf(svg, label);
    if (!box) continue;
    if (!covers(box, taken)) {
      taken.push(box);
      continue;
    }
    const id = label.querySelector('[data-id]')?.getAttribute('data-id');
    const path = id ? svg.querySelector<SVGPathElement>(`path[data-id="${CSS.escape(id)}"]`) : null;
    const toSvg = path ? svg.getScreenCTM()?.inverse().multiply(path.getScreenCTM() ?? new DOMMatrix()) : undefined;
    let placed = box;
    if (path && toSvg) {
      for (const local of placesAlong(path, box.height / 2 + GAP)) {
        const point = local.matrixTransform(toSvg);
        const candidate = { ...box, x: point.x - box.width / 2, y: point.y - box.height / 2 };
        if (covers(candidate, taken)) continue;
        shift(label, candidate.x - box.x, candidate.y - box.y);
        placed = candidate;
        moved++;
        break;
      }
    }
    taken.push(placed);
  }
  return moved;
}
