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
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';
import { it } from 'vitest';
import { findChromium } from '../src/cli/export';

export const chromium = findChromium();

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI']?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

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
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
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
