/**
 * Re-parsing after an edit gives exactly what parsing the new text from scratch
 * gives (declarations, references in order, findings, every range), while it
 * parses only the declarations from the edit on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../src/bench/model-generator';
import { parseDocument, type ParsedDocument } from '../../src/language/syntax/parse-document';
import { lastReparse, reparseDocument } from '../../src/language/syntax/reparse-document';

function dddFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return dddFiles(path);
    return name.endsWith('.ddd') ? [path] : [];
  });
}

const corpus = [...dddFiles('test/fixtures'), ...dddFiles('examples')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/**
 * A document as plain data: every field and range, references in order. Each
 * object is written out where the walk first meets it; where it meets it again
 * (a reference is both in its declaration and in the document's list, and
 * names the aggregate around it; links back to parents) it writes `[seen n]`,
 * n counting objects in the order first met. So two projections are equal when
 * the documents hold equal data shared in the same way (what one declaration
 * and the reference list share, the other shares too), and each object is
 * written once (writing a shared aggregate again for each of its references
 * made the projection of a 5,000-line file 30 times its size). What the linker
 * sets is left out (nothing here is linked).
 */
function projection(document: ParsedDocument): unknown {
  const seen = new Map<object, number>();
  const project = (value: unknown): unknown => {
    if (typeof value === 'function') return '[function]';
    if (value === null || typeof value !== 'object') return value;
    const met = seen.get(value);
    if (met !== undefined) return `[seen ${met}]`;
    seen.set(value, seen.size);
    if (Array.isArray(value)) return value.map(project);
    const entries: [string, unknown][] = [];
    for (const [key, field] of Object.entries(value)) {
      if (key === 'target' || key === 'candidates' || field === undefined) continue;
      entries.push([key, project(field)]);
    }
    return Object.fromEntries(entries);
  };
  return project({ text: document.text, declarations: document.declarations, references: document.references, diagnostics: document.diagnostics });
}

/** Pieces of text an edit inserts: what changes tokens, declaration boundaries and lexing the most. */
const pieces = [
  'context', 'domain', 'contextmap', 'saga', 'storming', 'team', 'usecase', 'story', 'stakeholders', 'values',
  'aggregate', 'entity', 'command', 'event', 'kind', 'key', 'public', 'emits', 'step', 'on', 'reply',
  '{', '}', '(', ')', ':', ',', '.', '"', '""', '"x"', '//', '/*', '*/', '\n', ' ', '\t', '->', '<-', '1', '1.5', '=',
  'Order', 'x', '#', 'Sales.Order', 'context Extra {\n}\n', 'kind ', '.context', 'context:', 'domain(',
];
const insertion = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edit = fc.record({ at: fc.nat({ max: 1_000_000 }), remove: fc.nat({ max: 12 }), insert: insertion });

function applied(text: string, { at, remove, insert }: Edit): string {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(start + remove);
}

/** Runs of the first property (a third as many of the second): REPARSE_RUNS=3000 for a stress run. */
const runs = Number(process.env['REPARSE_RUNS'] ?? 120);

let incremental = 0;
let compared = 0;

/** Applies the edits one after the other, re-parsing each result from the last, and compares with a whole parse. */
function checkChain(uri: string, text: string, edits: Edit[]): void {
  let document = parseDocument(uri, text);
  for (const change of edits) {
    const next = applied(document.text, change);
    const reparsed = reparseDocument(document, next);
    if (!lastReparse().whole) incremental++;
    compared++;
    const whole = parseDocument(uri, next);
    expect(projection(reparsed)).toEqual(projection(whole));
    expect(reparsed.tokens.map((token) => [token.image, token.startOffset])).toEqual(whole.tokens.map((token) => [token.image, token.startOffset]));
    document = reparsed;
  }
}

describe('reparseDocument', () => {
  it('equals a whole parse after random edits of every fixture and example', () => {
    expect(corpus.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (index, edits) => {
        const file = corpus[index]!;
        checkChain(`file:///${file.path}`, file.text, edits);
      }),
      { numRuns: runs },
    );
  }, 300_000);

  it('equals a whole parse after random edits of several files joined into one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: corpus.length - 1 }), { minLength: 2, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (indexes, edits) => {
        checkChain('file:///joined.ddd', indexes.map((index) => corpus[index]!.text).join('\n'), edits);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  }, 300_000);

  it('re-parsed only part of the documents in the runs above, so they compared real re-parses', () => {
    // about three edits a run, each compared
    expect(compared).toBeGreaterThan(runs * 2);
    expect(incremental).toBeGreaterThan(compared / 4);
  });

  it('keeps the declarations before a one-character edit in the middle of a 5,000-line file', () => {
    const [file] = generateModel({ lines: 5_000, linesPerFile: 5_000 }).files;
    const previous = parseDocument('file:///generated.ddd', file!.text);
    expect(previous.declarations.length).toBeGreaterThan(20);
    const middle = file!.text.indexOf('\n', file!.text.length >> 1) + 1;
    const text = file!.text.slice(0, middle) + 'x' + file!.text.slice(middle);
    const reparsed = reparseDocument(previous, text);
    const count = lastReparse();
    expect(count.whole).toBe(false);
    expect(count.kept).toBeGreaterThan(0);
    expect(count.kept + count.parsed).toBe(previous.declarations.length);
    expect(count.parsed).toBeLessThan(previous.declarations.length);
    expect(reparsed.declarations.slice(0, count.kept)).toEqual(previous.declarations.slice(0, count.kept));
    expect(reparsed.declarations[0]).toBe(previous.declarations[0]);
    expect(projection(reparsed)).toEqual(projection(parseDocument('file:///generated.ddd', text)));
  });

  it('keeps a missing brace\'s finding true when the declaration after it is edited', () => {
    // the finding of a kept declaration may not depend on the next one's words (found by the property above)
    const filler = 'context Filler {\n  value Money { amount: Decimal  currency: String }\n}\n'.repeat(4);
    const before = `${filler}context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n}\ncontext Billing {\n}\n`;
    const previous = parseDocument('file:///brace.ddd', before);
    const after = before.replace('context Billing', 'context Invoicing');
    const reparsed = reparseDocument(previous, after);
    expect(lastReparse().whole).toBe(false);
    expect(projection(reparsed)).toEqual(projection(parseDocument('file:///brace.ddd', after)));
    expect(reparsed.diagnostics.map((d) => d.message)).toEqual(["Expected '}' in a context but found the next declaration."]);
  });

  it('parses the whole text again when the previous text had a lexing error', () => {
    const text = corpus.find((file) => file.text.length > 1_000)!.text;
    const previous = parseDocument('file:///a.ddd', '#' + text);
    const reparsed = reparseDocument(previous, '#' + text + '\n');
    expect(lastReparse().whole).toBe(true);
    expect(projection(reparsed)).toEqual(projection(parseDocument('file:///a.ddd', '#' + text + '\n')));
  });
});
