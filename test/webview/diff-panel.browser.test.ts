/**
 * The diff panel's page (webview/diff) in headless Chromium, served as VS Code
 * serves it (diffPanelHtml: its CSP, its nonce'd script), with a stand-in for
 * `acquireVsCodeApi`: it lists the changes of a real diff by context, its links
 * post only checked index messages, text from the model stays text, and
 * nothing breaks the Content-Security-Policy.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliDiff } from '../../src/cli/diff-format';
import type { DiffSide } from '../../src/cli/diff-sources';
import { diffModels } from '../../src/language/diff/index';
import { checkDiffWebviewMessage, diffPanelHtml, type CliDiff, type DiffWebviewMessage } from '../../src/protocol/diff';
import { builtBrowserBundle } from '../built-product';
import { chromiumFor, sharedPage } from '../chromium';
import { fixtureModel } from '../diff/fixtures';

const browserFound = chromiumFor('the diff panel browser tests');

function side(label: string): DiffSide {
  return { label, files: [], views: new Map(), problems: [] };
}

/** The diff of a fixture pair, as the worker prints it (files as the fixtures name them). */
function fixtureDiff(name: string): CliDiff {
  const before = side('HEAD');
  const after = side('the working tree');
  for (const file of ['inventory', 'order-saga', 'fulfilment', 'billing', 'sales']) {
    before.views.set(`file:///old/${file}.ddd`, { display: `HEAD:models/${file}.ddd`, revision: 'HEAD', repositoryPath: `models/${file}.ddd` });
    after.views.set(`file:///new/${file}.ddd`, { display: `models/${file}.ddd`, file: `models/${file}.ddd` });
  }
  return cliDiff(diffModels(fixtureModel(name, 'old'), fixtureModel(name, 'new')), before, after);
}

describe.skipIf(!browserFound)('the diff panel in Chromium', () => {
  let server: Server;
  let origin: string;
  /** The pages the tests opened: closed after them, the shared browser and its context stay for the next file. */
  const opened: Page[] = [];

  beforeAll(async () => {
    // the panel's script and stylesheet as the build made them (dist/webview-diff.*: test/built-product.ts)
    const bundle = builtBrowserBundle('webview-diff');
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const type = ({ '/webview-diff.js': 'text/javascript', '/webview-diff.css': 'text/css' } as Record<string, string>)[path];
      const content = bundle.get(path);
      if (!type || !content) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': type }).end(content);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(opened.map((page) => page.close()));
    server?.close();
  });

  async function open(): Promise<{ page: Page; posted: unknown[]; problems: string[]; send(message: unknown): Promise<void> }> {
    const page = await sharedPage();
    opened.push(page);
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    const nonce = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
    const stub = `<script nonce="${nonce}">window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective)); window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__post(JSON.parse(JSON.stringify(m))) });</script>`;
    const html = diffPanelHtml({ cspSource: origin, nonce, scriptUri: `${origin}/webview-diff.js`, styleUri: `${origin}/webview-diff.css` }).replace(`<script nonce="${nonce}" src=`, `${stub}\n<script nonce="${nonce}" src=`);
    const posted: unknown[] = [];
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.exposeFunction('__post', (message: unknown) => void posted.push(message));
    await page.setContent(html, { waitUntil: 'load' });
    return { page, posted, problems, send: (message) => page.evaluate((data) => window.postMessage(data, '*'), message as Record<string, unknown>) };
  }

  const checked = (posted: unknown[]): DiffWebviewMessage[] =>
    posted.map((message) => {
      const result = checkDiffWebviewMessage(message);
      if (!result.ok) throw new Error(`the page posted a message the extension refuses: ${result.reason}`);
      return result.message;
    });

  test('lists the changes by context, with the affected parties; its links post indexes only', async () => {
    const { page, posted, problems, send } = await open();
    await expect.poll(() => posted).toContainEqual({ type: 'ready' });
    const diff = fixtureDiff('event-renamed-heard');
    await send({ type: 'diff', diff, base: 'HEAD' });
    await page.locator('article.ddd-diff-change').first().waitFor();
    expect(await page.locator('h2').innerText()).toBe('The working tree compared with HEAD');
    expect(await page.locator('section.ddd-diff-group h3').allInnerTexts()).toEqual(['Inventory']);
    const card = page.locator('article.ddd-diff-change[data-classification="breaking"]');
    expect(await card.locator('.ddd-diff-title').innerText()).toBe('renamed domain event InventoryReserved → StockReserved');
    const parties = await card.locator('.ddd-diff-party a').allInnerTexts();
    expect(parties).toContain('sagaStep saga OrderSaga, step ReserveInventory');
    await card.locator('.ddd-diff-sides a', { hasText: 'new:' }).click();
    await card.locator('.ddd-diff-sides a', { hasText: 'old:' }).click();
    await card.locator('.ddd-diff-party a', { hasText: 'step ReserveInventory' }).click();
    await page.locator('vscode-button', { hasText: 'Compare again' }).click();
    const step = diff.changes[0]!.affected.findIndex((party) => party.kind === 'sagaStep');
    await expect.poll(() => checked(posted).slice(1)).toEqual([
      { type: 'open', change: 0, side: 'new' },
      { type: 'open', change: 0, side: 'old' },
      { type: 'openParty', change: 0, party: step },
      { type: 'refresh' },
    ]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('text from the model and from git stays text', async () => {
    const { page, problems, send } = await open();
    const hostile = '<img src=x onerror="alert(1)">';
    const diff = fixtureDiff('field-removed-required');
    diff.changes[0]!.group = hostile;
    diff.changes[0]!.reasons = [hostile];
    diff.changes[0]!.affected[0]!.location.display = hostile;
    await send({ type: 'diff', diff, base: hostile });
    await page.locator('article.ddd-diff-change').first().waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('section.ddd-diff-group h3').first().innerText()).toBe(hostile);
    expect(await page.locator('.ddd-diff-reason').first().innerText()).toBe(hostile);
    expect(problems).toEqual([]);
  });

  test('says what went wrong, and offers to compare again', async () => {
    const { page, send } = await open();
    await send({ type: 'error', message: 'The comparison with v9 failed: v9 is neither a folder nor a revision of the git repository' });
    expect(await page.locator('.ddd-diff-error').innerText()).toMatch(/v9 is neither/);
    expect(await page.locator('vscode-button', { hasText: 'Compare again' }).count()).toBe(1);
  });
});
