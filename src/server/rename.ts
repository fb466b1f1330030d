/**
 * textDocument/prepareRename and textDocument/rename: across files; a name that
 * cannot be used (not an identifier, a keyword, taken in the scope) is refused
 * with a ResponseError whose message the editor shows.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { prepareRename as prepare, renameAt, type NavWorkspaceEdit } from '../language/navigation/index';
import type { ServerContext } from './context';
import { toTextEdit } from './convert';

export function prepareRename(ctx: ServerContext, params: PrepareRenameParams): { range: Range; placeholder: string } {
  const document = ctx.document(params.textDocument.uri);
  if (!document) throw new ResponseError(LSPErrorCodes.RequestFailed, 'This document is not part of the .ddd workspace.');
  const prepared = prepare(ctx.model(), document.uri, document.lines.offsetAt(params.position));
  if (prepared.error !== undefined) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
  return { range: { start: document.lines.positionAt(prepared.range.start), end: document.lines.positionAt(prepared.range.end) }, placeholder: prepared.placeholder };
}

export function toWorkspaceEdit(ctx: ServerContext, edits: NavWorkspaceEdit): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, list] of edits) {
    const lines = ctx.workspace.lines(uri);
    if (lines) changes[uri] = list.map((edit) => toTextEdit(lines, edit));
  }
  return { changes };
}

export function rename(ctx: ServerContext, params: RenameParams): WorkspaceEdit {
  // the protocol requires a new name; a client that sends none gets a refusal, not edits without text
  if (typeof params.newName !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Rename needs the new name (newName), a string; none was given.');
  }
  const document = ctx.document(params.textDocument.uri);
  if (!document) throw new ResponseError(LSPErrorCodes.RequestFailed, 'This document is not part of the .ddd workspace.');
  const result = renameAt(ctx.model(), document.uri, document.lines.offsetAt(params.position), params.newName);
  if (result.error !== undefined) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return toWorkspaceEdit(ctx, result.edits);
}
