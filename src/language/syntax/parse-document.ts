/**
 * Text → tokens → declarations for one document, with syntax diagnostics.
 *
 * The token stream is cut at every top-level keyword (`domain`, `context`,
 * `contextmap`, `saga`, `storming`) and each piece is parsed on its own, so a
 * mistake in one declaration never costs the declarations after it. Inside a
 * declaration chevrotain's recovery (token insertion/deletion, re-sync in
 * repetitions) keeps what surrounds the mistake.
 */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics';
import type { Reference, TextRange, TopLevelDeclaration } from '../model/elements';
import { LineIndex } from './line-index';
import { dddParser, type DddParser } from './parser';
import { readDeclaration } from './direct-reader';
import { inputEnd } from './error-messages';
import { shortcuts } from './grammar/base-grammar';
import { Colon, Dot, Kind, LParen, UnterminatedString, keywords, tokenEnd, tokenStart } from './tokens';
import { filterTokens, lex, tokenize, tokensIn, typeOf, type LexedText } from './lexer';
import { keywordsIn, topLevelKeywords, wordList } from './constructs';

/** Whether a token type (by its index) is a keyword that starts a top-level declaration: asked of every token. */
const startsDeclaration: boolean[] = [];
for (const word of topLevelKeywords) startsDeclaration[keywords[word]!.tokenTypeIdx!] = true;

export interface ParsedDocument {
  uri: string;
  text: string;
  declarations: TopLevelDeclaration[];
  references: Reference[];
  /** Lexer and parser findings. */
  diagnostics: Diagnostic[];
  /** The document's tokens (lexed again on first use after parsing). */
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly lineIndex: LineIndex;
}

/** Past this many syntax findings in one file, the rest are summarised in one. */
const MAX_SYNTAX_DIAGNOSTICS = 100;

/** Keywords of context members: written at the top level, they get their own finding. */
const memberKeywords: ReadonlySet<string> = new Set(keywordsIn('context'));

/**
 * What re-parsing needs to know of a parse (reparse-document.ts), kept beside
 * the document rather than in it: each declaration's share of the document.
 */
export interface ParseRecord {
  /** False when the parse had lexing errors, failed or capped its findings: then nothing of it is reused. */
  reusable: boolean;
  /** Unterminated strings before the first declaration, and the finding for stray tokens there. */
  headStrings: Diagnostic[];
  stray: Diagnostic[];
  segments: SegmentRecord[];
}

/** One top-level declaration's piece of the token stream and what its parse produced. */
export interface SegmentRecord {
  /** Offset of its first token (the declaration's keyword). */
  start: number;
  /** Where its declarations and references begin in the document's lists. */
  declarations: number;
  references: number;
  /** Its unterminated strings' findings, and its parser's findings (in the order they were made). */
  strings: Diagnostic[];
  findings: Diagnostic[];
}

const parseRecords = new WeakMap<ParsedDocument, ParseRecord>();

export function parseRecordOf(document: ParsedDocument): ParseRecord | undefined {
  return parseRecords.get(document);
}

export function recordParse(document: ParsedDocument, record: ParseRecord): void {
  parseRecords.set(document, record);
}

const noDiagnostics: Diagnostic[] = [];

/** `Error` with V8's limit on the frames an error's stack captures (undefined elsewhere: setting it is harmless). */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

export function parseDocument(uri: string, text: string): ParsedDocument {
  const document = emptyDocument(uri, text);
  const record: ParseRecord = { reusable: true, headStrings: noDiagnostics, stray: noDiagnostics, segments: [] };
  let lexingErrors: Diagnostic[] = [];
  try {
    const lexed = lex(text);
    reportLexingErrors(document, lexed.errors);
    lexingErrors = document.diagnostics;
    if (lexingErrors.length > 0) {
      record.reusable = false;
      withoutUnclosedCommentStars(lexed);
    }
    parseDeclarations(document, lexed, record);
    collectDiagnostics(document, lexingErrors, record);
  } catch (error) {
    record.reusable = false;
    collectDiagnostics(document, lexingErrors, record);
    // A bug in the parser must cost the user a finding, not the editor session.
    document.diagnostics.push({
      uri,
      range: { start: 0, end: Math.min(text.length, 1) },
      severity: 'error',
      code: 'internal-error',
      message: `The .ddd parser failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`,
    });
  }
  if (capDiagnostics(document)) record.reusable = false;
  parseRecords.set(document, record);
  return document;
}

