/**
 * The `ddd` command's entry (dist/cli.js): it loads the command line (dist/cli-main.js)
 * through V8's code cache, so that a run after the first does not compile the bundle's
 * functions again (about a fifth of the start of a short command).
 *
 * Node 22 keeps such a cache itself (`module.enableCompileCache`). On Node 20 this
 * file keeps it: the bundle is compiled with the cached code of the last run, and
 * when there was none (or V8 rejected it: another Node, other flags) the code that
 * the run compiled is written for the next one. The cache is the user's own
 * (`$XDG_CACHE_HOME/ddd-modeler`, else `~/.cache/ddd-modeler`, or
 * `$DDD_COMPILE_CACHE`; `DDD_COMPILE_CACHE=off` turns it off), named by the
 * bundle's file (its size, its time of change and its inode: hashing its 1–2 MB
 * of text would cost more than a tenth of a short run) and the Node version, and
 * written whole or not at all: a
 * missing, stale or unwritable cache only costs the compilation it would have saved.
 */
import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// The young generation grows sixteenfold instead of twofold when V8 finds it too small (V8 reads
// this flag each time it grows it; its size limits are fixed at start-up). A check builds its model
// in one go and keeps all of it: with V8's default, the young generation went through 1, 2, 4, 8
// and 16 MB, collected at each size, every object of the model copied twice on its way out. A
// 50,000-line check: 11 collections of the young generation → 6, 7% fewer instructions, 9% less time.
setFlagsFromString('--semi-space-growth-factor=16');
// V8 optimises a function once it has run for its "interrupt budget" of bytecode (66 KB by default,
// read each time a function's budget is reset, so set here before the command is loaded). A check is
// one pass over the text: much of its code runs long enough to be optimised by default and not long
// enough to repay it (a 50,000-line check: 86 functions optimised by default, 63 with this budget).
// With four times the budget: a 50,000-line check in 383–469 ms instead of 449–528 (medians of 12
// alternated runs); the example workspace in 228 ms instead of 252; the Context Mapper examples ten
// times over (560 files) in 856 instead of 1,025.
setFlagsFromString('--interrupt-budget=270000');

const main = join(__dirname, 'cli-main.js');

function cacheFolder(): string | undefined {
  const asked = process.env['DDD_COMPILE_CACHE'];
  if (asked === 'off') return undefined;
  if (asked) return asked;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'ddd-modeler');
}

/** 8 hex digits of the FNV-1a hash of `text`, started from `seed`. */
function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache's name for this bundle on this Node: the bundle file's identity (a new build or
 * install of it is another file, changed at another time) with the Node version and architecture,
 * hashed three ways into 24 hex digits.
 */
function cacheName(file: string): string {
  const stat = statSync(file, { bigint: true });
  const identity = `${process.version} ${process.arch} ${stat.dev} ${stat.ino} ${stat.size} ${stat.mtimeNs}`;
  return `cli-${fnv1a(identity, 0x811c9dc5)}${fnv1a(identity, 0x5bd1e995)}${fnv1a(identity, 0x9e3779b9)}`;
}

/** Runs the command line compiled with the code cache of the last run, and leaves one for the next. */
function runCached(folder: string): void {
  const bytes = readFileSync(main);
  // the bundle is ASCII (scripts/build.mjs): read as one byte per character, it is a third of the work of UTF-8 decoding
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const name = cacheName(main);
  const file = join(folder, `${name}.cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    // no cache yet
  }
  const script = new Script(Module.wrap(source), { filename: main, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        // after the run: the cache then holds the functions the run compiled, not only the top level
        const data = script.createCachedData();
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, data, { mode: 0o600 });
        renameSync(partial, file);
        // the caches of other bundles (an older version) are of no use any more: one cache at a time
        for (const other of readdirSync(folder)) if (/^cli-[0-9a-f]+\.cache$/.test(other) && join(folder, other) !== file) rmSync(join(folder, other), { force: true });
      } catch {
        // a cache that cannot be written is one the next run goes without
      }
    });
  }
  const wrapped = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  const module = new Module(main, require.main);
  module.filename = main;
  module.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(main));
  wrapped.call(module.exports, module.exports, createRequire(main), module, main, dirname(main));
}

const builtin = (Module as unknown as { enableCompileCache?: (folder?: string) => unknown }).enableCompileCache;
const folder = cacheFolder();
if (folder === undefined) require(main);
else if (builtin) {
  builtin(folder);
  require(main);
} else {
  runCached(folder);
}
