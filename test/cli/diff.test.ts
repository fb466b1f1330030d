/**
 * `ddd diff` in a temporary git repository with two
 * commits (tagged v1 and v2) and two plain folders: folders and revisions as
 * either side, the working tree as the new side, paths after `--`, every
 * format (Markdown read by markdown-it, annotations by GitHub's workflow
 * command syntax), exit codes and usage errors. The working tree and the index
 * are the same after every run. The first case runs the built command (dist/cli.js)
 * as a child process, for what only a process shows (its exit status, its streams);
 * the others run the same command line in this process (dddHere: the code the
 * built command runs, the same output and exit code), without starting a Node each.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffFixtures } from '../diff/fixtures';
import { ddd, dddHere, useBuiltCli, workspace } from './harness';

useBuiltCli();

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function copyCase(name: string, side: 'old' | 'new', into: string): void {
  const folder = join(diffFixtures, name, side);
  for (const file of readdirSync(folder)) cpSync(join(folder, file), join(into, file));
}

let repo: string;
const state = () => git(['status', '--porcelain=v1', '--untracked-files=all'], repo) + git(['ls-files', '--stage'], repo) + git(['rev-parse', 'HEAD'], repo);

beforeAll(() => {
  repo = workspace({});
  git(['init', '-q', '-b', 'main'], repo);
  cpSync(join(diffFixtures, 'base'), join(repo, 'models'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), 'not a model\n');
  git(['add', '-A'], repo);
  git(['commit', '-qm', 'the shop model'], repo);
  git(['tag', 'v1'], repo);
  // v2 renames an event a saga waits for, and takes a compensation away
  copyCase('event-renamed-heard', 'new', join(repo, 'models'));
  copyCase('compensation-removed', 'new', join(repo, 'models'));
  git(['commit', '-qam', 'rename InventoryReserved'], repo);
  git(['tag', 'v2'], repo);
  // two folders beside the repository's models: the base and one safe change
  cpSync(join(diffFixtures, 'base'), join(repo, 'folders', 'old'), { recursive: true });
  cpSync(join(diffFixtures, 'base'), join(repo, 'folders', 'new'), { recursive: true });
  copyCase('field-added-optional', 'new', join(repo, 'folders', 'new'));
  git(['add', '-A'], repo);
  git(['commit', '-qm', 'folders'], repo);
});

describe('ddd diff between revisions', () => {
  it('lists the changes by bounded context, the breaking rename with the saga step it affects, and exits 1', () => {
    const before = state();
    const run = ddd(['diff', 'v1', 'v2', '--', 'models'], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.lines[0]).toBe('Comparing v1 with v2');
    expect(run.lines).toContain('Inventory');
    expect(run.lines).toContain('  ✗ breaking renamed domain event InventoryReserved → StockReserved  v2:models/inventory.ddd:7:11');
    expect(run.lines).toContain('      affects sagaStep saga OrderSaga, step ReserveInventory  v2:models/order-saga.ddd:3:8');
    expect(run.lines).toContain('  ! risky    changed saga step PlaceOrder  v2:models/order-saga.ddd:2:8');
    expect(run.lines.at(-1)).toBe('3 changes: 1 breaking, 2 risky, 0 safe.');
    expect(state()).toBe(before);
  });

  it('--allow breaking lets a breaking change pass; --allow risky is the default', async () => {
    expect((await dddHere(['diff', 'v1', 'v2', '--allow', 'breaking', '--', 'models'], repo)).status).toBe(0);
    expect((await dddHere(['diff', 'v1', 'v2', '--allow', 'risky', '--', 'models'], repo)).status).toBe(1);
  });

  it('one revision: compared with the working tree, which it never touches', async () => {
    writeFileSync(join(repo, 'models', 'billing.ddd'), readFileSync(join(repo, 'models', 'billing.ddd'), 'utf8').replace('PaymentProcessed { order: OrderId }', 'PaymentProcessed { order: OrderId  amount: Decimal }'));
    try {
      const before = state();
      const run = await dddHere(['diff', 'v2', '--', 'models'], repo);
      expect(run.lines[0]).toBe('Comparing v2 with the working tree');
      expect(run.lines).toContain('Billing');
      expect(run.lines).toContain('  ! risky    added field amount  models/billing.ddd:5:46');
      expect(run.lines).toContain('      affects sagaStep saga OrderSaga, step ProcessPayment  models/order-saga.ddd:5:8');
      expect(run.status).toBe(0);
      expect(state()).toBe(before);
    } finally {
      git(['checkout', '--', 'models/billing.ddd'], repo);
    }
  });

  it('paths after -- narrow both versions', async () => {
    const run = await dddHere(['diff', 'v1', 'v2', '--', 'models/sales.ddd'], repo);
    expect(run.lines).toEqual(['Comparing v1 with v2', 'no changes.']);
    expect(run.status).toBe(0);
  });

  it('from a subfolder, a revision is read below that folder', async () => {
    const run = await dddHere(['diff', 'v1', 'v2'], join(repo, 'models'));
    expect(run.lines).toContain('  ✗ breaking renamed domain event InventoryReserved → StockReserved  v2:inventory.ddd:7:11');
  });
});

describe('ddd diff between folders', () => {
  it('compares two folders: a safe change, exit 0', async () => {
    const run = await dddHere(['diff', 'folders/old', 'folders/new'], repo);
    expect(run.lines).toEqual(['Comparing folders/old with folders/new', 'Sales', '  · safe     added field coupon  folders/new/sales.ddd:11:55', '1 change: 0 breaking, 0 risky, 1 safe.']);
    expect(run.status).toBe(0);
  });

  it('a folder and a revision mix: the base folder against v2 (whose models are the base with its changes)', async () => {
    const run = await dddHere(['diff', 'folders/old', 'v2', '--format', 'json'], repo);
    expect(JSON.parse(run.stdout).counts).toEqual({ breaking: 1, risky: 2, safe: 0 });
    expect(run.status).toBe(1);
  });
});

describe('formats', () => {
  it('json: the changes with both sides located (the revision and the path in the repository)', async () => {
    const run = await dddHere(['diff', 'v1', 'v2', '--format', 'json', '--', 'models'], repo);
    const diff = JSON.parse(run.stdout);
    expect(diff).toMatchObject({ version: 1, command: 'diff', old: 'v1', new: 'v2', counts: { breaking: 1, risky: 2, safe: 0 }, omitted: 0 });
    const renamed = diff.changes.find((change: { change: string }) => change.change === 'renamed');
    expect(renamed).toMatchObject({
      kind: 'event',
      oldName: 'InventoryReserved',
      name: 'StockReserved',
      classification: 'breaking',
      old: { revision: 'v1', repositoryPath: 'models/inventory.ddd', line: 7, column: 11 },
      new: { revision: 'v2', repositoryPath: 'models/inventory.ddd', line: 7, column: 11 },
    });
    expect(renamed.affected).toContainEqual(expect.objectContaining({ kind: 'sagaStep', name: 'saga OrderSaga, step ReserveInventory', location: expect.objectContaining({ line: 3 }) }));
    expect(renamed.context).toBe('Inventory');
    // the contexts the changes touch, worst first: what the editor's context map colours
    expect(diff.contexts).toEqual([
      { name: 'Inventory', impact: 'breaking' },
      { name: 'Billing', impact: 'affected' },
    ]);
    expect(run.status).toBe(1);
  });

  it('json: a removed element names the declaration that held it, in the new version', async () => {
    // the optional field coupon, taken away again: its event OrderPlaced, on line 11
    const run = await dddHere(['diff', 'folders/new', 'folders/old', '--format', 'json'], repo);
    const [coupon] = JSON.parse(run.stdout).changes;
    expect(coupon).toMatchObject({ change: 'removed', name: 'coupon', holder: { file: 'folders/old/sales.ddd', line: 11, column: 11 } });
    expect(coupon.new).toBeUndefined();
  });

  it('markdown: a pull-request comment, one table per context, as markdown-it reads it', async () => {
    const run = await dddHere(['diff', 'v1', 'v2', '--format', 'markdown', '--', 'models'], repo);
    const tokens = new MarkdownIt({ html: true }).parse(run.stdout, {});
    const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' ? [`${token.tag} ${tokens[i + 1]!.content}`] : []));
    expect(headings).toEqual(['h2 Model changes: 1 breaking, 2 risky, 0 safe', 'h3 Inventory', 'h3 saga OrderSaga']);
    expect(tokens.filter((token) => token.type === 'table_open')).toHaveLength(2);
    // header row + one row per change, five cells each
    expect(tokens.filter((token) => token.type === 'tr_open')).toHaveLength(2 + 3);
    const rows = tokens.filter((token) => token.type === 'tr_open').map((open) => tokens.indexOf(open));
    for (const at of rows) {
      let cells = 0;
      for (let i = at + 1; tokens[i]!.type !== 'tr_close'; i++) if (tokens[i]!.type === 'td_open' || tokens[i]!.type === 'th_open') cells++;
      expect(cells).toBe(5);
    }
    // the only HTML is the line break inside a cell
    const html = tokens.flatMap((token) => token.children ?? []).filter((token) => token.type === 'html_inline').map((token) => token.content);
    expect(new Set(html)).toEqual(new Set(['<br>']));
    const inline = tokens.filter((token) => token.type === 'inline').map((token) => token.content).join('\n');
    expect(inline).toContain('sagaStep saga OrderSaga, step ReserveInventory');
    expect(run.status).toBe(1);
  });

  it('markdown escapes what would break the table or make markup', async () => {
    const run = await dddHere(['diff', 'v1', 'v2', '--format', 'markdown', '--', 'models'], repo);
    // an outcome key holds `|`: inside a code span it is shown as ¦, in text escaped
    expect(run.stdout).toContain('`failed RELEASED ¦ - ¦ ok`');
    expect(run.stdout).not.toMatch(/[^\\]\| - \|/);
  });

  it('github: an error on the line of each breaking change, a warning for each risky one', async () => {
    const run = await dddHere(['diff', 'v1', 'v2', '--format', 'github', '--', 'models'], repo);
    const annotations = run.lines.filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(3);
    const syntax = /^::(error|warning|notice) ((?:file|line|endLine|col|endColumn|title)=[^,:]*)(,(?:file|line|endLine|col|endColumn|title)=[^,:]*)*::[^\r\n]*$/;
    for (const annotation of annotations) expect(annotation).toMatch(syntax);
    expect(annotations[0]).toMatch(/^::error file=models\/inventory\.ddd,line=7,endLine=7,col=11,endColumn=24,title=ddd diff breaking::renamed domain event InventoryReserved → StockReserved%0A/);
    expect(annotations[0]).toContain('sagaStep saga OrderSaga, step ReserveInventory (v2:models/order-saga.ddd:3:8)');
    expect(annotations.slice(1).every((annotation) => annotation.startsWith('::warning file=models/order-saga.ddd,'))).toBe(true);
    expect(run.lines.at(-1)).toBe('3 changes: 1 breaking, 2 risky, 0 safe.');
    expect(run.status).toBe(1);
  });
});

describe('usage errors (exit 2)', () => {
  const cases: [string, string[], RegExp][] = [
    ['no version', ['diff'], /name the old version/],
    ['three versions', ['diff', 'v1', 'v2', 'models'], /at most two versions.*ddd diff v1 v2 -- models/],
    ['an unknown revision, with the likeliest one', ['diff', 'v3'], /v3 is neither a folder nor a revision of the git repository \(did you mean v1\?\)/],
    ['an option-looking revision is never passed to git', ['diff', '--', '--output=x'], /name the old version/],
    ['an unknown format', ['diff', 'v1', '--format', 'html'], /--format must be text, json, markdown or github, not 'html'/],
    ['an unknown allowance', ['diff', 'v1', '--allow', 'all'], /--allow must be risky or breaking, not 'all'/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const run = await dddHere(args, repo);
      expect(run.stderr).toMatch(message);
      expect(run.status).toBe(2);
    });
  }

  it('a revision outside a git repository', async () => {
    const plain = workspace({ 'a.ddd': 'context A\n' });
    const run = await dddHere(['diff', 'main'], plain);
    expect(run.stderr).toMatch(/main is not a folder or a \.ddd file, and the working folder is not in a git repository/);
    expect(run.status).toBe(2);
  });

  it('a folder without models', async () => {
    const run = await dddHere(['diff', 'folders/old', 'models/../README.md'], repo);
    expect(run.stderr).toMatch(/README\.md is not a \.ddd file/);
    expect(run.status).toBe(2);
  });

  it('--help shows the usage', async () => {
    const run = await dddHere(['diff', '--help'], repo);
    expect(run.stdout).toMatch(/^Usage: ddd diff \[options\] <old> \[<new>\] \[-- paths…\]/);
    expect(run.status).toBe(0);
  });
});
