/**
 * "DDD: Compare with…": pick a base (the last commit, a branch, a tag; listed
 * with src/cli/diff-git.ts), compare the working tree's model with it in the
 * diff worker, and show the changes in the panel; each links to both sides
 * (the base's file read from git, read-only). The working tree is compared as
 * the editor shows it: the unsaved `.ddd` documents go to the worker, and an
 * edit compares again a moment after the typing stops (EDIT_COMPARE_DELAY_MS).
 * With `ddd.diff.diagnostics` on, breaking changes also show as warnings on
 * the changed lines (breaking-findings.ts). While the panel
 * is open, the context map preview colours the contexts the changes touch
 * (map-colours.ts); closing the panel takes the colours away.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { listRefs, repositoryRoot } from '../../cli/diff-git';
import { MAX_UNSAVED_FILES, MAX_UNSAVED_TEXT, type CliDiff, type CliLocation, type DiffPanelMessage, type DiffWebviewMessage, type UnsavedFiles } from '../../protocol/diff';
import { BASE_SCHEME, BaseDocuments, baseUri } from './base-documents';
import { breakingDiagnostics, DIFF_DIAGNOSTICS_SETTING, diffDiagnosticsEnabled } from './diff-diagnostics';
import { DiffPanel, panelTitle } from './diff-panel';
import { mapChangesOf, mapColours } from './map-colours';
import { runDiff } from './run-diff';

export const compareCommand = 'ddd.compareWith';

/**
 * After an edit, compare again once the typing has stopped this long: a comparison
 * starts a process and reads the base from git (a few hundred milliseconds), so not
 * on every keystroke; one runs at a time and the latest edit wins.
 */
export const EDIT_COMPARE_DELAY_MS = 600;

/** The `.ddd` documents of `folder` with unsaved changes, as the diff worker reads them. */
function unsavedFiles(folder: vscode.WorkspaceFolder): UnsavedFiles {
  const files: UnsavedFiles['files'] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (files.length >= MAX_UNSAVED_FILES) break;
    if (!document.isDirty || document.uri.scheme !== 'file' || !document.uri.path.endsWith('.ddd')) continue;
    if (vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() !== folder.uri.toString()) continue;
    const text = document.getText();
    // past the limit, the saved text is compared (the worker says so of a text past the model's own limit)
    if (text.length <= MAX_UNSAVED_TEXT) files.push({ path: document.uri.fsPath, text });
  }
  return { files };
}

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

  /** Compares again (one run at a time; a request during a run runs once more after it); `quiet`: the panel keeps showing the last diff meanwhile. */
  const compare = (openPanel: boolean, quiet = false): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const current = comparison;
    if (!current) return Promise.resolve();
    if (!quiet || !current.diff) show({ type: 'busy', text: `Comparing the working tree with ${current.base}…` }, `Model changes vs ${current.base}`, openPanel);
    const started = Date.now();
    const unsaved = unsavedFiles(current.folder);
    running = runDiff(workerPath, current.folder.uri.fsPath, current.base, unsaved.files.length ? unsaved : undefined)
      .then((diff) => {
        if (comparison !== current) return;
        current.diff = diff;
        const edits = unsaved.files.length ? ` (with ${unsaved.files.length} unsaved ${unsaved.files.length === 1 ? 'file' : 'files'})` : '';
        output.info(`Compared the working tree${edits} with ${current.base} in ${Date.now() - started} ms: ${diff.counts.breaking} breaking, ${diff.counts.risky} risky, ${diff.counts.safe} safe.`);
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
          void compare(false, true);
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
  let editTimer: NodeJS.Timeout | undefined;
  /** Whether the comparison is shown anywhere (the panel, the diagnostics), so worth running again. */
  const shown = () => comparison !== undefined && (panel.isOpen || diffDiagnosticsEnabled());
  context.subscriptions.push(
    panel,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, new BaseDocuments()),
    vscode.commands.registerCommand(compareCommand, command),
    // a saved model is compared again (when its comparison is shown somewhere)
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (!document.uri.path.endsWith('.ddd') || !shown()) return;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void compare(false, true), 300);
    }),
    // an edit (unsaved) is compared too, once the typing stops
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!event.contentChanges.length || event.document.uri.scheme !== 'file' || !event.document.uri.path.endsWith('.ddd') || !shown()) return;
      if (vscode.workspace.getWorkspaceFolder(event.document.uri)?.uri.toString() !== comparison!.folder.uri.toString()) return;
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void compare(false, true), EDIT_COMPARE_DELAY_MS);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(`ddd.${DIFF_DIAGNOSTICS_SETTING}`)) return;
      if (diffDiagnosticsEnabled() && comparison && !comparison.diff) void compare(false);
      else showDiagnostics();
    }),
    {
      dispose: () => {
        clearTimeout(saveTimer);
        clearTimeout(editTimer);
      },
    },
    { dispose: () => mapColours.set(undefined) },
  );
}
