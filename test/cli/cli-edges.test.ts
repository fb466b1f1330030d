/**
 * The CLI at its edges: paths that are not regular files, files too large or
 * not UTF-8, outputs the file system refuses. Each gets a message that says
 * what is wrong; none hangs, none says "internal error". The last part runs
 * every command on every fixture and example and fails on any "internal".
 * (`ddd export --format svg` of the example, checked as the extension checks a
 * file, is in test/diagrams/export-svg.browser.test.ts, with the browser tests.)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readDddText } from '../../src/cli/files';
import { runCli } from '../../src/cli/run';
import type { Output } from '../../src/cli/command';
import { checkWorkspace } from '../../src/language/index';
import { MAX_FILE_SIZE } from '../../src/language/util/source-text';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) {
    try {
      chmodSync(folder, 0o755);
    } catch {
      // already gone
    }
    rmSync(folder, { recursive: true, force: true });
  }
});

function tempFolder(files: Record<string, string | Uint8Array> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-edges-'));
  folders.push(folder);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  return folder;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function ddd(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out: Output = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false };
  const code = await runCli(args, cwd, out);
  return { code, stdout, stderr };
}

const model = 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n  }\n}\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const posix = process.platform !== 'win32';

describe('ddd reads only regular files of UTF-8 text under the size limit', () => {
  it.runIf(posix)('refuses a .ddd link to /dev/zero, named or found in a folder, without reading it', async () => {
    const folder = tempFolder({ 'ok.ddd': model });
    symlinkSync('/dev/zero', join(folder, 'zero.ddd'));
    const named = await ddd(['check', 'zero.ddd', 'ok.ddd'], folder);
    expect(named.stderr).toContain('ddd: cannot read zero.ddd (it is a device, not a file)');
    expect(named.code).toBe(2);
    // the other file is still checked
    expect(named.stdout).toMatch(/1 file/);
    const found = await ddd(['check', '.'], folder);
    expect(found.stderr).toContain('cannot read zero.ddd (it is a device, not a file)');
  });

  it.runIf(posix)('refuses a FIFO without opening it (opening one blocks until a writer comes)', async () => {
    const folder = tempFolder({ 'ok.ddd': model });
    execFileSync('mkfifo', [join(folder, 'pipe.ddd')]);
    const run = await ddd(['check', 'pipe.ddd', 'ok.ddd'], folder);
    expect(run.stderr).toContain('ddd: cannot read pipe.ddd (it is a pipe (FIFO), not a file)');
    expect(run.code).toBe(2);
  });

  it('refuses a file over the limit, naming its size and the limit', async () => {
    const folder = tempFolder({ 'big.ddd': `// ${'x'.repeat(MAX_FILE_SIZE)}\n` });
    const run = await ddd(['check', 'big.ddd'], folder);
    expect(run.stderr).toContain(`ddd: cannot read big.ddd (it is ${MAX_FILE_SIZE + 4} bytes, more than the 5 MB limit for a .ddd file`);
    expect(run.stderr).toContain('docs/limits.md');
    expect(run.code).toBe(2);
  });

  it('refuses a file one byte over the limit, and reads one exactly at it', () => {
    const folder = tempFolder({ 'grown.ddd': 'x'.repeat(100) });
    expect(readDddText(join(folder, 'grown.ddd'), 99)).toEqual({ ok: false, problem: expect.stringMatching(/^it is 100 bytes, more than the 99 bytes limit/) });
    expect(readDddText(join(folder, 'grown.ddd'), 100)).toEqual({ ok: true, text: 'x'.repeat(100) });
  });

  it('takes a raised limit from DDD_MAX_FILE_SIZE, and says so when the value is not a size', async () => {
    const folder = tempFolder({ 'big.ddd': `${model}// ${'x'.repeat(200)}\n` });
    const saved = process.env['DDD_MAX_FILE_SIZE'];
    try {
      process.env['DDD_MAX_FILE_SIZE'] = '100';
      expect((await ddd(['check', 'big.ddd'], folder)).stderr).toContain('more than the 100 bytes limit');
      process.env['DDD_MAX_FILE_SIZE'] = 'lots';
      const run = await ddd(['check', 'big.ddd'], folder);
      expect(run.stderr).toContain("DDD_MAX_FILE_SIZE is 'lots', not a number of bytes");
      expect(run.stdout).toMatch(/1 file/);
    } finally {
      if (saved === undefined) delete process.env['DDD_MAX_FILE_SIZE'];
      else process.env['DDD_MAX_FILE_SIZE'] = saved;
    }
  });

  it('says a file is not UTF-8, and on which line, instead of "Unexpected characters"', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('context Sales {\n  glossary { Caf'), 0xe9, ...new TextEncoder().encode(': "x" }\n}\n')]);
    const folder = tempFolder({ 'latin1.ddd': latin1, 'ok.ddd': model });
    const run = await ddd(['check', '.'], folder);
    expect(run.stderr).toContain('ddd: cannot read latin1.ddd (it is not UTF-8 text: invalid byte 0xE9 at line 2)');
    expect(run.stdout + run.stderr).not.toContain('Unexpected characters');
    expect(run.code).toBe(2);
  });

  it('reads UTF-8 text with a byte-order mark, and text beyond ASCII', async () => {
    const folder = tempFolder({ 'bom.ddd': `\uFEFF${model.replace('Sales {', 'Sales {\n  glossary { Order: "Une commande passée: 注文 🧾" }')}` });
    const run = await ddd(['check', 'bom.ddd'], folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('Unexpected');
  });
});

describe('file-system errors of the output have their own messages', () => {
  it('export --out onto an existing file: it exists and is not a folder', async () => {
    const folder = tempFolder({ 'model.ddd': model, 'taken.txt': 'mine' });
    const run = await ddd(['export', '--format', 'markdown', '--out', 'taken.txt', 'model.ddd'], folder);
    expect(run.stderr).toContain('ddd export: cannot create the folder taken.txt: it exists and is not a folder.');
    expect(run.stderr).not.toMatch(/\binternal\b/i);
    expect(run.code).toBe(2);
  });

  it('export --out under a file: a part of the path is a file', async () => {
    const folder = tempFolder({ 'model.ddd': model, 'taken.txt': 'mine' });
    const run = await ddd(['export', '--format', 'mermaid', '--out', 'taken.txt/diagrams', 'model.ddd'], folder);
    expect(run.stderr).toContain('ddd export: cannot create the folder taken.txt/diagrams: a part of the path is a file, not a folder.');
    expect(run.code).toBe(2);
  });

  it('export --out where a folder has the output file\'s name: it is a folder', async () => {
    const folder = tempFolder({ 'model.ddd': model });
    mkdirSync(join(folder, 'out/model.md'), { recursive: true });
    const run = await ddd(['export', '--format', 'markdown', '--out', 'out', 'model.ddd'], folder);
    expect(run.stderr).toContain('ddd export: cannot open out/model.md: it is a folder.');
    expect(run.code).toBe(2);
  });

  it.runIf(posix && !isRoot)('export --out into a read-only folder: permission denied', async () => {
    const folder = tempFolder({ 'model.ddd': model });
    mkdirSync(join(folder, 'locked'));
    chmodSync(join(folder, 'locked'), 0o555);
    folders.push(join(folder, 'locked'));
    const run = await ddd(['export', '--format', 'markdown', '--out', 'locked', 'model.ddd'], folder);
    expect(run.stderr).toContain('ddd export: cannot open locked/model.md: permission denied.');
    expect(run.code).toBe(2);
  });

  it('a file-system error anywhere in a command is reported the same way (the class, not the instance)', async () => {
    const { fileSystemMessage } = await import('../../src/cli/file-errors');
    const error = Object.assign(new Error('EROFS: read-only file system, open \'/x/y.md\''), { code: 'EROFS', syscall: 'open', path: '/x/y.md' });
    expect(fileSystemMessage(error, '/x')).toBe('cannot open y.md: the file system is read-only');
    const unknown = Object.assign(new Error('EWHATEVER: something odd, open \'/x/y.md\''), { code: 'EWHATEVER', syscall: 'open', path: '/x/y.md' });
    expect(fileSystemMessage(unknown, '/x')).toBe('cannot open y.md: something odd');
    expect(fileSystemMessage(new TypeError('x is undefined'), '/x')).toBeUndefined();
  });
});

// ---------------------------------------------------------------- every command on every fixture

function dddFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...dddFilesUnder(path));
    else if (entry.name.endsWith('.ddd')) found.push(path);
  }
  return found.sort();
}

/** Every fixture and example file on its own, and every folder of them as one workspace. */
function inputs(): string[][] {
  const files = [...dddFilesUnder(join(root, 'test/fixtures')), ...dddFilesUnder(join(root, 'examples'))];
  const folders = [...new Set(files.map((file) => dirname(file)))];
  return [...files.map((file) => [file]), ...folders.map((folder) => [folder]), [join(root, 'examples/order-saga')]];
}

