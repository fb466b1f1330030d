/**
 * When the language server starts. VS Code activates the extension for more than `.ddd` files:
 * any Markdown preview activates it (it contributes a Markdown plugin). In a local folder with
 * no model, starting a language server process then would cost memory for nothing: it starts
 * when the first `.ddd` document opens (or a panel asks it something) instead. Wherever the
 * workspace holds a model, or cannot be searched for one (a virtual workspace), it starts at once.
 */

/** What the decision reads of the editor (vscode.workspace, behind an interface for the tests). */
export interface ModelledWorkspace {
  /** The language ids of the open documents. */
  openLanguages(): readonly string[];
  /** The URI schemes of the workspace folders (none: no folder is open). */
  folderSchemes(): readonly string[];
  /** Whether the workspace holds a `.ddd` file (rejects when it cannot be searched). */
  holdsModel(): Promise<boolean>;
  /** Calls `listener` with each document's language id as it opens; returns the unsubscribe. */
  onDidOpen(listener: (languageId: string) => void): () => void;
}

export const MODEL_LANGUAGE = 'ddd';

/**
 * Starts the server now, or once a `.ddd` document opens. Resolves with what was decided:
 * `now`, or `deferred` (the returned promise then does not wait for the start).
 */
export async function startWhenModelled(workspace: ModelledWorkspace, start: () => void, log: (line: string) => void): Promise<'now' | 'deferred'> {
  let started = false;
  const startOnce = () => {
    if (started) return;
    started = true;
    unsubscribe();
    start();
  };
  const unsubscribe = workspace.onDidOpen((languageId) => {
    if (languageId === MODEL_LANGUAGE) startOnce();
  });
  const schemes = workspace.folderSchemes();
  // no folder (one file opened), or a workspace whose search may not reach every file: as before, at once
  if (workspace.openLanguages().includes(MODEL_LANGUAGE) || schemes.length === 0 || schemes.some((scheme) => scheme !== 'file')) {
    startOnce();
    return 'now';
  }
  const holds = await workspace.holdsModel().catch(() => true);
  if (holds || started) {
    startOnce();
    return 'now';
  }
  log('No .ddd file in this workspace: the language server starts when one is opened.');
  return 'deferred';
}
