/**
 * Whatever a user types, the core answers with findings: never an exception,
 * a stack overflow or a hang. Random truncations and edits of the example
 * workspace go through the whole pipeline (parse, link, validate).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/language/diagrams/markdown';
import { checkDocuments, parseDocument, reparseDocument, type SourceFile } from '../../src/language/index';
import { readWorkspace } from '../helpers';
import { countingLookaheads } from '../work';

const examples = readWorkspace('examples/order-saga');
const fragments = ['{', '}', '[', ']', '->', '<->', ':', '"', '/*', '*/', '//', 'context', 'aggregate', 'root', 'entity', 'step', 'saga', 'on', 'emits', 'and', 'or', 'else', ',', '.', '<', '>', '?', '=', '+=', 'X', 'Order', '\u0000', '\n', '§', '0', '-'];

/** The undamaged examples, parsed once: each run parses only the file it damaged, as the server re-parses only the file that changed. */
const pristine = new Map(examples.map((file) => [`${file.uri}\n${file.text}`, parseDocument(file.uri, file.text)]));

/**
 * Checks the files, bounding the parser's work by counting: at most a few
 * lookaheads per character (a parser that loops or backtracks would make many more).
 */
function checkBounded(files: SourceFile[]) {
  const { result: documents, lookaheads } = countingLookaheads(() => files.map((file) => pristine.get(`${file.uri}\n${file.text}`) ?? parseDocument(file.uri, file.text)));
  // per character of the parsed text, not per token: counting the tokens would lex every file again
  const parsed = documents.filter((document) => ![...pristine.values()].includes(document));
  const characters = parsed.reduce((sum, document) => sum + document.text.length + 1, 0);
  expect(lookaheads).toBeLessThanOrEqual(40 * characters);
  const result = checkDocuments(documents);
  // one assertion over every finding (a few hundred per run): those that are out of range, wordless or internal
  const wrong = result.diagnostics.filter(
    (diagnostic) => !(diagnostic.range.start >= 0 && diagnostic.range.end >= diagnostic.range.start && typeof diagnostic.message === 'string' && diagnostic.code !== 'internal-error'),
  );
  expect(wrong).toEqual([]);
  return result;
}

const example = fc.integer({ min: 0, max: examples.length - 1 });

describe('random damage to the examples never breaks the checker', () => {
  it('a file cut off anywhere yields findings, not an exception', () => {
    fc.assert(
      fc.property(example, fc.double({ min: 0, max: 1, noNaN: true }), (index, fraction) => {
        const file = examples[index]!;
        const cut = { ...file, text: file.text.slice(0, Math.floor(file.text.length * fraction)) };
        checkBounded(examples.map((other, i) => (i === index ? cut : other)));
      }),
      { numRuns: 150 },
    );
  });

  it('random insertions, deletions and replacements yield findings, not an exception', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })),
    });
    fc.assert(
      fc.property(example, fc.array(edit, { minLength: 1, maxLength: 8 }), (index, edits) => {
        let text = examples[index]!.text;
        for (const { at, remove, insert } of edits) {
          const position = Math.floor(text.length * at);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        checkBounded(examples.map((other, i) => (i === index ? { ...other, text } : other)));
      }),
      { numRuns: 150 },
    );
  });

  it('any sequence of .ddd tokens yields findings, not an exception', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 300 }), (tokens) => {
        checkBounded([{ uri: 'file:///random.ddd', text: tokens.join(' ') }]);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary unicode yields findings, not an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (text) => {
        checkBounded([{ uri: 'file:///binary.ddd', text }]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('half-written input: what error recovery leaves is checked like any model', () => {
  const fixtureFiles = [...readWorkspace('test/fixtures'), ...examples].filter((file) => file.uri.endsWith('.ddd'));

  it('every line-prefix of every fixture and example gives findings, never an internal error', () => {
    expect(fixtureFiles.length).toBeGreaterThan(10);
    let prefixes = 0;
    // a text is checked once: several fixtures begin alike (the diff fixtures are pairs of near copies),
    // and their common prefixes are the same input (the file's name is no part of what is checked)
    const checked = new Set<string>();
    for (const file of fixtureFiles) {
      const ends = [...file.text.matchAll(/\n/g)].map((match) => match.index);
      // each prefix is parsed from the one before, as the server parses a file being typed: the document is the
      // very document parsing the prefix whole gives (reparseDocument's contract, checked on every fixture and on
      // random edits by test/syntax/reparse-document.test.ts), and the whole model is linked and validated
      // for every prefix; only the declarations already complete in a shorter prefix are not parsed again
      let document = parseDocument(file.uri, '');
      for (const end of ends) {
        // a line cut off in its middle and after it: a name or a bracket half typed
        for (const cut of [Math.max(0, end - 3), end]) {
          const text = file.text.slice(0, cut);
          if (checked.has(text)) continue;
          checked.add(text);
          document = reparseDocument(document, text);
          const result = checkDocuments([document]);
          const internal = result.diagnostics.filter((diagnostic) => diagnostic.code === 'internal-error');
          expect(internal, `${file.uri} cut at ${cut}`).toEqual([]);
          prefixes++;
        }
      }
    }
    expect(prefixes).toBeGreaterThan(1_000);
    // about 3,900 different texts (of 4,500 prefixes), a few seconds of CPU: vitest's time limit (not a check of speed) leaves room for a busy machine
  }, 120_000);

  it('context-map relationships of token soup ([[, ]], ->, roles) never give an internal error nor break the Markdown export', () => {
    const soup = ['[[', ']]', '[', ']', '->', '<-', '<->', ',', '{', '}', 'A', 'B', 'C', 'OHS', 'ACL', 'SK', 'P', 'CF', '"d"', 'Money'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...soup), { maxLength: 24 }), (tokens) => {
        const text = `context A\ncontext B\ncontextmap M { ${tokens.join(' ')} }\ncontextmap N { A [[ -> ${tokens.join(' ')} }`;
        const result = checkBounded([{ uri: 'file:///soup.ddd', text }]);
        expect(() => toMarkdown(result.model)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
