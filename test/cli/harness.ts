/**
 * Running the `ddd` command on temporary folders, shared by the CLI tests:
 * `ddd` runs the built command (dist/cli.js) as a child process, as a user
 * does; `dddHere` runs the same command line in this process (the code main.ts
 * calls, without colours, as with NO_COLOR), which is what most tests need and
 * costs no process start. `useBuiltCli()` builds dist/cli.js when it is older
 * than the sources (or fails), and removes the temporary folders afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Output } from '../../src/cli/command';
import { runCli } from '../../src/cli/run';
import { builtCli, ensureBuiltCli } from '../built-product';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = builtCli;

const folders: string[] = [];

/** Registers the hooks of a CLI test file: build the CLI first when needed, remove the temporary folders last. */
export function useBuiltCli(): void {
  beforeAll(() => void ensureBuiltCli(), 120_000);
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

/** The command line run in this process: the same exit code and output as `ddd`, without starting one. */
export async function dddHere(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out: Output = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false };
  const status = await runCli(args, cwd, out);
  return { status, stdout, stderr, lines: stdout.split('\n').filter(Boolean) };
}

/** Registers the hook that removes the temporary folders, for test files that run only `dddHere`. */
export function useTemporaryFolders(): void {
  afterAll(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
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
