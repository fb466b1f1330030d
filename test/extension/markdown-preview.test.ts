/**
 * The extension's side of the Markdown preview (src/extension/markdown-preview.ts)
 * on a stand-in for the `vscode` API holding examples/order-saga: activation
 * waits until the workspace's models are read (a few seconds at most), so the
 * preview's first page draws its fences `from workspace`; when the reading takes
 * longer, the fences say so and the previews are refreshed once it is done; a
 * changed model file refreshes them too, once it is read: the page the refresh
 * renders shows the new model, whatever order and pace the reads take.
 */
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readWorkspace } from '../helpers';
import { markdownFixture } from '../markdown/fixtures';

interface FakeUri {
  path: string;
  scheme: string;
  toString(): string;
}

interface FakeDocument {
  uri: FakeUri;
  languageId: string;
  isClosed: boolean;
  getText(): string;
}

const host = vi.hoisted(() => {
  const listeners = {
    change: [] as ((uri: FakeUri) => unknown)[],
    delete: [] as ((uri: FakeUri) => unknown)[],
    text: [] as ((event: { document: FakeDocument }) => unknown)[],
  };
  return {
    files: new Map<string, string>(),
    delayMs: 0,
    /** How long each read of a file takes (ms), by path; Infinity: it never ends. Else delayMs. */
    readMs: new Map<string, number>(),
    textDocuments: [] as FakeDocument[],
    commands: [] as string[],
    /** What VS Code does on a command: the refresh renders the previews at once. */
    onCommand: undefined as ((command: string) => void) | undefined,
    listeners,
  };
});