/** A document with nothing parsed yet: its tokens and line index are computed on first use. */
export function emptyDocument(uri: string, text: string): ParsedDocument {
  let lineIndex: LineIndex | undefined;
  // The tokens are not kept after parsing: holding every token of a workspace
  // would make each garbage collection copy them. The editor features that need
  // them (folding, semantic tokens, completion, formatting) lex again on first use.
  let lexed: { tokens: IToken[]; comments: IToken[] } | undefined;
  const relex = () => (lexed ??= tokensOf(text));
  return {
    uri,
    text,
    declarations: [],
    references: [],
    diagnostics: [],
    get tokens() {
      return relex().tokens;
    },
    get comments() {
      return relex().comments;
    },
    // built on first use: only findings and editor positions need it
    get lineIndex() {
      return (lineIndex ??= new LineIndex(text));
    },
  };
}

/**
 * The document's findings in the order a whole-file parse makes them (lexing errors,
 * unterminated strings, stray tokens, then each declaration's), sorted by position
 * (a stable sort: equal positions keep that order).
 */
export function collectDiagnostics(document: ParsedDocument, lexingErrors: Diagnostic[], record: ParseRecord): void {
  const all: Diagnostic[] = [...lexingErrors, ...record.headStrings];
  for (const segment of record.segments) if (segment.strings.length > 0) all.push(...segment.strings);
  all.push(...record.stray);
  for (const segment of record.segments) if (segment.findings.length > 0) all.push(...segment.findings);
  all.sort((a, b) => a.range.start - b.range.start);
  document.diagnostics = all;
}

function tokensOf(text: string): { tokens: IToken[]; comments: IToken[] } {
  const result = tokenize(text);
  return { tokens: result.tokens, comments: (result.groups['comments'] as IToken[] | undefined) ?? [] };
}

function tokenRange(token: IToken): TextRange {
  return { start: tokenStart(token), end: tokenEnd(token) };
}

function reportLexingErrors(document: ParsedDocument, errors: ILexingError[]): void {
  let i = 0;
  while (i < errors.length) {
    const first = errors[i]!;
    let end = first.offset + first.length;
    let j = i + 1;
    while (j < errors.length && errors[j]!.offset <= end) {
      end = Math.max(end, errors[j]!.offset + errors[j]!.length);
      j++;
    }
    const characters = document.text.slice(first.offset, end);
    const shown = JSON.stringify(characters.length > 20 ? characters.slice(0, 20) + '…' : characters);
    // a `/*` that lexes as an error is a block comment that never ends: what follows it is read as model
    const unclosedComment = document.text.startsWith('/*', first.offset);
    document.diagnostics.push({
      uri: document.uri,
      range: { start: first.offset, end: unclosedComment ? first.offset + 2 : end },
      severity: 'error',
      code: 'syntax-error',
      message: unclosedComment
        ? 'This block comment is never closed: end it with */ (what follows it is read as model until then).'
        : `Unexpected character${characters.length > 1 ? 's' : ''} ${shown}: .ddd names are letters, digits and '_', strings are in double quotes.`,
    });
    i = j;
  }
}

/**
 * The tokens without the `*` of each `/*` that never ends: the lexing error names the
 * comment, and that `*` read as a token would add an "Unexpected '*'" to it.
 */
