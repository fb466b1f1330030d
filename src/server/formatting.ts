/**
 * textDocument/formatting: the core formatter's edits (none when the file cannot be
 * formatted safely). The layout is canonical (2 spaces per level) whatever the
 * editor's tab settings, so that every editor and `ddd` agree on it.
 */
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../language/navigation/index';
import type { ServerContext } from './context';
import { toTextEdit } from './convert';

export function formatting(ctx: ServerContext, params: DocumentFormattingParams): TextEdit[] {
  const document = ctx.document(params.textDocument.uri);
  if (!document) return [];
  const edits = formatEdits(document.parsed);
  return edits.map((edit) => toTextEdit(document.lines, edit));
}
