/**
 * The browser the browser tests need. Without one they skip, saying why, on a
 * developer's machine, and fail in CI (CI set), where a skip would pass unseen.
 */
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
