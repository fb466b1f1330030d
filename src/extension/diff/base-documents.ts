/**
 * The old side of a comparison, read-only: `ddd-base:/models/sales.ddd?revision=main&root=/repo`
 * shows that file as it is in that revision, read with git (src/cli/diff-git.ts)
 * without touching the working tree. Only URIs the extension made from its own
 * diff are opened; a revision that is not one, or a file past the size limit, shows a sentence instead.
 */
import * as vscode from 'vscode';
import { isRevision, revisionFile } from '../../cli/diff-git';

export const BASE_SCHEME = 'ddd-base';

/** The same limit as the language server's default (docs/limits.md). */
const MAX_BASE_FILE = 5 * 1024 * 1024;

export function baseUri(root: string, revision: string, repositoryPath: string): vscode.Uri {
  return vscode.Uri.from({ scheme: BASE_SCHEME, path: `/${repositoryPath}`, query: new URLSearchParams({ revision, root }).toString() });
}

export class BaseDocuments implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const query = new URLSearchParams(uri.query);
    const revision = query.get('revision') ?? '';
    const root = query.get('root') ?? '';
    const path = uri.path.replace(/^\//, '');
    try {
      if (!root || !isRevision(revision, root)) return `// ${revision} is not a revision of the repository.\n`;
      const bytes = revisionFile(revision, path, root, MAX_BASE_FILE);
      if (!bytes) return `// ${path} is not in ${revision}, or is larger than ${MAX_BASE_FILE / 1024 / 1024} MB.\n`;
      return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    } catch (error) {
      return `// ${path} in ${revision} cannot be read: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}
