/**
 * The extension's half of reading the workspace for a language server without
 * a file system (the Web Worker's; src/server/client-files.ts is the other
 * half): it answers the server's requests with `vscode.workspace.findFiles`
 * and `vscode.workspace.fs`, so any workspace the editor can open (a virtual
 * one too) is read.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  WorkspaceFileRequests,
  bytesToBase64,
  skippedFoldersGlob,
  type FindFilesParams,
  type FindFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../protocol/workspace-files';

/** The most uris one answer holds, whatever the server asks for. */
const MAX_FIND = 100_000;
/** The largest file read, whatever the server asks for (the setting's ceiling). */
const MAX_READ = 64 * 1024 * 1024;

/** Answers the server's workspace-file requests on `client` (before it starts, so that the first indexing is answered). */
export function answerWorkspaceFileRequests(client: BaseLanguageClient): void {
  client.onRequest(WorkspaceFileRequests.find, (params: FindFilesParams) => findFiles(params));
  client.onRequest(WorkspaceFileRequests.read, (params: ReadFileParams) => readFile(params));
}

export async function findFiles(params: FindFilesParams): Promise<FindFilesResult> {
  const folder = parseUri(params?.folder);
  const limit = Math.max(0, Math.min(Number(params?.limit) || 0, MAX_FIND));
  if (!folder || limit === 0) return { uris: [] };
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.ddd'), skippedFoldersGlob(), limit);
  return { uris: found.map((uri) => uri.toString()) };
}

export async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  const uri = parseUri(params?.uri);
  if (!uri) return { kind: 'failed', message: 'not a uri' };
  const maxSize = Math.max(0, Math.min(Number(params?.maxSize) || 0, MAX_READ));
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) return { kind: 'not-a-file' };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > maxSize) return { kind: 'too-large', size: bytes.length };
    return { kind: 'read', base64: bytesToBase64(bytes) };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return { kind: 'gone' };
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

function parseUri(text: unknown): vscode.Uri | undefined {
  if (typeof text !== 'string' || text.length > 10_000) return undefined;
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
