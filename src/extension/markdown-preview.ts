/**
 * ```ddd fences in VS Code's built-in Markdown preview: what `activate` returns
 * as `extendMarkdownIt` (package.json contributes `markdown.markdownItPlugins`),
 * with the preview script and stylesheet contributed beside it.
 *
 * A fence `from workspace` needs the workspace's model while markdown-it renders,
 * which is synchronous, and the language server runs in another process: so this
 * file keeps the workspace's .ddd texts (read through `vscode.workspace.fs`, so a
 * virtual workspace works too; the editor's unsaved text wins over the disk) in
 * the plugin's `WorkspaceDocuments`, which parses and links them with the core
 * when a fence asks. Once read they are kept up to date; when they change and a
 * fence drew from them, the open previews are refreshed (`markdown.preview.refresh`).
 *
 * The texts are read a second after activation when the workspace has models,
 * else on a preview's first fence `from workspace`; the plugin (and with it the
 * core) is loaded then, not during activation.
 */
import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import type * as MarkdownPlugin from '../markdown/index';
import { skippedModelFolders } from '../protocol/workspace-files';

const DDD_FILES = '**/*.ddd';
/** The folders the language server skips too, and hidden ones. */
const EXCLUDED = `{${[...skippedModelFolders.map((folder) => `**/${folder}/**`), '**/.*/**'].join(',')}}`;
/** The pause after the last change before the previews that draw from the workspace are refreshed. */
const REFRESH_DELAY_MS = 300;
/** How long after activation the workspace's models are read for the Markdown preview. */
const EARLY_READ_DELAY_MS = 1000;

export interface MarkdownPreviewPlugin {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** Whether a file of the workspace is part of its model: not under a skipped or hidden folder. */
function inModelFolder(uri: vscode.Uri): boolean {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
  const folders = vscode.workspace.asRelativePath(uri, false).split('/').slice(0, -1);
  return !folders.some((folder) => folder.startsWith('.') || (skippedModelFolders as readonly string[]).includes(folder));
}

/** A .ddd file of the workspace's model open in an editor (not an older version shown in a diff). */
function isWorkspaceModel(document: vscode.TextDocument): boolean {
  return document.languageId === 'ddd' && document.uri.scheme !== 'git' && inModelFolder(document.uri);
}

export function markdownPreviewPlugin(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): MarkdownPreviewPlugin {
  let documents: MarkdownPlugin.WorkspaceDocuments | undefined;
  let usedByAFence = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const refreshPreviews = () => {
    if (!usedByAFence) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      output.info('Markdown preview: the workspace’s model changed; refreshing the previews.');
      vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => output.warn(`Markdown preview: could not refresh the previews: ${error instanceof Error ? error.message : String(error)}`));
    }, REFRESH_DELAY_MS);
  };
  context.subscriptions.push({ dispose: () => clearTimeout(refreshTimer) });

  const maxFileSize = () => vscode.workspace.getConfiguration('ddd').get<number>('maxFileSize');

  const readFile = async (kept: MarkdownPlugin.WorkspaceDocuments, uri: vscode.Uri): Promise<boolean> => {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
    if (open) return kept.setText(uri.toString(), open.getText());
    try {
      return kept.setBytes(uri.toString(), await vscode.workspace.fs.readFile(uri), maxFileSize());
    } catch {
      // gone meanwhile, or not readable: left out, as the language server leaves it out
      return kept.delete(uri.toString());
    }
  };

  /** Reads the workspace's .ddd files once and follows their changes from then on. */
  const startKeeping = (plugin: typeof MarkdownPlugin): MarkdownPlugin.WorkspaceDocuments => {
    const kept = new plugin.WorkspaceDocuments();
    const watcher = vscode.workspace.createFileSystemWatcher(DDD_FILES);
    const changed = async (uri: vscode.Uri) => {
      if (inModelFolder(uri) && (await readFile(kept, uri))) refreshPreviews();
    };
    context.subscriptions.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete((uri) => kept.delete(uri.toString()) && refreshPreviews()),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (isWorkspaceModel(document) && kept.setText(document.uri.toString(), document.getText())) refreshPreviews();
      }),
      // closed without saving: the text on disk counts again
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isWorkspaceModel(document)) void changed(document.uri);
      }),
    );
    void (async () => {
      const started = Date.now();
      try {
        const uris = await vscode.workspace.findFiles(DDD_FILES, EXCLUDED, plugin.MAX_WORKSPACE_FILES + 1);
        if (uris.length > plugin.MAX_WORKSPACE_FILES) output.warn(`The Markdown preview draws from the first ${plugin.MAX_WORKSPACE_FILES} .ddd files of the workspace; the rest are left out.`);
        await Promise.all(uris.slice(0, plugin.MAX_WORKSPACE_FILES).map((uri) => readFile(kept, uri)));
        for (const [uri, why] of kept.leftOut) output.info(`Markdown preview: not read ${uri}: ${why}`);
        output.info(`Markdown preview: read ${kept.fileCount} .ddd files of the workspace in ${Date.now() - started} ms.`);
      } catch (error) {
        output.error(`Markdown preview: could not list the workspace's .ddd files: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        kept.markLoaded();
        refreshPreviews();
      }
    })();
    return kept;
  };

  let plugin: typeof MarkdownPlugin | undefined;
  // loaded on first use, not at activation (esbuild keeps a require lazy)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loadPlugin = () => (plugin ??= require('../markdown/index') as typeof MarkdownPlugin);
  const keep = () => (documents ??= startKeeping(loadPlugin()));

  // In a workspace with models, read them soon after activation (off its path): a preview opened
  // later draws its fences `from workspace` at once. A preview rendered before that (one restored
  // with the window) says it is reading them, and is refreshed when they are read.
  const early = setTimeout(() => {
    if (!vscode.workspace.workspaceFolders?.length) return;
    vscode.workspace.findFiles(DDD_FILES, EXCLUDED, 1).then(
      (found) => {
        if (found.length) keep();
      },
      () => undefined,
    );
  }, EARLY_READ_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(early) });

  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      const workspace = {
        current: () => keep().current(),
        get revision() {
          return documents?.revision ?? 0;
        },
      };
      return loadPlugin().dddMarkdownIt(md, { workspace, onWorkspaceFence: () => (usedByAFence = true) });
    },
  };
}
