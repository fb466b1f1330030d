/**
 * The language server's entry point in a Web Worker (bundled to
 * dist/browser-server.js, for VS Code for the Web): the same server, speaking
 * LSP over the worker's postMessage, reading the workspace through the editor.
 */
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { clientWorkspaceFiles } from './client-files';
import { DddLanguageServer } from './server';

/** The worker's global scope: postMessage and the message event, as a MessagePort has them (the project's types have no WebWorker lib). */
const port = globalThis as unknown as MessagePort;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
new DddLanguageServer(connection, clientWorkspaceFiles(connection)).listen();
