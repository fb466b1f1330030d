/**
 * Semantic highlighting: every token classified from the token stream and the
 * model, in DDD terms (context, aggregate, command, event, role, state, …). The
 * language server maps these to the LSP's standard token types.
 */
import type { IToken } from 'chevrotain';
import { isBuiltinType, isIdentityTypeName } from '../model/builtin-types';
import { attributeDefinition } from '../model/attribute-values';
import type { Declaration, ElementKind } from '../model/elements';
import { isTypeReference, type DddModel } from '../model/model';
import { BlockComment, BothArrow, Identifier, LeftArrow, LineComment, NumberLiteral, RightArrow, StringLiteral, UnterminatedString, keywords } from '../syntax/tokens';
import { navIndex, type NavIndex } from './nav-index';
import type { ElementAt, NavSymbol } from './types';

export const semanticTokenTypes = [
  'context',
  'domain',
  'subdomain',
  'contextmap',
  'aggregate',
  'entity',
  'value',
  'enum',
  'enumMember',
  'command',
  'event',
  'repository',
  'service',
  'stream',
  'readmodel',
  'saga',
  'board',
  'term',
  'field',
  'parameter',
  'operation',
  'type',
  'role',
  'state',
  'actor',
  'policy',
  'keyword',
  'string',
  'number',
  'comment',
  'operator',
] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export const semanticTokenModifiers = ['declaration', 'defaultLibrary', 'unresolved', 'root', 'eventSourced', 'external'] as const;
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

export interface SemanticTokenSpan {
  /** Offset of the token's first character. Spans never cross a line break. */
  start: number;
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

const kindTypes: Partial<Record<ElementKind | 'sagaState', SemanticTokenType>> = {
  domain: 'domain',
  subdomain: 'subdomain',
  context: 'context',
  contextmap: 'contextmap',
  aggregate: 'aggregate',
  entity: 'entity',
  value: 'value',
  enum: 'enum',
  enumValue: 'enumMember',
  command: 'command',
  event: 'event',
  repository: 'repository',
  service: 'service',
  stream: 'stream',
  readmodel: 'readmodel',
  saga: 'saga',
  storming: 'board',
  term: 'term',
  field: 'field',
  operation: 'operation',
  sagaState: 'state',
  // ---- Context Mapper parity (issue 13): the nearest existing token types
  team: 'context',
  usecase: 'term',
  story: 'term',
  stakeholderGroup: 'actor',
  stakeholder: 'actor',
  valueRegister: 'term',
  valueCluster: 'term',
  valueItem: 'term',
  // no token types of their own (the legend stays): a module and an application layer group like a namespace, flows and coordinations are processes like sagas
  module: 'context',
  application: 'context',
  flow: 'saga',
  coordination: 'saga',
};

const keywordTypes = new Set(Object.values(keywords));

function symbolType(index: NavIndex, symbol: NavSymbol): SemanticTokenType | undefined {
  if (symbol.kind === 'field' && index.parents.get(symbol)?.kind === 'operation') return 'parameter';
  return kindTypes[symbol.kind];
}

function symbolModifiers(symbol: NavSymbol, declaration: boolean): SemanticTokenModifier[] {
  const modifiers: SemanticTokenModifier[] = declaration ? ['declaration'] : [];
  if (symbol.kind === 'entity' && symbol.root) modifiers.push('root');
  if (symbol.kind === 'aggregate' && symbol.eventSourced) modifiers.push('eventSourced');
  if (symbol.kind === 'context' && symbol.external) modifiers.push('external');
  return modifiers;
}

function classify(index: NavIndex, occurrence: ElementAt): { type: SemanticTokenType; modifiers: SemanticTokenModifier[] } | undefined {
  const { symbol } = occurrence;
  switch (occurrence.what) {
    case 'role':
      return { type: 'role', modifiers: occurrence.roleInfo ? [] : ['unresolved'] };
    case 'state':
      return { type: 'state', modifiers: symbol?.kind === 'sagaState' && symbol.nameRange.start === occurrence.range.start ? ['declaration'] : [] };
    case 'sticky':
      if (occurrence.sticky?.type === 'hotspot') return undefined; // a string: left to the string colour
      return { type: occurrence.sticky?.type === 'policy' ? 'policy' : 'actor', modifiers: ['declaration'] };
    // ---- Context Mapper parity (issue 13)
    case 'relationshipName':
      return { type: 'contextmap', modifiers: ['declaration'] };
    case 'attributeValue': {
      const definition = occurrence.setting ? attributeDefinition(occurrence.setting.attribute) : undefined;
      return { type: 'enumMember', modifiers: definition && occurrence.text in definition.values ? ['defaultLibrary'] : ['unresolved'] };
    }
    default:
      break;
  }
  if (symbol) {
    const type = symbolType(index, symbol);
    return type ? { type, modifiers: symbolModifiers(symbol, occurrence.what === 'declaration') } : undefined;
  }
  const first: Declaration | undefined = occurrence.candidates?.[0];
  if (first) {
    const type = kindTypes[first.kind];
    return type ? { type, modifiers: [] } : undefined;
  }
  const reference = occurrence.reference;
  if (!reference) return undefined;
  if (occurrence.what === 'qualifier') return { type: reference.expected.includes('subdomain') ? 'domain' : 'context', modifiers: ['unresolved'] };
  const expected = reference.expected;
  // no expected kinds: an actor on a storming board, or an operation a flow or coordination invokes (linked apart)
  if (expected.length === 0) return occurrence.board ? { type: 'actor', modifiers: [] } : { type: 'operation', modifiers: ['unresolved'] };
  if (isTypeReference(reference)) {
    if (isBuiltinType(reference.text)) return { type: 'type', modifiers: ['defaultLibrary'] };
    if (isIdentityTypeName(occurrence.text)) return { type: 'type', modifiers: [] };
    return { type: 'type', modifiers: ['unresolved'] };
  }
  const type = kindTypes[expected[0]!];
  return type ? { type, modifiers: ['unresolved'] } : undefined;
}

/** Splits a span that crosses line breaks (block comments) into one span per line. */
function pushLines(spans: SemanticTokenSpan[], text: string, start: number, end: number, type: SemanticTokenType): void {
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > lineStart) spans.push({ start: lineStart, length: i - lineStart, type, modifiers: [] });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  if (end > lineStart) spans.push({ start: lineStart, length: end - lineStart, type, modifiers: [] });
}

