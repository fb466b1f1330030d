/**
 * Text the fixes share: a document of the model by uri, the indentation of a
 * line, the edit that adds a member to a block, the blocks a new member can go
 * into, and reading a finding's data.
 */
import type { Aggregate, BoundedContext, ContextDeclaration, TextRange } from '../model/elements';
import { qualifiedName, type DddModel } from '../model/model';
import type { ParsedDocument } from '../syntax/parse-document';
import type { FixEdit } from './types';

const documentsByModel = new WeakMap<DddModel, Map<string, ParsedDocument>>();

export function documentOf(model: DddModel, uri: string): ParsedDocument | undefined {
  let documents = documentsByModel.get(model);
  if (!documents) {
    documents = new Map(model.documents.map((document) => [document.uri, document]));
    documentsByModel.set(model, documents);
  }
  return documents.get(uri);
}

/** The indentation of the line that `offset` is on. */
export function indentAt(document: ParsedDocument, offset: number): string {
  const lines = document.lineIndex;
  const lineStart = lines.lineStart(lines.positionAt(offset).line);
  return /^[ \t]*/.exec(document.text.slice(lineStart, lineStart + 200))![0];
}

/** An edit that adds `member` as the last member of a `{ … }` block spanning `range` (or gives the declaration a block). */
export function appendMember(model: DddModel, uri: string, range: TextRange, member: string, mayLackBody: boolean): FixEdit | undefined {
  const document = documentOf(model, uri);
  if (!document) return undefined;
  const text = document.text;
  const indent = indentAt(document, range.start);
  const close = range.end - 1;
  if (text.charAt(close) !== '}') {
    return mayLackBody ? { uri, range: { start: range.end, end: range.end }, newText: ` {\n${indent}  ${member}\n${indent}}` } : undefined;
  }
  const closeLineStart = document.lineIndex.lineStart(document.lineIndex.positionAt(close).line);
  if (text.slice(closeLineStart, close).trim() === '') {
    return { uri, range: { start: closeLineStart, end: closeLineStart }, newText: `${indent}  ${member}\n` };
  }
  const before = text.charAt(close - 1);
  return { uri, range: { start: close, end: close }, newText: `${before === ' ' ? '' : ' '}${member} ` };
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

/** A non-empty string of a finding's data. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A range of a finding's data. */
export function rangeOf(value: unknown): TextRange | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { start, end } = value as { start?: unknown; end?: unknown };
  return typeof start === 'number' && typeof end === 'number' && start <= end ? { start, end } : undefined;
}

/** The data of a finding, as a record (empty when it has none). */
export function dataOf(finding: { data?: Record<string, unknown> | undefined }): Record<string, unknown> {
  return finding.data && typeof finding.data === 'object' ? finding.data : {};
}
