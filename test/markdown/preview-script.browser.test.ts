/**
 * The Markdown preview's page in headless Chromium, as VS Code's preview builds
 * it: the plugin's HTML for a Markdown file, the strict Content Security Policy
 * of VS Code's Markdown preview (scripts by nonce only, no eval), the
 * contributed stylesheet and the preview script built as scripts/build.mjs
 * builds it, loaded `async` from the extension. Every ```ddd fence with a
 * diagram becomes an SVG drawn by the bundled mermaid; problems stay sentences;
 * an update of the preview (`vscode.markdown.updateContent`) and a theme change
 * draw again, an update that comes while a fence is being drawn too. Nothing is
 * fetched but the extension's two files.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dddMarkdownIt } from '../../src/markdown/plugin';
import { WorkspaceDocuments } from '../../src/markdown/workspace-documents';
import { chromium, chromiumFor, sharedPage } from '../chromium';
import { readWorkspace } from '../helpers';
import { markdownFixture } from './fixtures';
import { builtBrowserBundle } from '../built-product';
import { takeScreenshots } from '../webview/harness';

const browserFound = chromiumFor('the Markdown preview browser tests');
const repositoryRoot = join(__dirname, '../..');
const nonce = 'bWFya2Rvd24tcHJldmlldy1ub25jZQ==';

function workspace(): WorkspaceDocuments {
  const documents = new WorkspaceDocuments();
  for (const file of readWorkspace('examples/order-saga')) documents.setText(file.uri, file.text);
  documents.markLoaded();
  return documents;
}

const render = (markdown: string) => dddMarkdownIt(new MarkdownIt({ html: true }), { workspace: workspace() }).render(markdown);

/** VS Code's Markdown preview page (its strict security level), holding `body`. */
function previewPage(origin: string, body: string, theme: 'light' | 'dark'): string {
  const csp = `default-src 'none'; img-src 'self' ${origin} https: data:; media-src 'self' ${origin} https: data:; script-src 'nonce-${nonce}'; style-src 'self' ${origin} 'unsafe-inline' https: data:; font-src 'self' ${origin} https: data:;`;
  return [
    '<!DOCTYPE html><html><head><meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<link rel="stylesheet" href="${origin}/markdown-preview.css">`,
    `<script nonce="${nonce}">window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));</script>`,
    '</head>',
    `<body class="vscode-body vscode-${theme}"><div class="markdown-body">${body}</div>`,
    `<script async src="${origin}/markdown-preview.js" nonce="${nonce}" charset="UTF-8"></script>`,
    '</body></html>',
  ].join('\n');
}

