/**
 * An in-process LSP session for tests and the benchmark: the server's connection
 * and a client connection on a pair of in-memory streams, speaking real JSON-RPC.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { connectInProcess } from '../../src/server/in-process';
import type { DddLanguageServer, DddServerOptions } from '../../src/server/server';

export const clientCapabilities: ClientCapabilities = {
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, configuration: false },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

export interface Session {
  client: ProtocolConnection;
  server: DddLanguageServer;
  root: string;
  rootUri: string;
  initializeResult: InitializeResult;
  /** The last diagnostics published for each uri. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Every publication, in order. */
  publications: PublishDiagnosticsParams[];
  logs: string[];
  /** Capabilities the server registered dynamically. */
  registrations: string[];
  uri(relative: string): string;
  /** Resolves with the next publication for `uri` that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeout?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  close(uri: string): void;
  dispose(): Promise<void>;
}

/** Copies a folder of the repository (or starts empty) into a temporary workspace. */
export function tempWorkspace(source?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ddd-lsp-'));
  if (source) cpSync(source, root, { recursive: true });
  return root;
}

export async function startSession(root: string, options: DddServerOptions & { capabilities?: ClientCapabilities; initializationOptions?: unknown } = {}): Promise<Session> {
  const { client, server, dispose } = connectInProcess(options);
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const publications: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params);
    publications.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  client.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
  });
  const registrations: string[] = [];
  client.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations.map((registration) => registration.method));
  });
  client.listen();
  const rootUri = pathToFileURL(root).href;
  const initializeResult = await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
    capabilities: options.capabilities ?? clientCapabilities,
    initializationOptions: options.initializationOptions ?? { diagnosticsDelay: 10 },
  });
  await client.sendNotification(InitializedNotification.type, {});
  const session: Session = {
    client,
    server,
    root,
    rootUri,
    initializeResult,
    diagnostics,
    publications,
    logs,
    registrations,
    uri: (relative) => pathToFileURL(join(root, relative)).href,
    nextDiagnostics(uri, accept = () => true, timeout = waitLimit) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeout} ms`)), timeout);
        waiters.push({
          uri,
          accept,
          resolve: (params) => {
            clearTimeout(timer);
            resolve(params);
          },
        });
      });
    },
    open(uri, text, version = 1) {
      void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'ddd', version, text } });
    },
    change(uri, text, version) {
      void client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    close(uri) {
      void client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async dispose() {
      try {
        await client.sendRequest(ShutdownRequest.type);
      } catch {
        // already gone
      }
      dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * How long the harness waits for the server before it says what it waited for: a
 * wait, not a limit on speed (a loaded machine may take seconds), so it is just
 * under vitest's test timeout.
 */
export const waitLimit = 15_000;

/** Resolves once every uri in `uris` has had at least one publication. */
export async function waitForAll(session: Session, uris: string[], timeout = waitLimit): Promise<void> {
  const started = Date.now();
  while (uris.some((uri) => !session.diagnostics.has(uri))) {
    if (Date.now() - started > timeout) throw new Error(`no diagnostics for ${uris.filter((uri) => !session.diagnostics.has(uri)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
