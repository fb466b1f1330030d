/**
 * The workspace read through the editor: for the server in a Web Worker (VS
 * Code for the Web), which has no file system. It asks the extension
 * (src/extension/workspace-files.ts answers with `vscode.workspace.findFiles`
 * and `vscode.workspace.fs`), so every scheme the editor reads works:
 * vscode-vfs:// (github.dev), vscode-remote://, file://. What it is sent is
 * checked and bounded; the bytes are decoded by the same rule as on disk.
 */
import type { Connection } from 'vscode-languageserver';
import { decodeSourceText, sizeProblem } from '../language/util/source-text';
import {
  WorkspaceFileRequests,
  base64ToBytes,
  type FindFilesParams,
  type FindFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../protocol/workspace-files';
import { isDddPath, uriPath, type WorkspaceFiles } from './workspace-files';

/** Documents of these schemes exist only in the editor: nothing to read. */
const editorOnlySchemes = /^(untitled|vscode-notebook-cell|output|git|vscode-userdata):/i;

export function clientWorkspaceFiles(connection: Pick<Connection, 'sendRequest'>): WorkspaceFiles {
  return {
    asksClient: true,
    owns: (uri) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) && !editorOnlySchemes.test(uri),
    async find(folder, limit) {
      const result = await connection.sendRequest<FindFilesResult>(WorkspaceFileRequests.find, { folder, limit } satisfies FindFilesParams);
      const uris = Array.isArray(result?.uris) ? result.uris.filter((uri): uri is string => typeof uri === 'string' && isDddPath(uriPath(uri))) : [];
      return uris.slice(0, limit).sort();
    },
    async read(uri, maxSize, report) {
      let result: ReadFileResult;
      try {
        result = await connection.sendRequest<ReadFileResult>(WorkspaceFileRequests.read, { uri, maxSize } satisfies ReadFileParams);
      } catch (error) {
        report(`not read ${uri}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
      switch (result?.kind) {
        case 'read': {
          const bytes = typeof result.base64 === 'string' ? base64ToBytes(result.base64) : undefined;
          if (!bytes) return skip(report, uri, 'the editor sent no bytes for it');
          const tooLarge = sizeProblem(bytes.length, maxSize);
          if (tooLarge) return skip(report, uri, `it is ${tooLarge}`);
          const decoded = decodeSourceText(bytes);
          return decoded.ok ? decoded.text : skip(report, uri, `it is ${decoded.problem}`);
        }
        case 'too-large':
          return skip(report, uri, `it is ${sizeProblem(Number(result.size) || maxSize + 1, maxSize)}`);
        case 'not-a-file':
          return skip(report, uri, 'it is not a regular file');
        case 'gone':
          return undefined;
        case 'failed':
          return skip(report, uri, String(result.message).slice(0, 500));
        default:
          return skip(report, uri, 'the editor did not answer with its text');
      }
    },
  };
}

function skip(report: (problem: string) => void, uri: string, why: string): undefined {
  report(`not read ${uri}: ${why}`);
  return undefined;
}
