/**
 * The webview's side of a safe SVG export, in headless Chromium:
 * - its sanitiser (webview/shared/svg-file.ts: DOMPurify, SVG profile, the
 *   allow-list of src/protocol/svg-allow-list.ts) strips every hostile payload
 *   of hostile-svgs.ts, whether the drawing came from an XML or an HTML parser,
 *   and what it leaves passes the extension's check (svg-export-check.ts);
 * - every view of the example, exported by the real page, passes that check,
 *   holds no foreignObject, and keeps its labels as SVG text.
 * Skipped (saying why) when Chromium is not installed.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import sax from 'sax';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkExportedSvg } from '../../src/extension/panels/svg-export-check';
import { checkWorkspace } from '../../src/language/index';
import { sharedPage } from '../chromium';
import { viewKey, type DiagramParams, type RenderMessage, type ViewEntry, type WebviewMessage } from '../../src/protocol/index';
import { customRequestHandlers } from '../../src/server/custom-requests';
import { readWorkspace } from '../helpers';
import { chromiumPath, openPanel, repositoryRoot, startHarness, type Harness, type Panel } from '../webview/harness';
import { hostileSvgs } from './hostile-svgs';

/** What must never be left in an exported file, whatever the spelling. */
const forbidden = /<(\w+:)?(script|foreignObject|iframe|set|animate\w*|a|image)[\s/>]|\son\w+\s*=|javascript:|data:|srcdoc|@import/i;

/** The text content of an SVG document (entities decoded). */
function textOf(svg: string): string {
  const parser = sax.parser(true, { xmlns: true });
  let text = '';
  parser.ontext = (chunk) => void (text += chunk + ' ');
  parser.write(svg).close();
  return text;
}

describe.skipIf(!chromiumPath.path)('the webview sanitises an SVG before it exports it', () => {
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const bundle = await build({
      stdin: {
        contents: [
          "import { sanitiseSvgForFile } from './webview/shared/svg-file';",
          'Object.assign(window, { dddSanitise(text, how) {',
          "  const parsed = how === 'xml' ? new DOMParser().parseFromString(text, 'image/svg+xml') : new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html');",
          "  const found = how === 'xml' ? parsed.documentElement : parsed.querySelector('svg');",
          "  if (!found || parsed.querySelector('parsererror') || found.localName !== 'svg' || found.namespaceURI !== 'http://www.w3.org/2000/svg') return null;",
          '  const svg = document.importNode(found, true);',
          '  return new XMLSerializer().serializeToString(sanitiseSvgForFile(svg));',
          '} });',
        ].join('\n'),
        resolveDir: repositoryRoot,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      logLevel: 'warning',
    });
    page = await sharedPage();
    await page.route('**/*', (route) => route.abort());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
  });

  const sanitise = (text: string, how: 'xml' | 'html') => page.evaluate(([text, how]) => (window as unknown as { dddSanitise(text: string, how: string): string | null }).dddSanitise(text, how), [text, how] as const);

  /** Payloads that are no SVG drawing in either parser: they never reach the sanitiser. */
  const noDrawing = new Set(['root not svg']);

  test.each(Object.entries(hostileSvgs))('%s', async (name, document) => {
    let sanitised = 0;
    for (const how of ['xml', 'html'] as const) {
      const result = await sanitise(document, how);
      if (result === null) continue; // not a drawing the page could hold (not well-formed, no svg root)
      sanitised++;
      expect(result).not.toMatch(forbidden);
      expect(checkExportedSvg(result)).toEqual({ ok: true });
    }
    expect(sanitised).toBe(noDrawing.has(name) ? 0 : sanitised > 0 ? sanitised : -1);
    expect(dialogs).toEqual([]);
  });

  test('keeps a drawing whole: shapes, markers, gradients, local links, text', async () => {
    const drawing =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" role="graphics-document document">' +
      '<defs><linearGradient id="grad"><stop offset="0" stop-color="#000"/></linearGradient><marker id="arrow" refX="5" refY="5" orient="auto"><path d="M0,0L10,5L0,10z"/></marker></defs>' +
      '<g class="node" data-id="Sales" aria-roledescription="node"><rect width="5" height="5" fill="url(#grad)"/><path d="M0,0L5,5" marker-end="url(#arrow)"/>' +
      '<text x="1" y="2" text-anchor="middle">Sales &lt;script&gt;</text></g></svg>';
    const result = (await sanitise(drawing, 'xml'))!;
    expect(checkExportedSvg(result)).toEqual({ ok: true });
    for (const kept of ['linearGradient', 'marker-end="url(#arrow)"', 'fill="url(#grad)"', 'data-id="Sales"', 'aria-roledescription="node"', 'text-anchor="middle"', 'Sales &lt;script&gt;']) expect(result).toContain(kept);
  });
});

