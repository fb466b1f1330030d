import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { openSync, readSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Young-generation semi-spaces of 64 MB instead of V8's 16 (set before the test workers start: their heaps
// take it): the tests make many short-lived objects (parses, models, explored runs), and with a small
// young generation V8 collects it more often and moves more of them to the old one, which every
// full collection then walks. About 6% less CPU on the node test files, for about 100 MB more memory
// per worker (a young generation of 128 MB instead of 32).
setFlagsFromString('--max-semi-space-size=64');

/** The environment a test file asks for in its first lines (`// @vitest-environment happy-dom`), or node. */
function environmentOf(path: string): string {
  const head = Buffer.alloc(400);
  const file = openSync(path, 'r');
  try {
    const read = readSync(file, head, 0, head.length, 0);
    return /@vitest-environment\s+(\S+)/.exec(head.subarray(0, read).toString('utf8'))?.[1] ?? 'node';
  } finally {
    closeSync(file);
  }
}

/**
 * Vitest's order (the slowest files first, from its cache), with the files of
 * one environment together and the node files last: a worker keeps its module
 * cache only while the next file has the same environment, so a happy-dom file
 * among the node files would start a new worker (and load the core again) at
 * each change. Almost every file runs in node: the diagram tests parse with
 * mermaid, which gets a DOM window of its own (test/diagrams/parse.ts); only
 * the webview's DOM code runs under happy-dom, first, before a worker has loaded anything.
 */
class ByEnvironment extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const environments = new Map(sorted.map((spec) => [spec, environmentOf(spec.moduleId)]));
    const order = [...new Set(environments.values())].sort((a, b) => (a === 'node' ? 1 : b === 'node' ? -1 : a.localeCompare(b)));
    return order.flatMap((environment) => sorted.filter((spec) => environments.get(spec) === environment));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    // the built `ddd` keeps its code cache in the repository's ignored test-results/, not in the user's home
    env: { DDD_COMPILE_CACHE: fileURLToPath(new URL('./test-results/compile-cache', import.meta.url)) },
    pool: 'threads',
    // The test files share their worker's module cache: the core (~200 modules) and
    // mermaid are loaded once per worker instead of once per file, which halves the
    // run's CPU time. The tests keep no state between files (what they change, such
    // as process.env, they restore).
    isolate: false,
    // One worker per core (vitest's default keeps one core for itself: on a 2-core
    // machine, one worker running every file in turn). Much of a file's time is spent
    // waiting for Chromium, PlantUML's JVM, git or npm, which use the other core.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: ByEnvironment },
    experimental: {
      // the modules as vitest transformed them, kept between runs (keyed by their text and the
      // config): a run transforms only what changed, about a third less time importing. In the
      // repository's ignored test-results/ (not in node_modules, which a worktree may share).
      fsModuleCache: true,
      fsModuleCachePath: 'test-results/vitest-module-cache',
    },
  },
});