function withoutUnclosedCommentStars(lexed: LexedText): void {
  const stars = new Set<number>();
  for (const error of lexed.errors) if (lexed.text.startsWith('/*', error.offset)) stars.add(error.offset + 1);
  if (stars.size > 0) filterTokens(lexed, (index) => !stars.has(lexed.starts[index]!));
}

const unterminatedString = UnterminatedString.tokenTypeIdx!;

function unterminatedStrings(document: ParsedDocument, lexed: LexedText, from: number, to: number): Diagnostic[] {
  let found = noDiagnostics;
  for (let i = from; i < to; i++) {
    if (lexed.types[i] !== unterminatedString) continue;
    if (found === noDiagnostics) found = [];
    found.push({
      uri: document.uri,
      range: { start: lexed.starts[i]!, end: lexed.ends[i]! },
      severity: 'error',
      code: 'syntax-error',
      message: 'This string is not closed: end it with a double quote (") on the same line.',
    });
  }
  return found;
}

export function isDeclarationStart(lexed: LexedText, index: number): boolean {
  if (startsDeclaration[lexed.types[index]!] !== true) return false;
  const next = index + 1 < lexed.count ? typeOf(lexed, index + 1) : undefined;
  const previous = index > 0 ? typeOf(lexed, index - 1) : undefined;
  // `context: ContextId` or `domain(...)` use the keyword as a member name
  if (next === Colon || next === LParen) return false;
  if (previous === Dot) return false;
  // `kind team` in a context: a mistake the attribute-value rule explains, not a team declaration (issue 13)
  if (previous === Kind) return false;
  return true;
}

function attach(parser: DddParser, document: ParsedDocument): DddParser {
  parser.uri = document.uri;
  parser.text = document.text;
  parser.declarations = document.declarations;
  parser.references = document.references;
  parser.problems = [];
  return parser;
}

function parseDeclarations(document: ParsedDocument, lexed: LexedText, record: ParseRecord): void {
  let start = 0;
  while (start < lexed.count && !isDeclarationStart(lexed, start)) start++;
  if (start > 0) {
    record.headStrings = unterminatedStrings(document, lexed, 0, start);
    record.stray = [strayTokens(document, lexed, start)];
  }
  parseSegments(document, lexed, start, record.segments);
}

/**
 * Parses the declarations of `lexed` from token `start` (a declaration's first token) to
 * the end into `document`, one segment at a time, noting each in `segments`. Each
 * segment's token objects are made just before it is parsed. `firstBroken`: the first
 * declaration had a mistake in the previous version of the text (a re-parse knows it),
 * so it is parsed with recovery at once; the result is the same.
 */
