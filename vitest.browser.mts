import { defineConfig } from 'vitest/config';
import unit, { browserTests } from './vitest.config.mjs';

/**
 * The browser tests: what runs in a headless Chromium (the webview, the Markdown preview script, the SVG
 * exports, the Web Worker server), `npm run test:browser`. The same settings as the suite that runs in
 * Node (vitest.config.mts: V8's flags, the run's temporary folder, one worker per core, each with its own
 * Chromium: test/chromium.ts), its own files.
 */
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: [browserTests],
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
