/**
 * The `ddd` entry loads the command line through V8's code cache: the first run
 * leaves a cache in the user's cache folder, later runs use it, and a cache that
 * is broken, stale or cannot be written changes nothing a user sees.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from '../built-product';

let cli: string;
let folder: string;
const model = join(__dirname, '../../examples/order-saga');

function ddd(cache: string, args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, DDD_COMPILE_CACHE: cache } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function cachesIn(cache: string): string[] {
  try {
    return readdirSync(cache).filter((name) => name.endsWith('.cache'));
  } catch {
    return [];
  }
}

describe('the code cache of the ddd command', () => {
  beforeAll(() => {
    cli = ensureBuiltCli();
    folder = mkdtempSync(join(tmpdir(), 'ddd-compile-cache-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is written by the first run and changes nothing the command prints', () => {
    const cache = join(folder, 'first');
    const without = ddd('off', ['check', model]);
    const first = ddd(cache, ['check', model]);
    // Node 22 keeps its own cache in the folder; Node 20 gets one file from the entry
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const second = ddd(cache, ['check', model]);
    expect(first).toEqual(without);
    expect(second).toEqual(without);
    expect(without.stdout).toMatch(/\d+ files?, /);
  });

  it('replaces a broken cache with a good one, and keeps one cache at a time', () => {
    const cache = join(folder, 'broken');
    ddd(cache, ['--version']);
    const files = cachesIn(cache);
    if (files.length === 0) return expect(readdirSync(cache).length).toBeGreaterThan(0); // Node 22's own cache
    expect(files).toHaveLength(1);
    const file = join(cache, files[0]!);
    writeFileSync(file, 'not a code cache');
    writeFileSync(join(cache, 'cli-0123456789abcdef01234567.cache'), 'the cache of another build');
    const run = ddd(cache, ['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cachesIn(cache)).toEqual(files);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
  });

  it('is the cache of one build: a rebuilt bundle gets a new cache, which replaces the old one', () => {
    const cache = join(folder, 'rebuilt');
    const install = join(folder, 'install');
    mkdirSync(install);
    for (const name of ['cli.js', 'cli-main.js']) copyFileSync(join(dirname(cli), name), join(install, name));
    const installed = join(install, 'cli.js');
    const run = (args: string[]) => spawnSync(process.execPath, [installed, ...args], { encoding: 'utf8', env: { ...process.env, DDD_COMPILE_CACHE: cache } });
    expect(run(['--version']).status).toBe(0);
    const first = cachesIn(cache);
    if (first.length === 0) return expect(readdirSync(cache).length).toBeGreaterThan(0); // Node 22's own cache
    expect(run(['--version']).status).toBe(0);
    expect(cachesIn(cache)).toEqual(first);
    // another build in its place, as an update of the package would put there
    appendFileSync(join(install, 'cli-main.js'), '\n// rebuilt\n');
    const after = run(['check', model]);
    expect(after.status).toBe(0);
    expect(after.stdout).toEqual(ddd('off', ['check', model]).stdout);
    expect(cachesIn(cache)).toHaveLength(1);
    expect(cachesIn(cache)).not.toEqual(first);
  });

  it('is neither read nor written when turned off, or when its folder cannot be written', () => {
    const blocked = join(folder, 'a-file');
    writeFileSync(blocked, 'a file where the folder would be');
    const run = ddd(join(blocked, 'cache'), ['--version']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(ddd('off', ['--version']).stdout).toBe(run.stdout);
  });
});
