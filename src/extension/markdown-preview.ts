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
 * fence drew from them, the open previews are refreshed (`markdown.preview.refresh`)
 * once the changed files are read (markdown-refresh.ts says when).
 *
 * Markdown's preview renders only once the extension is active, and refreshing a
 * preview (`markdown.preview.refresh`) proved unreliable when a render was
 * under way: so when the workspace has models, activation ends once they are
 * read (`ready`, a few seconds at most; the commands, panels and language server
 * do not wait for it), and the first page of a preview already has them. The
 * plugin (and with it the core) is loaded after activation's synchronous part.
 */
import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import type * as MarkdownPlugin from '../markdown/index';
import { skippedFolders, skippedFoldersGlob } from '../protocol/workspace-files';
import { PreviewRefresh } from './markdown-refresh';

const DDD_FILES = '**/*.ddd';
/** The folders the language server skips too, and hidden ones. */
const EXCLUDED = skippedFoldersGlob();
/**
 * The longest activation waits for the workspace's models to be read: VS Code's Markdown preview
 * renders its first page once the extension is active, and then finds them read.
 */
const INITIAL_READ_WAIT_MS = 5000;

export interface MarkdownPreviewPlugin {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /**
   * Reads the workspace's models, if it has any; resolves when they are read, or
   * after `maxWaitMs` at the latest (never rejects).
   */
  ready(maxWaitMs?: number): Promise<void>;
}

/** Whether a file of the workspace is part of its model: not under a skipped or hidden folder. */
function inModelFolder(uri: vscode.Uri): boolean {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
  const folders = vscode.workspace.asRelativePath(uri, false).split('/').slice(0, -1);
  return !folders.some((folder) => folder.startsWith('.') || skippedFolders.includes(folder));
}

/** A .ddd file of the workspace's model open in an editor (not an older version shown in a diff). */
function isWorkspaceModel(document: vscode.TextDocument): boolean {
  return document.languageId === 'ddd' && document.uri.scheme !== 'git' && inModelFolder(document.uri);
}

/** The plugin's module, loaded on first use (esbuild keeps a require lazy); tests hand in their own import. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requirePlugin = (): typeof MarkdownPlugin => require('../markdown/index') as typeof MarkdownPlugin;

export function markdownPreviewPlugin(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, load: () => typeof MarkdownPlugin = requirePlugin): MarkdownPreviewPlugin {
  let documents: MarkdownPlugin.WorkspaceDocuments | undefined;
  let usedByAFence = false;

  const refresh = new PreviewRefresh((files, others) => {
    const what = files.length ? `${files.join(', ')}${others ? ' and other files' : ''} changed` : 'the workspace’s model changed';
    output.info(`Markdown preview: ${what}; refreshing the previews.`);
    vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => output.warn(`Markdown preview: could not refresh the previews: ${error instanceof Error ? error.message : String(error)}`));
  });
  context.subscriptions.push(refresh);
  /** Refreshes the previews, if a fence drew from the workspace, a moment after the last change (of `uri`) once no file is being read. */
  const refreshPreviews = (uri?: vscode.Uri) => {
    if (usedByAFence) refresh.changed(uri && vscode.workspace.asRelativePath(uri, false));
  };

  const maxFileSize = () => vscode.workspace.getConfiguration('ddd').get<number>('maxFileSize');

  const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);

  const readFile = async (kept: MarkdownPlugin.WorkspaceDocuments, uri: vscode.Uri): Promise<boolean> => {
    const open = openDocument(uri);
    if (open) return kept.setText(uri.toString(), open.getText());
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      bytes = undefined;
    }
    // opened in an editor while the disk was read: its text wins, as it does whenever a file is open
    const opened = openDocument(uri);
    if (opened) return kept.setText(uri.toString(), opened.getText());
    // gone meanwhile, or not readable: left out, as the language server leaves it out
    if (!bytes) return kept.delete(uri.toString());
    return kept.setBytes(uri.toString(), bytes, maxFileSize());
  };

  /** Reads `uri` into the model after the reads of its earlier changes (true when the model changed). */
  const readInTurn = (kept: MarkdownPlugin.WorkspaceDocuments, uri: vscode.Uri) => refresh.inTurn(uri.toString(), () => readFile(kept, uri));

  /** Reads the workspace's .ddd files once (`read` settles then) and follows their changes from then on. */
  const startKeeping = (plugin: typeof MarkdownPlugin): { kept: MarkdownPlugin.WorkspaceDocuments; read: Promise<void> } => {
    const kept = new plugin.WorkspaceDocuments();
    const watcher = vscode.workspace.createFileSystemWatcher(DDD_FILES);
    const changed = async (uri: vscode.Uri) => {
      if (inModelFolder(uri) && (await readInTurn(kept, uri))) refreshPreviews(uri);
    };
    context.subscriptions.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(async (uri) => {
        if (await refresh.inTurn(uri.toString(), () => kept.delete(uri.toString()))) refreshPreviews(uri);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (isWorkspaceModel(document) && kept.setText(document.uri.toString(), document.getText())) refreshPreviews(document.uri);
      }),
      // closed without saving: the text on disk counts again
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isWorkspaceModel(document)) void changed(document.uri);
      }),
    );
    const read = (async () => {
      const started = Date.now();
      try {
        const uris = await vscode.workspace.findFiles(DDD_FILES, EXCLUDED, plugin.MAX_WORKSPACE_FILES + 1);
        if (uris.length > plugin.MAX_WORKSPACE_FILES) output.warn(`The Markdown preview draws from the first ${plugin.MAX_WORKSPACE_FILES} .ddd files of the workspace; the rest are left out.`);
        await Promise.all(uris.slice(0, plugin.MAX_WORKSPACE_FILES).map((uri) => readInTurn(kept, uri)));
        for (const [uri, why] of kept.leftOut) output.info(`Markdown preview: not read ${uri}: ${why}`);
        output.info(`Markdown preview: read ${kept.fileCount} .ddd files of the workspace in ${Date.now() - started} ms.`);
      } catch (error) {
        output.error(`Markdown preview: could not list the workspace's .ddd files: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        kept.markLoaded();
        refreshPreviews();
      }
    })();
    return { kept, read };
  };

  let plugin: typeof MarkdownPlugin | undefined;
  const loadPlugin = () => (plugin ??= load());
  let firstRead: Promise<void> = Promise.resolve();
  const keep = (): MarkdownPlugin.WorkspaceDocuments => {
    if (!documents) {
      const started = startKeeping(loadPlugin());
      documents = started.kept;
      firstRead = started.read;
    }
    return documents;
  };

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

    async ready(maxWaitMs = INITIAL_READ_WAIT_MS): Promise<void> {
      if (!vscode.workspace.workspaceFolders?.length) return;
      const hasModels = await vscode.workspace.findFiles(DDD_FILES, EXCLUDED, 1).then(
        (found) => found.length > 0,
        () => false,
      );
      if (!hasModels) return;
      keep();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([firstRead, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]);
      clearTimeout(timer);
    },
  };
}
