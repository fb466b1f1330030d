/**
 * The browser tests share one Chromium per test worker (test/chromium.ts) and
 * one webview bundle and server (harness.ts): a file opens contexts, never a
 * browser of its own, and a context it closes leaves the browser to the next.
 * Their pages open in one context of that browser (`sharedPage`), so that
 * Chromium compiles a bundle once for the pages that load it.
 */
import { describe, expect, test } from 'vitest';
import { chromiumFor, sharedBrowser, sharedPage } from '../chromium';
import { startHarness } from './harness';

const browserFound = chromiumFor('the shared browser tests');

describe.skipIf(!browserFound)('one browser for the browser tests of a worker', () => {
  test('every caller gets the same browser, and the harness serves the bundle from it', async () => {
    const browser = await sharedBrowser();
    expect(await sharedBrowser()).toBe(browser);
    const first = await startHarness();
    const second = await startHarness();
    expect(first.browser).toBe(browser);
    expect(second.origin).toBe(first.origin);
    await first.dispose();
    expect(browser.isConnected()).toBe(true);
  }, 60_000);

  test('a context closed by one file leaves the browser to the next', async () => {
    const browser = await sharedBrowser();
    const page = await browser.newPage();
    await page.setContent('<p>one</p>');
    expect(await page.textContent('p')).toBe('one');
    await page.context().close();
    expect(browser.isConnected()).toBe(true);
    const next = await (await sharedBrowser()).newPage();
    await next.setContent('<p>two</p>');
    expect(await next.textContent('p')).toBe('two');
    await next.context().close();
  }, 60_000);

  test('the pages of the browser tests share one context of that browser, which a page closed leaves to the next', async () => {
    const first = await sharedPage({ width: 640, height: 480 });
    const second = await sharedPage();
    expect(second.context()).toBe(first.context());
    expect(first.context().browser()).toBe(await sharedBrowser());
    expect(first.viewportSize()).toEqual({ width: 640, height: 480 });
    expect(second.viewportSize()).toEqual({ width: 1280, height: 720 });
    await first.setContent('<p>one</p>');
    await first.close();
    await second.setContent('<p>two</p>');
    expect(await second.textContent('p')).toBe('two');
    await second.close();
    const third = await sharedPage();
    expect(third.context()).toBe(second.context());
    await third.close();
  }, 60_000);
});
