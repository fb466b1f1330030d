/**
 * A laid-out context map as an SVG document, drawn directly (no mermaid, no
 * browser): the path for maps too big for mermaid. Colours by subdomain type,
 * external systems as dashed hexagons, arrows from upstream to downstream, a
 * double line for a partnership and a thick line for a shared kernel, role
 * labels on the edges, and a tooltip (`<title>`) with the relationship spelled
 * out. Every text is XML-escaped; ids and names are also in `data-` attributes
 * for a webview to hook clicks on.
 */
import type { ContextImpactKind } from '../diff/types';
import type { ContextMapLayout, LaidOutEdge, LaidOutNode } from './context-map-layout';
import { xmlText } from './escape';
import { changeStrokes, lightMapTheme, type MapTheme } from './theme';

export interface ContextMapSvgOptions {
  /** Prefix of the ids inside the SVG (markers), so several SVGs can share a page. Letters, digits, `-` and `_` only. */
  idPrefix?: string;
  /** The accessible title. */
  title?: string;
  /** The contexts a comparison touches, by name: drawn in the change's colours (see context-map.ts). */
  changes?: ReadonlyMap<string, ContextImpactKind>;
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function hexagon(width: number, height: number): string {
  const w = width / 2;
  const h = height / 2;
  const inset = Math.min(14, w / 3);
  return [
    [-w + inset, -h],
    [w - inset, -h],
    [w, 0],
    [w - inset, h],
    [-w + inset, h],
    [-w, 0],
  ]
    .map(([px, py]) => `${number(px!)},${number(py!)}`)
    .join(' ');
}

function nodeSvg(node: LaidOutNode, theme: MapTheme, impact: ContextImpactKind | undefined): string {
  const colours = impact ? theme.changes[impact] : theme.nodes[node.category];
  const w = node.width;
  const h = node.height;
  const strokeWidth = node.focus ? 4 : impact ? changeStrokes[impact].width : node.category === 'core' ? 2.5 : 1.5;
  const changeDash = impact && changeStrokes[impact].dash;
  const dash = changeDash ? ` stroke-dasharray="${changeDash}"` : node.external ? ' stroke-dasharray="6 3"' : node.unknown ? ' stroke-dasharray="3 3"' : '';
  const paint = `fill="${xmlText(colours.fill)}" stroke="${xmlText(colours.stroke)}" stroke-width="${strokeWidth}"${dash}`;
  const shape = node.external
    ? `<polygon points="${hexagon(w, h)}" ${paint}/>`
    : `<rect x="${number(-w / 2)}" y="${number(-h / 2)}" width="${w}" height="${h}" rx="${node.unknown ? 2 : 12}" ${paint}/>`;
  const tooltip = node.subtitle ? `${node.name} (${node.subtitle})` : node.name;
  const nameY = node.subtitle ? -theme.fontSize * 0.15 : theme.fontSize * 0.35;
  const lines = [
    `<text y="${number(nameY)}" text-anchor="middle" font-weight="600" fill="${xmlText(colours.text)}">${xmlText(node.name)}</text>`,
  ];
  if (node.subtitle) {
    lines.push(
      `<text y="${number(theme.fontSize * 1.05)}" text-anchor="middle" font-size="${number(theme.fontSize * 0.8)}" fill="${xmlText(colours.text)}" fill-opacity="0.8">${xmlText(node.subtitle)}</text>`,
    );
  }
  return (
    `<g class="ddd-node ddd-${node.category}${node.focus ? ' ddd-focus' : ''}${impact ? ` ddd-change-${impact}` : ''}" data-id="${xmlText(node.id)}" data-name="${xmlText(node.name)}" transform="translate(${number(node.x)},${number(node.y)})">` +
    `<title>${xmlText(tooltip)}</title>${shape}${lines.join('')}</g>`
  );
}

function edgeSvg(edge: LaidOutEdge, theme: MapTheme, marker: string): string {
  const { x1, y1, x2, y2 } = edge;
  const line = (extra: string, dx = 0, dy = 0) =>
    `<line x1="${number(x1 + dx)}" y1="${number(y1 + dy)}" x2="${number(x2 + dx)}" y2="${number(y2 + dy)}" ${extra}/>`;
  const edgeColour = xmlText(theme.edge);
  const symmetricColour = xmlText(theme.symmetricEdge);
  let body: string;
  switch (edge.kind) {
    case 'upstream-downstream':
      body = line(`stroke="${edgeColour}" stroke-width="1.5" marker-end="url(#${marker})"`);
      break;
    case 'partnership': {
      // a double line: two strokes either side of the centre line
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const ox = (-(y2 - y1) / length) * 2.5;
      const oy = ((x2 - x1) / length) * 2.5;
      body = line(`stroke="${symmetricColour}" stroke-width="1.5"`, ox, oy) + line(`stroke="${symmetricColour}" stroke-width="1.5"`, -ox, -oy);
      break;
    }
    case 'shared-kernel':
      body = line(`stroke="${symmetricColour}" stroke-width="5" stroke-linecap="round"`);
      break;
    case 'partnership-shared-kernel':
      body = line(`stroke="${symmetricColour}" stroke-width="7" stroke-linecap="round"`) + line(`stroke="${xmlText(theme.background)}" stroke-width="2"`);
      break;
    case 'symmetric':
      body = line(`stroke="${edgeColour}" stroke-width="1.5"`);
      break;
    case 'undirected':
      body = line(`stroke="${edgeColour}" stroke-width="1.5" stroke-dasharray="4 4"`);
      break;
  }
  return (
    `<g class="ddd-edge ddd-${edge.kind}" data-id="${xmlText(edge.id)}" data-from="${xmlText(edge.from)}" data-to="${xmlText(edge.to)}" data-map="${xmlText(edge.map)}">` +
    `<title>${xmlText(edge.title)}</title>${body}</g>`
  );
}

function labelSvg(edge: LaidOutEdge, theme: MapTheme): string {
  const size = number(theme.fontSize * 0.78);
  return (
    `<text class="ddd-edge-label" data-id="${xmlText(edge.id)}" x="${number(edge.labelX)}" y="${number(edge.labelY + theme.fontSize * 0.3)}" text-anchor="middle" font-size="${size}" ` +
    `fill="${xmlText(theme.muted)}" stroke="${xmlText(theme.background)}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${xmlText(edge.label)}<title>${xmlText(edge.title)}</title></text>`
  );
}

/** The laid-out map as a standalone SVG document (a string). */
export function contextMapSvg(layout: ContextMapLayout, theme: MapTheme = lightMapTheme, options: ContextMapSvgOptions = {}): string {
  const prefix = (options.idPrefix ?? 'ddd-map').replace(/[^A-Za-z0-9_-]/g, '_');
  const marker = `${prefix}-arrow`;
  const title = options.title ?? (layout.maps.length === 1 ? `Context map ${layout.maps[0]}` : 'Context map');
  const width = Math.max(layout.width, 1);
  const height = Math.max(layout.height, 1);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${prefix}-title" ` +
      `font-family="${xmlText(theme.fontFamily)}" font-size="${number(theme.fontSize)}">`,
  );
  parts.push(`<title id="${prefix}-title">${xmlText(title)}</title>`);
  parts.push(
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
      `<path d="M0,0L10,5L0,10z" fill="${xmlText(theme.edge)}"/></marker></defs>`,
  );
  parts.push(`<rect class="ddd-background" width="100%" height="100%" fill="${xmlText(theme.background)}"/>`);
  parts.push('<g class="ddd-edges" fill="none">');
  for (const edge of layout.edges) parts.push(edgeSvg(edge, theme, marker));
  // labels under the boxes: a box is never hidden by the label of an edge passing by
  parts.push('</g><g class="ddd-edge-labels">');
  for (const edge of layout.edges) parts.push(labelSvg(edge, theme));
  parts.push('</g><g class="ddd-nodes">');
  for (const node of layout.nodes) parts.push(nodeSvg(node, theme, node.unknown ? undefined : options.changes?.get(node.name)));
  parts.push('</g></svg>');
  return parts.join('\n');
}