function sagaNames(paths: string[]): string[] {
  const files = paths.flatMap((path) => (statSync(path).isDirectory() ? dddFilesUnder(path) : [path]));
  const { model } = checkWorkspace(files.map((file) => ({ uri: `file://${file}`, text: readFileSync(file, 'utf8') })));
  return model.sagas.map((saga) => saga.name);
}

/** The command lines run on each input. */
function commandLines(paths: string[], out: string): string[][] {
  const lines = [
    ['check', '--hints', ...paths],
    ['check', '--format', 'json', ...paths],
    ['summary', ...paths],
    ['export', '--format', 'markdown', ...paths],
    ['export', '--format', 'mermaid', '--out', out, ...paths],
    ['replay', ...paths],
  ];
  for (const saga of sagaNames(paths)) {
    lines.push(['simulate', '--saga', saga, ...paths], ['simulate', '--saga', saga, '--explore', ...paths]);
  }
  return lines;
}

describe('no command says "internal" on any fixture or example', () => {
  const cases = inputs();

  it('the sweep covers every fixture and example', () => {
    expect(cases.length).toBeGreaterThan(25);
  });

  it.each(cases.map((paths) => [relative(root, paths[0]!), paths] as const))('%s', async (_, paths) => {
    const out = tempFolder();
    const reports: string[] = [];
    let runs = 0;
    for (const line of commandLines(paths, out)) {
      const run = await ddd(line, root);
      runs++;
      const said = `${run.stdout}\n${run.stderr}`;
      if (/\binternal\b/i.test(said)) reports.push(`ddd ${line.map((arg) => relative(root, arg) || arg).join(' ')}:\n${said.split('\n').filter((text) => /\binternal\b/i.test(text)).slice(0, 3).join('\n')}`);
    }
    expect(runs).toBeGreaterThanOrEqual(6);
    expect(reports).toEqual([]);
  });

  it('ddd rules says nothing internal', async () => {
    const run = await ddd(['rules'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\binternal\b/i);
  });
});
