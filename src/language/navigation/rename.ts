/**
 * Rename: the text edits that rename a symbol at its declaration(s) and every
 * reference, across files. Qualified references (`Sales.Order`) change only the
 * segment that names the symbol. Names that are not identifiers, keywords, and
 * names already taken in the same scope are refused with a message that says why.
 */
import { isBuiltinType, isIdentityTypeName } from '../model/builtin-types';
import type { Declaration, ElementKind, TextRange } from '../model/elements';
import { kindWords, memberContext, membersOfContext, qualifiedName, type DddModel } from '../model/model';
import { keywordNames } from '../syntax/tokens';
import { elementAt } from './element-at';
import { navIndex, type NavIndex } from './nav-index';
import { present } from './present';
import { identityTypeUses, isIdentityTypeUse, referencesTo } from './references';
import type { NavSymbol, NavTextEdit, NavWorkspaceEdit } from './types';
import { withArticle } from '../util/article';

export type RenameResult = { edits: NavWorkspaceEdit; error?: undefined } | { error: string; edits?: undefined };

export type RenamePreparation =
  | { range: TextRange; placeholder: string; symbol: NavSymbol; identityType?: undefined; error?: undefined }
  | { range: TextRange; placeholder: string; identityType: string; symbol?: undefined; error?: undefined }
  | { error: string };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const keywordSet = new Set(keywordNames);

/** Why a name cannot be used as a name, or undefined when it can. */
export function invalidName(name: string): string | undefined {
  if (!identifier.test(name)) {
    return `'${name}' is not a valid name: a name starts with a letter or '_' and continues with letters, digits or '_'.`;
  }
  if (keywordSet.has(name)) return `'${name}' is a keyword of the .ddd language and cannot be used as a name.`;
  return undefined;
}

/** Checks that the name under the cursor can be renamed, and gives the range to edit. */
export function prepareRename(model: DddModel, uri: string, offset: number): RenamePreparation {
  const element = elementAt(model, uri, offset);
  if (!element) return { error: 'Nothing to rename here: place the cursor on the name of a declaration or a reference.' };
  switch (element.what) {
    case 'role':
      return { error: `${element.text} is a context-map role, a fixed code of the language (OHS, PL, ACL, CF, S, C, SK, P): it cannot be renamed.` };
    case 'sticky':
      return { error: `${element.text} is a ${element.sticky?.type ?? 'sticky'} on a storming board: it names no declaration; edit it in place.` };
    default:
      break;
  }
  if (!element.symbol) {
    if (element.candidates) return { error: `${element.text} is ambiguous (${element.candidates.map((c) => qualifiedName(c)).join(', ')}): qualify it first.` };
    if (isIdentityTypeUse(element.reference, element.text)) return { range: element.range, placeholder: element.text, identityType: element.text };
    return { error: `${element.text} is not declared in the workspace: there is nothing to rename.` };
  }
  if (isQuotedTerm(navIndex(model), element.symbol)) {
    return { range: element.range, placeholder: element.symbol.name, symbol: element.symbol };
  }
  return { range: element.range, placeholder: element.text, symbol: element.symbol };
}

function isQuotedTerm(index: NavIndex, symbol: NavSymbol): boolean {
  if (symbol.kind !== 'term') return false;
  const document = index.documents.get(symbol.uri);
  return document?.text.charAt(symbol.nameRange.start) === '"';
}

/** Kinds that share a namespace within a context (as the duplicate-name rule groups them). */
const groups: Partial<Record<ElementKind, string>> = { entity: 'type', value: 'type', enum: 'type', command: 'message', event: 'message' };

function groupOf(kind: string): string {
  return groups[kind as ElementKind] ?? kind;
}

function describe(declaration: Declaration): string {
  return `${kindWords[declaration.kind]} ${qualifiedName(declaration)}`;
}

