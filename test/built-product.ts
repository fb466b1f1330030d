/**
 * What `npm run build` (scripts/build.mjs) makes, for the tests that use it as
 * users get it: the `ddd` command (dist/cli.js) and the bundles a browser loads
 * (the webview, the diff panel, the Markdown preview's script, the language
 * server for a Web Worker), read from dist/ as the VSIX ships them.
 *
 * dist/ is used while every file asked for is newer than every source;
 * otherwise the tests build it again, once for all the test workers of a run
 * (the first takes test-results/build.lock, the others wait for it; a lock
 * left by a run that died is taken over), and a
 * build that fails is a failure, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';

const root = join(__dirname, '..');
/** What the build reads: a file newer than its output makes the output stale. */
const sources = ['src', 'webview', 'scripts', 'package.json', 'package-lock.json'].map((path) => join(root, path));
/** Holds the process id of the test run building dist/ (created only when absent: the creation is atomic). */
const lock = join(root, 'test-results', 'build.lock');

export const builtCli = join(root, 'dist/cli.js');

/** The newest modification time (ms) of a file, or of any file under a folder. */
function newestSource(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

/** The time of the newest file a build reads (test/cached-bundle.ts keeps its bundles by it too). */
export function newestBuildSource(): number {
  return Math.max(...sources.map(newestSource));
}

function fresh(outputs: readonly string[]): boolean {
  const newest = newestBuildSource();
  return outputs.every((output) => {
    try {
      return statSync(output).mtimeMs >= newest;
    } catch {
      return false;
    }
  });
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether the lock was left by a test run that is gone (its process no longer runs). */
function lockIsStale(): boolean {
  const owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
  // just created, its process id not written yet: held
  if (!Number.isInteger(owner) || owner <= 0) return false;
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Runs `work` holding the build lock; the test workers of this run wait for it, a lock left by a run that died is taken over. */
function holdingBuildLock<T>(work: () => T): T {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      try {
        if (lockIsStale()) rmSync(lock, { force: true });
      } catch {
        // released meanwhile
      }
      pause(100);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Builds dist/ unless each of `outputs` (paths in dist/) is newer than every source; throws, saying why, when they cannot be built. */
export function ensureBuilt(outputs: readonly string[]): void {
  const paths = outputs.map((output) => join(root, output));
  if (fresh(paths)) return;
  const build = holdingBuildLock(() => (fresh(paths) ? undefined : spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' })));
  // a bundle is usable even when another one failed to build
  if (!fresh(paths)) throw new Error(`could not build ${outputs.join(', ')}:\n${build?.stdout ?? ''}\n${build?.stderr ?? ''}`);
}

/** dist/cli.js, built first when needed. */
export function ensureBuiltCli(): string {
  ensureBuilt(['dist/cli.js', 'dist/cli-main.js']);
  return builtCli;
}

/** The bundles of scripts/build.mjs that run in a browser. */
export type BrowserBundle = 'webview' | 'webview-diff' | 'markdown-preview' | 'browser-server' | 'browser-extension';

/** A bundle's files by the path a page asks for: `/<bundle>.js`, and `/<bundle>.css` when it has a stylesheet. */
export type BundleFiles = Map<string, Uint8Array>;

/** The files of dist/<bundle>.js as the build made them, built first when needed. */
export function builtBrowserBundle(bundle: BrowserBundle): BundleFiles {
  ensureBuilt([`dist/${bundle}.js`]);
  const files: BundleFiles = new Map([[`/${bundle}.js`, readFileSync(join(root, 'dist', `${bundle}.js`))]]);
  try {
    files.set(`/${bundle}.css`, readFileSync(join(root, 'dist', `${bundle}.css`)));
  } catch {
    // a bundle without a stylesheet
  }
  return files;
}

/** What esbuild found when it built dist/<bundle>.js (dist/<bundle>.meta.json): the modules it holds, and what each imports. */
export function builtMetafile(bundle: BrowserBundle): Metafile {
  ensureBuilt([`dist/${bundle}.js`, `dist/${bundle}.meta.json`]);
  return JSON.parse(readFileSync(join(root, 'dist', `${bundle}.meta.json`), 'utf8')) as Metafile;
}
