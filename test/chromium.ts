/**
 * The browser the browser tests need. Without one they skip, saying why, on a
 * developer's machine, and fail in CI (CI set), where a skip would pass unseen.
 *
 * One headless Chromium serves every browser test file of the run
 * (`sharedBrowser`): vitest's globalSetup (test/chromium-broker.ts) launches it
 * when a file first asks, and each test worker connects to it once (vitest
 * runs the files with `isolate: false`, so this module and its connection stay
 * loaded from one file to the next). A file opens its own contexts and pages,
 * never a browser (a launch is about a second of CPU). The browser ends with
 * the run (the globalSetup's teardown), and with vitest's process.
 */
import { get } from 'node:http';
import { chromium as playwright, type Browser } from 'playwright-core';
import { inject, it } from 'vitest';
import { findChromium } from '../src/cli/export';
import { chromiumArgs, chromiumHome } from './chromium-broker';

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

/** The run's Chromium's WebSocket endpoint, from the broker of the globalSetup (which launches it on first ask). */
function brokeredEndpoint(broker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(broker, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(body) : reject(new Error(body))));
    }).on('error', reject);
  });
}

/**
 * The run's headless Chromium, connected on first use: the one the globalSetup
 * launched, or (run without it, e.g. with another config) one launched by this
 * worker. Callers open and close their own contexts (a page from
 * `browser.newPage()` has one) and never close the browser. A browser that
 * crashed or was closed is connected (or launched) again.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!chromium.path) return Promise.reject(new Error(`no Chromium: ${chromium.problem}`));
  if (launched === undefined) {
    const broker = inject('chromiumBroker');
    const browser = broker
      ? brokeredEndpoint(broker).then((endpoint) => playwright.connect(endpoint))
      : playwright.launch({ executablePath: chromium.path, headless: true, args: chromiumArgs, env: { ...process.env, HOME: chromiumHome() } });
    launched = browser;
    void browser.then(
      (started) => started.on('disconnected', () => void (launched === browser ? (launched = undefined) : undefined)),
      () => void (launched === browser ? (launched = undefined) : undefined),
    );
  }
  return launched;
}
