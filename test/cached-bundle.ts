/**
 * Bundles that only the tests need (mermaid for Node: test/diagrams/parse.ts),
 * built with esbuild once and kept in test-results/bundles/: a bundle there is
 * used while it is newer than every source a build reads (test/built-product.ts)
 * and was built with the same options; otherwise it is built
 * again and written there (each file whole: written beside, then renamed; the
 * list of files last). So the test workers of a run, and the next runs, build it
 * once. The product's own bundles come from the build: test/built-product.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { build, type BuildOptions } from 'esbuild';
import { newestBuildSource, type BundleFiles } from './built-product';

const repositoryRoot = join(__dirname, '..');

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

/** Where a build of `options` is kept, and the time of the newest source it may depend on. */
function cacheFolder(name: string, options: BuildOptions): { folder: string; newest: number } {
  const key = createHash('sha256')
    .update(JSON.stringify({ ...options, plugins: options.plugins?.map((plugin) => plugin.name) }))
    .digest('hex')
    .slice(0, 12);
  return {
    folder: join(repositoryRoot, 'test-results', 'bundles', `${name}-${key}`),
    newest: newestBuildSource(),
  };
}
