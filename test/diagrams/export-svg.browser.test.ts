/**
 * SVG drawn by mermaid in a headless Chromium (playwright-core): the example's
 * every view exported by `ddd export --format svg` as files the extension would
 * accept, and the hostile model's diagrams drawn with their text literal and
 * nothing executable. Runs when Chromium is installed (/usr/bin/chromium, …, or
 * $CHROME_PATH); skipped otherwise, saying why. Plain Node environment, as every test
 * that needs no DOM of its own.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMermaidSvgs, svgRenderingBrowser } from '../../src/cli/export';
import { runCli } from '../../src/cli/run';
import { checkExportedSvg } from '../../src/extension/panels/svg-export-check';
import { chromium, chromiumFor, sharedPage } from '../chromium';
import { aggregateDiagram, contextMapDiagram, domainDiagram, sagaDiagrams, stormingDiagram, boardView } from '../../src/language/diagrams/index';
import { clickName, hostile, hostileModel, repositoryRoot } from './support';

const browserFound = chromiumFor('the SVG export tests');

describe.skipIf(!browserFound)(`SVG through mermaid in Chromium (${chromium.path ?? 'none'})`, () => {
  let page: Page;
  const folder = mkdtempSync(join(tmpdir(), 'ddd-svg-'));

  beforeAll(async () => {
    page = await sharedPage();
    await page.route('**/*', (route) => route.abort());
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** What a browser makes of an SVG file: well-formed XML?, its text, and anything executable in it. */
  async function inspect(svg: string) {
    return page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, 'image/svg+xml');
      const wellFormed = document.getElementsByTagName('parsererror').length === 0;
      const all = Array.from(document.getElementsByTagName('*'));
      const scripts = all.filter((element) => element.localName === 'script' || element.localName === 'iframe' || element.localName === 'img').length;
      const handlers = all.flatMap((element) => Array.from(element.attributes).filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name));
      const links = all.flatMap((element) => Array.from(element.attributes).filter((attribute) => /href$/i.test(attribute.name) && /javascript:/i.test(attribute.value)).map((attribute) => attribute.value));
      const text = all.filter((element) => element.localName !== 'style').map((element) => Array.from(element.childNodes).filter((node) => node.nodeType === 3).map((node) => node.textContent).join('')).join(' ');
      return { wellFormed, scripts, handlers, links, text: text.replace(/\s+/g, ' ') };
    }, svg);
  }

  /** Runs `draw` with its diagrams drawn in a page of the shared browser instead of a browser launched for the call. */
  async function inSharedBrowser<T>(draw: () => Promise<T>): Promise<T> {
    const launchOwn = svgRenderingBrowser.open;
    svgRenderingBrowser.open = async () => {
      const shared = await sharedPage();
      return { page: shared, close: () => shared.close() };
    };
    try {
      return await draw();
    } finally {
      svgRenderingBrowser.open = launchOwn;
    }
  }

  it('launches a headless Chromium of its own, as `ddd export --format svg` run in a terminal does, and closes it', async () => {
    let stderr = '';
    const out = join(folder, 'launched');
    const code = await runCli(['export', '--format', 'svg', '--view', 'domains', '--out', out, 'examples/order-saga'], repositoryRoot, {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      color: false,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(['domains.svg']);
    const svg = readFileSync(join(out, files[0]!), 'utf8');
    expect((await inspect(svg)).wellFormed).toBe(true);
    expect(checkExportedSvg(svg)).toEqual({ ok: true });
  }, 120_000);

  it('exports every view of the example as SVG files the extension would accept: no foreignObject, labels as SVG text', async () => {
    // drawn in a page of the shared browser: the test above launched a browser of its own, as `ddd` does
    let stderr = '';
    const code = await inSharedBrowser(() =>
      runCli(['export', '--format', 'svg', '--out', folder, 'examples/order-saga'], repositoryRoot, { stdout: () => undefined, stderr: (text) => void (stderr += text), color: false }),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const files = readdirSync(folder).filter((file) => file.endsWith('.svg')).sort();
    expect(files).toHaveLength(15);
    for (const file of files) {
      const svg = readFileSync(join(folder, file), 'utf8');
      const seen = await inspect(svg);
      expect(seen.wellFormed, file).toBe(true);
      expect(seen.scripts + seen.handlers.length, file).toBe(0);
      // what the extension checks before it writes an SVG file (the allow-list)
      expect(svg, file).not.toContain('foreignObject');
      expect(checkExportedSvg(svg), file).toEqual({ ok: true });
    }
    expect(readFileSync(join(folder, 'saga-states-OrderSaga.svg'), 'utf8')).toMatch(/<tspan[^>]*>ORDER_CREATED<\/tspan>/);
    const states = await inspect(readFileSync(join(folder, 'saga-states-OrderSaga.svg'), 'utf8'));
    for (const text of ['STARTED', 'ORDER_CREATED', 'INV_RESERVED', 'PAYMENT_FAILED', 'INV_RELEASED', 'COMPLETED', 'FAILED', 'ProcessPayment (pivot)', 'CancelOrder (ReserveInventory failed)']) {
      expect(states.text).toContain(text);
    }
    const classes = await inspect(readFileSync(join(folder, 'aggregates-Sales.svg'), 'utf8'));
    expect(classes.text).toContain('items: List<OrderItem>');
    expect(classes.text).toContain('«Aggregate Root»');
    // as in the preview, no edge label covers another: drawn in the page, measured there
    const clashes = await page.evaluate((source) => {
      document.body.innerHTML = source;
      const boxes = Array.from(document.querySelectorAll('g.edgeLabel'))
        .map((label) => ({ text: label.textContent, box: label.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0);
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom).map((b) => `${a.text} / ${b.text}`));
    }, readFileSync(join(folder, 'context-map.svg'), 'utf8'));
    expect(clashes).toEqual([]);
  }, 120_000);

  it('draws hostile names and strings literally, with nothing executable', async () => {
    const { model } = hostileModel();
    const board = model.boards.find((candidate) => candidate.name.startsWith('HostileBoard'))!;
    const diagrams = [
      contextMapDiagram(model),
      domainDiagram(model),
      aggregateDiagram(model, 'Sales'),
      aggregateDiagram(model, 'Mallory'),
      ...model.sagas.flatMap(sagaDiagrams),
      stormingDiagram(boardView(model, board)),
    ];
    // drawn in a page of the shared browser (the first test launched one of its own, as `ddd` does)
    const svgs = await inSharedBrowser(() =>
      renderMermaidSvgs(
        diagrams.map((diagram) => diagram.text),
        chromium.path!,
      ),
    );
    const firstLine = hostile.trim().split('\n')[0]!;
    for (const [index, svg] of svgs.entries()) {
      const title = diagrams[index]!.title;
      const seen = await inspect(svg);
      expect(seen.wellFormed, title).toBe(true);
      expect(seen.scripts, title).toBe(0);
      expect(seen.handlers, title).toEqual([]);
      expect(seen.links, title).toEqual([]);
      // the text as shown (the word joiners that keep mermaid off `ﬂ°` and `¶ß` are invisible)
      expect(seen.text.replace(/\u2060/g, ''), title).toContain(firstLine.replace(/\s+/g, ' '));
      expect(svg, title).not.toMatch(/<script|<img|<iframe/i); // as markup: as text they are escaped
    }
    expect((await inspect(svgs[0]!)).text).toContain(clickName);
  }, 120_000);
});
