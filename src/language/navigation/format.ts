/**
 * Formatting: one canonical layout, computed from the tokens (never by regular
 * expressions over the text). Only the whitespace between tokens changes:
 *
 * - indentation by brace depth (2 spaces by default), plus one level for a line
 *   that continues the statement above it (`compensate …` under its `step`);
 * - the author's line breaks are kept (one member per line stays so; at most one
 *   blank line in a row, none just inside braces);
 * - on a line: one space between words and around `->`, `<->`, `=`, `+=`, …;
 *   none before `,` `:` `)` `]` `?` and around `.`, `<`, `>` of types, after `(` `[`;
 *   `name: Type` fields written on one line stay two spaces apart;
 * - comments are kept exactly; a trailing comment keeps its column when the code
 *   before it leaves room (aligned comments stay aligned);
 * - one line break at the end of the file.
 *
 * A file whose characters are not all tokens (a lexing error), whose braces do
 * not balance or that has an unterminated string is left alone; and the result
 * is re-lexed and compared with the original token by token before any edit is
 * returned, so formatting can never lose or reorder a token. Formatting a
 * formatted text changes nothing.
 */
import type { IToken } from 'chevrotain';
import type { ParsedDocument } from '../syntax/parse-document';
import {
  BlockComment,
  BothArrow,
  Colon,
  Comma,
  Dot,
  LAngle,
  LBracket,
  LCurly,
  LeftArrow,
  LineComment,
  LParen,
  Minus,
  MinusAssign,
  Plus,
  PlusAssign,
  Question,
  RAngle,
  RBracket,
  RCurly,
  RightArrow,
  RParen,
  Star,
  Assign,
  StringLiteral,
  UnterminatedString,
  keywords,
} from '../syntax/tokens';
import { tokenize } from '../syntax/lexer';
import { keywordsIn, places } from '../syntax/constructs';
import { isNameToken } from './token-kinds';
import { classifyBlock, type BlockKind } from './blocks';
import type { NavTextEdit } from './types';

export interface FormatOptions {
  /** Spaces per indentation level (default 2). */
  tabSize?: number;
  /** False to indent with tabs (default true). */
  insertSpaces?: boolean;
}

const whitespace = /^[ \t\r\n\f\v\u00a0\ufeff]*$/;

function isKeyword(token: IToken, ...words: string[]): boolean {
  return words.some((word) => token.tokenType === keywords[word]);
}

const isName = isNameToken;

/** The keywords that start a member of each block whose members are constructs (syntax/constructs.ts). */
const memberStarts: Partial<Record<BlockKind, readonly string[]>> = Object.fromEntries(places.map((place) => [place, keywordsIn(place)]));

/** Tokens after which a statement cannot end: a line break after them continues it. */
const continuing = new Set([Colon, Dot, RightArrow, LeftArrow, BothArrow, Assign, PlusAssign, MinusAssign, Plus, Minus, Star, LParen, LBracket, LAngle]);
const continuingWords = [
  'emits', 'from', 'for', 'of', 'implements', 'by', 'on', 'when', 'then', 'reply', 'compensate', 'applies', 'else', 'or', 'and', 'fails', 'expect', 'orchestrated',
  // Context Mapper parity: strategic design and requirements
  'refines', 'realizes', 'supports', 'as', 'with',
  // tactical details and the application layer
  'extends', 'throws', 'delegates', 'to', 'triggers',
];
/** Blocks whose members may be separated by commas (so a comma at a line end does not continue a statement). */
const commaSeparatedMembers: ReadonlySet<BlockKind> = new Set(['structure', 'fields', 'enum', 'glossary', 'shared', 'operations', 'stream', 'contextmap', 'coordination']);
const choreographyWords = ['on', 'or', 'and', 'emits', 'else', 'compensates', 'idempotent'];

interface TokenInfo {
  depth: number;
  kind: BlockKind;
  /** Parentheses, brackets and angle brackets open around the token. */
  nesting: number;
}

