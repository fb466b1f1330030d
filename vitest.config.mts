import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'threads',
    // The test files share their worker's module cache: the core (~200 modules) and
    // mermaid are loaded once per worker instead of once per file, which halves the
    // run's CPU time. The tests keep no state between files (what they change, such
    // as process.env, they restore).
    isolate: false,
  },
});
