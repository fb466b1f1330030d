/**
 * Browser bundles the tests build with esbuild (the webview, the Markdown
 * preview script, the language server for a Web Worker), built once and kept in
 * test-results/bundles/: a bundle there is used while it is newer than every
 * source (webview/, src/, scripts/, package-lock.json) and was built with the
 * same options; otherwise it is built again and written there (each file whole:
 * written beside, then renamed; the list of files last). So the test workers of
 * a run, and the next runs, build each bundle once (a minified bundle with
 * mermaid is about a second of CPU). `cachedMetafile` keeps, the same way, what
 * a build found (its metafile and messages) for the tests that read only that.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { build, type BuildOptions, type Message, type Metafile } from 'esbuild';
import { newestSource } from './built-cli';

const repositoryRoot = join(__dirname, '..');
const sources = ['webview', 'src', 'scripts', 'package-lock.json'];

/** A bundle's output files by name (`/webview.js`, `/webview.css`, …). */
export type BundleFiles = Map<string, Uint8Array>;

function written(path: string, content: Uint8Array | string): void {
  const partial = `${path}.${process.pid}.${threadId}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

/**
 * The output of `build({ ...options, write: false })`, from test-results/bundles/<name>-<options>/
 * when it is fresh. `options.outfile` names the files (its folder does not matter).
 */
export async function cachedBundle(name: string, options: BuildOptions & { outfile: string }): Promise<BundleFiles> {
  const { folder, newest } = cacheFolder(name, options);
  const list = join(folder, 'files.json');
  try {
    if (statSync(list).mtimeMs > newest) {
      const names = JSON.parse(readFileSync(list, 'utf8')) as string[];
      return new Map(names.map((file) => [file, readFileSync(join(folder, file))]));
    }
  } catch {
    // not built yet (or only in part)
  }
  const built = await build({ ...options, outfile: join(folder, basename(options.outfile)), write: false });
  const files: BundleFiles = new Map(built.outputFiles.map((file) => [`/${basename(file.path)}`, file.contents]));
  mkdirSync(folder, { recursive: true });
  for (const [file, content] of files) written(join(folder, file), content);
  written(list, JSON.stringify([...files.keys()]));
  return files;
}

/**
 * The path of the file `name` (as `options.outfile` names it) of the bundle `cachedBundle` keeps for
 * `options`, built when it is not fresh: for a bundle the tests import in Node.
 */
export async function cachedBundleFile(name: string, options: BuildOptions & { outfile: string }): Promise<string> {
  await cachedBundle(name, options);
  return join(cacheFolder(name, options).folder, basename(options.outfile));
}

/** What a build of `options` found: its metafile (the modules it read, and what each imports) and its errors and warnings. */
export interface BuildFindings {
  metafile: Metafile;
  errors: Message[];
  warnings: Message[];
}

/**
 * The metafile, errors and warnings of `build({ ...options, metafile: true, write: false })`, from
 * test-results/bundles/<name>-<options>/ when it is fresh, like `cachedBundle`. A build that fails
 * throws, as esbuild does, and is not kept.
 */
export async function cachedMetafile(name: string, options: BuildOptions): Promise<BuildFindings> {
  const { folder, newest } = cacheFolder(name, { ...options, metafile: true });
  const path = join(folder, 'metafile.json');
  try {
    if (statSync(path).mtimeMs > newest) return JSON.parse(readFileSync(path, 'utf8')) as BuildFindings;
  } catch {
    // not built yet
  }
  const built = await build({ ...options, metafile: true, write: false });
  const findings: BuildFindings = { metafile: built.metafile, errors: built.errors, warnings: built.warnings };
  mkdirSync(folder, { recursive: true });
  written(path, JSON.stringify(findings));
  return findings;
}

/** Where a build of `options` is kept, and the time of the newest source it may depend on. */
function cacheFolder(name: string, options: BuildOptions): { folder: string; newest: number } {
  const key = createHash('sha256')
    .update(JSON.stringify({ ...options, plugins: options.plugins?.map((plugin) => plugin.name) }))
    .digest('hex')
    .slice(0, 12);
  return {
    folder: join(repositoryRoot, 'test-results', 'bundles', `${name}-${key}`),
    newest: Math.max(...sources.map((path) => newestSource(join(repositoryRoot, path)))),
  };
}
