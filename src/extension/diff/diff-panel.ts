/**
 * The "Model changes" panel: a webview (strict Content-Security-Policy, a fresh
 * nonce per page, scripts only from dist/) that lists the changes by bounded
 * context. Its messages are checked (src/protocol/diff.ts) and carry only
 * indexes into the diff the panel was sent.
 */
import * as vscode from 'vscode';
import { checkDiffWebviewMessage, diffPanelHtml, type CliDiff, type DiffPanelMessage, type DiffWebviewMessage } from '../../protocol/diff';
import { createNonce } from '../../protocol/html';

export const DIFF_VIEW_TYPE = 'ddd.diff';

export interface DiffPanelHandlers {
  /** The panel's page loaded (again): what to show now. */
  current(): DiffPanelMessage | undefined;
  act(message: Exclude<DiffWebviewMessage, { type: 'ready' }>): unknown;
  /** The user closed the panel. */
  closed(): void;
}

export class DiffPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    private readonly handlers: DiffPanelHandlers,
  ) {}

  /** Shows the panel (opening it when needed) with `message`. */
  show(title: string, message: DiffPanelMessage): void {
    if (!this.panel) this.open();
    this.panel!.title = title;
    this.panel!.reveal(this.panel!.viewColumn ?? vscode.ViewColumn.Beside, true);
    this.post(message);
  }

  post(message: DiffPanelMessage): void {
    if (!this.panel) return;
    void Promise.resolve(this.panel.webview.postMessage(message)).catch(() => undefined);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Where a side the panel links to opens: the first editor group, or the second when the panel is in the first. */
  get sourceColumn(): vscode.ViewColumn {
    return this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private open(): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(DIFF_VIEW_TYPE, 'Model changes', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [dist],
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    const webview = panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(dist, name)).toString();
    webview.html = diffPanelHtml({ cspSource: webview.cspSource, nonce: createNonce(), scriptUri: asset('webview-diff.js'), styleUri: asset('webview-diff.css') });
    this.panel = panel;
    this.disposables.push(
      webview.onDidReceiveMessage((data: unknown) => {
        const checked = checkDiffWebviewMessage(data);
        if (!checked.ok) {
          this.output.warn(`The model changes panel sent a message that was ignored: ${checked.reason}`);
          return;
        }
        if (checked.message.type === 'ready') {
          const current = this.handlers.current();
          if (current) this.post(current);
          return;
        }
        Promise.resolve(this.handlers.act(checked.message)).catch((error: unknown) => this.output.error(`The model changes panel's ${checked.message.type} failed: ${error instanceof Error ? error.message : String(error)}`));
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
        this.handlers.closed();
      }),
    );
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** The panel's title for a diff. */
export function panelTitle(diff: CliDiff, base: string): string {
  const { breaking } = diff.counts;
  return `Model changes vs ${base}${breaking ? ` (${breaking} breaking)` : ''}`;
}
