/**
 * A server and a client connected by in-memory streams in one process, speaking
 * real JSON-RPC: for tests and the benchmark.
 */
import { PassThrough } from 'node:stream';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter, createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { nodeWorkspaceFiles } from './files';
import { DddLanguageServer, type DddServerOptions } from './server';

export interface InProcessServer {
  client: ProtocolConnection;
  server: DddLanguageServer;
  /** Ends both connections (never sends `exit`: the server's exit handler would end the process). */
  dispose(): void;
}

/** Starts a server and returns a listening client connected to it. Register client handlers before initializing. */
export function connectInProcess(options: DddServerOptions = {}): InProcessServer {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = new DddLanguageServer(connection, nodeWorkspaceFiles, options);
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    client,
    server,
    dispose() {
      server.dispose();
      client.dispose();
      connection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
