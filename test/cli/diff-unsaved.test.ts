/**
 * "DDD: Compare with…" compares the working tree as the editor shows it: the
 * extension's runDiff sends the unsaved documents to the built diff worker
 * (dist/diff-worker.js) on its standard input, in a temporary git repository
 * whose files on disk are the last commit's. The worker refuses input that is
 * not the protocol's, and the working tree is never written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSide, unsavedTexts } from '../../src/cli/diff-sources';
import { runDiff } from '../../src/extension/diff/run-diff';
import { checkUnsavedFiles, MAX_UNSAVED_FILES } from '../../src/protocol/diff';
import { builtCli } from '../built-product';
import { diffFixtures } from '../diff/fixtures';
import { useBuiltCli, workspace } from './harness';

useBuiltCli();

const worker = join(builtCli, '..', 'diff-worker.js');

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

let repo: string;
let inventory: string;
/** inventory.ddd with InventoryReserved renamed: what the editor shows, unsaved. */
let edited: string;

beforeAll(() => {
  repo = workspace({});
  git(['init', '-q', '-b', 'main'], repo);
  cpSync(join(diffFixtures, 'base'), repo, { recursive: true });
  git(['add', '-A'], repo);
  git(['commit', '-qm', 'the shop model'], repo);
  inventory = join(repo, 'inventory.ddd');
  edited = readFileSync(inventory, 'utf8').replace('event InventoryReserved {', 'event StockReserved {');
});

describe('the working tree with the editor’s unsaved documents', () => {
  it('the saved files alone: nothing changed since the last commit', async () => {
    const diff = await runDiff(worker, repo, 'HEAD');
    expect(diff.changes).toEqual([]);
    expect(diff.new).toBe('the working tree');
  });

  it('an unsaved rename is compared, located in the text the editor shows; the disk is not touched', async () => {
    const before = readFileSync(inventory, 'utf8');
    const diff = await runDiff(worker, repo, 'HEAD', { files: [{ path: inventory, text: edited }] });
    expect(diff.new).toBe('the working tree with unsaved changes');
    expect(diff.changes.map((change) => `${change.change} ${change.kind} ${change.oldName} -> ${change.name}: ${change.classification}`)).toEqual(['renamed event InventoryReserved -> StockReserved: breaking']);
    const line = edited.split('\n').findIndex((text) => text.includes('event StockReserved')) + 1;
    expect(diff.changes[0]!.new).toMatchObject({ file: 'inventory.ddd', line, column: 11 });
    expect(diff.contexts).toEqual([
      { name: 'Inventory', impact: 'breaking' },
      { name: 'Billing', impact: 'affected' },
    ]);
    expect(readFileSync(inventory, 'utf8')).toBe(before);
    expect(git(['status', '--porcelain'], repo)).toBe('');
  });

  it('an unsaved document outside the folder compared changes nothing', async () => {
    const diff = await runDiff(worker, repo, 'HEAD', { files: [{ path: join(repo, '..', 'elsewhere.ddd'), text: 'context Elsewhere' }] });
    expect(diff.changes).toEqual([]);
  });

  it('the worker refuses input that is not the protocol’s, saying why', async () => {
    const bad = spawnSync(process.execPath, [worker, 'HEAD', '--unsaved'], { cwd: repo, input: JSON.stringify({ files: [{ path: inventory }] }), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^the unsaved documents on the standard input are refused: unsaved\.files\[0\]\.text: not a string/);
    const notJson = spawnSync(process.execPath, [worker, 'HEAD', '--unsaved'], { cwd: repo, input: 'context A', encoding: 'utf8' });
    expect(notJson.stderr).toMatch(/not JSON/);
    expect(spawnSync(process.execPath, [worker, 'HEAD', '--saved'], { cwd: repo, encoding: 'utf8' }).stderr).toMatch(/^usage: /);
  });
});

describe('the unsaved texts', () => {
  it('replace the disk’s text of their file, keyed by its path however it is written', () => {
    const side = loadSide(undefined, [], repo, unsavedTexts([{ path: join(repo, '.', 'inventory.ddd'), text: edited }]));
    expect(side.files.find((file) => file.uri.endsWith('/inventory.ddd'))!.text).toBe(edited);
    expect(side.files.find((file) => file.uri.endsWith('/sales.ddd'))!.text).toBe(readFileSync(join(repo, 'sales.ddd'), 'utf8'));
  });

  it('are checked: a list of paths and texts, bounded', () => {
    expect(checkUnsavedFiles({ files: [{ path: '/w/a.ddd', text: 'context A\n\tcontext B' }] }).ok).toBe(true);
    expect(checkUnsavedFiles({ files: [{ path: '', text: '' }] })).toMatchObject({ ok: false });
    expect(checkUnsavedFiles({ files: [], extra: 1 })).toMatchObject({ ok: false });
    expect(checkUnsavedFiles({ files: Array.from({ length: MAX_UNSAVED_FILES + 1 }, () => ({ path: '/a.ddd', text: '' })) })).toMatchObject({ ok: false, reason: expect.stringMatching(/more than/) });
  });
});