describe.skipIf(!chromiumPath.path)('every view of the example exports as a file the extension accepts', () => {
  let harness: Harness;
  let panel: Panel;
  const example = checkWorkspace(readWorkspace('examples/order-saga'));
  const handlers = customRequestHandlers({ model: () => example.model, diagnostics: () => example.diagnostics });
  const views: ViewEntry[] = handlers['ddd/views']({}).views;

  beforeAll(async () => {
    harness = await startHarness();
    panel = await openPanel(harness, 'preview', () => undefined, { theme: 'light' });
    await panel.ready;
  }, 60_000);
  afterAll(async () => {
    await panel?.close();
    await harness?.dispose();
  });

  test('the example offers views of every kind', () => {
    expect(new Set(views.map((view) => view.view)).size).toBeGreaterThanOrEqual(4);
  });

  test.each(views.map((view) => [view.key, view] as const))('%s', async (_, view) => {
    const params: DiagramParams = { view: view.view, ...(view.name !== undefined ? { name: view.name } : {}), ...(view.variant !== undefined ? { variant: view.variant } : {}), options: { theme: 'light' } };
    const diagram = handlers['ddd/diagram'](params);
    const message: RenderMessage = { type: 'render', views, selected: viewKey(diagram.ref), diagram };
    await panel.send(message);
    if (diagram.kind === 'problem') return;
    await panel.page.waitForFunction((title) => document.querySelector('.ddd-status')?.textContent?.startsWith(title) === true, diagram.title);
    // the labels as the page draws them (HTML labels included)
    const labels = await panel.page.evaluate(() => {
      const stage = document.querySelector('.ddd-stage');
      const svg = stage?.querySelector('svg');
      if (!svg) return [];
      return Array.from(svg.querySelectorAll('foreignObject, text'))
        .filter((element) => !element.closest('foreignObject') || element.localName === 'foreignObject')
        .map((element) => (element.localName === 'foreignObject' ? ((element.firstElementChild as HTMLElement | null)?.innerText ?? '') : (element.textContent ?? '')).replace(/\s+/g, ' ').trim())
        .filter(Boolean);
    });
    const exported = panel.next('export', (posted: Extract<WebviewMessage, { type: 'export' }>) => posted.format === 'svg');
    await panel.page.locator('vscode-button', { hasText: 'Export SVG' }).click();
    const content = (await exported).content!;
    expect(checkExportedSvg(content)).toEqual({ ok: true });
    expect(content).not.toMatch(/foreignObject/);
    const text = textOf(content).replace(/\s+/g, ' ');
    if (diagram.kind !== 'board') {
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) for (const word of label.split(' ')) expect(text).toContain(word);
    } else {
      expect(text).toMatch(/\w/);
    }
    expect(panel.refused).toEqual([]);
  });

  test('a refused export never reaches the file: the page posts only what the protocol accepts', () => {
    expect(panel.problems.filter((problem) => !/favicon/.test(problem))).toEqual([]);
    void join;
  });
});
