/**
 * The lexer: one pass over the characters, each token decided by its first one.
 *
 * It gives what a chevrotain `Lexer` built from the token patterns of tokens.ts
 * gives (the first pattern in `allTokens` order that matches; a run of characters
 * that no pattern matches is one error), which test/syntax/lexer.test.ts checks on
 * generated texts and on every .ddd file of the repository. Written out, it lexes a
 * model several times faster than the patterns did, and lexing was a quarter of a parse.
 *
 * Words are then sorted into keywords, qualified names and identifiers by look-up,
 * which is much faster than a pattern per keyword.
 */
import type { ILexingError, ILexingResult, IToken, TokenType } from 'chevrotain';
import {
  BlockComment,
  Colon,
  allTokens,
  Identifier,
  Internal,
  Key,
  keywords,
  LineComment,
  LParen,
  NumberLiteral,
  Private,
  Protected,
  Public,
  punctuationTexts,
  QualifiedName,
  StringLiteral,
  UnterminatedString,
} from './tokens';

/** Words that mark what follows them (a key field, an operation's visibility): names when a ':' or '(' follows. */
const markerWords: ReadonlySet<TokenType> = new Set([Key, Public, Protected, Private, Internal]);

/** Keywords by their first character: comparing a few short strings beats hashing every identifier. */
const keywordsByFirst: [string, TokenType][][] = [];
for (const [word, type] of Object.entries(keywords)) (keywordsByFirst[word.charCodeAt(0)] ??= []).push([word, type]);

/** The keyword written at `offset` with `length` characters, read in place (its image is then the keyword's own string). */
function keywordAt(text: string, offset: number, length: number): [string, TokenType] | undefined {
  const candidates = keywordsByFirst[text.charCodeAt(offset)];
  if (candidates) for (const candidate of candidates) if (candidate[0].length === length && text.startsWith(candidate[0], offset)) return candidate;
  return undefined;
}

// ------------------------------------------------------------------ characters

const NAME_START = 1;
const NAME_PART = 2;
const DIGIT = 4;
const SPACE = 8;

/** What each ASCII character can be part of (the patterns of tokens.ts are ASCII, but for two spaces). */
const classes = new Uint8Array(128);
for (let c = 65; c <= 90; c++) classes[c] = NAME_START | NAME_PART;
for (let c = 97; c <= 122; c++) classes[c] = NAME_START | NAME_PART;
classes[95] = NAME_START | NAME_PART; // _
for (let c = 48; c <= 57; c++) classes[c] = NAME_PART | DIGIT;
for (const c of [32, 9, 10, 13, 12, 11]) classes[c] = SPACE; // space \t \n \r \f \v

function isSpace(c: number): boolean {
  return c < 128 ? (classes[c]! & SPACE) !== 0 : c === 0xa0 || c === 0xfeff;
}

function isNamePart(c: number): boolean {
  return c < 128 && (classes[c]! & NAME_PART) !== 0;
}