describe.skipIf(!browserFound)(`the Markdown preview script in Chromium (${chromium.path ?? 'none'})`, () => {
  let server: Server;
  let origin: string;
  let requested: string[];
  /** The pages the tests opened (in the context the browser tests share: test/chromium.ts): closed after them, also when a test failed. */
  const opened: Page[] = [];

  beforeAll(async () => {
    // the script as the build made it (dist/markdown-preview.js: test/built-product.ts)
    const bundle = builtBrowserBundle('markdown-preview');
    requested = [];
    const files: Record<string, [Uint8Array, string]> = {
      '/markdown-preview.js': [bundle.get('/markdown-preview.js')!, 'text/javascript'],
      '/markdown-preview.css': [readFileSync(join(repositoryRoot, 'media/markdown-preview.css')), 'text/css'],
    };
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      requested.push(path);
      const file = files[path];
      if (!file) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': file[1] }).end(file[0]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(opened.map((page) => page.close()));
    server?.close();
  });

  async function open(body: string, theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
    const page = await sharedPage({ width: 1000, height: 800 });
    opened.push(page);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // nothing but the extension's files: every other request is refused
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    await page.setContent(previewPage(origin, body, theme), { waitUntil: 'load' });
    return { page, problems };
  }

  const drawnCount = (page: Page) => page.locator('figure.ddd-fence[data-ddd-state="drawn"] .ddd-fence-diagram svg').count();

  test('draws the three ddd fences of a document as SVG diagrams, under the preview\'s CSP', async () => {
    const { page, problems } = await open(render(markdownFixture('shop-notes.md')));
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 3, undefined, { timeout: 30_000 });
    const figures = await page.locator('figure.ddd-fence').evaluateAll((elements) =>
      elements.map((figure) => ({
        caption: figure.querySelector('figcaption')?.textContent,
        text: [...figure.querySelectorAll('.ddd-fence-diagram svg text, .ddd-fence-diagram svg .nodeLabel, .ddd-fence-diagram svg span')].map((label) => label.textContent).join(' '),
        sourceShown: getComputedStyle(figure.querySelector('pre.ddd-mermaid')!).display !== 'none',
        width: figure.querySelector('.ddd-fence-diagram svg')!.getBoundingClientRect().width,
      })),
    );
    expect(figures.map((figure) => figure.caption)).toEqual(['Context map ShopMap', 'OrderSaga: state machine', 'Aggregates of Sales']);
    expect(figures[0]!.text).toContain('Sales');
    expect(figures[0]!.text).toContain('Billing');
    expect(figures[1]!.text).toContain('ORDER_CREATED');
    expect(figures[2]!.text).toContain('OrderItem');
    for (const figure of figures) {
      expect(figure.sourceShown).toBe(false);
      expect(figure.width).toBeGreaterThan(50);
      expect(figure.width).toBeLessThanOrEqual(1000);
    }
    // other fences stay code
    expect(await page.locator('pre code.language-typescript').textContent()).toContain('const untouched = true;');
    // a picture for people, no check reads it: taken when asked (DDD_SCREENSHOTS=1), as the webview tests do
    if (takeScreenshots) await page.screenshot({ path: join(repositoryRoot, 'test-results', 'markdown-preview.png'), fullPage: true }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
    expect([...new Set(requested)].sort()).toEqual(['/markdown-preview.css', '/markdown-preview.js']);
    await page.close();
  }, 60_000);

  test('shows problems as sentences and keeps markup in a broken model as text', async () => {
    // and mermaid text that mermaid refuses (the plugin never writes it; a newer mermaid might)
    const refused = '<figure class="ddd-fence" data-ddd-state="source"><pre class="ddd-mermaid" data-ddd-mermaid="">flowchart LR\n  A --&gt; &lt;img src=x onerror=alert(1)&gt; --&gt;</pre></figure>';
    const { page, problems } = await open(render(markdownFixture('fence-problems.md')) + refused, 'dark');
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 1 && document.querySelector('figure.ddd-fence[data-ddd-state="failed"]'), undefined, { timeout: 30_000 });
    const messages = (await page.locator('figure.ddd-fence-problem .ddd-fence-message').allTextContents()).map((message) => message.trim());
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message).toMatch(/^DDD: \S.{20,}/);
    expect((await page.locator('figure.ddd-fence[data-ddd-state="failed"] .ddd-fence-message').textContent())?.trim()).toMatch(/^DDD: mermaid could not draw this diagram: \S/);
    // the text stays in view when it could not be drawn
    expect(await page.locator('figure.ddd-fence[data-ddd-state="failed"] pre.ddd-mermaid').isVisible()).toBe(true);
    expect(await page.locator('.ddd-fence-errors li').first().textContent()).toContain("found '<'");
    // the broken model's markup never became elements
    expect(await page.locator('.markdown-body img, .markdown-body script').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('draws two fences of the same diagram as two drawings: no element id is in the page twice', async () => {
    const fence = '```ddd\ncontext Sales { }\ncontext Billing { }\ncontextmap M { Sales -> Billing }\n```\n';
    const { page, problems } = await open(render(`${fence}\nThe same map again:\n\n${fence}`));
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 2, undefined, { timeout: 30_000 });
    const repeated = () =>
      page.evaluate(() => {
        const ids = [...document.querySelectorAll('.markdown-body [id]')].map((element) => element.id);
        return { ids: ids.length, repeated: [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))] };
      });
    const first = await repeated();
    // each drawing names its markers and styles by its own id (mermaid's ids start with it)
    expect(first.ids).toBeGreaterThan(4);
    expect(first.repeated).toEqual([]);
    // drawn again after an update with the same content, the two drawings still have ids of their own
    await page.evaluate(() => {
      const body = document.querySelector('.markdown-body')!;
      body.innerHTML = body.innerHTML.replace(/data-ddd-state="drawn"/g, 'data-ddd-state="source"');
      window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
    });
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 2, undefined, { timeout: 30_000 });
    expect((await repeated()).repeated).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('draws again after the preview updates its content and when the theme changes', async () => {
    const { page, problems } = await open(render('```ddd\ncontext Sales { }\ncontext Billing { }\ncontextmap M { Sales -> Billing }\n```\n'));
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 1, undefined, { timeout: 30_000 });
    expect(await page.locator('.ddd-fence-diagram svg').textContent()).not.toContain('Shipping');

    // what the preview does on an edit: new HTML in place of the old, then its event
    const edited = render('```ddd\ncontext Sales { }\ncontext Billing { }\ncontext Shipping { }\ncontextmap M { Sales -> Billing  Sales -> Shipping }\n```\n\n```ddd saga\nsaga S orchestrated by Sales { step A on Sales -> DONE }\n```\n');
    await page.evaluate((html) => {
      document.querySelector('.markdown-body')!.innerHTML = html;
      window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
    }, edited);
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 2, undefined, { timeout: 30_000 });
    expect(await page.locator('figure.ddd-fence').first().locator('.ddd-fence-diagram svg').textContent()).toContain('Shipping');

    // the saga's states take mermaid's theme colours (a context map has its own)
    const fill = () => page.evaluate(() => {
      const shape = document.querySelectorAll('figure.ddd-fence')[1]?.querySelector('svg g.node rect, svg g.node path, svg rect.basic');
      return shape ? getComputedStyle(shape).fill : '';
    });
    const light = await fill();
    expect(light).not.toBe('');
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await expect.poll(fill, { timeout: 30_000 }).not.toBe(light);
    expect(await drawnCount(page)).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
  test('an update that comes while a fence is being drawn gets its own drawing', async () => {
    /** A map of Sales and Billing, and of Sales and `other` when given. */
    const map = (other?: string) =>
      render(['```ddd', 'context Sales { }', 'context Billing { }', ...(other ? [`context ${other} { }`] : []), `contextmap M { Sales -> Billing${other ? `  Sales -> ${other}` : ''} }`, '```', ''].join('\n'));
    const { page, problems } = await open(map());
    await page.waitForFunction(() => document.querySelectorAll('figure.ddd-fence[data-ddd-state="drawn"] svg').length === 1, undefined, { timeout: 30_000 });
    // VS Code's preview morphs the old page into the new one in place: the same figure, with the new
    // text and state, and without what the script added. Two edits: the second comes while the first
    // one's drawing is under way (its element is in the figure).
    await page.evaluate(
      (pages) =>
        new Promise<void>((resolve) => {
          const figure = document.querySelector<HTMLElement>('figure.ddd-fence')!;
          const morph = (html: string) => {
            const next = new DOMParser().parseFromString(html, 'text/html');
            figure.querySelector('.ddd-fence-diagram')?.remove();
            figure.querySelector('pre[data-ddd-mermaid]')!.textContent = next.querySelector('pre[data-ddd-mermaid]')!.textContent;
            figure.dataset['dddState'] = 'source';
            window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
          };
          new MutationObserver((_, observer) => {
            if (!figure.querySelector('.ddd-fence-diagram')) return;
            observer.disconnect();
            morph(pages[1]!);
            resolve();
          }).observe(figure, { childList: true });
          morph(pages[0]!);
        }),
      [map('Shipping'), map('Returns')],
    );
    const figure = page.locator('figure.ddd-fence').first();
    await page.waitForFunction(() => /Returns/.test(document.querySelector('figure.ddd-fence[data-ddd-state="drawn"] .ddd-fence-diagram svg')?.textContent ?? ''), undefined, { timeout: 30_000 });
    expect(await figure.locator('.ddd-fence-diagram').count()).toBe(1);
    expect(await figure.locator('.ddd-fence-diagram svg').textContent()).not.toContain('Shipping');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
