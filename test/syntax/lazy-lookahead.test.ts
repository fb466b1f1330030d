/**
 * The parser computes each look-ahead function of the grammar the first time it
 * needs it (syntax/grammar/lazy-lookahead.ts): building a parser computes none, a
 * model computes only those of the forms it uses, each once, and what the parser
 * reads is what chevrotain's own strategy, computing them all up front, reads.
 */
import { describe, expect, it } from 'vitest';
import { parseAsText, readWorkspace } from '../helpers';
import { generateModel } from '../../src/bench/model-generator';
import { DddParser } from '../../src/language/syntax/parser';
import { lookaheadWork } from '../../src/language/syntax/grammar/lazy-lookahead';
import { lex, tokensIn } from '../../src/language/syntax/lexer';
import { isDeclarationStart } from '../../src/language/syntax/parse-document';

/** The parser's cache of look-ahead functions (chevrotain's), by production. */
function lookaheadsOf(parser: DddParser): Map<number, unknown> {
  return (parser as unknown as { lookAheadFuncsCache: Map<number, unknown> }).lookAheadFuncsCache;
}

/** What `parser` makes of `text`, one top-level declaration at a time (as parse-document.ts cuts it). */
function parseWith(parser: DddParser, text: string) {
  parser.uri = 'file:///lookahead.ddd';
  parser.text = text;
  parser.declarations = [];
  parser.references = [];
  const errors: string[] = [];
  const problems: string[] = [];
  const lexed = lex(text);
  let start = 0;
  while (start < lexed.count && !isDeclarationStart(lexed, start)) start++;
  while (start < lexed.count) {
    let end = start + 1;
    while (end < lexed.count && !isDeclarationStart(lexed, end)) end++;
    parser.problems = [];
    parser.begin(tokensIn(lexed, start, end));
    parser.declaration();
    errors.push(...parser.errors.map((error) => `${error.token.startOffset} ${error.message}`));
    problems.push(...parser.problems.map((problem) => `${problem.range.start} ${problem.message}`));
    start = end;
  }
  const result = { declarations: parser.declarations, references: parser.references, errors, problems };
  parser.release();
  return result;
}

const sales = `context Sales {
  aggregate Order {
    root entity Order { id: OrderId  lines: List<OrderLine> }
    command PlaceOrder { customer: CustomerId } emits OrderPlaced
    event OrderPlaced { order: OrderId }
  }
}`;

describe('look-ahead computed on first use', () => {
  it('building a parser computes none; a model computes those it needs, once each', () => {
    const before = lookaheadWork.built;
    const parser = new DddParser(false);
    expect(lookaheadWork.built).toBe(before);
    const productions = lookaheadsOf(parser).size;
    expect(productions).toBeGreaterThan(100);

    const first = parseWith(parser, sales);
    expect(first.errors).toEqual([]);
    expect(first.declarations).toHaveLength(1);
    const needed = lookaheadWork.built - before;
    expect(needed).toBeGreaterThan(0);
    // a context with one aggregate uses a small part of the grammar
    expect(needed).toBeLessThan(productions / 2);

    // the functions computed took their stand-ins' places: the same model again computes nothing
    const again = parseWith(parser, sales);
    expect(lookaheadWork.built - before).toBe(needed);
    expect(again.declarations).toEqual(first.declarations);
  });

  it('reads every .ddd file of the repository and a generated model as chevrotain does with every look-ahead computed up front', () => {
    const files = [...readWorkspace('examples'), ...readWorkspace('test')].filter((file) => file.uri.endsWith('.ddd'));
    files.push(...generateModel({ lines: 1_000 }).files.map((file) => ({ uri: file.name, text: file.text })));
    expect(files.length).toBeGreaterThan(40);
    // and each without its fifth line: half-written models, for the recovery's paths
    for (const file of files.slice()) {
      const lines = file.text.split('\n');
      if (lines.length > 5) files.push({ uri: `${file.uri} without line 5`, text: [...lines.slice(0, 4), ...lines.slice(5)].join('\n') });
    }
    for (const recovering of [false, true]) {
      const lazy = new DddParser(recovering);
      const eager = new DddParser(recovering, true);
      let errors = 0;
      for (const file of files) {
        const expected = parseWith(eager, file.text);
        errors += expected.errors.length;
        // compared as text: a deep equality of thousands of models is slow
        expect(parseAsText(parseWith(lazy, file.text)), `${file.uri} (${recovering ? 'recovering' : 'stopping at the first error'})`).toBe(parseAsText(expected));
      }
      // the repository's fixtures include broken models: the comparison covers the parser's errors too
      expect(errors).toBeGreaterThan(10);
    }
  });
});
