import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Young-generation semi-spaces of 64 MB instead of V8's 16 (set before the test workers start: their heaps
// take it): the tests make many short-lived objects (parses, models, explored runs), and with a small
// young generation V8 collects it more often and moves more of them to the old one, which every
// full collection then walks. About 6% less CPU on the node test files, for about 100 MB more memory
// per worker (a young generation of 128 MB instead of 32).
setFlagsFromString('--max-semi-space-size=64');
// V8 optimises a function (TurboFan, on background threads) once it has run for an "interrupt budget" of
// bytecode: 66 KB by default, tuned for programs that run their hot code for long. A test run is the
// opposite: thousands of code paths, each run a few times, most of them once per run; V8 optimised many
// that never ran long enough to repay it (V8's background threads, where it compiles optimised code, took
// about 40% of the test process's CPU, its garbage collector little of that). With
// eight times the budget only the code that runs long (the fuzzers, the explorations, the parsers on big
// inputs) is optimised: about 10% less CPU for the run (user 76–81 s instead of 84–90 s, runs alternated
// on this 2-core machine), the same tests.
setFlagsFromString('--interrupt-budget=540000');


/**
 * The browser tests (`*.browser.test.ts`: the webview, the Markdown preview script, the SVG exports, the
 * Web Worker server, each in a headless Chromium) are a suite of their own, `vitest.browser.mts`
 * (`npm run test:browser`); `npm test` and CI run both. This suite (`vitest run`, `npm run test:unit`) is
 * what runs in Node: the core, the server over JSON-RPC, the CLI, the exports read back by their formats'
 * parsers, the packaged command line.
 */
export const browserTests = 'test/**/*.browser.test.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the bundles the tests build into test-results/bundles/ (mermaid for Node: test/diagrams/parse.ts) are
    // imported by Node as they are, not transformed again by vite (a few MB of JavaScript)
    server: { deps: { external: [/[\\/]test-results[\\/]bundles[\\/]/] } },
    // the run's temporary folder (on tmpfs where there is one), removed at its end
    globalSetup: ['test/global-setup.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', browserTests],
    testTimeout: 20_000,
    // the built `ddd` keeps its code cache in the repository's ignored test-results/, not in the user's home
    env: { DDD_COMPILE_CACHE: fileURLToPath(new URL('./test-results/compile-cache', import.meta.url)) },
    pool: 'threads',
    // The test files share their worker's module cache: the core (~200 modules) and
    // mermaid are loaded once per worker instead of once per file, which halves the
    // run's CPU time. The tests keep no state between files (what they change, such
    // as process.env, they restore). Every file runs in Node: a worker would start afresh at each
    // change of environment, so the tests that need a DOM make a happy-dom window of their own
    // (test/diagrams/parse.ts for mermaid, the webview's DOM code on a page of its own).
    isolate: false,
    // One worker per core (vitest's default keeps one core for itself: on a 2-core
    // machine, one worker running every file in turn). Much of a file's time is spent
    // waiting for Chromium, PlantUML's JVM, git or npm, which use the other core.
    maxWorkers: Math.max(2, availableParallelism()),
    experimental: {
      // the modules as vitest transformed them, kept between runs (keyed by their text and the
      // config): a run transforms only what changed, about a third less time importing. In the
      // repository's ignored test-results/ (not in node_modules, which a worktree may share).
      fsModuleCache: true,
      fsModuleCachePath: 'test-results/vitest-module-cache',
    },
  },
});
