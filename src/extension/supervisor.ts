/**
 * Keeps the language server running, wherever it runs (ServerHost: a Node
 * process on the desktop, a Web Worker in VS Code for the Web): starts a fresh
 * client for every (re)start, shows its state in the language status item, and
 * filters hints out of the published diagnostics when `ddd.validation.hints` is
 * off. Uses no Node API.
 *
 * Crash handling: a server that stops on its own is restarted, with a short
 * growing pause, up to MAX_RESTARTS times within RESTART_WINDOW_MS. The crash
 * after that stops the cycle, and the user is told once, with a "Restart"
 * button; "DDD: Restart Language Server" does the same at any time.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, RevealOutputChannelOn, State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { CrashPolicy } from './crash-policy';
import type { DddServer } from './panels/index';
import type { DddRequestMethod, DddRequestParams, DddRequestResult } from '../protocol/index';

const LANGUAGE_ID = 'ddd';
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export const commands = {
  restartServer: 'ddd.restartServer',
  showOutput: 'ddd.showOutput',
} as const;

/** Where the language server runs, and how a client for it is made: a Node process (main.ts) or a Web Worker (browser-main.ts). */
export interface ServerHost {
  /** For the log: "in its own Node process", "in a Web Worker". */
  readonly where: string;
  /** Why the server cannot be started (its bundle is missing), or undefined when it can. */
  missing(): Promise<string | undefined>;
  /** The document schemes the server serves (besides `untitled`). */
  documentSchemes(): string[];
  /** A fresh client for one start of the server; `release` (when given) is called once that client is stopped. */
  createClient(id: string, name: string, options: LanguageClientOptions): { client: BaseLanguageClient; release?: () => void };
}

/** Owns the one running client; makes a fresh client for every (re)start. */
export class ServerSupervisor implements vscode.Disposable, DddServer {
  private client: BaseLanguageClient | undefined;
  private release: (() => void) | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** bumped per start; a crash report from an older client is ignored */
  private generation = 0;
  private crashedGeneration = -1;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly policy = new CrashPolicy({ maxRestarts: MAX_RESTARTS, windowMs: RESTART_WINDOW_MS });
  private readonly status: vscode.LanguageStatusItem;
  /** Diagnostics as the server published them, to re-filter when `ddd.validation.hints` changes. */
  private readonly published = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
  private readonly settingsListener: vscode.Disposable;
  /** The start under way (the panels' requests wait for it). */
  private starting: Promise<void> = Promise.resolve();
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires when a (re)started server is ready. */
  readonly onDidStart = this.started.event;

