/**
 * The editor's edits, applied to the server's copy of each open document. An
 * edit's range comes from the client and is not trusted: a range past the end
 * (line 1e9) makes vscode-languageserver-textdocument grow its line table to
 * that line number (one edit, then another, hangs the server). Every position
 * is clamped to the document as it is when that edit applies, before the
 * library sees it; an edit past the end applies at the end, as editors do.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';

/** A whole number from a client's position field: past the end for +Infinity, 0 for anything else that is not a number. */
function whole(value: unknown): number {
  if (value === Infinity) return Number.MAX_SAFE_INTEGER;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0;
}

/** A position that lies in `document`: past its end → its end; past a line's end → that line's end. */
export function clampPosition(document: TextDocument, position: unknown): Position {
  const { line, character } = (typeof position === 'object' && position !== null ? position : {}) as Partial<Position>;
  const lines = document.lineCount;
  const asked = { line: whole(line), character: whole(character) };
  // offsetAt clamps (a line past the end is the end), positionAt turns the offset back into a real position
  return document.positionAt(document.offsetAt(asked.line >= lines ? { line: lines, character: 0 } : asked));
}

/** The range of an incremental edit, inside `document`. */
export function clampRange(document: TextDocument, range: unknown): Range {
  const { start, end } = (typeof range === 'object' && range !== null ? range : {}) as Partial<Range>;
  return { start: clampPosition(document, start), end: clampPosition(document, end ?? start) };
}

function clampChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  const text = typeof change.text === 'string' ? change.text : '';
  if (!('range' in change) || change.range === undefined) return { text };
  return { range: clampRange(document, change.range), text };
}

/** TextDocument, with every edit's range clamped to the document before it applies (edits apply in order). */
export const clampedTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
  update(document, changes, version) {
    let updated = document;
    for (const change of changes) updated = TextDocument.update(updated, [clampChange(updated, change)], version);
    return updated;
  },
};
