/**
 * The extension's side of the Markdown preview (src/extension/markdown-preview.ts)
 * on a stand-in for the `vscode` API holding examples/order-saga: activation
 * waits until the workspace's models are read (a few seconds at most), so the
 * preview's first page draws its fences `from workspace`; when the reading takes
 * longer, the fences say so and the previews are refreshed once it is done; a
 * changed model file refreshes them too.
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

const host = vi.hoisted(() => {
  const listeners = { change: [] as ((uri: FakeUri) => unknown)[] };
  return {
    files: new Map<string, string>(),
    delayMs: 0,
    commands: [] as string[],
    listeners,
  };
});

vi.mock('vscode', () => {
  const uri = (path: string): FakeUri => ({ path, scheme: 'file', toString: () => `file://${path}` });
  const none = { dispose() {} };
  return {
    workspace: {
      workspaceFolders: [{ uri: uri('/ws') }],
      textDocuments: [],
      findFiles: async (_include: string, _exclude: string, max: number) => [...host.files.keys()].slice(0, max).map(uri),
      fs: {
        readFile: (file: FakeUri) =>
          new Promise<Uint8Array>((resolve, reject) => {
            const text = host.files.get(file.path);
            setTimeout(() => (text === undefined ? reject(new Error('gone')) : resolve(new TextEncoder().encode(text))), host.delayMs);
          }),
      },
      getConfiguration: () => ({ get: () => undefined }),
      createFileSystemWatcher: () => ({
        onDidCreate: (listener: (uri: FakeUri) => unknown) => (host.listeners.change.push(listener), none),
        onDidChange: (listener: (uri: FakeUri) => unknown) => (host.listeners.change.push(listener), none),
        onDidDelete: () => none,
        dispose() {},
      }),
      onDidChangeTextDocument: () => none,
      onDidCloseTextDocument: () => none,
      getWorkspaceFolder: () => ({}),
      asRelativePath: (file: FakeUri) => file.path.replace(/^\/ws\//, ''),
    },
    commands: {
      executeCommand: async (command: string) => {
        host.commands.push(command);
      },
    },
  };
});

const { markdownPreviewPlugin: pluginWith } = await import('../../src/extension/markdown-preview');
const markdownModule = await import('../../src/markdown/index');
const markdownPreviewPlugin = (context: never, log: never) => pluginWith(context, log, () => markdownModule);

const output = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;
const notes = markdownFixture('shop-notes.md');
const states = (html: string) => [...html.matchAll(/data-ddd-state="(\w+)"/g)].map((match) => match[1]);

describe('the Markdown preview in the extension', () => {
  beforeEach(() => {
    host.files.clear();
    for (const file of readWorkspace('examples/order-saga')) host.files.set(`/ws/${file.uri.split('/examples/order-saga/')[1]}`, file.text);
    host.delayMs = 0;
    host.commands.length = 0;
    host.listeners.change.length = 0;
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
