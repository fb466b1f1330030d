/**
 * The language server's browser bundle (src/server/browser-main.ts, as VS Code
 * for the Web runs it) in a Web Worker in headless Chromium, spoken to in LSP
 * over postMessage. The test plays the extension: it answers the server's
 * workspace-file requests from examples/order-saga, under a virtual-workspace
 * uri (vscode-vfs://, as github.dev has), so nothing reaches a file system but
 * through the client. Skipped (saying why) without Chromium; in CI that fails.
 */
import { createServer, type Server } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RequestType,
  createProtocolConnection,
  type CompletionItem,
  type CompletionList,
  type DataCallback,
  type Disposable,
  type Hover,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { WorkspaceFileRequests, bytesToBase64, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../../src/protocol/workspace-files';
import { builtBrowserBundle } from '../built-product';
import { chromiumFor, sharedPage } from '../chromium';
import { readWorkspace } from '../helpers';
import { clientCapabilities } from '../server/lsp-harness';

const browserFound = chromiumFor('the Web Worker language server tests');
const root = join(__dirname, '../..');
const exampleFolder = 'examples/order-saga';
/** The example's files, under a uri of a virtual workspace. */
const folderUri = 'vscode-vfs://github/ddd-modeler/order-saga';
const example = new Map(readWorkspace(exampleFolder).map((file) => [`${folderUri}/${relative(join(root, exampleFolder), fileURLToPath(file.uri)).replace(/\\/g, '/')}`, file.text]));
const uriOf = (path: string) => `${folderUri}/${path}`;

/** Messages from the worker reach the test through a function the page calls; messages to it go through page.evaluate. */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  receive(message: Message): void {
    this.callback?.(message);
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
}

class PageWriter extends AbstractMessageWriter {
  constructor(private readonly page: Page) {
    super();
  }
  async write(message: Message): Promise<void> {
    await this.page.evaluate((m) => (globalThis as unknown as { ddd: Worker }).ddd.postMessage(m), message);
  }
  end(): void {}
}

/** Waits for a condition the server's notifications make true, bounded by a count of polls (not a clock budget of the test's own). */
async function until<T>(what: string, probe: () => T | undefined, polls = 600): Promise<T> {
  for (let i = 0; i < polls; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${what}`);
}

describe.skipIf(!browserFound)('the language server in a Web Worker (Chromium)', () => {
  let http: Server;
  let page: Page;
  let client: ProtocolConnection;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const asked = { find: [] as FindFilesParams[], read: [] as string[] };
  const workerProblems: string[] = [];

  beforeAll(async () => {
    // the bundle as the build made it (dist/browser-server.js: test/built-product.ts): browser platform, no Node built-in
    const bundled = builtBrowserBundle('browser-server');
    const script = bundled.get('/browser-server.js')!;
    http = createServer((request, response) => {
      if (request.url === '/browser-server.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>DDD language server in a worker</title>');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const address = http.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    page = await sharedPage();
    const reader = new PageReader();
    await page.exposeFunction('dddFromServer', (message: Message) => reader.receive(message));
    await page.exposeFunction('dddWorkerError', (text: string) => workerProblems.push(text));
    await page.goto(origin);
    await page.evaluate(() => {
      const scope = globalThis as unknown as { ddd: Worker; dddFromServer(m: unknown): void; dddWorkerError(t: string): void };
      scope.ddd = new Worker('/browser-server.js', { name: 'DDD language server' });
      scope.ddd.onmessage = (event) => scope.dddFromServer(event.data);
      scope.ddd.onerror = (event) => scope.dddWorkerError(`${event.message} (${event.filename}:${event.lineno})`);
    });

    client = createProtocolConnection(reader, new PageWriter(page));
    client.onRequest('client/registerCapability', () => null);
    client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      diagnostics.set(params.uri, params);
    });
    client.listen();

    const result = await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: folderUri, capabilities: clientCapabilities, workspaceFolders: [{ uri: folderUri, name: 'order-saga' }] });
    expect(result.capabilities.hoverProvider).toBe(true);
    // the extension's half (src/extension/workspace-files.ts), answered from the example's files; registered
    // only now, as vscode-languageclient does: the server may ask nothing before it is initialized
    client.onRequest(new RequestType<FindFilesParams, FindFilesResult, void>(WorkspaceFileRequests.find), (params) => {
      asked.find.push(params);
      return { uris: [...example.keys()].filter((uri) => uri.startsWith(`${params.folder}/`)).slice(0, params.limit) };
    });
    client.onRequest(new RequestType<ReadFileParams, ReadFileResult, void>(WorkspaceFileRequests.read), (params) => {
      asked.read.push(params.uri);
      const text = example.get(params.uri);
      return text === undefined ? { kind: 'gone' } : { kind: 'read', base64: bytesToBase64(new TextEncoder().encode(text)) };
    });
    await client.sendNotification(InitializedNotification.type, {});
  }, 60_000);

  afterAll(async () => {
    client?.dispose();
    // (the shared browser and its context stay for the next file)
    await page?.close();
    http?.close();
  });

  it('reads the workspace through the client: every .ddd file of the example, found and read by request', async () => {
    await until('diagnostics for the example', () => (diagnostics.size >= example.size ? true : undefined));
    expect(asked.find).toEqual([{ folder: folderUri, limit: 10_000 }]);
    expect(asked.read.sort()).toEqual([...example.keys()].sort());
    // the example is a clean model: no errors in any file
    const errors = [...diagnostics.values()].flatMap((published) => published.diagnostics.filter((d) => d.severity === 1).map((d) => `${published.uri}: ${d.message}`));
    expect(errors).toEqual([]);
    expect(workerProblems).toEqual([]);
  });

  it('publishes diagnostics for an opened document, linked against the workspace it read', async () => {
    const uri = uriOf('broken.ddd');
    const text = 'contextmap Mistakes {\n  Sales -> Nowhere\n}\n';
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text } });
    const published = await until('diagnostics for broken.ddd', () => diagnostics.get(uri));
    const errors = published.diagnostics.filter((d) => d.severity === 1);
    // Nowhere is unknown; Sales (declared in contexts/sales.ddd, never opened) is found
    expect(errors.map((d) => d.message)).toEqual([expect.stringContaining('Nowhere')]);
    expect(errors[0]!.range.start).toEqual({ line: 1, character: 11 });
    expect(published.version).toBe(1);
  });

  it('answers hover with the glossary definition', async () => {
    const uri = uriOf('contexts/sales.ddd');
    const text = example.get(uri)!;
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.includes('Customer:'));
    const hover = (await client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.indexOf('Customer') + 2 } })) as Hover;
    expect((hover.contents as { value: string }).value).toContain('Someone who buys');
  });

  it('answers completion after -> with the contexts the workspace declares', async () => {
    const uri = uriOf('scratch.ddd');
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version: 1, text: 'contextmap Scratch {\n  Sales -> \n}\n' } });
    const result = (await client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 11 } })) as CompletionItem[] | CompletionList;
    const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['Billing', 'Inventory', 'Shipping', 'Support']));
  });
});