function analyse(tokens: IToken[]): TokenInfo[] | undefined {
  const infos: TokenInfo[] = new Array(tokens.length);
  const stack: BlockKind[] = ['top'];
  let nesting = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type === RCurly) {
      if (stack.length === 1) return undefined;
      stack.pop();
      nesting = 0;
      infos[i] = { depth: stack.length - 1, kind: stack[stack.length - 1]!, nesting };
      continue;
    }
    if (type === RParen || type === RBracket || type === RAngle) nesting = Math.max(0, nesting - 1);
    infos[i] = { depth: stack.length - 1, kind: stack[stack.length - 1]!, nesting };
    if (type === LParen || type === LBracket || type === LAngle) nesting++;
    if (type === LCurly) {
      stack.push(classifyBlock(tokens, i, stack[stack.length - 1]!).kind);
      nesting = 0;
    }
  }
  return stack.length === 1 ? infos : undefined;
}

/** Blocks whose members are free names (fields, values, terms): a line there starts a member unless it begins with punctuation. */
const memberBodies: ReadonlySet<BlockKind> = new Set(['structure', 'fields', 'operations', 'glossary', 'enum', 'shared', 'stream', 'qualities', 'stakeholder', 'valueStakeholder', 'coordination']);

/** Whether the token at `i`, first on its line, continues the statement of the line above. */
function continues(tokens: IToken[], infos: TokenInfo[], i: number): boolean {
  const token = tokens[i]!;
  const type = token.tokenType;
  if (type === LCurly || type === RCurly) return false;
  const info = infos[i]!;
  const previous = tokens[i - 1];
  if (!previous || previous.tokenType === LCurly) return false;
  if (info.nesting > 0) return true;
  if (continuing.has(previous.tokenType)) return true;
  if (previous.tokenType === Comma && !commaSeparatedMembers.has(info.kind)) return true;
  if (isKeyword(previous, ...continuingWords) && !memberBodies.has(info.kind)) return true;
  switch (info.kind) {
    case 'top':
    case 'domain':
    case 'context':
    case 'aggregate':
    case 'orchestration':
    case 'storming':
    // ---- Context Mapper parity (issue 13): blocks whose members start with a keyword
    case 'team':
    case 'subdomain':
    case 'usecase':
    case 'story':
    case 'stakeholders':
    case 'values':
    case 'cluster':
    case 'valueItem':
    case 'module':
    case 'application':
    case 'flow':
      return !isKeyword(token, ...memberStarts[info.kind]!);
    case 'contextmap':
      return !isName(token);
    case 'choreography':
      return !isName(token) || isKeyword(token, ...choreographyWords);
    default:
      if (memberBodies.has(info.kind)) return !(isName(token) || token.tokenType === StringLiteral);
      return false;
  }
}

function isUnaryMinus(tokens: IToken[], i: number): boolean {
  const token = tokens[i]!;
  if (token.tokenType !== Minus) return false;
  const previous = tokens[i - 1];
  if (!previous) return true;
  return [Colon, LParen, Comma, Assign, PlusAssign, MinusAssign, Plus, Minus, Star, LBracket].includes(previous.tokenType);
}

const joinCache = new Map<string, boolean>();

/** Whether two tokens written with nothing between them lex back to the same two tokens. */
function joinable(a: IToken, b: IToken): boolean {
  const key = a.image + '\u0000' + b.image;
  let ok = joinCache.get(key);
  if (ok === undefined) {
    const lexed = tokenize(a.image + b.image);
    ok = lexed.errors.length === 0 && lexed.tokens.length === 2 && lexed.tokens[0]!.image === a.image && lexed.tokens[1]!.image === b.image;
    if (joinCache.size > 10_000) joinCache.clear();
    joinCache.set(key, ok);
  }
  return ok;
}

/** Spaces between two tokens on the same line. */
function spacing(tokens: IToken[], infos: TokenInfo[], i: number, gap: string): number {
  const previous = tokens[i - 1]!;
  const token = tokens[i]!;
  const next = token.tokenType;
  const prev = previous.tokenType;
  let spaces = 1;
  // around a dot the author's choice stays: `Sales.Order` is one name, `Sales . Order` is not
  if (next === Dot || prev === Dot) return gap.length ? 1 : 0;
  if (next === Comma || next === RParen || next === RBracket || next === Question || next === Colon) spaces = 0;
  else if (next === LAngle || next === RAngle) spaces = 0;
  else if (prev === LParen || prev === LBracket || prev === LAngle) spaces = 0;
  else if (next === LParen && (isName(previous) || prev === RAngle)) spaces = 0;
  else if (isUnaryMinus(tokens, i - 1)) spaces = 0;
  else if (
    (infos[i]!.kind === 'structure' || infos[i]!.kind === 'fields' || infos[i]!.kind === 'enum') &&
    infos[i]!.nesting === 0 &&
    isName(token) &&
    (tokens[i + 1]?.tokenType === Colon || (isKeyword(token, 'key') && tokens[i + 2]?.tokenType === Colon) || (infos[i]!.kind === 'enum' && tokens[i - 2]?.tokenType === Colon)) &&
    prev !== LCurly &&
    prev !== Comma &&
    prev !== Colon &&
    !isKeyword(previous, 'key')
  ) {
    // `{ order: OrderId  customer: CustomerId }`: fields on one line, two spaces apart (`key vin: String` is one field;
    // in an enum, its values after its fields: `label: String  PETROL("Petrol")`)
    spaces = 2;
  }
  else if (attributeLineStart(tokens, infos, i)) spaces = 2;
  if (spaces === 0 && !joinable(previous, token)) spaces = 1;
  return spaces;
}

