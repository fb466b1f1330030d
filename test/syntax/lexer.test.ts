/**
 * The lexer gives what chevrotain's own Lexer gives for the token patterns of
 * tokens.ts (the first pattern in order that matches; a run of characters that
 * no pattern matches is one error): on every .ddd file of the repository, on
 * generated texts made of the characters that decide between tokens, and on the
 * cases written out below. chevrotain's Lexer is the oracle: it is built here
 * from the patterns, with its own checks of them.
 */
import { Lexer, type ILexingResult, type IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../helpers';
import { lexerWork, tokenize } from '../../src/language/syntax/lexer';
import { allTokens, Identifier, keywords, QualifiedName } from '../../src/language/syntax/tokens';

const oracle = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });

const keywordTypes = new Set(Object.values(keywords));

/** What a token is to the patterns: keywords and qualified names are lexed as identifiers, then sorted by look-up. */
function lexical(token: IToken): string {
  const type = token.tokenType;
  return type === QualifiedName || keywordTypes.has(type) ? Identifier.name : type.name;
}

function shape(result: ILexingResult) {
  return {
    tokens: result.tokens.map((token) => `${token.startOffset}:${lexical(token)}:${token.image}`),
    comments: (result.groups['comments'] ?? []).map((token) => `${token.startOffset}:${token.tokenType.name}:${token.image}`),
    errors: result.errors.map((error) => `${error.offset}+${error.length}`),
  };
}

function expectSameAsOracle(text: string): void {
  expect(shape(tokenize(text)), JSON.stringify(text)).toEqual(shape(oracle.tokenize(text)));
}

/** The characters and pieces that decide between tokens, and some that start none. */
const pieces = [
  'a', 'Z', '_', 'x1', '0', '7', '.', '..', '"', '\\', '\n', '\r', '\r\n', ' ', '\t', '\f', '\v', '\u00a0', '\ufeff', '\u2028', '\u2029',
  '/', '*', '//', '/*', '*/', '<', '>', '-', '+', '=', '<-', '->', '<->', '+=', '-=', '{', '}', '(', ')', '[', ']', ':', ',', '?',
  '#', '@', '%', ';', '!', '&', '|', '~', '`', "'", '$', '^', 'é', '日', '😀', '\u0000',
  'key', 'public', 'private', 'context', 'Sales.Order', 'a.b.c', '1.5', '12.', '"x\\"y"', 'value', 'emits',
];

describe('the lexer', () => {
  it('lexes every .ddd file of the repository as the patterns do', () => {
    const files = [...readWorkspace('examples'), ...readWorkspace('test')];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectSameAsOracle(file.text);
  });

  it('lexes the cases that decide between tokens as the patterns do', () => {
    for (const text of [
      '',
      '/* never closed',
      '/* closed */ after',
      '/**/x/***/y/* a ** b */z',
      '"unterminated\nnext',
      '"carriage\rreturn "',
      '"escaped \\" quote" "ends with backslash\\',
      '"backslash before newline \\\nx',
      '"line separator \\\u2028 in a string"',
      '1.5.2 1. .5 12abc a.1 a.b. a..b',
      '<-> <- < -> -= - += + = >',
      '#@! é日 x',
      'key: String key vin: String public() public op() private',
      'context Sales.Order { }',
    ]) {
      expectSameAsOracle(text);
    }
  });

  it('lexes generated texts as the patterns do', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 40 }), (parts) => {
        expectSameAsOracle(parts.join(''));
      }),
      { numRuns: 400 },
    );
  });

  it('searches once for the end of block comments that never end, however many there are', () => {
    const text = 'context A { }\n' + '/* x '.repeat(3_000);
    const before = lexerWork.commentSearches;
    const lexed = tokenize(text);
    expect(lexerWork.commentSearches - before).toBe(1);
    expect(lexed.errors).toHaveLength(3_000);
    expect(shape(lexed)).toEqual(shape(oracle.tokenize(text)));
    // a comment that ends is found again in the next text
    expect(tokenize('/* a */ b').groups['comments']).toHaveLength(1);
  });

  it('sorts words into keywords, qualified names and names', () => {
    const types = tokenize('context Sales.Order key: String key vin public() private op').tokens.map((token) => token.tokenType);
    expect(types).toEqual([keywords['context'], QualifiedName, Identifier, expect.anything(), Identifier, keywords['key'], Identifier, Identifier, expect.anything(), expect.anything(), keywords['private'], Identifier]);
  });
});