export function parseSegments(document: ParsedDocument, lexed: LexedText, start: number, segments: SegmentRecord[], firstBroken = false): void {
  // built on first need: a model of the forms the direct reader takes needs no chevrotain parser
  let fast: DddParser | undefined;
  let recovering: DddParser | undefined;
  // chevrotain reports each token it misses as an Error (and recovers from it), whose stack nobody reads:
  // capturing it was a sixth of a parse of a half-typed line. The parse is synchronous, the limit restored below.
  const firstSegment = segments.length;
  const stackTraceLimit = V8Error.stackTraceLimit;
  V8Error.stackTraceLimit = 0;
  try {
    while (start < lexed.count) {
      let end = start + 1;
      while (end < lexed.count && !isDeclarationStart(lexed, end)) end++;
      const declarations = document.declarations.length;
      const references = document.references.length;
      let findings = noDiagnostics;
      if (!shortcuts.enabled || !readDeclaration(lexed, start, end, document.uri, document.declarations, document.references)) {
        const segment = tokensIn(lexed, start, end);
        // `Expected '}' … but found the next declaration`: a brace missed before another declaration says so. Not its
        // name: a re-parse keeps the declarations before an edit (reparse-document.ts) and would keep a name edited since
        inputEnd.words = end < lexed.count ? 'the next declaration' : 'the end of the file';
        let parser = (fast ??= attach(dddParser(false), document));
        parser.problems = [];
        // a declaration that had a mistake before this edit most likely still has one (it is being typed):
        // parsed with recovery at once, without the parse that would stop at the mistake first
        const recoverAtOnce = firstBroken && segments.length === firstSegment;
        if (!recoverAtOnce) {
          parser.begin(segment);
          parser.declaration();
        }
        if (recoverAtOnce || parser.errors.length > 0) {
          // a mistake in this declaration: forget what the fast parser made of it and parse it again, recovering
          document.declarations.length = declarations;
          document.references.length = references;
          parser = recovering ??= attach(dddParser(true), document);
          parser.begin(segment);
          parser.declaration();
        }
        if (parser.errors.length > 0 || parser.problems.length > 0) {
          const errors = parser.errors.map((error) => syntaxDiagnostic(document, error, segment[segment.length - 1]!));
          findings = errors.slice();
          // the grammar's own findings, unless a parser error already points there
          for (const problem of parser.problems) {
            if (errors.some((error) => error.range.start >= problem.range.start && error.range.start <= problem.range.end)) continue;
            findings.push({ uri: document.uri, range: problem.range, severity: 'error', code: 'syntax-error', message: problem.message });
          }
        }
        parser.problems = [];
      }
      segments.push({ start: lexed.starts[start]!, declarations, references, strings: unterminatedStrings(document, lexed, start, end), findings });
      start = end;
    }
  } finally {
    V8Error.stackTraceLimit = stackTraceLimit;
    fast?.release();
    recovering?.release();
  }
}

/** The finding for the tokens before the first declaration (`count` of them, at least one). */
function strayTokens(document: ParsedDocument, lexed: LexedText, count: number): Diagnostic {
  const first = tokensIn(lexed, 0, 1)[0]!;
  const last = tokensIn(lexed, count - 1, count)[0]!;
  const message = memberKeywords.has(first.image)
    ? `'${first.image}' must be declared inside a context, e.g. context Sales { ${first.image} … }.`
    : `Unexpected '${first.image.slice(0, 40)}': a .ddd file is made of ${wordList([...topLevelKeywords], 'and')} declarations.`;
  return {
    uri: document.uri,
    range: { start: first.startOffset, end: Math.min(tokenEnd(last), first.startOffset + 200) },
    severity: 'error',
    code: 'syntax-error',
    message,
  };
}

function syntaxDiagnostic(document: ParsedDocument, error: IRecognitionException, lastToken: IToken): Diagnostic {
  const token = error.token;
  let range: TextRange;
  if (!token || Number.isNaN(token.startOffset) || token.tokenType?.name === 'EOF') {
    // missing tokens at the end of a declaration: point just after its last token
    const previous = (error as { previousToken?: IToken }).previousToken;
    const at = previous && !Number.isNaN(previous.startOffset) ? tokenEnd(previous) : tokenEnd(lastToken);
    range = { start: at, end: at };
  } else {
    range = tokenRange(token);
  }
  return { uri: document.uri, range, severity: 'error', code: 'syntax-error', message: error.message };
}

/** Keeps the first MAX_SYNTAX_DIAGNOSTICS findings and one that counts the rest; true when it cut. */
export function capDiagnostics(document: ParsedDocument): boolean {
  const all = document.diagnostics;
  if (all.length <= MAX_SYNTAX_DIAGNOSTICS) return false;
  const kept = all.slice(0, MAX_SYNTAX_DIAGNOSTICS);
  const cut = all[MAX_SYNTAX_DIAGNOSTICS]!;
  kept.push({
    uri: document.uri,
    range: cut.range,
    severity: 'error',
    code: 'syntax-error',
    message: `${all.length - MAX_SYNTAX_DIAGNOSTICS} more syntax errors in this file are not shown; fix the ones above first.`,
  });
  document.diagnostics = kept;
  return true;
}
