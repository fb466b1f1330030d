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
import { expectEqual, readWorkspace } from '../helpers';

interface Workspace {
  name: string;
  files: { uri: string; text: string }[];
}

const workspaces: Workspace[] = [
  { name: 'the example', files: readWorkspace('examples/order-saga') },
  { name: 'a generated model in 4 files of 300 lines', files: generateModel({ lines: 1_200, linesPerFile: 300 }).files.map((file) => ({ uri: `file:///generated/${file.name}`, text: file.text })) },
  // exposed aggregates, subdomains with names of their own, teams, requirements, mistakes
  { name: 'the Context Mapper fixtures', files: readWorkspace('test/fixtures/context-mapper') },
  // life cycles and their transitions, operations, inheritance
  { name: 'the tactical fixtures', files: readWorkspace('test/fixtures/tactical') },
];

/**
 * A declaration by where it is: the model built after each edit is compared with one built whole from
 * the same texts parsed apart (no object shared: linking one model never touches the other).
 */
function place(declaration: Declaration | undefined): string {
  return declaration === undefined ? '-' : `${declaration.kind} ${declaration.name} ${declaration.uri}:${declaration.nameRange.start}`;
}

/** What a model's index holds: each name with its declarations, in the index's order. */
function indexOf(model: DddModel): string[] {
  return [...model.index].map(([name, declarations]) => `${name}: ${declarations.map(place).join(', ')}`);
}

/** What the linker made of every reference, in order: its target and candidates. */
function linksOf(model: DddModel): string[] {
  return model.references.map((reference) => `${reference.uri}:${reference.range.start} → ${place(reference.target)} ${(reference.candidates ?? []).map(place).join(', ')}`);
}

/** The contexts in each declaration list of the index are the model's own (the whole build makes new ones). */
function contextsAreOwn(model: DddModel): boolean {
  return [...model.index.values()].every((declarations) => declarations.every((declaration) => declaration.kind !== 'context' || model.contexts.get(declaration.name) === declaration));
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
  const shares = { ...indexReuse };
  beforeAll(() => void Object.assign(indexReuse, { maxEditedShare: 1, maxReplacedShare: 1 }));
  afterAll(() => void Object.assign(indexReuse, shares));

  for (const workspace of workspaces) {
    it(`is the index built whole, and the model links and finds the same (${workspace.name})`, () => {
      const before = { ...indexWork };
      let edited = 0;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
          let documents: ParsedDocument[] = workspace.files.map((file) => parseDocument(file.uri, file.text));
          let model = buildModel(documents);
          for (const { file, at, remove, insert } of edits) {
            edited++;
            const index = file % documents.length;
            const previous = documents[index]!;
            const position = Math.floor(previous.text.length * at);
            const text = previous.text.slice(0, position) + insert + previous.text.slice(position + remove);
            documents = documents.map((document, i) => (i === index ? reparseDocument(previous, text) : document));
            // the next edit goes on from the model built with the previous one, as in the server
            model = buildModel(documents, model);
            const whole = buildModel(documents.map((document) => parseDocument(document.uri, document.text)));
            expect(indexOf(model)).toEqual(indexOf(whole));
            expect(contextsAreOwn(model)).toBe(true);
            expect([...model.index.sharedNames()]).toEqual([...whole.index.sharedNames()]);
            expect(linksOf(model)).toEqual(linksOf(whole));
            expect(model.unsettled.map((reference) => `${reference.uri}:${reference.range.start}`)).toEqual(whole.unsettled.map((reference) => `${reference.uri}:${reference.range.start}`));
          }
          expectEqual(validateModel(model), validateModel(buildModel(documents.map((document) => parseDocument(document.uri, document.text)))));
        }),
        { numRuns: 10 },
      );
      // many random edits change no name: the replaced index was used, not only the whole one (a fifth to a
      // half of the edits, by the random chains; a tenth is far below what any run gives, and not a few by chance)
      expect(indexWork.replaced - before.replaced).toBeGreaterThanOrEqual(Math.max(3, Math.ceil(edited / 10)));
    });
  }

  it('is built whole when an edit renames a declaration, when two documents changed, and when another build linked the documents since', () => {
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
    // a blank line in one document: the index is reused, from the model that linked the documents last only
    const blank = documents.map((document, i) => (i === 0 ? reparseDocument(document, `${document.text}\n`) : document));
    before = indexWork.whole;
    buildModel(blank, model);
    expect(indexWork.whole).toBe(before + 1);
    const last = buildModel(documents);
    const replacedBefore = indexWork.replaced;
    buildModel(blank, last);
    expect(indexWork.replaced).toBe(replacedBefore + 1);
  });

  it('is built whole when an edit keeps every name but moves a declaration (out of its aggregate): the candidates stay in the order a whole build gives', () => {
    const shipping = (inside: boolean) =>
      inside
        ? 'context Shipping {\n  aggregate Shipment {\n    event OrderShipped { id: String }\n  }\n}\n'
        : 'context Shipping {\n  aggregate Shipment {\n  }\n    event OrderShipped { id: String }\n}\n';
    const other = 'context Shipping {\n  event OrderShipped { at: String }\n  command Ship { id: String } emits OrderShipped\n}\n';
    const documents = [parseDocument('file:///a.ddd', shipping(true)), parseDocument('file:///b.ddd', other)];
    const model = buildModel(documents);
    const moved = [reparseDocument(documents[0]!, shipping(false)), documents[1]!];
    const before = indexWork.whole;
    const after = buildModel(moved, model);
    expect(indexWork.whole).toBe(before + 1);
    const whole = buildModel(moved.map((document) => parseDocument(document.uri, document.text)));
    expect(indexOf(after)).toEqual(indexOf(whole));
    expect(linksOf(after)).toEqual(linksOf(whole));
    // the emits of b.ddd is ambiguous: its two candidates in the whole build's order (context-level events first)
    const ambiguous = validateModel(after).filter((finding) => finding.code === 'ambiguous-reference');
    expect(ambiguous.map((finding) => finding.message)).toEqual(validateModel(whole).filter((finding) => finding.code === 'ambiguous-reference').map((finding) => finding.message));
    expect(ambiguous).toHaveLength(1);
  });
});
