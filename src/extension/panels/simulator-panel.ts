/**
 * The saga simulator: one panel per window. The extension keeps the session
 * (which saga, what is injected, how far the run is played: see
 * src/protocol/simulator-session.ts); the server replays the same deterministic
 * run for each change; the page draws what it is sent and posts what the user
 * asks for. Requests run one after the other, in the order the user asked; an
 * exploration or bulk run under way is cancelled (the server stops working on it)
 * when the user asks for something else, or closes the panel.
 * Editing a `.ddd` document plays the shown run again on the edited model.
 */
import * as vscode from 'vscode';
import {
  applySimulatorAction,
  emptySimulatorSession,
  simulatorRequest,
  type DddRequest,
  type SimulationRun,
  type SimulatorAction,
  type SimulatorSession,
  type SimulatorTarget,
  type ViewsResult,
  type WebviewMessage,
} from '../../protocol/index';
import { Debouncer } from './helpers';
import { PanelController } from './panel-controller';
import { describe, LANGUAGE_ID, panelOptions, post, revealSource, type PanelContext } from './webview';

export const simulatorViewType = 'ddd.simulator';

const EDIT_DELAY_MS = 250;

function sameTarget(a: SimulatorTarget | undefined, b: SimulatorTarget | undefined): boolean {
  return a?.kind === b?.kind && a?.name === b?.name;
}

type Targets = Pick<ViewsResult, 'sagas' | 'streams'>;

function exists(targets: Targets, target: SimulatorTarget): boolean {
  return target.kind === 'saga' ? targets.sagas.some((saga) => saga.name === target.name) : targets.streams.some((stream) => stream.name === target.name);
}

function targetTitle(target: SimulatorTarget | undefined): string {
  if (!target) return 'DDD Saga Simulator';
  return target.kind === 'saga' ? `Simulate ${target.name}` : `Replay ${target.name}`;
}

export class SimulatorController extends PanelController {
  private session: SimulatorSession = emptySimulatorSession;
  /** The run shown (the actions that work "here" start from it). */
  private last: SimulationRun | undefined;
  /** A target to select once the page is ready. */
  private pending: SimulatorTarget | undefined;
  /** The column of the editor the user came from: declarations open there. */
  private sourceColumn: vscode.ViewColumn | undefined;
  private queue: Promise<void> = Promise.resolve();
  protected readonly editDebounce = new Debouncer(EDIT_DELAY_MS, () => this.enqueue(() => this.replayAfterEdit()));
  private lastSent: string | undefined;
  private lastTargets: string | undefined;
  /** The exploration or bulk run under way. */
  private long: vscode.CancellationTokenSource | undefined;

