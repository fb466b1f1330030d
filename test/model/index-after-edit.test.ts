/**
 * After an edit that changes no name, the model's index is the previous one with the edited
 * document's declarations (and the contexts, new at each build) put in their place
 * (model.ts, indexAfterEdit). Held to the index built whole, and to what the whole model links
 * and finds, over chains of random edits to multi-file workspaces: each build is given the
 * previous one, so the replaced indexes pile up as while typing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../src/bench/model-generator';
import { buildModel, parseDocument, reparseDocument, validateModel, type DddModel, type ParsedDocument } from '../../src/language/index';
import { indexReuse, indexWork } from '../../src/language/model/index-after-edit';
import type { Declaration } from '../../src/language/model/elements';
import { readWorkspace } from '../helpers';

interface Workspace {
  name: string;
  files: { uri: string; text: string }[];
}

const workspaces: Workspace[] = [
  { name: 'the example', files: readWorkspace('examples/order-saga') },
  { name: 'a generated model in 4 files', files: generateModel({ lines: 2_000, linesPerFile: 500 }).files.map((file) => ({ uri: `file:///generated/${file.name}`, text: file.text })) },
  // exposed aggregates, subdomains with names of their own, teams, requirements, mistakes
  { name: 'the Context Mapper fixtures', files: readWorkspace('test/fixtures/context-mapper') },
  // life cycles and their transitions, operations, inheritance
  { name: 'the tactical fixtures', files: readWorkspace('test/fixtures/tactical') },
];

/**
 * A declaration as two builds of the same documents share it: the very object for what a document
 * declares; a context (made anew by each build) by its name, once checked to be the model's own.
 */
function shared(model: DddModel, declaration: Declaration | undefined): unknown {
  if (declaration?.kind !== 'context') return declaration;
  expect(model.contexts.get(declaration.name)).toBe(declaration);
  return `context ${declaration.name}`;
}

/** What a model's index holds: each name with its declarations, in the index's order. */
function indexOf(model: DddModel): unknown[] {
  return [...model.index].map(([name, declarations]) => [name, ...declarations.map((declaration) => shared(model, declaration))]);
}

/** What the linker made of every reference: its target and candidates (the reference objects are shared, so read at once). */
function linksOf(model: DddModel): unknown[] {
  return model.references.map((reference) => [shared(model, reference.target), ...(reference.candidates ?? []).map((candidate) => shared(model, candidate))]);
}

/** Whether two lists of lists hold the same items (by identity), in the same order. */
function same(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((list, i) => (list as unknown[]).length === (b[i] as unknown[]).length && (list as unknown[]).every((item, j) => item === (b[i] as unknown[])[j]));
}

/** An edit inside a name, a type or a comment, or one that renames, adds or removes a declaration. */
const edit = fc.record({
  file: fc.nat(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.constantFrom('', ' ', 'x', 'X', '\n', '// note\n', 'Money', ' value Extra { a: Int }', '}', '{', ': String', '.', 'Sales.'),
});

describe('the index after an edit that changes no name', () => {
  // reused however small the workspace (a small one is otherwise indexed whole at each edit)
  const share = indexReuse.maxReplacedShare;
  beforeAll(() => void (indexReuse.maxReplacedShare = 1));
  afterAll(() => void (indexReuse.maxReplacedShare = share));

  for (const workspace of workspaces) {
    it(`is the index built whole, and the model links and finds the same (${workspace.name})`, () => {
      const before = { ...indexWork };
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
          let documents: ParsedDocument[] = workspace.files.map((file) => parseDocument(file.uri, file.text));
          let model = buildModel(documents);
          for (const { file, at, remove, insert } of edits) {
            const index = file % documents.length;
            const previous = documents[index]!;
            const position = Math.floor(previous.text.length * at);
            const text = previous.text.slice(0, position) + insert + previous.text.slice(position + remove);
            documents = documents.map((document, i) => (i === index ? reparseDocument(previous, text) : document));
            const edited = buildModel(documents, model);
            const editedIndex = indexOf(edited);
            const editedLinks = linksOf(edited);
            const editedFindings = validateModel(edited);
            const whole = buildModel(documents);
            // the same declarations in the same order, not only equal ones: the linker compares them by identity
            expect(same(editedIndex, indexOf(whole))).toBe(true);
            expect(edited.index.size).toBe(whole.index.size);
            expect([...edited.index.sharedNames()]).toEqual([...whole.index.sharedNames()]);
            expect(same(editedLinks, linksOf(whole))).toBe(true);
            expect(editedFindings).toEqual(validateModel(whole));
            // the next edit goes on from the model built with the previous one, as in the server
            model = edited;
          }
        }),
        { numRuns: 12 },
      );
      // most random edits change no name: the replaced index was used, not only the whole one
      expect(indexWork.replaced - before.replaced).toBeGreaterThan(12);
    });
  }

  it('is built whole when an edit renames a declaration, and when two documents changed', () => {
    const files = readWorkspace('examples/order-saga');
    const documents = files.map((file) => parseDocument(file.uri, file.text));
    const model = buildModel(documents);
    const withEvent = documents.findIndex((document) => /event \w+/.test(document.text));
    const renamed = documents.map((document, i) => (i === withEvent ? reparseDocument(document, document.text.replace(/event (\w+)/, 'event $1Renamed')) : document));
    let before = indexWork.whole;
    buildModel(renamed, model);
    expect(indexWork.whole).toBe(before + 1);
    const spaced = documents.map((document, i) => (i < 2 ? reparseDocument(document, `${document.text}\n`) : document));
    before = indexWork.whole;
    buildModel(spaced, model);
    expect(indexWork.whole).toBe(before + 1);
    // a blank line in one document: the index is reused
    const replacedBefore = indexWork.replaced;
    buildModel(documents.map((document, i) => (i === 0 ? reparseDocument(document, `${document.text}\n`) : document)), model);
    expect(indexWork.replaced).toBe(replacedBefore + 1);
  });
});