/** A declaration in the symbol's scope that already has `name`, if any. */
function clash(index: NavIndex, symbol: NavSymbol, name: string): string | undefined {
  const model = index.model;
  if (symbol.kind === 'sagaState') {
    return index.states.get(symbol.saga)?.has(name) ? `saga ${symbol.saga.name} already has a state ${name}` : undefined;
  }
  const contextName = memberContext(symbol);
  if (contextName !== undefined) {
    const members = membersOfContext(model, contextName)?.get(name) ?? [];
    const taken = members.find((other) => other !== symbol && groupOf(other.kind) === groupOf(symbol.kind));
    return taken ? `context ${contextName} already declares the ${describe(taken)}` : undefined;
  }
  switch (symbol.kind) {
    case 'context':
      return model.contexts.has(name) ? `a bounded context ${name} already exists (contexts with the same name merge)` : undefined;
    case 'domain':
    case 'subdomain':
    case 'contextmap':
    case 'saga':
    case 'storming': {
      const taken = model.index.get(name)?.find((other) => other.kind === symbol.kind);
      return taken ? `the workspace already has the ${describe(taken)}` : undefined;
    }
    case 'field':
    case 'operation':
    case 'enumValue':
    case 'term': {
      const parent = index.parents.get(symbol);
      if (!parent) return undefined;
      const siblings: { name: string; kind: string }[] = [];
      if (parent.kind === 'enum') siblings.push(...parent.values);
      if (parent.kind === 'context' && symbol.kind === 'term') siblings.push(...parent.glossary);
      if (parent.kind === 'operation') siblings.push(...parent.parameters);
      if ('fields' in parent && Array.isArray(parent.fields)) siblings.push(...(parent.fields as { name: string; kind: string }[]));
      if ('operations' in parent && Array.isArray(parent.operations)) siblings.push(...(parent.operations as { name: string; kind: string }[]));
      const taken = present(siblings).find((other) => other !== symbol && other.name === name && (other.kind === symbol.kind || symbol.kind !== 'operation'));
      return taken ? `${kindWords[parent.kind]} ${parent.name} already has ${withArticle(kindWords[taken.kind as ElementKind] ?? taken.kind)} ${name}` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The edits that rename `symbol` to `newName` everywhere it is written. Refuses
 * (with `error`) a name that is not an identifier, a keyword, or a name taken in
 * the symbol's scope. Renaming to the same name gives no edits.
 */
export function renameEdits(model: DddModel, symbol: NavSymbol, newName: string): RenameResult {
  const index = navIndex(model);
  const quoted = isQuotedTerm(index, symbol);
  if (quoted) {
    if (!newName.trim() || /["\\\r\n]/.test(newName)) return { error: 'A glossary term is a name or a quoted phrase without quotes, backslashes or line breaks.' };
  } else {
    const invalid = invalidName(newName);
    if (invalid) return { error: invalid };
  }
  const oldName = symbol.name;
  const edits: NavWorkspaceEdit = new Map();
  if (newName === oldName) return { edits };
  const taken = clash(index, symbol, newName);
  if (taken) return { error: `Cannot rename ${oldName} to ${newName}: ${taken}.` };
  for (const location of referencesTo(model, symbol)) {
    addEdit(edits, location.uri, { range: location.range, newText: quoted && location.isDeclaration ? `"${newName}"` : newName });
  }
  return { edits };
}

function addEdit(edits: NavWorkspaceEdit, uri: string, edit: NavTextEdit): void {
  const list = edits.get(uri);
  if (list) list.push(edit);
  else edits.set(uri, [edit]);
}

/** Renames whatever is under the cursor. */
export function renameAt(model: DddModel, uri: string, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(model, uri, offset);
  if (prepared.error !== undefined) return { error: prepared.error };
  if (prepared.identityType !== undefined) return renameIdentityType(model, prepared.identityType, newName);
  return renameEdits(model, prepared.symbol, newName);
}

/**
 * Renames an identity type (`OrderId`): it has no declaration, so every field,
 * parameter and type argument written with it changes. The new name is an
 * identity type too, and not the name of a declaration, so that each use keeps
 * its meaning.
 */
export function renameIdentityType(model: DddModel, oldName: string, newName: string): RenameResult {
  const invalid = invalidName(newName);
  if (invalid) return { error: invalid };
  const edits: NavWorkspaceEdit = new Map();
  if (newName === oldName) return { edits };
  if (!isIdentityTypeName(newName) || isBuiltinType(newName)) {
    return { error: `Cannot rename ${oldName} to ${newName}: ${oldName} is an identity type (an undeclared type ending in Id), and the fields typed with it would become an unknown type. Choose a name ending in Id.` };
  }
  const declared = model.index.get(newName);
  if (declared?.length) return { error: `Cannot rename ${oldName} to ${newName}: the workspace declares the ${describe(declared[0]!)}, and the fields typed ${oldName} would then denote it.` };
  for (const use of identityTypeUses(model, oldName)) addEdit(edits, use.uri, { range: use.range, newText: newName });
  return { edits };
}
