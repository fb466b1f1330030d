/**
 * The VS Code side of DDD Modeler: starts the language server (dist/server.js)
 * in its own Node process over IPC and keeps it alive. Everything the language
 * does (checks, hover, outline, completion, rename, …) lives in the server;
 * this file only wires it to the editor.
 *
 * Crash handling: a server that stops on its own is restarted, with a short
 * growing pause, up to MAX_RESTARTS times within RESTART_WINDOW_MS. The crash
 * after that stops the cycle, and the user is told once, with a "Restart"
 * button; "DDD: Restart Language Server" does the same at any time.
 */
import { loadStartedAt } from './load-time';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CrashPolicy } from './crash-policy';
import { markdownPreviewPlugin, type MarkdownPreviewPlugin } from './markdown-preview';
import { registerPanels, type DddServer } from './panels/index';
import type { DddRequestMethod, DddRequestParams, DddRequestResult } from '../protocol/index';

const LANGUAGE_ID = 'ddd';
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export const commands = {
  restartServer: 'ddd.restartServer',
  showOutput: 'ddd.showOutput',
} as const;

/**
 * The library shows some errors as notifications no matter what
 * `revealOutputChannelOn` says ("couldn't create connection to server",
 * "Restarting server failed"). They come once per crash, which is exactly the
 * loop of messages we do not want: the supervisor below says it once instead.
 * Everything is still written to the output channel.
 */
class DddLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

/** Owns the one running client; makes a fresh client for every (re)start. */
class ServerSupervisor implements vscode.Disposable, DddServer {
  private client: LanguageClient | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** bumped per start; a crash report from an older client is ignored */
  private generation = 0;
  private crashedGeneration = -1;
  private restartTimer: NodeJS.Timeout | undefined;
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
    private readonly serverModule: string,
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

  /** Starts a fresh client. Resolves when the server is ready or the start failed (never rejects). */
  start(): Promise<void> {
    this.starting = this.startClient();
    return this.starting;
  }

  /** A custom request (src/protocol/requests.ts) to the running server; rejects when it is not running or the request failed. */
  async request<M extends DddRequestMethod>(method: M, params: DddRequestParams<M>): Promise<DddRequestResult<M>> {
    await this.starting;
    const client = this.client;
    if (!client?.isRunning()) throw new Error('The DDD language server is not running (DDD: Restart Language Server starts it).');
    const result = await client.sendRequest<DddRequestResult<M> | null>(method, params);
    // the server answers null when a request failed unexpectedly; it logged why
    if (result === null || result === undefined) throw new Error(`${method} failed in the language server (DDD: Show Output has the details).`);
    return result;
  }

  private async startClient(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    if (this.disposed) return;
    if (!existsSync(this.serverModule)) {
      this.showStatus('stopped');
      const message = `The DDD language server is missing (${this.serverModule}). Build it with \`npm run build\`.`;
      this.output.error(message);
      void vscode.window.showErrorMessage(message);
      return;
    }
    const generation = ++this.generation;
    this.published.clear();
    const client = this.createClient(generation);
    this.client = client;
    this.showStatus('starting');
    const t0 = performance.now();
    try {
      await client.start();
      if (generation !== this.generation) return;
      this.output.info(`Language server ready in ${Math.round(performance.now() - t0)} ms.`);
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

  private createClient(generation: number): LanguageClient {
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.ipc },
      // Used when the extension host itself runs under a debugger ("Run Extension").
      debug: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.ddd');
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: LANGUAGE_ID },
        { scheme: 'untitled', language: LANGUAGE_ID },
      ],
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
    const client = new DddLanguageClient('ddd', 'DDD Language Server', serverOptions, clientOptions);
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
    this.client = undefined;
    this.watcher = undefined;
    // Any report from the old client is stale from here on.
    this.generation++;
    if (client) {
      // dispose() rejects when the client is not running (crashed, failed start): nothing left to stop then.
      await client.dispose(2000).catch(() => {});
    }
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let supervisor: ServerSupervisor | undefined;

export function activate(context: vscode.ExtensionContext): Promise<Pick<MarkdownPreviewPlugin, 'extendMarkdownIt'>> {
  const activateStart = performance.now();
  const output = vscode.window.createOutputChannel('DDD Modeler', { log: true });
  context.subscriptions.push(output);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  output.info(`DDD Modeler ${version} in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}).`);

  supervisor = new ServerSupervisor(context.asAbsolutePath('dist/server.js'), output);
  const current = supervisor;
  context.subscriptions.push(
    { dispose: () => void current.dispose() },
    vscode.commands.registerCommand(commands.restartServer, () => current.restart()),
    vscode.commands.registerCommand(commands.showOutput, () => output.show(true)),
  );
  // The preview, the simulator and the code lenses above sagas and streams: they talk to the server through `current`.
  registerPanels(context, current, output);
  // Not awaited: activation does not wait for the server; features light up when it is ready.
  void current.start();

  const now = performance.now();
  output.info(
    `Activated in ${Math.round(now - activateStart)} ms ` +
      `(${Math.round(now - loadStartedAt)} ms including loading the extension's code).`,
  );
  // ```ddd fences in the Markdown preview: VS Code's Markdown extension calls extendMarkdownIt once
  // activation is over, which waits (a few seconds at most) for the workspace's models to be read
  const markdown = markdownPreviewPlugin(context, output);
  return markdown.ready().then(() => ({ extendMarkdownIt: markdown.extendMarkdownIt }));
}

export async function deactivate(): Promise<void> {
  await supervisor?.dispose();
  supervisor = undefined;
}