/** Every classified token of a document, in order. */
export function semanticTokens(model: DddModel, uri: string): SemanticTokenSpan[] {
  const index = navIndex(model);
  const document = index.documents.get(uri);
  if (!document) return [];
  const occurrences = index.occurrences.get(uri) ?? [];
  let next = 0;
  const spans: SemanticTokenSpan[] = [];
  const items: IToken[] = mergeByOffset(document.tokens, document.comments);
  for (const token of items) {
    const start = token.startOffset;
    const length = token.image.length;
    if (!Number.isFinite(start) || length === 0) continue;
    const type = token.tokenType;
    if (type === BlockComment || type === LineComment) {
      pushLines(spans, document.text, start, start + length, 'comment');
      continue;
    }
    // the names inside the token (one, or each segment of `Sales.Order`)
    while (next < occurrences.length && occurrences[next]!.range.start < start) next++;
    let classifiedAny = false;
    for (let i = next; i < occurrences.length && occurrences[i]!.range.start < start + length; i++) {
      const occurrence = occurrences[i]!;
      if (i > next && occurrence.range.start === occurrences[i - 1]!.range.start) continue;
      const classified = classify(index, occurrence);
      if (!classified) continue;
      spans.push({ start: occurrence.range.start, length: Math.min(occurrence.range.end, start + length) - occurrence.range.start, ...classified });
      classifiedAny = true;
    }
    if (classifiedAny) continue;
    if (type === StringLiteral || type === UnterminatedString) spans.push({ start, length, type: 'string', modifiers: [] });
    else if (type === NumberLiteral) spans.push({ start, length, type: 'number', modifiers: [] });
    else if (keywordTypes.has(type)) spans.push({ start, length, type: 'keyword', modifiers: [] });
    else if (type === RightArrow || type === LeftArrow || type === BothArrow) spans.push({ start, length, type: 'operator', modifiers: [] });
    // a gateway between targets or events (`MOVING X SCRAPPED`, `emits A O B`): no name of the model
    else if (type === Identifier && (token.image === 'X' || token.image === 'O')) spans.push({ start, length, type: 'operator', modifiers: [] });
  }
  return spans;
}

function mergeByOffset(tokens: IToken[], comments: IToken[]): IToken[] {
  if (comments.length === 0) return tokens;
  const merged: IToken[] = [];
  let i = 0;
  let j = 0;
  while (i < tokens.length || j < comments.length) {
    if (j >= comments.length || (i < tokens.length && tokens[i]!.startOffset < comments[j]!.startOffset)) merged.push(tokens[i++]!);
    else merged.push(comments[j++]!);
  }
  return merged;
}
