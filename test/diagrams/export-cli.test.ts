/**
 * `ddd export` as a command module (src/cli/main.ts does not dispatch to it
 * yet, so the tests call the command's `run` the way main does): mermaid and
 * Markdown output, files, usage problems, and SVG without a browser.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateContextMap } from '../../src/bench/diagrams';
import { UsageError } from '../../src/cli/command';
import { diagramFileName, exportCommand, findChromium } from '../../src/cli/export';
import { parseMermaid } from './parse';
import { repositoryRoot } from './support';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function runExport(args: string[], options: Record<string, string | boolean | undefined>, cwd = repositoryRoot): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), color: false };
  const code = await exportCommand.run({ args, options, cwd, out });
  return { code, stdout, stderr };
}

const folders: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ddd-export-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Splits stdout holding several diagrams (each after a `%% title` line). */
function diagramsOf(stdout: string): { title: string; text: string }[] {
  return stdout
    .split(/^%% /m)
    .filter((chunk) => chunk.trim())
    .map((chunk) => ({ title: chunk.slice(0, chunk.indexOf('\n')), text: chunk.slice(chunk.indexOf('\n') + 1) }));
}

describe('ddd export --format mermaid', () => {
  it('prints one diagram as mermaid text', async () => {
    const run = await runExport(['examples/order-saga'], { view: 'context-map' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^flowchart LR\n/);
    expect(run.stdout).toContain('c_Sales -->|"OHS, PL → ACL"| c_Support');
    await parseMermaid(run.stdout);
  });

  it('narrows with --name: a map, a context and its neighbours, a saga', async () => {
    const focus = await runExport(['examples/order-saga'], { view: 'context-map', name: 'Billing' });
    expect(focus.stdout).toContain('class c_Billing focus');
    const saga = await runExport(['examples/order-saga'], { view: 'saga', name: 'OrderSaga' });
    const parts = diagramsOf(saga.stdout);
    expect(parts.map((part) => part.title)).toEqual(['OrderSaga: state machine', 'OrderSaga: sequence']);
    expect(parts[0]!.text).toContain('INV_RELEASED --> FAILED : CancelOrder');
    for (const part of parts) await parseMermaid(part.text);
  });

  it('writes one .mmd file per diagram with --out (every view without --view)', async () => {
    const folder = temporaryFolder();
    const run = await runExport(['examples/order-saga'], { out: folder });
    expect(run.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual([
      'aggregates-Banking.mmd',
      'aggregates-Billing.mmd',
      'aggregates-Inventory.mmd',
      'aggregates-Notification.mmd',
      'aggregates-Sales.mmd',
      'aggregates-Shipping.mmd',
      'aggregates-Support.mmd',
      'context-map.mmd',
      'domains.mmd',
      'lifecycle-Order.mmd',
      'saga-flow-OrderFulfilment.mmd',
      'saga-flow-PlaceOrderChoreography.mmd',
      'saga-sequence-OrderSaga.mmd',
      'saga-states-OrderSaga.mmd',
      'storming-Checkout.mmd',
    ]);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(files.length);
    expect(run.stdout).toMatch(/^wrote .*context-map\.mmd$/m);
    for (const file of files) await parseMermaid(readFileSync(join(folder, file), 'utf8'));
  });

  it('reports usage problems', async () => {
    await expect(runExport(['examples/order-saga'], { view: 'nope' })).rejects.toThrow(UsageError);
    await expect(runExport(['examples/order-saga'], { view: 'context-map', format: 'png' })).rejects.toThrow('--format must be one of mermaid, markdown, svg, asyncapi');
    await expect(runExport(['examples/order-saga'], { view: 'saga', name: 'Nope' })).rejects.toThrow('There is no saga named Nope (the sagas are PlaceOrderChoreography, OrderFulfilment, OrderSaga)');
    await expect(runExport(['examples/order-saga'], { name: 'Sales' })).rejects.toThrow('--name needs a --view');
    await expect(runExport(['examples/order-saga'], {})).rejects.toThrow('choose a --view');
    const missing = await runExport(['no-such-folder'], { view: 'domains' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-folder does not exist');
  });

  it('says when there is nothing to export', async () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'tiny.ddd'), 'context Lonely\n');
    const run = await runExport([folder], { view: 'saga' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing to export: the model has no sagas');
  });
});

describe('ddd export --format markdown', () => {
  it('prints one document with a mermaid block per diagram', async () => {
    const run = await runExport(['examples/order-saga'], { format: 'markdown', title: 'Order saga' });
    expect(run.code).toBe(0);
    const markdown = run.stdout;
    expect(markdown).toMatch(/^# Order saga\n/);
    for (const heading of ['## Domains and subdomains', '## Context map', '## Bounded contexts', '### Sales', '## Sagas', '### OrderSaga (orchestrated by Sales)', '## Event storming', '### Checkout']) {
      expect(markdown).toContain(`\n${heading}\n`);
    }
    expect(markdown).toContain('| **Customer** | Someone who buys: name, email, shipping address, payment methods, cart |');
    expect(markdown).toContain('| ShopMap | Sales \\[OHS, PL\\] | `->` | Support \\[ACL\\] | open host service, published language, anti-corruption layer |');
    expect(markdown).toContain('| ShopMap | Sales \\[SK\\] | `<->` | Billing \\[SK\\] | shared kernel (shares Money) |');
    // each context's domain events, with what emits them and what hears them
    expect(markdown).toContain('| Event | Emitted by | Heard by |');
    expect(markdown).toContain('| **OrderCreated** | command CreateOrder; Sales in saga PlaceOrderChoreography | Inventory in saga PlaceOrderChoreography; saga OrderSaga after CreateOrder |');
    expect(markdown.indexOf('## Domains and subdomains')).toBeLessThan(markdown.indexOf('## Context map'));
    const blocks = [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
    expect(blocks).toHaveLength(15); // domains, context map, 7 contexts (Notification: its domain service), 4 saga diagrams, the lifecycle of Order, 1 board
    for (const block of blocks) await parseMermaid(block);
  });

  it('narrows to a view and a name, and writes a file with --out', async () => {
    const folder = temporaryFolder();
    const run = await runExport(['examples/order-saga'], { format: 'markdown', view: 'saga', name: 'OrderSaga', out: folder });
    expect(run.code).toBe(0);
    expect(readdirSync(folder)).toEqual(['saga.md']);
    const markdown = readFileSync(join(folder, 'saga.md'), 'utf8');
    expect(markdown).toContain('### OrderSaga (orchestrated by Sales)');
    expect(markdown).not.toContain('PlaceOrderChoreography');
    expect(markdown.match(/```mermaid/g)).toHaveLength(2);
  });
});

describe('ddd export --format svg without a browser', () => {
  const saved = process.env['CHROME_PATH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CHROME_PATH'];
    else process.env['CHROME_PATH'] = saved;
  });

  it('says how to get Chromium when a diagram needs mermaid, and exits 2', async () => {
    process.env['CHROME_PATH'] = '/no/such/chromium';
    const run = await runExport(['examples/order-saga'], { view: 'domains', format: 'svg' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CHROME_PATH is /no/such/chromium, which does not exist');
    expect(run.stderr).toContain('install Chromium (e.g. `sudo apt-get install chromium`) or set CHROME_PATH');
    expect(run.stderr).toContain('or use --format mermaid or --format markdown');
  });

  it('draws a context map too large for mermaid directly (no browser needed)', async () => {
    process.env['CHROME_PATH'] = '/no/such/chromium';
    const folder = temporaryFolder();
    for (const file of generateContextMap(100, 300).files) writeFileSync(join(folder, file.uri.slice(file.uri.lastIndexOf('/') + 1)), file.text);
    const started = performance.now();
    const run = await runExport([folder], { view: 'context-map', format: 'svg' }, folder);
    console.log(`ddd export --view context-map --format svg, 100 contexts / 300 relationships: ${(performance.now() - started).toFixed(0)} ms (reading and checking the files included)`);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('too large for mermaid (100 contexts, 300 relationships): drawn with the fast layout instead');
    expect(run.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(run.stdout.match(/<g class="ddd-node /g)).toHaveLength(100);
  });

  it('finds Chromium from CHROME_PATH or the usual places', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome' }, (path) => path === '/opt/chrome')).toEqual({ path: '/opt/chrome' });
    expect(findChromium({}, (path) => path === '/usr/bin/chromium-browser')).toEqual({ path: '/usr/bin/chromium-browser' });
    expect(findChromium({}, () => false)).toEqual({ problem: 'no Chrome or Chromium found' });
  });

  it('names files after the view and the subject, safely and uniquely', () => {
    const taken = new Set<string>();
    const diagram = { kind: 'aggregates', subject: '../etc/pass wd' } as Parameters<typeof diagramFileName>[0];
    expect(diagramFileName(diagram, taken)).toBe('aggregates-__etc_pass_wd');
    expect(diagramFileName(diagram, taken)).toBe('aggregates-__etc_pass_wd-2');
  });
});
