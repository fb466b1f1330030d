/**
 * "▶ Simulate" above every saga and "▶ Replay" above every event stream of a
 * `.ddd` document. Where they are declared comes from the server (`ddd/views`
 * lists sagas and streams with their locations), so the lenses agree with the
 * model whatever the formatting. VS Code asks again after each edit of the
 * document; the lenses are also refreshed when the server (re)starts or the
 * model changed elsewhere (another file's diagnostics were published).
 */
import * as vscode from 'vscode';
import { lensTargets } from './panels/helpers';
import { describe, LANGUAGE_ID, type DddServer } from './panels/webview';

export const simulateCommand = 'ddd.simulate';

export class SimulationCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly server: DddServer,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      this.changed,
      server.onDidStart(() => this.changed.fire()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (!event.uris.some((uri) => uri.path.endsWith('.ddd'))) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed.fire(), 100);
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (document.languageId !== LANGUAGE_ID) return [];
    const uri = document.uri.toString();
    let views;
    try {
      views = await this.server.request('ddd/views', { uri });
    } catch (error) {
      this.output.debug(`No simulation lenses for ${document.uri.fsPath || uri}: ${describe(error)}`);
      return [];
    }
    if (token.isCancellationRequested) return [];
    return lensTargets(views, uri).map(({ target, range }) => {
      const line = Math.min(range.start.line, Math.max(0, document.lineCount - 1));
      const saga = target.kind === 'saga';
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: saga ? '▶ Simulate' : '▶ Replay',
        tooltip: saga ? `Play ${target.name} step by step in the saga simulator, with failures and crashes` : `Replay the event stream ${target.name} on its aggregate`,
        command: simulateCommand,
        arguments: [document.uri, target.name, target.kind],
      });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
