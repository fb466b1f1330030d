/**
 * The server's picture of the workspace: the text of every `.ddd` document
 * (what the editor has open wins over what is on disk), each parsed once per
 * change, and the model and findings built from all of them.
 *
 * An edit re-parses only the changed document; the model is then re-linked and
 * re-validated from the parsed documents (both are whole-workspace, pure
 * functions of the parsed documents). Validation can go a slice at a time
 * (`validateSlice`: re-link, then one step of the core's validation per call), so
 * that the server answers requests between two slices; a validation whose model
 * was superseded by an edit is dropped, never finished.
 */
import type { Diagnostic } from '../language/diagnostics';
import { buildModel, parseDocument, reparseDocument, type DddModel, type ParsedDocument } from '../language/index';
import type { LineIndex } from '../language/syntax/line-index';
import { startValidation, type ModelValidation } from '../language/validation/validate';
import { uriKey } from './workspace-files';

export interface DocumentEntry {
  uri: string;
  /** The current text: the editor's while open, else the disk's. */
  text: string;
  /** The editor's version while open. */
  version: number | undefined;
  open: boolean;
  /** The text on disk, when the file exists there. */
  diskText: string | undefined;
  /** Parsed from `text`; undefined until needed after a change. */
  parsed: ParsedDocument | undefined;
  /** While the editor changes the text: its last parsed form, from which the new text is re-parsed (only what the edit can change). */
  previous?: ParsedDocument | undefined;
}

/** The findings of a clean document (shared: never mutated). */
const none: readonly Diagnostic[] = [];

export class Workspace {
  private readonly entries = new Map<string, DocumentEntry>();
  /** uriKey → the uri the workspace uses for that file. */
  private readonly keys = new Map<string, string>();
  private current: DddModel | undefined;
  private stale = true;
  private validated: { model: DddModel; byUri: ReadonlyMap<string, readonly Diagnostic[]> } | undefined;
  /** The validation under way, of `current` (dropped when the model is re-linked). */
  private validating: ModelValidation | undefined;
  /** How many documents were parsed (for tests and the benchmark). */
  parseCount = 0;

  /** The uri under which the workspace knows this file (the first spelling it saw), or the uri itself. */
  canonical(uri: string): string {
    return this.keys.get(uriKey(uri)) ?? uri;
  }

  get(uri: string): DocumentEntry | undefined {
    return this.entries.get(this.canonical(uri));
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  entriesList(): DocumentEntry[] {
    return [...this.entries.values()];
  }

  private entry(uri: string): DocumentEntry {
    const known = this.get(uri);
    if (known) return known;
    const entry: DocumentEntry = { uri, text: '', version: undefined, open: false, diskText: undefined, parsed: undefined };
    this.entries.set(uri, entry);
    this.keys.set(uriKey(uri), uri);
    this.stale = true;
    return entry;
  }

  private setText(entry: DocumentEntry, text: string): boolean {
    if (entry.parsed && entry.text === text) return false;
    entry.text = text;
    entry.previous = entry.open ? (entry.parsed ?? entry.previous) : undefined;
    entry.parsed = undefined;
    this.stale = true;
    return true;
  }

  /** A file read from disk (indexing, or a watched file created or changed). True when the workspace changed. */
  setDiskText(uri: string, text: string): boolean {
    const entry = this.entry(uri);
    entry.diskText = text;
    if (entry.open) return false;
    return this.setText(entry, text);
  }

  /** A file deleted on disk. True when the workspace changed. */
  deleteFromDisk(uri: string): boolean {
    const entry = this.get(uri);
    if (!entry) return false;
    entry.diskText = undefined;
    if (entry.open) return false;
    this.remove(entry.uri);
    return true;
  }

  /** The editor opened or changed a document. True when its text changed. */
  setOpenText(uri: string, text: string, version: number): boolean {
    const known = this.get(uri);
    if (known && known.uri !== uri && !known.open) {
      // the editor spells the uri differently: adopt its spelling, so that results use it
      this.remove(known.uri);
      const entry = this.entry(uri);
      entry.diskText = known.diskText;
    }
    const entry = this.entry(uri);
    entry.open = true;
    entry.version = version;
    return this.setText(entry, text);
  }

  /** The editor closed a document: back to the disk's text, or gone when it is not on disk. True when the workspace changed. */
  close(uri: string): boolean {
    const entry = this.get(uri);
    if (!entry) return false;
    entry.open = false;
    entry.version = undefined;
    if (entry.diskText === undefined) {
      this.remove(entry.uri);
      return true;
    }
    return this.setText(entry, entry.diskText);
  }

  remove(uri: string): void {
    const entry = this.get(uri);
    if (!entry) return;
    this.entries.delete(entry.uri);
    this.keys.delete(uriKey(entry.uri));
    this.stale = true;
  }

  /** The parsed form of a document (parsing it if its text changed). */
  parsed(uri: string): ParsedDocument | undefined {
    const entry = this.get(uri);
    if (!entry) return undefined;
    if (!entry.parsed) {
      entry.parsed = entry.previous ? reparseDocument(entry.previous, entry.text) : parseDocument(entry.uri, entry.text);
      entry.previous = undefined;
      this.parseCount++;
    }
    return entry.parsed;
  }

  lines(uri: string): LineIndex | undefined {
    return this.parsed(uri)?.lineIndex;
  }

  /** The model of the workspace as it is now: changed documents re-parsed, everything re-linked (the index reused when an edit changed no name). */
  model(): DddModel {
    if (this.current && !this.stale) return this.current;
    const documents: ParsedDocument[] = [];
    const uris = [...this.entries.keys()].sort();
    for (const uri of uris) documents.push(this.parsed(uri)!);
    this.current = buildModel(documents, this.current);
    this.stale = false;
    return this.current;
  }

  /** True when the findings of the current model are known (nothing to re-parse, re-link or validate). */
  get validatedNow(): boolean {
    return !this.stale && this.current !== undefined && this.validated?.model === this.current;
  }

  /**
   * One slice of validating the workspace as it is now: re-parsing and re-linking
   * when it changed, else one step of the core's validation. True once the findings
   * of the current model are known (`diagnostics()` then answers at once).
   */
  validateSlice(): boolean {
    if (this.validatedNow) return true;
    if (this.stale || !this.current) {
      this.model();
      return false;
    }
    const model = this.current;
    if (this.validating?.model !== model) this.validating = startValidation(model);
    if (!this.validating.step()) return false;
    // every document has a list (an empty one when it is clean); a file keeps its list while its findings stay the same
    const byUri = new Map<string, readonly Diagnostic[]>();
    for (const uri of this.entries.keys()) byUri.set(uri, none);
    for (const [uri, list] of this.validating.findingsByFile()) byUri.set(uri, list);
    this.validated = { model, byUri };
    this.validating = undefined;
    return true;
  }

  /** Every finding of the current model, by document (finishing at once a validation under way). */
  diagnostics(): ReadonlyMap<string, readonly Diagnostic[]> {
    while (!this.validateSlice());
    return this.validated!.byUri;
  }
}
