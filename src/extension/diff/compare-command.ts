/**
 * "DDD: Compare with…": pick a base (the last commit, a branch, a tag; listed
 * with src/cli/diff-git.ts), compare the working tree's model with it in the
 * diff worker, and show the changes in the panel; each links to both sides
 * (the base's file read from git, read-only). With `ddd.diff.diagnostics` on,
 * breaking changes also show as warnings on the changed lines. While the panel
 * is open, the context map preview colours the contexts the changes touch
 * (map-colours.ts); closing the panel takes the colours away.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { listRefs, repositoryRoot } from '../../cli/diff-git';
import type { CliDiff, CliLocation, DiffPanelMessage, DiffWebviewMessage } from '../../protocol/diff';
import { BASE_SCHEME, BaseDocuments, baseUri } from './base-documents';
import { breakingDiagnostics, DIFF_DIAGNOSTICS_SETTING, diffDiagnosticsEnabled } from './diff-diagnostics';
import { DiffPanel, panelTitle } from './diff-panel';
import { mapChangesOf, mapColours } from './map-colours';
import { runDiff } from './run-diff';

export const compareCommand = 'ddd.compareWith';

/** The comparison shown: its base, the folder compared, the repository, the last diff. */
interface Comparison {
  base: string;
  folder: vscode.WorkspaceFolder;
  root: string;
  diff?: CliDiff;
}

/** The workspace folder to compare: the active editor's, else the first. */
function chosenFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function pickBase(root: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { base?: string };
  const items: Item[] = [{ label: '$(git-commit) Last commit', description: 'HEAD', detail: 'what the working tree changes since the last commit', base: 'HEAD' }];
  let refs: ReturnType<typeof listRefs> = [];
  try {
    refs = listRefs(root);
  } catch {
    refs = [];
  }
  const sections: [string, string, string][] = [
    ['branch', 'Branches', '$(git-branch)'],
    ['tag', 'Tags', '$(tag)'],
    ['remote', 'Remote branches', '$(cloud)'],
  ];
  for (const [kind, title, icon] of sections) {
    const ofKind = refs.filter((ref) => ref.kind === kind);
    if (!ofKind.length) continue;
    items.push({ label: title, kind: vscode.QuickPickItemKind.Separator });
    for (const ref of ofKind) items.push({ label: `${icon} ${ref.name}`, description: ref.subject, base: ref.name });
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'DDD: Compare with…', placeHolder: 'The version of the model to compare the working tree with', matchOnDescription: true });
  return picked?.base;
}

export function registerCompare(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  // shown in the palette only where it is registered: the desktop extension host (it runs git and a Node worker)
  void vscode.commands.executeCommand('setContext', 'ddd.canCompare', true);
  const workerPath = context.asAbsolutePath('dist/diff-worker.js');
  const diagnostics = vscode.languages.createDiagnosticCollection('ddd-diff');
  let comparison: Comparison | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let lastMessage: DiffPanelMessage | undefined;

  const panel = new DiffPanel(context.extensionUri, output, {
    current: () => lastMessage,
    act: (message) => act(message),
    // the map's colours belong to the panel: closed, the preview draws the map as it is
    closed: () => mapColours.set(undefined),
  });

  const showDiagnostics = () => {
    diagnostics.clear();
    if (!comparison?.diff || !diffDiagnosticsEnabled()) return;
    for (const { uri, diagnostics: list } of breakingDiagnostics(comparison.diff, comparison.folder.uri, comparison.base).values()) diagnostics.set(uri, list);
  };

  const show = (message: DiffPanelMessage, title: string, openPanel: boolean) => {
    lastMessage = message;
    if (openPanel || panel.isOpen) panel.show(title, message);
  };

  /** Compares again (one run at a time; a request during a run runs once more after it). */
  const compare = (openPanel: boolean): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const current = comparison;
    if (!current) return Promise.resolve();
    show({ type: 'busy', text: `Comparing the working tree with ${current.base}…` }, `Model changes vs ${current.base}`, openPanel);
    const started = Date.now();
    running = runDiff(workerPath, current.folder.uri.fsPath, current.base)
      .then((diff) => {
        if (comparison !== current) return;
        current.diff = diff;
        output.info(`Compared the working tree with ${current.base} in ${Date.now() - started} ms: ${diff.counts.breaking} breaking, ${diff.counts.risky} risky, ${diff.counts.safe} safe.`);
        show({ type: 'diff', diff, base: current.base }, panelTitle(diff, current.base), false);
        mapColours.set(panel.isOpen ? mapChangesOf(diff, current.base) : undefined);
        showDiagnostics();
      })
      .catch((error: unknown) => {
        const message = `The comparison with ${current.base} failed: ${error instanceof Error ? error.message : String(error)}`;
        output.error(message);
        show({ type: 'error', message }, `Model changes vs ${current.base}`, false);
        mapColours.set(undefined);
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void compare(false);
        }
      });
    return running;
  };

  const locationUri = (location: CliLocation): vscode.Uri | undefined => {
    if (!comparison) return undefined;
    if (location.file !== undefined) return vscode.Uri.joinPath(comparison.folder.uri, ...location.file.split('/'));
    if (location.revision !== undefined && location.repositoryPath !== undefined) return baseUri(comparison.root, location.revision, location.repositoryPath);
    return undefined;
  };

  const reveal = async (location: CliLocation | undefined) => {
    const uri = location && locationUri(location);
    if (!location || !uri) return;
    const selection = new vscode.Range(location.line - 1, location.column - 1, location.endLine - 1, location.endColumn - 1);
    await vscode.window.showTextDocument(uri, { selection, viewColumn: panel.sourceColumn, preview: false });
  };

  const act = (message: Exclude<DiffWebviewMessage, { type: 'ready' }>): Promise<void> | void => {
    if (message.type === 'refresh') return compare(true);
    const change = comparison?.diff?.changes[message.change];
    if (!change) return;
    if (message.type === 'open') return reveal(message.side === 'old' ? change.old : change.new);
    return reveal(change.affected[message.party]?.location);
  };

  const command = async () => {
    const folder = chosenFolder();
    if (!folder) {
      void vscode.window.showInformationMessage('DDD: Compare with… compares a workspace folder with a version of it: open a folder first.');
      return;
    }
    const root = repositoryRoot(folder.uri.fsPath);
    if (!root) {
      void vscode.window.showWarningMessage(`${folder.name} is not in a git repository (or git is not installed): there is no other version of the model to compare with.`);
      return;
    }
    if (!existsSync(workerPath)) {
      void vscode.window.showErrorMessage(`The DDD diff is missing (${workerPath}). Build it with \`npm run build\`.`);
      return;
    }
    const base = await pickBase(root);
    if (base === undefined) return;
    comparison = { base, folder, root };
    await compare(true);
  };

  let saveTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    panel,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, new BaseDocuments()),
    vscode.commands.registerCommand(compareCommand, command),
    // a saved model is compared again (when its comparison is shown somewhere)
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (!comparison || !document.uri.path.endsWith('.ddd') || (!panel.isOpen && !diffDiagnosticsEnabled())) return;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void compare(false), 300);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`ddd.${DIFF_DIAGNOSTICS_SETTING}`)) return;
      if (diffDiagnosticsEnabled() && comparison && !comparison.diff) void compare(false);
      else showDiagnostics();
    }),
    { dispose: () => clearTimeout(saveTimer) },
    { dispose: () => mapColours.set(undefined) },
  );
}
