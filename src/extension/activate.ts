/**
 * The extension's activation, the same on the desktop and in VS Code for the
 * Web: the log, the commands, the language server (through its host: main.ts
 * gives a Node process, browser-main.ts a Web Worker) and the panels. Uses no
 * Node API.
 */
import { loadStartedAt } from './load-time';
import * as vscode from 'vscode';
import { registerCmlImport } from './cml-import';
import { registerExportModel } from './export-model';
import { markdownPreviewPlugin, type MarkdownPreviewPlugin } from './markdown-preview';
import { registerPanels } from './panels/index';
import { commands, ServerSupervisor, type ServerHost } from './supervisor';
import { startWhenModelled } from './start-when-modelled';
import { skippedFoldersGlob } from '../protocol/workspace-files';

let supervisor: ServerSupervisor | undefined;

/** What `activate` returns to VS Code: the Markdown preview's plugin (contributes.markdown.markdownItPlugins). */
export type ExtensionApi = Pick<MarkdownPreviewPlugin, 'extendMarkdownIt'>;

/** Activates the extension with `host`'s language server; returns the log (for what a host adds) and the API for VS Code. */
export function activateWith(context: vscode.ExtensionContext, host: ServerHost): { output: vscode.LogOutputChannel; api: Promise<ExtensionApi> } {
  const activateStart = performance.now();
  const output = vscode.window.createOutputChannel('DDD Modeler', { log: true });
  context.subscriptions.push(output);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  output.info(`DDD Modeler ${version} in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}); the language server runs ${host.where}.`);

  supervisor = new ServerSupervisor(host, output);
  const current = supervisor;
  context.subscriptions.push(
    { dispose: () => void current.dispose() },
    vscode.commands.registerCommand(commands.restartServer, () => current.restart()),
    vscode.commands.registerCommand(commands.showOutput, () => output.show(true)),
  );
  // The preview, the simulator and the code lenses above sagas and streams: they talk to the server through `current`.
  registerPanels(context, current, output);
  registerExportModel(context, current, output);
  registerCmlImport(context, current);
  // Not awaited: activation does not wait for the server; features light up when it is ready. In a
  // local folder without a model (a Markdown preview activated the extension) it waits for a .ddd file.
  const openListeners = new Set<vscode.Disposable>();
  context.subscriptions.push({ dispose: () => openListeners.forEach((listener) => listener.dispose()) });
  void startWhenModelled(
    {
      openLanguages: () => vscode.workspace.textDocuments.map((document) => document.languageId),
      folderSchemes: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme),
      holdsModel: async () => (await vscode.workspace.findFiles('**/*.ddd', skippedFoldersGlob(), 1)).length > 0,
      onDidOpen: (listener) => {
        const subscription = vscode.workspace.onDidOpenTextDocument((document) => listener(document.languageId));
        openListeners.add(subscription);
        return () => {
          openListeners.delete(subscription);
          subscription.dispose();
        };
      },
    },
    () => void current.start(),
    (line) => output.info(line),
  );

  const now = performance.now();
  output.info(
    `Activated in ${Math.round(now - activateStart)} ms ` +
      `(${Math.round(now - loadStartedAt)} ms including loading the extension's code).`,
  );
  // ```ddd fences in the Markdown preview: VS Code's Markdown extension calls extendMarkdownIt once
  // activation is over, which waits (a few seconds at most) for the workspace's models to be read
  const markdown = markdownPreviewPlugin(context, output);
  return { output, api: markdown.ready().then(() => ({ extendMarkdownIt: markdown.extendMarkdownIt })) };
}

export async function deactivate(): Promise<void> {
  await supervisor?.dispose();
  supervisor = undefined;
}
