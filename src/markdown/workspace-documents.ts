/**
 * The workspace's .ddd files as the Markdown preview sees them, for fences
 * `from workspace`. markdown-it renders synchronously and the language server
 * lives in another process (or worker), so the extension keeps the files'
 * texts here (read through `vscode.workspace.fs`, updated from the editor's
 * unsaved text and a file watcher) and the model is parsed and linked with the
 * core when a fence asks, once per change: only the files that changed are
 * parsed again, as the language server does.
 */
import type { DddModel } from '../language/model/model';
import { buildModel } from '../language/model/model';
import { parseDocument, type ParsedDocument } from '../language/syntax/parse-document';
import { decodeSourceText, sizeProblem, MAX_FILE_SIZE } from '../language/util/source-text';
import type { WorkspaceModel, WorkspaceModelSource } from './fence-drawing';

/** The most .ddd files read for the preview (a workspace past it is cut, and a fence says so). */
export const MAX_WORKSPACE_FILES = 10_000;

export class WorkspaceDocuments implements WorkspaceModelSource {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedDocument>();
  private readonly unread = new Map<string, string>();
  private linked: { revision: number; model: DddModel } | undefined;
  private loaded = false;
  private cut = false;
  /** Bumped by every change: a drawing made at an older revision is stale. */
  revision = 0;

  /** The text of a file (from disk or the editor); the same text again changes nothing. */
  setText(uri: string, text: string): boolean {
    this.unread.delete(uri);
    if (this.texts.get(uri) === text) return false;
    if (!this.texts.has(uri) && this.texts.size >= MAX_WORKSPACE_FILES) {
      this.cut = true;
      return false;
    }
    this.texts.set(uri, text);
    this.parsed.delete(uri);
    this.revision++;
    return true;
  }

  /** A file's bytes as read from disk: kept when they are a model's text (UTF-8, within `limit` bytes), else left out. */
  setBytes(uri: string, bytes: Uint8Array, limit: number = MAX_FILE_SIZE): boolean {
    const tooLarge = sizeProblem(bytes.length, limit);
    const decoded = tooLarge === undefined ? decodeSourceText(bytes) : { ok: false as const, problem: `it is ${tooLarge}` };
    if (decoded.ok) return this.setText(uri, decoded.text);
    const removed = this.delete(uri);
    this.unread.set(uri, decoded.problem);
    return removed;
  }

  delete(uri: string): boolean {
    this.unread.delete(uri);
    if (!this.texts.delete(uri)) return false;
    this.parsed.delete(uri);
    this.revision++;
    return true;
  }

  /** Every file was read once: from now on a workspace without .ddd files says so instead of "still reading". */
  markLoaded(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.revision++;
  }

  get fileCount(): number {
    return this.texts.size;
  }

  /** The files left out and why (`it is 6.2 MB, more than …`, `not UTF-8 text …`). */
  get leftOut(): ReadonlyMap<string, string> {
    return this.unread;
  }

  current(): WorkspaceModel {
    if (!this.loaded) return { problem: 'Reading the workspace’s .ddd files: the diagram appears once they are read (if it does not, edit this file or reopen the preview).' };
    if (!this.texts.size) return { problem: 'The workspace has no .ddd files to draw from.' };
    if (this.linked?.revision !== this.revision) {
      const documents: ParsedDocument[] = [];
      for (const [uri, text] of this.texts) {
        let document = this.parsed.get(uri);
        if (!document) {
          document = parseDocument(uri, text);
          this.parsed.set(uri, document);
        }
        documents.push(document);
      }
      this.linked = { revision: this.revision, model: buildModel(documents) };
    }
    return { model: this.linked.model };
  }

  /** Whether the workspace had more .ddd files than MAX_WORKSPACE_FILES (the rest were left out). */
  get wasCut(): boolean {
    return this.cut;
  }
}