function isNameStart(c: number): boolean {
  return c < 128 && (classes[c]! & NAME_START) !== 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const identifierIndex = Identifier.tokenTypeIdx!;
const qualifiedNameIndex = QualifiedName.tokenTypeIdx!;

/** What `.` in a pattern does not match: the line terminators. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

// ------------------------------------------------------------------ scanning

/** The type of the token tokenEndAt found last, and whether the name nameEndAt found last is qualified (`Sales.Order`). */
let foundType: TokenType | undefined;
let foundQualified = false;

/**
 * Where the text being lexed is known to hold no `*\u002f` from: a `/*` there starts no comment.
 * Without it, a text with thousands of `/*` and no end would search its rest for each of them.
 */
let unclosedFrom = Infinity;

/** Searches for the end of a block comment since the process started (for tests that count work, never time). */
export const lexerWork = { commentSearches: 0 };

/**
 * The punctuation of tokens.ts by its first character, the longest first (as `allTokens` orders
 * them, so that `<->` wins over `<-` and `<`); and its text by token type index, shared as the
 * image of every such token, as keywords share theirs.
 */
const punctuationByFirst: [string, TokenType][][] = [];
const images: (string | undefined)[] = [];
for (const [type, text] of punctuationTexts) {
  (punctuationByFirst[text.charCodeAt(0)] ??= []).push([text, type]);
  images[type.tokenTypeIdx!] = text;
}
for (const candidates of punctuationByFirst) candidates?.sort((a, b) => b[0].length - a[0].length);

/**
 * The end of the name that starts at `offset` (a letter or '_'), setting `foundQualified`:
 * `Sales.Order`, a dot followed by the start of another word, continues the name.
 */
function nameEndAt(text: string, offset: number): number {
  let i = offset + 1;
  foundQualified = false;
  for (;;) {
    while (i < text.length && isNamePart(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 46 || !isNameStart(text.charCodeAt(i + 1))) break;
    foundQualified = true;
    i += 2;
  }
  return i;
}

/**
 * The end of the token at `offset` that is neither a name nor white space (punctuation,
 * a comment, a string, a number), setting `foundType`; -1 when no token starts there.
 */
function tokenEndAt(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  const punctuation = c < 128 ? punctuationByFirst[c] : undefined;
  if (punctuation !== undefined) {
    for (const [written, type] of punctuation) {
      if (written.length === 1 || text.startsWith(written, offset)) {
        foundType = type;
        return offset + written.length;
      }
    }
  }
  const next = text.charCodeAt(offset + 1);
  switch (c) {
    case 47: // /
      if (next === 42) {
        if (offset + 2 >= unclosedFrom) return -1;
        lexerWork.commentSearches++;
        const close = text.indexOf('*/', offset + 2);
        if (close < 0) {
          unclosedFrom = offset + 2;
          return -1;
        }
        foundType = BlockComment;
        return close + 2;
      }
      if (next === 47) {
        let i = offset + 2;
        while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        foundType = LineComment;
        return i;
      }
      return -1;
    case 34: // "
      return stringEnd(text, offset);
  }
  if (isDigit(c)) {
    let i = offset + 1;
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    foundType = NumberLiteral;
    return i;
  }
  return -1;
}

/** A string: to its closing quote, or (unterminated) to the end of its line. */
function stringEnd(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      foundType = StringLiteral;
      return i + 1;
    }
    if (c === 92) {
      // an escape takes any character but a line terminator
      if (i + 1 < text.length && !isLineTerminator(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    if (c === 10 || c === 13) break;
    i++;
  }
  foundType = UnterminatedString;
  return i;
}

function token(image: string, startOffset: number, type: TokenType): IToken {
  // the shape of chevrotain's tokens when it tracks offsets only
  return { image, startOffset, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type } as IToken;
}

function lexingError(text: string, offset: number, length: number): ILexingError {
  return {
    offset,
    length,
    line: undefined,
    column: undefined,
    message: `unexpected character: ->${text.charAt(offset)}<- at offset: ${offset}, skipped ${length} characters.`,
  };
}

/** Every token type of tokens.ts by its index, and the image its tokens share (keywords and punctuation), if any. */
const typeByIndex: TokenType[] = [];
for (const type of allTokens) typeByIndex[type.tokenTypeIdx!] = type;
for (const [word, type] of Object.entries(keywords)) images[type.tokenTypeIdx!] = word;

/**
 * A lexed text, compactly: each token's type index, start and end in typed arrays,
 * with no token objects yet. A parse makes the objects of one declaration at a time
 * (`tokensIn`), so that they die young instead of all living until the parse ends:
 * a 50,000-line model has about 250,000 tokens.
 */
export interface LexedText {
  readonly text: string;
  /** How many tokens (the arrays may be longer). */
  count: number;
  types: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  readonly comments: IToken[];
  readonly errors: ILexingError[];
}

/** The token type of the `index`th token. */
export function typeOf(lexed: LexedText, index: number): TokenType {
  return typeByIndex[lexed.types[index]!]!;
}

/** The text of the `index`th token: the keyword's or punctuation's own string, or a slice of the text. */
export function imageAt(lexed: LexedText, index: number): string {
  return images[lexed.types[index]!] ?? lexed.text.substring(lexed.starts[index]!, lexed.ends[index]!);
}

/** The tokens from `from` to `to` (exclusive), as chevrotain's token objects. */
export function tokensIn(lexed: LexedText, from: number, to: number): IToken[] {
  const tokens = new Array<IToken>(to - from);
  const { text, types, starts, ends } = lexed;
  for (let i = from; i < to; i++) {
    const index = types[i]!;
    const type = typeByIndex[index]!;
    tokens[i - from] = token(images[index] ?? text.substring(starts[i]!, ends[i]!), starts[i]!, type);
  }
  return tokens;
}

/** Keeps the tokens for which `keep(index)` holds, in order. */
export function filterTokens(lexed: LexedText, keep: (index: number) => boolean): void {
  let kept = 0;
  for (let i = 0; i < lexed.count; i++) {
    if (!keep(i)) continue;
    lexed.types[kept] = lexed.types[i]!;
    lexed.starts[kept] = lexed.starts[i]!;
    lexed.ends[kept] = lexed.ends[i]!;
    kept++;
  }
  lexed.count = kept;
}

/** Lexes a text: its tokens, its comments (group `comments`) and a lexing error for each run of characters that start no token. */
export function tokenize(text: string): ILexingResult {
  const lexed = lex(text);
  return { tokens: tokensIn(lexed, 0, lexed.count), groups: { comments: lexed.comments }, errors: lexed.errors };
}

/** Lexes `text` from `from` to its end, compactly (see `LexedText`). */
export function lex(text: string, from = 0): LexedText {
  // a token is at least one character, and most are followed by white space
  let capacity = Math.max(16, ((text.length - from) >> 2) + 16);
  let types = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const comments: IToken[] = [];
  const errors: ILexingError[] = [];
  /** Where keywords that mark what follows stand: names instead when ':' or '(' follows. */
  let markers: number[] | undefined;
  let offset = from;
  let errorStart = -1;
  unclosedFrom = Infinity;
  const length = text.length;
  while (offset < length) {
    const c = text.charCodeAt(offset);
    let end: number;
    /** The token's type index; -1 for white space. */
    let type: number;
    // names and white space, most of a text, are read here; the rest by tokenEndAt
    if (isNameStart(c)) {
      end = nameEndAt(text, offset);
      type = identifierIndex;
      if (foundQualified) type = qualifiedNameIndex;
      else {
        const keyword = keywordAt(text, offset, end - offset);
        if (keyword !== undefined) {
          type = keyword[1].tokenTypeIdx!;
          if (markerWords.has(keyword[1])) (markers ??= []).push(count);
        }
      }
    } else if (isSpace(c)) {
      end = offset + 1;
      while (end < length && isSpace(text.charCodeAt(end))) end++;
      type = -1;
    } else {
      end = tokenEndAt(text, offset);
      if (end < 0) {
        if (errorStart < 0) errorStart = offset;
        offset++;
        continue;
      }
      const found = foundType!;
      if (found === BlockComment || found === LineComment) {
        if (errorStart >= 0) {
          errors.push(lexingError(text, errorStart, offset - errorStart));
          errorStart = -1;
        }
        comments.push(token(text.substring(offset, end), offset, found));
        offset = end;
        continue;
      }
      type = found.tokenTypeIdx!;
    }
    if (errorStart >= 0) {
      errors.push(lexingError(text, errorStart, offset - errorStart));
      errorStart = -1;
    }
    if (type < 0) {
      offset = end;
      continue;
    }
    if (count === capacity) {
      capacity *= 2;
      types = grown(types, new Uint16Array(capacity));
      starts = grown(starts, new Int32Array(capacity));
      ends = grown(ends, new Int32Array(capacity));
    }
    types[count] = type;
    starts[count] = offset;
    ends[count] = end;
    count++;
    offset = end;
  }
  if (errorStart >= 0) errors.push(lexingError(text, errorStart, offset - errorStart));
  // a marker word right before ':' or '(' is a name (`key: String`, `public()`): the grammar then needs no look-ahead for it
  if (markers) {
    for (const at of markers) {
      if (at + 1 >= count) continue;
      const next = typeByIndex[types[at + 1]!];
      if (next === Colon || next === LParen) types[at] = Identifier.tokenTypeIdx!;
    }
  }
  return { text, count, types, starts, ends, comments, errors };
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
