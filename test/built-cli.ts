/**
 * The built `ddd` command (dist/cli.js) for the tests that run it as a process:
 * built when missing or older than the sources, and a failure (never a skip)
 * when it cannot be built.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
export const builtCli = join(root, 'dist/cli.js');

/** The newest modification time (ms) of a file, or of any file under a folder. */
export function newestSource(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function cliIsFresh(): boolean {
  try {
    const built = statSync(builtCli).mtimeMs;
    return built >= Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'package.json')), newestSource(join(root, 'scripts/build.mjs')));
  } catch {
    return false;
  }
}

/** Builds dist/cli.js unless it is newer than every source; throws, saying why, when the build fails. */
export function ensureBuiltCli(): string {
  if (cliIsFresh()) return builtCli;
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  // the CLI is the first bundle: it is usable even when a later one (webview, …) fails
  if (!cliIsFresh()) throw new Error(`could not build dist/cli.js:\n${build.stdout}\n${build.stderr}`);
  return builtCli;
}
