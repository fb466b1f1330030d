/**
 * What a model built after an edit re-uses from the model before it (model.ts, buildModel), when the
 * edit changed no name, as a keystroke inside a declaration does: the index (the previous one with the
 * edited document's declarations put in place), the references of the other documents that need no
 * new look-up, and the list of links the rules made after look-up, which the next build puts back.
 * test/model/index-after-edit.test.ts holds the result to a model built whole.
 */
import type { ParsedDocument } from '../syntax/parse-document';
import type { Declaration, Reference } from './elements';
import type { DddModel } from './model';
import type { DeclarationIndex } from './declaration-index';
import { gatherDeclarations, indexModel } from './gather-model';

/** How many indexes were built whole, and how many from the previous one after an edit (for tests that count work). */
export const indexWork = { whole: 0, replaced: 0 };

/**
 * When the index is built whole rather than re-used: when the edited file is more than
 * `maxEditedShare` of the workspace's text (a workspace of one file, or of a few, gains nothing), and
 * once the names replaced since the last whole index hold more than `maxReplacedShare` of its
 * declarations (re-using it still costs less below: about half the build after a keystroke in the
 * largest of 560 files that declare each name ten times). The tests that hold the re-used index to
 * the whole one raise both, to re-use it in small workspaces too.
 */
export const indexReuse = { maxEditedShare: 0.25, maxReplacedShare: 0.5 };

/**
 * The index of `model` from the one of `previous`, when `model` is `previous` after an edit of one
 * document that changed no name: the edited document indexes the same names, of the same kinds, in
 * the same order (and so the workspace does), so the index is the previous one with the edited
 * document's declarations and the contexts (new objects at each build) put in place of the old
 * ones, at the same places. That is what a keystroke inside a declaration does. Undefined when the
 * edit may have changed a name (then the index is built whole).
 */
export function indexAfterEdit(previous: DddModel, model: DddModel): { index: DeclarationIndex; document: ParsedDocument; names: ReadonlySet<string> } | undefined {
  const { documents } = model;
  if (previous.documents.length !== documents.length || previous.contexts.size !== model.contexts.size) return undefined;
  let edited = -1;
  for (let i = 0; i < documents.length; i++) {
    if (documents[i] === previous.documents[i]) continue;
    if (edited >= 0 || documents[i]!.uri !== previous.documents[i]!.uri) return undefined;
    edited = i;
  }
  if (edited < 0) return undefined;
  // a document that is a good share of the workspace declares a good share of its names: indexed whole
  let size = 0;
  for (const document of documents) size += document.text.length;
  if (documents[edited]!.text.length > size * indexReuse.maxEditedShare) return undefined;
  // what the references of the other documents found is that of `previous` only if nothing linked them since
  for (let i = 0; i < documents.length; i++) if (i !== edited && linkedBy.get(documents[i]!) !== previous) return undefined;
  const before = indexedIn(previous.documents[edited]!);
  const after = indexedIn(documents[edited]!);
  if (before.length !== after.length) return undefined;
  const replaced = new Map<Declaration, Declaration>();
  const names = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    const [old, now] = [before[i]!, after[i]!];
    if (old.kind !== now.kind || old.name !== now.name || placeOf(old) !== placeOf(now)) return undefined;
    names.add(now.name);
    // a context of the edited document stands for the workspace's context: replaced below, as every context is
    if (old.kind !== 'context') replaced.set(old, now);
  }
  for (const [name, context] of model.contexts) {
    const old = previous.contexts.get(name);
    if (!old) return undefined;
    replaced.set(old, context);
    names.add(name);
  }
  const index = previous.index.replacing(replaced, names, indexReuse.maxReplacedShare);
  return index && { index, document: documents[edited]!, names };
}

/**
 * Where a declaration stands in its context: the names of its context, aggregate and module. An edit
 * that keeps every name but moves a declaration (a brace typed before it takes an event out of its
 * aggregate) moves it in the workspace's index, which lists a context's members by where they stand.
 */
function placeOf(declaration: Declaration): string {
  const placed = declaration as Declaration & { contextName?: string; aggregate?: { name: string }; module?: { name: string } };
  return `${placed.contextName ?? ''}\u0000${placed.aggregate?.name ?? ''}\u0000${placed.module?.name ?? ''}`;
}

/** The model that last linked each document's references (each build links them all, or keeps what they found). */
const linkedBy = new WeakMap<ParsedDocument, DddModel>();

/** Notes that `model` linked its documents' references: called at the end of each build. */
export function linked(model: DddModel): void {
  for (const document of model.documents) linkedBy.set(document, model);
}

/**
 * What one document adds to the index, in the index's order (its contexts as contexts of their own):
 * the same walk as the workspace's index, over a model of this document alone.
 */
const indexedDeclarations = new WeakMap<ParsedDocument, readonly Declaration[]>();

function indexedIn(document: ParsedDocument): readonly Declaration[] {
  let indexed = indexedDeclarations.get(document);
  if (!indexed) {
    const list: Declaration[] = [];
    indexModel(gatherDeclarations([document], false), { add: (declaration) => void list.push(declaration) });
    indexedDeclarations.set(document, (indexed = list));
  }
  return indexed;
}

/** A document's references by their simple name, and those that go through a context (`A.B`): indexed on first use (a parsed document never changes). */
interface ReferencesByName {
  byText: Map<string, Reference[]>;
  qualified: Reference[];
}

const referencesByName = new WeakMap<ParsedDocument, ReferencesByName>();

function referencesOf(document: ParsedDocument): ReferencesByName {
  let known = referencesByName.get(document);
  if (!known) {
    known = { byText: new Map(), qualified: [] };
    for (const reference of document.references) {
      if (reference.text.includes('.')) known.qualified.push(reference);
      else {
        const list = known.byText.get(reference.text);
        if (list) list.push(reference);
        else known.byText.set(reference.text, [reference]);
      }
    }
    referencesByName.set(document, known);
  }
  return known;
}

/**
 * The references of a document that an edit of another one may settle otherwise: those that name a
 * declaration of the edited document or a context (`names`), and those that go through a context.
 * Found through the document's references by name, not by reading them all (a keystroke in a large
 * workspace looks up a handful of them, not a hundred thousand).
 */
export function referencesToLookUpAgain(document: ParsedDocument, names: ReadonlySet<string>): Reference[] {
  const { byText, qualified } = referencesOf(document);
  const again = [...qualified];
  if (byText.size < names.size) {
    for (const [text, references] of byText) if (names.has(text)) for (const reference of references) again.push(reference);
  } else {
    for (const name of names) for (const reference of byText.get(name) ?? []) again.push(reference);
  }
  return again;
}

/** A link a rule made after look-up (an exposed aggregate, a subdomain's own name, an operation), and what look-up had found. */
export interface Relink {
  reference: Reference;
  target: Declaration | undefined;
  candidates: Declaration[] | undefined;
}

/** Notes, before a rule links `reference` anew, what look-up found for it: the next build puts that back (model.ts). */
export function noteRelink(relinked: Relink[], reference: Reference): void {
  relinked.push({ reference, target: reference.target, candidates: reference.candidates });
}