  constructor(
    private readonly host: ServerHost,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.status = vscode.languages.createLanguageStatusItem('ddd.server', { language: LANGUAGE_ID });
    this.status.name = 'DDD Language Server';
    this.showStatus('starting');
    this.settingsListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('ddd.validation.hints')) return;
      const hints = vscode.workspace.getConfiguration('ddd').get<boolean>('validation.hints', true);
      this.output.info(`ddd.validation.hints is ${hints}: hints are ${hints ? 'shown' : 'hidden'}.`);
      if (!this.client?.diagnostics) return;
      for (const { uri, diagnostics } of this.published.values()) this.client.diagnostics.set(uri, this.visible(uri, diagnostics));
    });
  }

  /** The diagnostics to show: without hints when `ddd.validation.hints` is off. */
  private visible(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const hints = vscode.workspace.getConfiguration('ddd', uri).get<boolean>('validation.hints', true);
    return hints ? diagnostics : diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
  }

  /** Whether the server was ever started (activation may wait for a .ddd file: start-when-modelled.ts). */
  private begun = false;

  /** Starts a fresh client. Resolves when the server is ready or the start failed (never rejects). */
  start(): Promise<void> {
    this.begun = true;
    this.starting = this.startClient();
    return this.starting;
  }

  /** A custom request (src/protocol/requests.ts) to the running server; rejects when it is not running or the request failed. */
  async request<M extends DddRequestMethod>(method: M, params: DddRequestParams<M>, token?: vscode.CancellationToken): Promise<DddRequestResult<M>> {
    // a panel asking before any .ddd file was opened starts the server
    if (!this.begun && !this.disposed) void this.start();
    await this.starting;
    const client = this.client;
    if (!client?.isRunning()) throw new Error('The DDD language server is not running (DDD: Restart Language Server starts it).');
    const result = await (token ? client.sendRequest<DddRequestResult<M> | null>(method, params, token) : client.sendRequest<DddRequestResult<M> | null>(method, params));
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    // the server answers null when a request failed unexpectedly; it logged why
    if (result === null || result === undefined) throw new Error(`${method} failed in the language server (DDD: Show Output has the details).`);
    return result;
  }

  private async startClient(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    if (this.disposed) return;
    const missing = await this.host.missing();
    if (missing) {
      this.showStatus('stopped');
      this.output.error(missing);
      void vscode.window.showErrorMessage(missing);
      return;
    }
    if (this.disposed) return;
    const generation = ++this.generation;
    this.published.clear();
    const client = this.createClient(generation);
    this.client = client;
    this.showStatus('starting');
    const t0 = performance.now();
    try {
      await client.start();
      if (generation !== this.generation) return;
      this.output.info(`Language server ready in ${Math.round(performance.now() - t0)} ms (${this.host.where}).`);
      this.showStatus('running');
      this.started.fire();
    } catch (error) {
      if (generation !== this.generation || this.disposed) return;
      this.output.error(`The language server did not start: ${describe(error)}`);
      this.crashed(generation);
    }
  }

  /** "DDD: Restart Language Server": forget past crashes and start afresh. */
  async restart(): Promise<void> {
    this.output.info('Restarting the language server.');
    this.policy.reset();
    await this.stopClient();
    await this.start();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.restartTimer);
    await this.stopClient();
    this.settingsListener.dispose();
    this.status.dispose();
    this.started.dispose();
  }

  private createClient(generation: number): BaseLanguageClient {
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.ddd');
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...this.host.documentSchemes(), 'untitled'].map((scheme) => ({ scheme, language: LANGUAGE_ID })),
      synchronize: {
        // .ddd files created, changed or deleted outside the editor (git checkout, the CLI)
        fileEvents: this.watcher,
        // pushes `ddd.*` settings on start and on change (the server may also pull them)
        configurationSection: 'ddd',
      },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: LANGUAGE_ID,
      middleware: {
        // `ddd.validation.hints`: decided here, so it works whatever the server publishes.
        handleDiagnostics: (uri, diagnostics, next) => {
          this.published.set(uri.toString(), { uri, diagnostics });
          next(uri, this.visible(uri, diagnostics));
        },
      },
      errorHandler: {
        // Read/write errors on a live connection: tolerate a few, then shut down (the library then
        // stops the client itself, which onDidChangeState below reports as a crash).
        error: (error, _message, count) => {
          this.output.warn(`Connection to the language server: ${describe(error)}`);
          return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        // The server process went away without being asked to: decide here, restart ourselves.
        closed: () => {
          if (generation === this.generation && !this.disposed) this.crashed(generation);
          return { action: CloseAction.DoNotRestart, handled: true, message: 'The DDD language server stopped unexpectedly.' };
        },
      },
      // Without this the library shows the raw error in a notification for each failed start.
      initializationFailedHandler: (error) => {
        this.output.error(`The language server failed to initialize: ${describe(error)}`);
        return false;
      },
    };
    const { client, release } = this.host.createClient('ddd', 'DDD Language Server', clientOptions);
    this.release = release;
    quietErrors(client);
    client.onDidChangeState(({ oldState, newState }) => {
      if (generation !== this.generation || this.disposed) return;
      if (newState === State.Running) this.showStatus('running');
      else if (newState === State.Starting) this.showStatus('starting');
      else if (oldState !== State.Stopped && oldState !== State.StartFailed) {
        // Stopped without us asking (our own stops bump the generation first). Besides a
        // crash (closed() above) this is how a shutdown after connection errors shows up:
        // the library stops the client itself then and never calls closed().
        this.crashed(generation);
      }
    });
    return client;
  }

  /** One crash (or failed start) of the client of `generation`; counted once per client. */
  private crashed(generation: number): void {
    if (this.crashedGeneration === generation) return;
    this.crashedGeneration = generation;
    const verdict = this.policy.crashed();
    if (verdict.action === 'restart') {
      this.output.warn(
        `The language server stopped unexpectedly; restarting in ${verdict.delayMs} ms ` +
          `(restart ${verdict.attempt} of ${verdict.of} within ${RESTART_WINDOW_MS / 60_000} minutes).`,
      );
      this.showStatus('starting');
      this.restartTimer = setTimeout(() => {
        void this.stopClient().then(() => this.start());
      }, verdict.delayMs);
      return;
    }
    this.showStatus('stopped');
    const message =
      `The DDD language server crashed ${verdict.crashes} times in ${verdict.windowMs / 60_000} minutes and was stopped. ` +
      'Checks, hover and navigation are off until it is restarted.';
    this.output.error(message);
    // The one message the user sees about it: no further restarts happen until they ask.
    void vscode.window.showErrorMessage(message, 'Restart', 'Show Output').then((choice) => {
      if (choice === 'Restart') void this.restart();
      else if (choice === 'Show Output') this.output.show(true);
    });
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    const watcher = this.watcher;
    const release = this.release;
    this.client = undefined;
    this.watcher = undefined;
    this.release = undefined;
    // Any report from the old client is stale from here on.
    this.generation++;
    if (client) {
      // dispose() rejects when the client is not running (crashed, failed start): nothing left to stop then.
      await client.dispose(2000).catch(() => {});
    }
    release?.();
    watcher?.dispose();
  }

  private showStatus(state: 'starting' | 'running' | 'stopped'): void {
    const status = this.status;
    status.busy = state === 'starting';
    status.severity = state === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    status.text = state === 'running' ? '$(check) DDD' : state === 'starting' ? 'DDD: starting' : '$(error) DDD: stopped';
    status.detail = state === 'running' ? 'language server running' : state === 'starting' ? 'language server starting' : 'language server stopped';
    status.command = { title: 'Restart', command: commands.restartServer, tooltip: 'Restart the DDD language server' };
  }
}

/**
 * The library shows some errors as notifications no matter what
 * `revealOutputChannelOn` says ("couldn't create connection to server",
 * "Restarting server failed"). They come once per crash, which is exactly the
 * loop of messages we do not want: the supervisor says it once instead.
 * Everything is still written to the output channel. (On the instance, so that
 * it holds for Node's LanguageClient and the browser's alike.)
 */
function quietErrors(client: BaseLanguageClient): void {
  const error = client.error.bind(client);
  client.error = (message: string, data?: unknown, showNotification: boolean | 'force' = true) => error(message, data, showNotification === 'force' ? false : showNotification);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

