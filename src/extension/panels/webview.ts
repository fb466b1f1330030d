/**
 * What both panels share: the page (src/protocol/html.ts, a fresh nonce per
 * load, scripts only from the extension's dist/), the checked message channel,
 * and opening a declaration a node stands for.
 */
import * as vscode from 'vscode';
import {
  checkWebviewMessage,
  createNonce,
  parseWebviewMessage,
  webviewHtml,
  type DddRequestMethod,
  type DddRequestParams,
  type DddRequestResult,
  type ExtensionMessage,
  type SourceRange,
  type WebviewMessage,
  type WebviewMode,
} from '../../protocol/index';
import { isDddPath, revealPlan } from './helpers';

export const LANGUAGE_ID = 'ddd';

/** The language server, as the panels see it (main.ts's supervisor). */
export interface DddServer {
  /** A custom request; a panel that no longer needs the answer cancels `token` (the server then stops, and the promise rejects). */
  request<M extends DddRequestMethod>(method: M, params: DddRequestParams<M>, token?: vscode.CancellationToken): Promise<DddRequestResult<M>>;
  /** Fires when a (re)started server is ready. */
  readonly onDidStart: vscode.Event<void>;
}

export interface PanelContext {
  extensionUri: vscode.Uri;
  server: DddServer;
  output: vscode.LogOutputChannel;
}

/** The webview may load only the bundle and its stylesheet. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // no retained context: the page restores itself from its saved state when shown again
  return { ...webviewOptions(extensionUri), retainContextWhenHidden: false, enableFindWidget: false };
}

/** Loads the page into a panel's webview; false (said in the log and to the user, the panel closed) when it cannot be built. */
export function setPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, mode: WebviewMode, output: vscode.LogOutputChannel): boolean {
  const webview = panel.webview;
  try {
    webview.options = webviewOptions(extensionUri);
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
    webview.html = webviewHtml({ cspSource: webview.cspSource, nonce: createNonce(), scriptUri: asset('webview.js'), styleUri: asset('webview.css'), mode });
    return true;
  } catch (error) {
    const message = `The ${mode === 'preview' ? 'preview' : 'saga simulator'} could not be opened: ${describe(error)}`;
    output.error(`${message} (cspSource ${JSON.stringify(webview.cspSource)})`);
    void vscode.window.showErrorMessage(message);
    panel.dispose();
    return false;
  }
}

/** The webview's messages, each checked; anything else is dropped (and logged, with why). */
export function onMessage(webview: vscode.Webview, output: vscode.LogOutputChannel, mode: WebviewMode, handler: (message: WebviewMessage) => unknown): vscode.Disposable {
  return webview.onDidReceiveMessage((data: unknown) => {
    const message = parseWebviewMessage(data);
    if (!message) {
      const checked = checkWebviewMessage(data);
      output.warn(`The ${mode} sent a message that was ignored: ${checked.ok ? 'unexpected' : checked.reason}`);
      return;
    }
    try {
      const result = handler(message);
      if (result instanceof Promise) result.catch((error: unknown) => output.error(`The ${mode}'s ${message.type} failed: ${describe(error)}`));
    } catch (error) {
      output.error(`The ${mode}'s ${message.type} failed: ${describe(error)}`);
    }
  });
}

export function post(panel: vscode.WebviewPanel | undefined, message: ExtensionMessage): void {
  if (!panel) return;
  // a disposed or reloading webview refuses the message: the next `ready` asks again
  void Promise.resolve(panel.webview.postMessage(message)).catch(() => undefined);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A DDD document of the workspace (or an open one), or undefined for anything else a page might name. */
export function revealableUri(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  if (open) return open.languageId === LANGUAGE_ID ? open.uri : undefined;
  if (!isDddPath(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return uri;
}

/** Opens a declaration and selects its name, in `column`. False when the page named something not to open. */
export async function revealSource(uriText: string, range: SourceRange, column: vscode.ViewColumn | undefined, output: vscode.LogOutputChannel): Promise<boolean> {
  const uri = revealableUri(uriText);
  if (!uri) {
    output.warn(`Not opened: ${uriText.slice(0, 200)} is not a .ddd document of the workspace.`);
    return false;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== LANGUAGE_ID) return false;
  const plan = revealPlan(range);
  const position = (at: SourceRange['start']) => document.validatePosition(new vscode.Position(at.line, at.character));
  // the name selected, the caret at its start; the line shown from its first column
  const selection = new vscode.Selection(position(plan.anchor), position(plan.active));
  const options: vscode.TextDocumentShowOptions = { viewColumn: column ?? vscode.ViewColumn.One, selection, preserveFocus: false, preview: false };
  const editor = await vscode.window.showTextDocument(document, options);
  editor.revealRange(document.validateRange(toRange(plan.reveal)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The click that asked for this also focuses the webview, and the workbench may hear of that focus
  // after the editor took it (a quick click): the editor is then open but the typing goes nowhere.
  // Give the focus back to the editor once, if the webview has it.
  setTimeout(() => {
    if (!vscode.window.activeTextEditor && vscode.window.visibleTextEditors.some((visible) => visible.document === document)) {
      void vscode.window.showTextDocument(document, { ...options, selection: editor.selection });
    }
  }, 200);
  return true;
}

/** The active editor when it shows a .ddd document. */
export function activeDddEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === LANGUAGE_ID ? editor : undefined;
}
