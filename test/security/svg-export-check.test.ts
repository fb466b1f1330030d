/**
 * The extension's check of an exported SVG before it is written to disk
 * (src/extension/panels/svg-export-check.ts): a real XML parser and an
 * allow-list. Each payload class the regular expressions let through, and
 * others of the same classes, is refused; the drawings we make are accepted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExportedSvg } from '../../src/extension/panels/svg-export-check';
import { contextMapLayout, contextMapSvg } from '../../src/language/diagrams/index';
import { checkWorkspace } from '../../src/language/index';
import { hostileSvgs, svg } from './hostile-svgs';

describe('the exported SVG check refuses documents that can run script or load something', () => {
  it.each(Object.entries(hostileSvgs))('%s', (_, document) => {
    const verdict = checkExportedSvg(document);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/\S/);
  });

  it('says why, and where', () => {
    expect(checkExportedSvg(hostileSvgs['namespace-prefixed script']!)).toEqual({ ok: false, reason: expect.stringMatching(/^<s:script>: not an allowed element \(line 1\)$/) });
    expect(checkExportedSvg(hostileSvgs['onload after an attribute value holding >']!)).toEqual({ ok: false, reason: expect.stringContaining('event handlers are not allowed') });
    expect(checkExportedSvg(hostileSvgs['foreignObject with an iframe srcdoc']!)).toEqual({ ok: false, reason: expect.stringContaining('<foreignObject>: not an allowed element') });
    expect(checkExportedSvg(hostileSvgs['javascript: in an allowed attribute']!)).toEqual({ ok: false, reason: expect.stringContaining('a script or data URL') });
    expect(checkExportedSvg(hostileSvgs['DOCTYPE with an external entity']!)).toEqual({ ok: false, reason: expect.stringContaining('DOCTYPE') });
  });
});

describe('the exported SVG check accepts drawings', () => {
  it('a drawing with markers, gradients, a stylesheet, local references, escaped text and an XML declaration', () => {
    const drawing =
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported by DDD Modeler -->\n` +
      svg(
        '<style>#m .node rect { fill: #fff; stroke: url(#grad); font-family: "trebuchet ms", sans-serif } .edge > path { stroke-width: 2px }</style>' +
          '<defs><linearGradient id="grad"><stop offset="0" stop-color="#000"/></linearGradient>' +
          '<marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z"/></marker>' +
          '<filter id="shadow"><feDropShadow dx="1" dy="1" stdDeviation="1" flood-opacity="0.3"/></filter></defs>' +
          '<g id="m" class="node" data-id="Sales" aria-roledescription="node" transform="translate(1,2)" filter="url(#shadow)">' +
          '<rect x="0" y="0" width="5" height="5" rx="1" fill="url(#grad)" style="stroke: #333; stroke-width: 1px"/>' +
          '<path d="M0,0L5,5" marker-end="url(#arrow)"/><use href="#arrow" xlink:href="#arrow"/>' +
          '<text x="1" y="2" text-anchor="middle" dominant-baseline="central" xml:space="preserve"><tspan dy="1.2em">Sales &lt;script&gt; &amp; "Support"</tspan></text></g>',
        'viewBox="0 0 10 10" role="graphics-document document" aria-roledescription="flowchart-v2"',
      );
    expect(checkExportedSvg(drawing)).toEqual({ ok: true });
  });

  it("the core's context-map drawing of every example and fixture", () => {
    const folders = [join(__dirname, '../../examples/order-saga'), join(__dirname, '../fixtures/diagrams'), join(__dirname, '../fixtures/validation')];
    let checked = 0;
    for (const folder of folders) {
      const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ddd'));
      const { model } = checkWorkspace(files.map((name) => ({ uri: `file:///${name}`, text: readFileSync(join(folder, name), 'utf8') })));
      const drawing = contextMapSvg(contextMapLayout(model), undefined, { title: 'Map <of> "everything" & more' });
      expect(checkExportedSvg(drawing)).toEqual({ ok: true });
      checked++;
    }
    expect(checked).toBe(3);
  });
});