vi.mock('vscode', () => {
  const uri = (path: string): FakeUri => ({ path, scheme: 'file', toString: () => `file://${path}` });
  const none = { dispose() {} };
  return {
    workspace: {
      workspaceFolders: [{ uri: uri('/ws') }],
      get textDocuments() {
        return host.textDocuments;
      },
      findFiles: async (_include: string, _exclude: string, max: number) => [...host.files.keys()].slice(0, max).map(uri),
      fs: {
        readFile: (file: FakeUri) =>
          new Promise<Uint8Array>((resolve, reject) => {
            // what is on disk when the read starts, handed over when it ends
            const text = host.files.get(file.path);
            const ms = host.readMs.get(file.path) ?? host.delayMs;
            if (ms === Infinity) return;
            setTimeout(() => (text === undefined ? reject(new Error('gone')) : resolve(new TextEncoder().encode(text))), ms);
          }),
      },
      getConfiguration: () => ({ get: () => undefined }),
      createFileSystemWatcher: () => ({
        onDidCreate: (listener: (uri: FakeUri) => unknown) => (host.listeners.change.push(listener), none),
        onDidChange: (listener: (uri: FakeUri) => unknown) => (host.listeners.change.push(listener), none),
        onDidDelete: (listener: (uri: FakeUri) => unknown) => (host.listeners.delete.push(listener), none),
        dispose() {},
      }),
      onDidChangeTextDocument: (listener: (event: { document: FakeDocument }) => unknown) => (host.listeners.text.push(listener), none),
      onDidCloseTextDocument: () => none,
      getWorkspaceFolder: () => ({}),
      asRelativePath: (file: FakeUri) => file.path.replace(/^\/ws\//, ''),
    },
    commands: {
      executeCommand: async (command: string) => {
        host.commands.push(command);
        host.onCommand?.(command);
      },
    },
  };
});

const { markdownPreviewPlugin: pluginWith } = await import('../../src/extension/markdown-preview');
const { LONGEST_READ_WAIT_MS, REFRESH_DELAY_MS } = await import('../../src/extension/markdown-refresh');
const markdownModule = await import('../../src/markdown/index');
const markdownPreviewPlugin = (context: never, log: never) => pluginWith(context, log, () => markdownModule);

const output = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
const notes = markdownFixture('shop-notes.md');
const states = (html: string) => [...html.matchAll(/data-ddd-state="(\w+)"/g)].map((match) => match[1]);
const fakeUri = (path: string): FakeUri => ({ path, scheme: 'file', toString: () => `file://${path}` });
const MAP = '/ws/context-map.ddd';
/** context-map.ddd with Sales -> Refunds in ShopMap: the map then draws c_Refunds. */
const mapWithRefunds = () => host.files.get(MAP)!.replace('contextmap ShopMap {', 'contextmap ShopMap {\n  Sales -> Refunds');
/** The file watcher reports a change, once (the extension listens to creations and changes alike; not awaited: the read may take a while). */
const changedOnDisk = (path: string) => {
  for (const listener of new Set(host.listeners.change)) void listener(fakeUri(path));
};

/** The plugin with the example read (on fake timers), its markdown-it, and the pages each refresh rendered, as VS Code renders them. */
async function previewOnFakeTimers() {
  vi.useFakeTimers();
  const plugin = markdownPreviewPlugin({ subscriptions: [] } as never, output);
  const ready = plugin.ready();
  await vi.advanceTimersByTimeAsync(10);
  await ready;
  const md = plugin.extendMarkdownIt(new MarkdownIt());
  expect(states(md.render(notes))).toEqual(['source', 'source', 'source']);
  const pages: string[] = [];
  host.onCommand = (command) => command === 'markdown.preview.refresh' && pages.push(md.render(notes));
  return { md, pages };
}

describe('the Markdown preview in the extension', () => {
  beforeEach(() => {
    host.files.clear();
    for (const file of readWorkspace('examples/order-saga')) host.files.set(`/ws/${file.uri.split('/examples/order-saga/')[1]}`, file.text);
    host.delayMs = 0;
    host.readMs.clear();
    host.textDocuments.length = 0;
    host.commands.length = 0;
    host.onCommand = undefined;
    for (const list of Object.values(host.listeners)) list.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  test('activation ends with the models read: the first page draws the fences from the workspace', async () => {
    const plugin = markdownPreviewPlugin({ subscriptions: [] } as never, output);
    await plugin.ready();
    expect(states(plugin.extendMarkdownIt(new MarkdownIt()).render(notes))).toEqual(['source', 'source', 'source']);
    expect(host.commands).toEqual([]);
  });

  test('reading that takes longer ends the wait; the fences say so, and the previews are refreshed once it is done', async () => {
    vi.useFakeTimers();
    host.delayMs = 10_000;
    const plugin = markdownPreviewPlugin({ subscriptions: [] } as never, output);
    const ready = plugin.ready(3000);
    await vi.advanceTimersByTimeAsync(3000);
    await ready;
    const md = plugin.extendMarkdownIt(new MarkdownIt());
    const first = md.render(notes);
    expect(states(first)).toEqual(['problem', 'problem', 'source']);
    expect(first).toContain('Reading the workspace’s .ddd files');
    expect(host.commands).toEqual([]);
    await vi.advanceTimersByTimeAsync(7000 + 300);
    expect(host.commands).toEqual(['markdown.preview.refresh']);
    expect(states(md.render(notes))).toEqual(['source', 'source', 'source']);
  });

  test('a changed model file refreshes the previews that drew from the workspace, and they draw it', async () => {
    const plugin = markdownPreviewPlugin({ subscriptions: [] } as never, output);
    await plugin.ready();
    const md = plugin.extendMarkdownIt(new MarkdownIt());
    expect(md.render(notes)).not.toContain('Refunds');
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    host.files.set('/ws/context-map.ddd', host.files.get('/ws/context-map.ddd')!.replace('contextmap ShopMap {', 'contextmap ShopMap {\n  Sales -> Refunds'));
    for (const path of ['/ws/refunds.ddd', '/ws/context-map.ddd']) for (const listener of host.listeners.change) await listener({ path, scheme: 'file', toString: () => `file://${path}` });
    // one refresh for the two changes, a moment after the last
    await vi.waitFor(() => expect(host.commands).toEqual(['markdown.preview.refresh']));
    expect(md.render(notes)).toContain('c_Refunds');
  });

  test('a refresh waits for the reads under way: the page it renders shows every changed file', async () => {
    const { md, pages } = await previewOnFakeTimers();
    expect(md.render(notes)).not.toContain('c_Refunds');
    // a new file, quick to read, and the map, slow to read
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    host.files.set(MAP, mapWithRefunds());
    host.readMs.set(MAP, 2000);
    changedOnDisk('/ws/refunds.ddd');
    changedOnDisk(MAP);
    // refunds.ddd is read, the map is still being read: a refresh now would show the old map, and nothing would draw it again
    await vi.advanceTimersByTimeAsync(1000);
    expect(host.commands).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000 + REFRESH_DELAY_MS);
    expect(host.commands).toEqual(['markdown.preview.refresh']);
    expect(pages[0]).toContain('c_Refunds');
  });

  test("a file's changes reach the model in the order they came, however long each read takes", async () => {
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    const { md, pages } = await previewOnFakeTimers();
    const original = host.files.get(MAP)!;
    // the map gains Sales -> Refunds, and its read is slow; then it is put back, and that read is quick
    host.files.set(MAP, mapWithRefunds());
    host.readMs.set(MAP, 2000);
    changedOnDisk(MAP);
    await vi.advanceTimersByTimeAsync(1);
    host.files.set(MAP, original);
    host.readMs.set(MAP, 0);
    changedOnDisk(MAP);
    await vi.advanceTimersByTimeAsync(2000 + REFRESH_DELAY_MS + 10);
    // the map as it is on disk now, on the page the last refresh rendered and on the next one
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.at(-1)).not.toContain('c_Refunds');
    expect(md.render(notes)).not.toContain('c_Refunds');
  });

  test("a file opened in an editor while its text on disk was being read keeps the editor's text", async () => {
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    const { md, pages } = await previewOnFakeTimers();
    // a change on disk, slow to read; meanwhile the file is opened and Sales -> Refunds typed in
    host.readMs.set(MAP, 2000);
    changedOnDisk(MAP);
    const typed = mapWithRefunds();
    const document = { uri: fakeUri(MAP), languageId: 'ddd', isClosed: false, getText: () => typed };
    host.textDocuments.push(document);
    for (const listener of host.listeners.text) listener({ document });
    await vi.advanceTimersByTimeAsync(2000 + REFRESH_DELAY_MS + 10);
    expect(host.commands).toEqual(['markdown.preview.refresh']);
    expect(pages[0]).toContain('c_Refunds');
    expect(md.render(notes)).toContain('c_Refunds');
  });

  test('a read that never ends holds the refresh up for a few seconds at most', async () => {
    const { pages } = await previewOnFakeTimers();
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    host.files.set('/ws/stuck.ddd', 'context Stuck { }\n');
    host.readMs.set('/ws/stuck.ddd', Infinity);
    changedOnDisk('/ws/refunds.ddd');
    changedOnDisk('/ws/stuck.ddd');
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS + LONGEST_READ_WAIT_MS - 10);
    expect(host.commands).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(host.commands).toEqual(['markdown.preview.refresh']);
    expect(pages).toHaveLength(1);
  });

  test('a deleted model file leaves the map, once its reads under way are done', async () => {
    host.files.set('/ws/refunds.ddd', 'context Refunds { }\n');
    host.files.set(MAP, mapWithRefunds());
    const { md, pages } = await previewOnFakeTimers();
    expect(md.render(notes)).toContain('c_Refunds');
    // a change read slowly, then the file is deleted: the deletion is not undone by the read that ends after it
    host.readMs.set(MAP, 2000);
    changedOnDisk(MAP);
    await vi.advanceTimersByTimeAsync(1);
    host.files.delete(MAP);
    for (const listener of host.listeners.delete) void listener(fakeUri(MAP));
    await vi.advanceTimersByTimeAsync(2000 + REFRESH_DELAY_MS + 10);
    expect(host.commands).toEqual(['markdown.preview.refresh']);
    // ShopMap is gone with its file: the fence says so
    expect(states(pages[0]!)[0]).toBe('problem');
    expect(pages[0]).not.toContain('c_Refunds');
  });

  test('a workspace without models holds activation up for nothing; its fences from the workspace say it has none', async () => {
    host.files.clear();
    const plugin = markdownPreviewPlugin({ subscriptions: [] } as never, output);
    await plugin.ready();
    const md = plugin.extendMarkdownIt(new MarkdownIt());
    const fence = '```ddd saga from workspace\n```\n';
    expect(md.render(fence)).toContain('Reading the workspace’s .ddd files');
    await vi.waitFor(() => expect(host.commands).toEqual(['markdown.preview.refresh']));
    expect(md.render(fence)).toContain('The workspace has no .ddd files to draw from.');
  });
});
