/**
 * The language server's entry point (bundled to dist/server.js). The transport
 * (--stdio, --node-ipc, --socket=…) comes from the command line the client uses.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodeWorkspaceFiles } from './files';
import { DddLanguageServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new DddLanguageServer(connection, nodeWorkspaceFiles).listen();
