/**
 * The browser the browser tests need. Without one they skip, saying why, on a
 * developer's machine, and fail in CI (CI set), where a skip would pass unseen.
 *
 * One headless Chromium serves every browser test file of a test worker
 * (`sharedBrowser`): vitest runs the files with `isolate: false`, so this module
 * and its browser stay loaded from one file to the next, and a file opens its
 * own contexts and pages instead of launching a browser (about a second of
 * CPU each time). The browser ends with the test run: when the worker's
 * process exits, playwright kills what it launched, and Chromium also quits
 * when the pipe to it closes.
 *
 * The pages of the browser tests open in one context of that browser too
 * (`sharedPage`): each test still gets a new page (its own document, scripts and
 * routes), but Chromium runs the pages of one context and one site in the
 * renderer process it already has, where the scripts it compiled before (the
 * webview's bundle with mermaid, a few MB) are compiled already. A page in a
 * context of its own starts a renderer and compiles them again: about 1.5 s of
 * CPU for each page, more than most tests spend drawing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { it } from 'vitest';
import { findChromium } from '../src/cli/export';
import { inCi } from './ci-environment';

export const chromium = findChromium();

/** Whether the browser tests of `what` can run; when not, a warning, or in CI a failing test that says how to get Chromium. */
export function chromiumFor(what: string): boolean {
  if (chromium.path) return true;
  const message = `${what} need Chromium: ${chromium.problem} (install Chromium, e.g. \`sudo apt-get install chromium\`, or set CHROME_PATH)`;
  if (inCi()) {
    it(`${what}: Chromium is installed (CI runs the browser tests)`, () => {
      throw new Error(message);
    });
  } else {
    console.warn(`${message}; skipped`);
  }
  return false;
}

let launched: Promise<Browser> | undefined;

/**
 * This worker's headless Chromium, launched on first use. Callers open and
 * close their own contexts (a page from `browser.newPage()` has one) and never
 * close the browser. A browser that crashed or was closed is launched again.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!chromium.path) return Promise.reject(new Error(`no Chromium: ${chromium.problem}`));
  if (launched === undefined) {
    // its HOME (where Chromium may write caches) inside the repository's ignored test-results/
    const home = join(__dirname, '..', 'test-results', 'chromium-home');
    mkdirSync(home, { recursive: true });
    const browser = playwright.launch({
      executablePath: chromium.path,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        // the pages' garbage collected on their own thread, without helper threads: a little less CPU in all
        // (about 5% of the renderers' on the webview and Markdown preview tests, measured alternately), the same pages
        '--js-flags=--single-threaded-gc',
        // one renderer process for every page: left to itself Chromium puts some new pages in a renderer of
        // their own, which compiles the webview's bundle (mermaid) again. About 15% less of Chromium's CPU on
        // the webview, SVG export and Markdown preview tests (19–21 s instead of 22–25 s, measured alternately)
        '--renderer-process-limit=1',
        // the pages as a user who asked for reduced motion sees them (the preview's stylesheet honours it): the
        // simulator's current state does not pulse, which made a page draw a frame every 16 ms for as long as
        // it stayed open. About 1 s less of Chromium's CPU on the webview tests; nothing they check moves
        '--force-prefers-reduced-motion',
      ],
      env: { ...process.env, HOME: home },
    });
    launched = browser;
    void browser.then(
      (started) => started.on('disconnected', () => void (launched === browser ? (launched = undefined) : undefined)),
      () => void (launched === browser ? (launched = undefined) : undefined),
    );
  }
  return launched;
}

let context: Promise<BrowserContext> | undefined;

/**
 * This worker's browser context for the browser tests' pages, with an empty
 * page kept open in it: while it is open, Chromium keeps the context's
 * renderer process (and what it compiled) for the next page. Created on first
 * use, again when the browser was launched again.
 */
function sharedContext(): Promise<BrowserContext> {
  if (context === undefined) {
    const opened = sharedBrowser().then(async (browser) => {
      const created = await browser.newContext({ deviceScaleFactor: 1 });
      const keeper = await created.newPage();
      await keeper.goto('about:blank');
      browser.on('disconnected', () => void (context === opened ? (context = undefined) : undefined));
      created.on('close', () => void (context === opened ? (context = undefined) : undefined));
      return created;
    });
    context = opened;
    opened.catch(() => void (context === opened ? (context = undefined) : undefined));
  }
  return context;
}

/**
 * A new page of this worker's Chromium, in the context the browser tests share
 * (`width` × `height`, 1280 × 720 unless given). Callers route, use and close
 * their page (`page.close()`), never the context.
 */
export async function sharedPage(viewport: { width: number; height: number } = { width: 1280, height: 720 }): Promise<Page> {
  const page = await (await sharedContext()).newPage();
  await page.setViewportSize(viewport);
  return page;
}
