/**
 * The extension's entry point on the desktop (bundled to dist/extension.js;
 * package.json `main`): the language server (dist/server.js) runs in its own
 * Node process over IPC. Everything else is platform-free (activate.ts,
 * supervisor.ts); browser-main.ts is the entry for VS Code for the Web.
 */
import './load-time';
import { existsSync } from 'node:fs';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, type ExtensionApi } from './activate';
import { registerCompare } from './diff/compare-command';
import type { ServerHost } from './supervisor';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const { output, api } = activateWith(context, nodeServerHost(context.asAbsolutePath('dist/server.js')));
  // DDD: Compare with…: the model's changes against a git revision, in its own worker process (desktop only: it runs git)
  registerCompare(context, output);
  return api;
}

function nodeServerHost(serverModule: string): ServerHost {
  return {
    where: 'in its own Node process',
    missing: async () => (existsSync(serverModule) ? undefined : `The DDD language server is missing (${serverModule}). Build it with \`npm run build\`.`),
    documentSchemes: () => ['file'],
    createClient(id, name, clientOptions) {
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        // Used when the extension host itself runs under a debugger ("Run Extension").
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      };
      return { client: new LanguageClient(id, name, serverOptions, clientOptions) };
    },
  };
}