  constructor(context: PanelContext) {
    super(context, 'simulator');
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(simulatorViewType, {
        deserializeWebviewPanel: async (panel) => {
          // a reload: the page posts `ready` with its last target (from its saved state)
          this.host(panel);
        },
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && this.ready && event.document.languageId === LANGUAGE_ID && event.contentChanges.length) this.editDebounce.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === LANGUAGE_ID) this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
      }),
    );
  }

  /** Shows the simulator on `target` (default: what it shows now). */
  show(target: SimulatorTarget | undefined): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === LANGUAGE_ID) this.sourceColumn = editor.viewColumn;
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn, false);
      if (target && !sameTarget(target, this.session.target)) {
        this.long?.cancel();
        if (this.ready) this.enqueue(() => this.select(target));
        else this.pending = target;
      }
      return;
    }
    this.pending = target;
    const panel = vscode.window.createWebviewPanel(simulatorViewType, targetTitle(target), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, panelOptions(this.context.extensionUri));
    this.host(panel);
  }

  protected receive(message: WebviewMessage): unknown {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.lastSent = undefined;
        this.lastTargets = undefined;
        return this.enqueue(() => this.started(message.target));
      case 'simulate':
        // the user asked for something else: the exploration or bulk run under way is not needed
        this.long?.cancel();
        return this.enqueue(() => this.act(message.request));
      case 'revealSource':
        return revealSource(message.uri, message.range, this.sourceColumn ?? vscode.ViewColumn.One, this.context.output);
      default:
        // the theme: the page redraws by itself
        return undefined;
    }
  }

  protected forget(): void {
    this.long?.cancel();
    this.session = emptySimulatorSession;
    this.last = undefined;
    this.pending = undefined;
  }

  /** Runs `task` after the ones before it; a failure is shown in the page. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => {
      // cancelled by the panel itself: what superseded it shows its own result
      if (error instanceof vscode.CancellationError) return;
      this.context.output.warn(`The simulator's request failed: ${describe(error)}`);
      post(this.panel, { type: 'error', message: describe(error) });
    });
    this.queue = next;
    return next;
  }

  /** The page (re)started: its choices, and the run it should show. */
  private async started(restored: SimulatorTarget | undefined): Promise<void> {
    this.lastTargets = undefined;
    const target = this.pending ?? this.session.target ?? restored;
    this.pending = undefined;
    const targets = await this.targets();
    const selected = target && exists(targets, target) ? target : undefined;
    this.sendTargets(targets, selected);
    if (!selected) {
      if (target) post(this.panel, { type: 'error', message: `There is no ${target.kind === 'saga' ? 'saga' : 'event stream'} named ${target.name} any more.` });
      return;
    }
    // shown again after it was hidden: the same session, drawn again
    if (sameTarget(selected, this.session.target)) await this.perform(simulatorRequest(this.session));
    else await this.act({ action: 'select', target: selected });
  }

  /** Another saga or stream, chosen outside the page (the command, a code lens). */
  private async select(target: SimulatorTarget): Promise<void> {
    const targets = await this.targets();
    if (!exists(targets, target)) throw new Error(`There is no ${target.kind === 'saga' ? 'saga' : 'event stream'} named ${target.name}.`);
    this.sendTargets(targets, target);
    await this.act({ action: 'select', target });
  }

  private async targets(): Promise<Targets> {
    const views = await this.context.server.request('ddd/views', {});
    return { sagas: views.sagas, streams: views.streams };
  }

  /** The page's list of sagas and streams, when it changed (it keeps its selection otherwise). */
  private sendTargets(targets: Targets, selected: SimulatorTarget | undefined): void {
    const message = { type: 'targets' as const, ...targets, ...(selected ? { selected } : {}) };
    const text = JSON.stringify(message);
    if (text === this.lastTargets) return;
    this.lastTargets = text;
    post(this.panel, message);
  }

  private async act(action: SimulatorAction): Promise<void> {
    const update = applySimulatorAction(this.session, action, this.last);
    if (!sameTarget(update.session.target, this.session.target)) {
      this.last = undefined;
      if (this.panel) this.panel.title = targetTitle(update.session.target);
    }
    this.session = update.session;
    await this.perform(update.request);
  }

  /** Sends a request and posts its result; a repeat of the last result is not sent again. */
  private async perform(request: DddRequest | undefined): Promise<void> {
    if (!request || !this.panel) return;
    const server = this.context.server;
    if (request.method === 'ddd/explore' || request.method === 'ddd/bulk') {
      post(this.panel, { type: 'busy', text: request.method === 'ddd/explore' ? 'Exploring every failure and crash point…' : `Running ${request.params.runs.toLocaleString('en-US')} runs…` });
    }
    switch (request.method) {
      case 'ddd/simulate': {
        const result = await server.request('ddd/simulate', request.params);
        this.last = result.run;
        this.send({ type: 'simulation', result });
        return;
      }
      case 'ddd/replay':
        this.last = undefined;
        this.send({ type: 'replay', result: await server.request('ddd/replay', request.params) });
        return;
      case 'ddd/explore':
        post(this.panel, { type: 'exploration', result: await this.longRequest((token) => server.request('ddd/explore', request.params, token)) });
        return;
      case 'ddd/bulk':
        post(this.panel, { type: 'bulk', result: await this.longRequest((token) => server.request('ddd/bulk', request.params, token)) });
        return;
      default:
        return;
    }
  }

  /** An exploration or bulk run, cancellable until it is answered (a newer request or a closed panel cancels it). */
  private async longRequest<R>(ask: (token: vscode.CancellationToken) => Promise<R>): Promise<R> {
    const source = (this.long = new vscode.CancellationTokenSource());
    try {
      return await ask(source.token);
    } finally {
      if (this.long === source) this.long = undefined;
      source.dispose();
    }
  }

  private send(message: Parameters<typeof post>[1]): void {
    this.lastSent = JSON.stringify(message);
    post(this.panel, message);
  }

  /** The model changed: the choices again, and the shown run played on the new model (when it changed what is shown). */
  private async replayAfterEdit(): Promise<void> {
    if (!this.panel || !this.ready) return;
    const targets = await this.targets();
    const target = this.session.target;
    const known = target !== undefined && exists(targets, target);
    this.sendTargets(targets, known ? target : undefined);
    const request = known ? simulatorRequest(this.session) : undefined;
    if (!request) return;
    const before = this.lastSent;
    const server = this.context.server;
    const message =
      request.method === 'ddd/simulate'
        ? { type: 'simulation' as const, result: await server.request('ddd/simulate', request.params) }
        : request.method === 'ddd/replay'
          ? { type: 'replay' as const, result: await server.request('ddd/replay', request.params) }
          : undefined;
    if (!message || JSON.stringify(message) === before) return;
    if (message.type === 'simulation') this.last = message.result.run;
    this.send(message);
  }
}
