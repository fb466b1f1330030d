/**
 * The CML (Context Mapper) vocabulary, lexed with chevrotain.
 *
 * CML is an Xtext language: every word its grammar spells out is a reserved
 * keyword (a name that is a keyword must be written `^name`), and some keywords
 * are phrases (`delegates to`, `As a`, `Shared-Kernel`) matched as one token with
 * exactly one space, as Xtext's lexer does. The parser sees a flat list of
 * CmlTokens: names, keywords (by their text), strings, numbers and symbols.
 */
import { createToken, Lexer, type IToken } from 'chevrotain';
import { cmlKeywords } from './keywords';

export type CmlTokenKind = 'name' | 'keyword' | 'string' | 'int' | 'symbol' | 'eof';

export interface CmlToken {
  kind: CmlTokenKind;
  /** A name without its `^`, a keyword or symbol as written, a string's value (unescaped). */
  text: string;
  /** Offset of the token's first character. */
  at: number;
  /** One-based line and column. */
  line: number;
  column: number;
  /** Offset just past the token. */
  end: number;
}

export interface CmlComment {
  text: string;
  at: number;
  end: number;
  line: number;
  block: boolean;
}

export interface CmlLexProblem {
  at: number;
  line: number;
  column: number;
  message: string;
}

/** Keywords of more than one word, or with a hyphen: one token each, as in Xtext. */
export const cmlPhrases = [
  'stakeholders expect it to promote, protect or create',
  'with the following externally observable and/or internally auditable behavior:',
  'running the risk of harms such as',
  'possibly degrading or prohibiting',
  'expecting benefits such as',
  'In the context of the SOI,',
  'When the SOI executes',
  'as demonstrated in',
  'accepting that',
  'realization of',
  'reduction of',
  'unmarshall to',
  'delegates to',
  'emits event',
  'initiated by',
  'I want to',
  'with their',
  'with its',
  'more than',
  'split by',
  'and that',
  'so that',
  'I value',
  'As an',
  'As a',
  'Upstream-Downstream',
  'Downstream-Upstream',
  'Customer-Supplier',
  'Supplier-Customer',
  'Shared-Kernel',
  'read-only',
  'Object[]',
] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const Phrase = createToken({
  name: 'Phrase',
  // a phrase that ends in a letter must end a word (`As a` is not the start of `As another`)
  pattern: new RegExp(cmlPhrases.map((phrase) => escape(phrase) + (/\w$/.test(phrase) ? '(?![A-Za-z0-9_])' : '')).join('|')),
  // lets the lexer try the phrases only where one may start
  start_chars_hint: [...new Set(cmlPhrases.map((phrase) => phrase[0]!))],
});
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//, group: 'comments', line_breaks: true });
const Name = createToken({ name: 'Name', pattern: /\^?[A-Za-z_][A-Za-z0-9_]*/ });
const Int = createToken({ name: 'Int', pattern: /[0-9]+/ });
const Str = createToken({ name: 'Str', pattern: /"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'/, line_breaks: true, start_chars_hint: ['"', "'"] });
const Symbol = createToken({ name: 'Symbol', pattern: /<->|->|<-|=>|--|::|[{}()[\]<>,;:=.@+*!\/-]/ });

const vocabulary = [WhiteSpace, LineComment, BlockComment, Phrase, Name, Int, Str, Symbol];
let lexer: Lexer | undefined;

function unescape(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c));
}

function token(kind: CmlTokenKind, text: string, raw: IToken): CmlToken {
  return { kind, text, at: raw.startOffset, line: raw.startLine ?? 1, column: raw.startColumn ?? 1, end: (raw.endOffset ?? raw.startOffset) + 1 };
}

/** Tokens, comments (in order) and what could not be lexed (at most `maxProblems`). */
export function lexCml(text: string, maxProblems = 20): { tokens: CmlToken[]; comments: CmlComment[]; problems: CmlLexProblem[] } {
  lexer ??= new Lexer(vocabulary, { positionTracking: 'full', ensureOptimizations: true });
  const result = lexer.tokenize(text);
  const tokens: CmlToken[] = [];
  for (const raw of result.tokens) {
    const type = raw.tokenType;
    if (type === Name) {
      const escaped = raw.image.startsWith('^');
      const word = escaped ? raw.image.slice(1) : raw.image;
      tokens.push(token(!escaped && cmlKeywords.has(word) ? 'keyword' : 'name', word, raw));
    } else if (type === Phrase) tokens.push(token('keyword', raw.image, raw));
    else if (type === Str) tokens.push(token('string', unescape(raw.image), raw));
    else if (type === Int) tokens.push(token('int', raw.image, raw));
    else tokens.push(token('symbol', raw.image, raw));
  }
  const end = text.length;
  const lines = text.split(/\r\n|\r|\n/);
  tokens.push({ kind: 'eof', text: 'the end of the file', at: end, end, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 });
  const comments = (result.groups['comments'] ?? []).map((raw) => ({
    text: raw.image,
    at: raw.startOffset,
    end: (raw.endOffset ?? raw.startOffset) + 1,
    line: raw.startLine ?? 1,
    block: raw.tokenType === BlockComment,
  }));
  const problems = result.errors.slice(0, maxProblems).map((error) => ({
    at: error.offset,
    line: error.line ?? 1,
    column: error.column ?? 1,
    message: /["']/.test(text.charAt(error.offset)) ? `a string that is not closed (its closing ${text.charAt(error.offset)} is missing)` : `unexpected character '${text.charAt(error.offset)}'`,
  }));
  return { tokens, comments, problems };
}
