/**
 * The extension's entry point in VS Code for the Web (bundled to
 * dist/browser-extension.js; package.json `browser`): the language server
 * (dist/browser-server.js) runs in a Web Worker and reads the workspace
 * through the editor (workspace-files.ts), so virtual workspaces get every
 * feature. Everything else is what the desktop runs (activate.ts).
 */
import './load-time';
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type ExtensionApi } from './activate';
import type { ServerHost } from './supervisor';
import { answerWorkspaceFileRequests } from './workspace-files';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  return activateWith(context, workerServerHost(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js'))).api;
}

function workerServerHost(serverMain: vscode.Uri): ServerHost {
  return {
    where: 'in a Web Worker',
    missing: async () => {
      try {
        await vscode.workspace.fs.stat(serverMain);
        return undefined;
      } catch {
        return `The DDD language server is missing (${serverMain.toString(true)}). Build it with \`npm run build\`.`;
      }
    },
    // the workspace's own schemes (vscode-vfs for github.dev, vscode-remote for code-server, …), never git: or output:
    documentSchemes: () => [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])],
    createClient(id, name, clientOptions) {
      let worker: Worker | undefined;
      // A fresh worker per start; the library calls this when the client starts. The transports are made
      // here: VS Code's extension host wraps the Worker constructor, so the library's `instanceof Worker` fails.
      const client = new LanguageClient(
        id,
        name,
        async () => {
          worker = await startWorker(serverMain);
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        },
        clientOptions,
      );
      answerWorkspaceFileRequests(client);
      return { client, release: () => worker?.terminate() };
    },
  };
}

/**
 * A worker running the server bundle. From a web address (vscode.dev, github.dev)
 * it is loaded as it is; an extension served by a remote (code-server's
 * vscode-remote://) cannot start a worker from its own uri, so the bundle is read
 * through the editor and started from a blob: url.
 */
async function startWorker(serverMain: vscode.Uri): Promise<Worker> {
  if (serverMain.scheme === 'http' || serverMain.scheme === 'https') return new Worker(serverMain.toString(true), { name: 'DDD language server' });
  const bytes = await vscode.workspace.fs.readFile(serverMain);
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' }));
  return new Worker(url, { name: 'DDD language server' });
}
