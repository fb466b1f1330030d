/**
 * Running the built `ddd` command as a child process on temporary folders:
 * shared by the CLI tests. `useBuiltCli()` builds dist/cli.js when it is older
 * than the sources (or fails), and removes the temporary folders afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/cli.js');

function newestSource(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function cliIsFresh(): boolean {
  try {
    const built = statSync(cli).mtimeMs;
    return built >= Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'package.json')), newestSource(join(root, 'scripts/build.mjs')));
  } catch {
    return false;
  }
}

const folders: string[] = [];

/** Registers the hooks of a CLI test file: build the CLI first when needed, remove the temporary folders last. */
export function useBuiltCli(): void {
  beforeAll(() => {
    if (cliIsFresh()) return;
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    // the CLI is the first bundle: it is usable even when a later one (webview, …) fails
    if (!cliIsFresh()) throw new Error(`could not build dist/cli.js:\n${build.stdout}\n${build.stderr}`);
  }, 120_000);
  afterAll(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

export function ddd(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}

/** A temporary folder with the given files (path → text). */
export function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-cli-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}
