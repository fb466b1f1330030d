/**
 * How a language server without a file system of its own (the one in a Web
 * Worker, for VS Code for the Web) reads the workspace: it asks the extension,
 * which answers with `vscode.workspace.findFiles` and `vscode.workspace.fs`, so
 * virtual workspaces (github.dev, vscode-vfs://, vscode-remote://) work too.
 * Server-to-client requests; the bytes travel as base64 (the Node transport is
 * JSON), and the server decodes them with the same rule as for files on disk.
 */

export const WorkspaceFileRequests = {
  /** Every `.ddd` file under a workspace folder (hidden folders, node_modules, dist and out left out). */
  find: 'ddd/workspace/findFiles',
  /** The bytes of one file, or why they were not read. */
  read: 'ddd/workspace/readFile',
} as const;

export interface FindFilesParams {
  /** The workspace folder's uri. */
  folder: string;
  /** At most this many uris. */
  limit: number;
}

export interface FindFilesResult {
  uris: string[];
}

export interface ReadFileParams {
  uri: string;
  /** Larger files are not read (bytes). */
  maxSize: number;
}

export type ReadFileResult =
  | { kind: 'read'; base64: string }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number }
  | { kind: 'gone' }
  | { kind: 'failed'; message: string };

/** The folders a search for models never enters (besides hidden ones): the Node reader's list, the client's exclude glob, and the Markdown preview's reading of the workspace. */
export const skippedFolders: readonly string[] = ['node_modules', 'dist', 'out'];

/** The glob `vscode.workspace.findFiles` excludes: hidden folders and skippedFolders, at any depth. */
export function skippedFoldersGlob(): string {
  return `{${['.*', ...skippedFolders].map((name) => `**/${name}/**`).join(',')}}`;
}

const CHUNK = 0x8000;

/** Bytes as base64 (web-standard btoa, in chunks so that a large file does not overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The bytes of a base64 string; undefined when it is not base64. */
export function base64ToBytes(base64: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
