/**
 * The language server: holds the whole workspace and answers LSP requests with
 * the core's queries. One class wires a connection to the features (one file
 * each), so that tests can run it in-process on a pair of streams.
 *
 * - On initialize it indexes every `.ddd` file under the workspace folders; the
 *   editor's open documents win over the disk; watched files keep it current.
 *   What reads the workspace is given (workspace-files.ts): Node's file system
 *   on the desktop, the editor's in a Web Worker; this file uses no Node API.
 * - An edit re-parses that document only, then the workspace is re-linked and
 *   re-validated a slice at a time (validation-scheduler.ts), coalesced while
 *   typing; requests are answered between two slices, and an edit abandons a run
 *   under way. The findings of every document whose findings changed are
 *   published (versioned for open documents).
 * - Every handler is guarded: a failure in one request is logged and answered
 *   with an empty result, never a dead server.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type SemanticTokens,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DddModel } from '../language/index';
import { codeActions } from './code-actions';
import { completion, completionTriggerCharacters } from './completion';
import type { DocumentView, ServerContext } from './context';
import { definition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { clampedTextDocuments } from './document-edits';
import { foldingRanges } from './folding';
import { formatting } from './formatting';
import { hover } from './hover';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { semanticTokensFull, semanticTokensLegend } from './semantic-tokens';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { documentSymbols, workspaceSymbols } from './symbols';
import { nodeClock, ValidationScheduler, type SchedulerClock, type ValidationRun } from './validation-scheduler';
import { Workspace } from './workspace';
import { registerCustomRequests } from './custom-requests';
import { isDddPath, isInFolder, uriPath, type WorkspaceFiles } from './workspace-files';

export interface DddServerOptions {
  /** Overrides of the default settings (initializationOptions and the `ddd` configuration section override these in turn). */
  settings?: Partial<ServerSettings>;
  /** Called after each round of publishing, with the uris whose findings were sent. */
  onPublished?: (uris: string[]) => void;
  /** Called after each slice of a validation run (tests: what happens between two slices). */
  onValidationSlice?: () => void;
  /** The event loop the validation runs on (tests hold its turns; the default is the real one). */
  clock?: SchedulerClock;
}

const READ_BATCH = 64;

export class DddLanguageServer implements ServerContext {
  readonly workspace = new Workspace();
  settings: ServerSettings;
  private readonly documents = new TextDocuments(clampedTextDocuments);
  private readonly publisher: DiagnosticsPublisher;
  private readonly baseSettings: ServerSettings;
  private capabilities: ClientCapabilities = {};
  private folders: string[] = [];
  /** Settles when the workspace folders have been read. */
  private indexing: Promise<void> = Promise.resolve();
  /** Starts reading the workspace, when that waits for `initialized` (a reader that asks the client). */
  private startIndexing: (() => void) | undefined;
  readonly scheduler: ValidationScheduler;
  /** Folder readings under way: no validation starts meanwhile (the end of each schedules one). */
  private readingFolders = 0;
  /** Set once `initialized` came and the first folders were read: validation starts then. */
  private ready = false;
  private disposed = false;

  constructor(
    readonly connection: Connection,
    /** How the workspace's files are found and read. */
    private readonly files: WorkspaceFiles,
    private readonly options: DddServerOptions = {},
  ) {
    this.baseSettings = { ...defaultSettings, ...options.settings };
    this.settings = this.baseSettings;
    this.publisher = new DiagnosticsPublisher(this.workspace, (params) => void this.connection.sendDiagnostics(params));
    this.scheduler = new ValidationScheduler(() => this.validationRun(), () => this.settings.diagnosticsDelay, options.clock ?? nodeClock);
    this.register();
  }

  /** Starts listening on the connection. */
  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  dispose(): void {
    this.disposed = true;
    this.scheduler.stop();
  }

  // ---------------------------------------------------------------- ServerContext

  model(): DddModel {
    return this.workspace.model();
  }

  document(uri: string): DocumentView | undefined {
    const entry = this.workspace.get(uri);
    if (!entry) return undefined;
    const parsed = this.workspace.parsed(entry.uri)!;
    return { uri: entry.uri, parsed, lines: parsed.lineIndex };
  }