/** The keywords that start a line of a stakeholder's body, or of a value's stakeholder (`priority high`, `bad "…"`). */
const stakeholderLineWords = [...keywordsIn('stakeholder'), ...keywordsIn('valueStakeholder')];

/** Whether a token is a keyword (not a name that happens to be spelled like one). */
function isAnyKeyword(token: IToken | undefined): boolean {
  return token !== undefined && keywords[token.image] === token.tokenType;
}

/**
 * Issue 13: `{ influence high  interest low  "…" }`, `qualities { security high  zone "Internal" }`:
 * attribute lines written on one line stay two spaces apart, like fields. A string is a line of its
 * own (a description) unless it is a keyword's (`bad "…"`, `action "…"`) or an action's kind in words.
 */
function attributeLineStart(tokens: IToken[], infos: TokenInfo[], i: number): boolean {
  const kind = infos[i]!.kind;
  const token = tokens[i]!;
  if (kind !== 'stakeholder' && kind !== 'valueStakeholder' && kind !== 'qualities') return false;
  if (tokens[i - 1]!.tokenType === LCurly || infos[i]!.nesting > 0) return false;
  if (kind !== 'qualities') {
    if (token.tokenType !== StringLiteral) return isKeyword(token, ...stakeholderLineWords);
    const before = tokens[i - 1]!;
    return !isAnyKeyword(before) && !(before.tokenType === StringLiteral && isAnyKeyword(tokens[i - 2]));
  }
  // a quality line is two tokens: a name, then its value
  let count = 0;
  for (let j = i - 1; j >= 0 && tokens[j]!.tokenType !== LCurly; j--) if (++count > 64) return false;
  return count % 2 === 0 && isName(token);
}

