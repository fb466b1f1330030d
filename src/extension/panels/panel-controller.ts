/**
 * What the preview and the simulator share: one webview panel per window at a
 * time, a page that says when it is ready (and is gone while hidden: no
 * retained context), listeners that live as long as the panel, and a clean slate
 * when the panel closes.
 */
import * as vscode from 'vscode';
import type { WebviewMessage, WebviewMode } from '../../protocol/index';
import type { Debouncer } from './helpers';
import { onMessage, setPage, type PanelContext } from './webview';

export abstract class PanelController implements vscode.Disposable {
  protected panel: vscode.WebviewPanel | undefined;
  /** The page has started and listens. */
  protected ready = false;
  /** Listeners for as long as the controller lives. */
  protected readonly disposables: vscode.Disposable[] = [];
  /** Listeners for as long as the panel lives. */
  private panelDisposables: vscode.Disposable[] = [];
  /** Waits for a burst of edits to end before the panel is brought up to date. */
  protected abstract readonly editDebounce: Debouncer;

  constructor(
    protected readonly context: PanelContext,
    private readonly mode: WebviewMode,
  ) {}

  dispose(): void {
    this.editDebounce.cancel();
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** What the page posted. */
  protected abstract receive(message: WebviewMessage): unknown;

  /** Resets what the controller knew of the panel that closed. */
  protected abstract forget(): void;

  /** Takes `panel` (new, or restored after a reload): its page, its messages, and forgetting it when it closes. */
  protected host(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'ddd-file.svg');
    this.panelDisposables = [
      onMessage(panel.webview, this.context.output, this.mode, (message) => this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // hidden: the page is gone; shown again, it posts `ready`
        if (!webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        for (const disposable of this.panelDisposables) disposable.dispose();
        this.panelDisposables = [];
        this.panel = undefined;
        this.ready = false;
        this.editDebounce.cancel();
        this.forget();
      }),
    ];
    setPage(panel, this.context.extensionUri, this.mode, this.context.output);
  }
}
