/**
 * What a quick fix is, and the edits that add a member to a block: shared by
 * the code actions (code-actions.ts) and the fixes that give an event its cause
 * (cause-fixes.ts).
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Aggregate, BoundedContext, ContextDeclaration, TextRange } from '../language/model/elements';
import { qualifiedName } from '../language/model/model';
import type { NavTextEdit } from '../language/navigation/index';
import type { DocumentView, ServerContext } from './context';

export interface Fix {
  title: string;
  edits: Map<string, NavTextEdit[]>;
  diagnostic?: LspDiagnostic;
  preferred?: boolean;
}

export function single(uri: string, edit: NavTextEdit): Map<string, NavTextEdit[]> {
  return new Map([[uri, [edit]]]);
}

export function indentAt(document: DocumentView, offset: number): string {
  const lineStart = document.lines.lineStart(document.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(document.parsed.text.slice(lineStart, lineStart + 200))![0];
}

/** An edit that adds `member` as the last member of a `{ … }` block spanning `range` (or gives the declaration a block). */
export function appendMember(ctx: ServerContext, uri: string, range: TextRange, member: string, mayLackBody: boolean): NavTextEdit | undefined {
  const document = ctx.document(uri);
  if (!document) return undefined;
  const text = document.parsed.text;
  const indent = indentAt(document, range.start);
  const close = range.end - 1;
  if (text.charAt(close) !== '}') {
    return mayLackBody ? { range: { start: range.end, end: range.end }, newText: ` {\n${indent}  ${member}\n${indent}}` } : undefined;
  }
  const closeLineStart = document.lines.lineStart(document.lines.positionAt(close).line);
  if (text.slice(closeLineStart, close).trim() === '') {
    return { range: { start: closeLineStart, end: closeLineStart }, newText: `${indent}  ${member}\n` };
  }
  const before = text.charAt(close - 1);
  return { range: { start: close, end: close }, newText: `${before === ' ' ? '' : ' '}${member} ` };
}

/** A block a new member can go into: an aggregate, or a context block. */
export interface Holder {
  label: string;
  uri: string;
  range: TextRange;
  mayLackBody: boolean;
}

export function aggregateHolder(aggregate: Aggregate): Holder {
  return { label: `aggregate ${qualifiedName(aggregate)}`, uri: aggregate.uri, range: aggregate.range, mayLackBody: false };
}

export function contextHolder(context: BoundedContext): Holder {
  if (context.aggregates.length === 1) return aggregateHolder(context.aggregates[0]!);
  const block: ContextDeclaration = context.declarations.find((declaration) => declaration.range.end > declaration.nameRange.end + 1 && declaration.uri) ?? context.primary;
  return { label: `context ${context.name}`, uri: block.uri, range: block.range, mayLackBody: true };
}