  /** Why a `.ddd` file on disk was not read (too large, not a regular file, not UTF-8): told in the server's log. */
  private readonly logSkipped = (problem: string): void => this.log(problem);

  log(message: string): void {
    try {
      this.connection.console.error(message);
    } catch {
      // the connection may be gone; nothing else to tell
    }
  }

  // ---------------------------------------------------------------- wiring

  /** A request handler that waits for the index, and turns a failure into a logged fallback. */
  private request<P, R>(name: string, fallback: () => R, handler: (params: P, token?: CancellationToken) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R> {
    return async (params, token) => {
      try {
        await this.indexing;
        // the client no longer needs the answer: nothing is computed
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled.`);
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback();
      }
    };
  }

  /** A notification handler whose failure is logged. */
  private notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const result = handler(params);
        if (result instanceof Promise) result.catch((error: unknown) => this.log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      } catch (error) {
        this.log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    };
  }

  private register(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(this.notification('initialized', () => this.initialized()));
    c.onShutdown(() => this.dispose());
    c.onDidChangeConfiguration(
      this.notification('didChangeConfiguration', (params: { settings?: unknown }) => {
        const section = params.settings && typeof params.settings === 'object' ? (params.settings as Record<string, unknown>)['ddd'] : undefined;
        if (section !== undefined) this.settings = readSettings(section, this.settings);
      }),
    );
    c.onDidChangeWatchedFiles(this.notification('didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => this.watchedFilesChanged(params)));

    this.documents.onDidChangeContent(
      this.notification('didChange', (event: { document: TextDocument }) => {
        this.workspace.setOpenText(event.document.uri, event.document.getText(), event.document.version);
        this.scheduleValidation();
      }),
    );
    this.documents.onDidClose(this.notification('didClose', (event: { document: TextDocument }) => this.closed(event.document.uri)));

    c.onHover(this.request('hover', () => null, (params) => hover(this, params)));
    c.onCompletion(this.request('completion', () => [], (params) => completion(this, params)));
    c.onDefinition(this.request('definition', () => [], (params) => definition(this, params)));
    c.onReferences(this.request('references', () => [], (params) => references(this, params)));
    c.onPrepareRename(this.request('prepareRename', () => null, (params) => prepareRename(this, params)));
    c.onRenameRequest(this.request('rename', () => null, (params) => rename(this, params)));
    c.onDocumentSymbol(this.request('documentSymbol', () => [], (params) => documentSymbols(this, params)));
    c.onWorkspaceSymbol(this.request('workspaceSymbol', () => [], (params) => workspaceSymbols(this, params)));
    c.onFoldingRanges(this.request('foldingRange', () => [], (params) => foldingRanges(this, params)));
    c.languages.semanticTokens.on(this.request('semanticTokens', (): SemanticTokens => ({ data: [] }), (params) => semanticTokensFull(this, params)));
    c.onDocumentFormatting(this.request('formatting', () => [], (params) => formatting(this, params)));
    c.onCodeAction(this.request('codeAction', () => [], (params) => codeActions(this, params)));
    registerCustomRequests(c, { model: () => this.model(), diagnostics: () => [...this.workspace.diagnostics().values()].flat() }, (name, handler) => this.request(name, () => null, handler));
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities ?? {};
    this.settings = readSettings(params.initializationOptions, this.baseSettings);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? [];
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    if (folders.length === 0 && params.rootPath && this.files.pathToUri) folders.push(this.files.pathToUri(params.rootPath));
    this.folders = folders;
    const index = () => this.indexFolders(folders).catch((error: unknown) => this.log(`indexing the workspace failed: ${String(error)}`));
    if (this.files.asksClient) this.indexing = this.readingFoldersWhile(new Promise<void>((start) => (this.startIndexing = start)).then(index));
    else this.indexing = this.readingFoldersWhile(index());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggerCharacters, resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'DDD model' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: false },
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ddd-modeler', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    this.startIndexing?.();
    this.startIndexing = undefined;
    if (this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.ddd' }] })
        .catch((error: unknown) => this.log(`could not watch .ddd files: ${String(error)}`));
    }
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(this.notification('didChangeWorkspaceFolders', (event: WorkspaceFoldersChangeEvent) => this.foldersChanged(event)));
    }
    await this.indexing;
    this.ready = true;
    this.scheduleValidation();
  }

  /** Counts a reading of folders while it is under way; validates after it. */
  private readingFoldersWhile(reading: Promise<void>): Promise<void> {
    this.readingFolders++;
    return reading.finally(() => {
      this.readingFolders--;
      this.scheduleValidation();
    });
  }

  // ---------------------------------------------------------------- the workspace on disk

  private async indexFolders(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      if (!this.files.owns(folder)) continue;
      const uris = await this.files.find(folder, this.settings.maxFiles);
      for (let i = 0; i < uris.length; i += READ_BATCH) {
        const batch = uris.slice(i, i + READ_BATCH);
        const texts = await Promise.all(batch.map((uri) => this.files.read(uri, this.settings.maxFileSize, this.logSkipped)));
        batch.forEach((uri, j) => {
          const text = texts[j];
          if (text !== undefined) this.workspace.setDiskText(uri, text);
        });
      }
    }
  }

  private async watchedFilesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    await this.indexing;
    let changed = false;
    for (const change of params.changes) {
      if (!this.files.owns(change.uri) || !isDddPath(uriPath(change.uri))) continue;
      if (change.type === FileChangeType.Deleted) {
        changed = this.workspace.deleteFromDisk(change.uri) || changed;
        continue;
      }
      const text = await this.files.read(change.uri, this.settings.maxFileSize, this.logSkipped);
      if (text === undefined) changed = this.workspace.deleteFromDisk(change.uri) || changed;
      else changed = this.workspace.setDiskText(this.workspace.canonical(change.uri), text) || changed;
    }
    if (changed) this.scheduleValidation();
  }

  private async foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    for (const removed of event.removed) {
      this.folders = this.folders.filter((folder) => folder !== removed.uri);
      if (!this.files.owns(removed.uri)) continue;
      for (const entry of this.workspace.entriesList()) {
        if (entry.uri !== removed.uri && this.files.owns(entry.uri) && isInFolder(entry.uri, removed.uri) && !entry.open) this.workspace.remove(entry.uri);
      }
    }
    const added = event.added.map((folder) => folder.uri);
    this.folders.push(...added);
    const indexing = this.readingFoldersWhile(this.indexFolders(added).catch((error: unknown) => this.log(`indexing ${added.join(', ')} failed: ${String(error)}`)));
    this.indexing = this.indexing.then(() => indexing);
    await indexing;
    this.scheduleValidation();
  }

  private async closed(uri: string): Promise<void> {
    const entry = this.workspace.get(uri);
    const knownOnDisk = entry?.diskText !== undefined;
    this.workspace.close(uri);
    this.scheduleValidation();
    // a file created inside the workspace while open (without a watcher to tell) stays in the workspace
    if (knownOnDisk || !entry || !this.files.owns(entry.uri) || !isDddPath(uriPath(entry.uri)) || !this.inFolders(entry.uri)) return;
    const text = await this.files.read(entry.uri, this.settings.maxFileSize, this.logSkipped);
    if (text !== undefined && !this.workspace.get(uri)?.open && this.workspace.setDiskText(this.workspace.canonical(uri), text)) this.scheduleValidation();
  }

  private inFolders(uri: string): boolean {
    return this.folders.some((folder) => this.files.owns(folder) && isInFolder(uri, folder));
  }

  // ---------------------------------------------------------------- findings

  /** Validates as soon as the edits stop arriving (coalesced; at least `diagnosticsDelay` ms after the previous run started). */
  scheduleValidation(): void {
    if (this.disposed) return;
    this.scheduler.changed();
  }

  /**
   * A validation run on the workspace as it is now, a slice per step: re-link,
   * then the core's validation a step at a time, then publishing what changed.
   * Nothing while the folders are being read (their end schedules a run).
   */
  private validationRun(): ValidationRun | undefined {
    if (this.disposed || !this.ready || this.readingFolders > 0) return undefined;
    return {
      step: () => {
        try {
          const done = this.workspace.validateSlice();
          if (done) this.publish();
          return done;
        } catch (error) {
          this.log(`validation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return true;
        } finally {
          this.options.onValidationSlice?.();
        }
      },
    };
  }

  private publish(): void {
    const uris = this.publisher.publish();
    this.options.onPublished?.(uris);
  }
}