function lineBreaks(gap: string): number {
  let count = 0;
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (gap.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

function mergeByOffset(tokens: IToken[], comments: IToken[]): IToken[] {
  const merged: IToken[] = [];
  let i = 0;
  let j = 0;
  while (i < tokens.length || j < comments.length) {
    if (j >= comments.length || (i < tokens.length && tokens[i]!.startOffset < comments[j]!.startOffset)) merged.push(tokens[i++]!);
    else merged.push(comments[j++]!);
  }
  return merged;
}

function images(tokens: readonly IToken[]): string[] {
  return tokens.map((token) => token.image);
}

function sameImages(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The edits that give a document its canonical layout; none when it is already
 * formatted, or when formatting it would not be safe.
 */
export function formatEdits(document: Pick<ParsedDocument, 'text' | 'tokens' | 'comments'>, options: FormatOptions = {}): NavTextEdit[] {
  const { text, tokens, comments } = document;
  if (tokens.some((token) => token.tokenType === UnterminatedString || !Number.isFinite(token.startOffset))) return [];
  const infos = analyse(tokens);
  if (!infos) return [];
  const items = mergeByOffset(tokens, comments);
  if (items.length === 0) return [];
  // every character must belong to a token, a comment or whitespace
  let end = 0;
  for (const item of items) {
    if (item.startOffset < end || !whitespace.test(text.slice(end, item.startOffset))) return [];
    end = item.startOffset + item.image.length;
  }
  if (!whitespace.test(text.slice(end))) return [];

  const eol = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text) ? '\r\n' : '\n';
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(Math.max(1, options.tabSize ?? 2));
  const tokenIndex = new Map<IToken, number>(tokens.map((token, i) => [token, i]));
  const lineStartOf = (offset: number) => {
    let i = offset;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
    return i;
  };

  // the indentation of every item that starts a line
  const indents = new Map<number, number>();
  let pendingComments: number[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const gap = k === 0 ? text.slice(0, item.startOffset) : text.slice(items[k - 1]!.startOffset + items[k - 1]!.image.length, item.startOffset);
    const startsLine = k === 0 || lineBreaks(gap) > 0;
    const t = tokenIndex.get(item);
    if (t === undefined) {
      if (startsLine) pendingComments.push(k);
      continue;
    }
    const info = infos[t]!;
    const level = info.depth + (startsLine && t > 0 && continues(tokens, infos, t) ? 1 : 0);
    if (startsLine) indents.set(k, level);
    // comments alone on their lines take the indentation of the code that follows them (inside a block that closes next)
    const commentLevel = item.tokenType === RCurly ? info.depth + 1 : startsLine ? level : info.depth;
    for (const c of pendingComments) indents.set(c, commentLevel);
    pendingComments = [];
  }
  for (const c of pendingComments) indents.set(c, 0);

  const edits: NavTextEdit[] = [];
  const out: string[] = [];
  let column = 0;
  const emit = (start: number, stop: number, replacement: string) => {
    if (text.slice(start, stop) !== replacement) edits.push({ range: { start, end: stop }, newText: replacement });
    out.push(replacement);
  };
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const gapStart = k === 0 ? 0 : items[k - 1]!.startOffset + items[k - 1]!.image.length;
    const gap = text.slice(gapStart, item.startOffset);
    let replacement: string;
    if (k === 0) replacement = '';
    else {
      const breaks = lineBreaks(gap);
      const previous = items[k - 1]!;
      if (breaks > 0 || previous.tokenType === LineComment) {
        let count = Math.min(Math.max(breaks, 1), 2);
        // no blank line just inside braces
        if (previous.tokenType === LCurly || item.tokenType === RCurly) count = 1;
        replacement = eol.repeat(count) + unit.repeat(indents.get(k) ?? 0);
      } else if (item.tokenType === LineComment) {
        // a trailing comment keeps its column when there is room
        const originalColumn = item.startOffset - lineStartOf(item.startOffset);
        replacement = ' '.repeat(Math.max(1, originalColumn - column));
      } else if (item.tokenType === BlockComment || previous.tokenType === BlockComment) {
        replacement = gap.length ? ' ' : '';
      } else {
        replacement = ' '.repeat(spacing(tokens, infos, tokenIndex.get(item)!, gap));
      }
    }
    emit(gapStart, item.startOffset, replacement);
    out.push(item.image);
    const lastBreak = Math.max(replacement.lastIndexOf('\n'), replacement.lastIndexOf('\r'));
    column = lastBreak >= 0 ? replacement.length - lastBreak - 1 : column + replacement.length;
    const imageBreak = Math.max(item.image.lastIndexOf('\n'), item.image.lastIndexOf('\r'));
    column = imageBreak >= 0 ? item.image.length - imageBreak - 1 : column + item.image.length;
  }
  const last = items[items.length - 1]!;
  emit(last.startOffset + last.image.length, text.length, eol);

  // the safety net: the formatted text must lex to the very same tokens and comments
  const formatted = out.join('');
  const relexed = tokenize(formatted);
  const relexedComments = (relexed.groups['comments'] as IToken[] | undefined) ?? [];
  if (relexed.errors.length || !sameImages(images(relexed.tokens), images(tokens)) || !sameImages(images(relexedComments), images(comments))) return [];
  return edits;
}

/** Applies edits (offsets into `text`, not overlapping) to a text. */
export function applyEdits(text: string, edits: readonly NavTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return result + text.slice(at);
}

/** The formatted text, or undefined when the text cannot be formatted safely. */
export function formatText(text: string, options: FormatOptions = {}): string | undefined {
  const lexed = tokenize(text);
  if (lexed.errors.length) return undefined;
  const comments = (lexed.groups['comments'] as IToken[] | undefined) ?? [];
  const edits = formatEdits({ text, tokens: lexed.tokens, comments }, options);
  if (edits.length === 0) {
    // unchanged, or refused: tell them apart by checking the refusal conditions again cheaply
    return isFormattable(text, lexed.tokens) ? text : undefined;
  }
  return applyEdits(text, edits);
}

function isFormattable(text: string, tokens: IToken[]): boolean {
  if (tokens.some((token) => token.tokenType === UnterminatedString)) return false;
  return analyse(tokens) !== undefined || text.trim() === '';
}
