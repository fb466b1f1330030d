/**
 * The documents' declarations gathered in a model's lists (contexts merged across files), and the
 * walk that indexes them by name, in the order the look-ups expect. model.ts links what this
 * gathers; index-after-edit.ts walks one document the same way to see whether an edit changed a name.
 */
import type { ParsedDocument } from '../syntax/parse-document';
import type { BoundedContext, ContextDeclaration, Declaration, Reference } from './elements';
import type { DddModel } from './model';
import { emptyContextMembers } from './context-members';
import { DeclarationIndex } from './declaration-index';
import { forEachElement } from './element-tree';
import { constructsIn, contextMemberKeys } from '../syntax/constructs';
import { indexRequirements, mergeStrategicAttributes } from './strategic-links';

/**
 * The documents' declarations in the model's lists, contexts merged across files. `linking`: the
 * declarations are those of the model being built (a context block learns its context, a subdomain
 * forgets what implemented it); else the lists are only read (indexAfterEdit's view of one document).
 */
export function gatherDeclarations(documents: ParsedDocument[], linking: boolean): DddModel {
  const model: DddModel = {
    documents,
    domains: [],
    subdomains: [],
    contexts: new Map(),
    contextMaps: [],
    sagas: [],
    boards: [],
    teams: [],
    requirements: [],
    stakeholders: [],
    valueRegisters: [],
    references: [],
    unsettled: [],
    index: new DeclarationIndex(),
  };
  for (const document of documents) {
    for (const declaration of document.declarations) {
      switch (declaration.kind) {
        case 'domain':
          model.domains.push(declaration);
          model.subdomains.push(...declaration.subdomains);
          if (linking) for (const subdomain of declaration.subdomains) subdomain.implementedBy = [];
          break;
        case 'contextDeclaration':
          mergeContext(model, declaration, linking);
          break;
        case 'contextmap':
          model.contextMaps.push(declaration);
          break;
        case 'saga':
          model.sagas.push(declaration);
          break;
        case 'storming':
          model.boards.push(declaration);
          break;
        // ---- Context Mapper parity (issue 13)
        case 'team':
          model.teams.push(declaration);
          break;
        case 'usecase':
        case 'story':
          model.requirements.push(declaration);
          break;
        case 'stakeholders':
          model.stakeholders.push(declaration);
          break;
        case 'valueRegister':
          model.valueRegisters.push(declaration);
          break;
      }
    }
  }
  return model;
}

/** Every document's references in one list, allocated once (a large workspace has tens of thousands). */
export function allReferences(documents: readonly ParsedDocument[]): Reference[] {
  let total = 0;
  for (const document of documents) total += document.references.length;
  const references = new Array<Reference>(total);
  let i = 0;
  for (const document of documents) for (const reference of document.references) references[i++] = reference;
  return references;
}

function emptyContext(declaration: ContextDeclaration): BoundedContext {
  return {
    kind: 'context',
    name: declaration.name,
    declarations: [],
    primary: declaration,
    uri: declaration.uri,
    range: declaration.range,
    nameRange: declaration.nameRange,
    external: false,
    subdomains: [],
    ...emptyContextMembers(),
  };
}

function mergeContext(model: DddModel, declaration: ContextDeclaration, linking: boolean): void {
  let context = model.contexts.get(declaration.name);
  if (!context) {
    context = emptyContext(declaration);
    model.contexts.set(declaration.name, context);
  }
  if (linking) declaration.context = context;
  context.declarations.push(declaration);
  if (declaration.external) context.external = true;
  if (declaration.owner && !context.owner) context.owner = declaration.owner;
  if (declaration.description !== undefined && context.description === undefined) context.description = declaration.description;
  mergeStrategicAttributes(context, declaration);
  // every member list, from the constructs table: a new member cannot be forgotten here
  for (const key of contextMemberKeys) (context[key] as unknown[]).push(...declaration[key]);
}

/** What takes the declarations to index, in order: the index, or a list of them (indexAfterEdit). */
export interface IndexSink {
  add(declaration: Declaration): void;
}

function addAll(index: IndexSink, lists: readonly (readonly Declaration[])[]): void {
  for (const list of lists) for (const declaration of list) index.add(declaration);
}

/**
 * Indexes every declaration by simple name, in the order the scoped look-ups
 * expect: an aggregate before its members, a context before its own.
 */
export function indexModel(model: DddModel, index: IndexSink): void {
  addAll(index, [model.domains, model.subdomains, model.contextMaps, model.sagas, model.boards]);
  indexRequirements(model, index);
  for (const context of model.contexts.values()) {
    index.add(context);
    addContextMembers(index, context);
  }
}

/**
 * A context's members in walk order: each aggregate then its building blocks, the context's own
 * building blocks, repositories, services, streams, read models. Glossary terms and what
 * members hold (fields, operations) are not looked up by name.
 */
export function addContextMembers(index: IndexSink, context: BoundedContext): void {
  // most contexts are written in one block: its members, listed once per parsed block, are those of the context
  if (context.declarations.length === 1) {
    for (const member of namedMembersOf(context.declarations[0]!)) index.add(member);
    return;
  }
  forEachNamedMember(context, (member) => index.add(member));
}

/** The named members below a context or a context block, in walk order (aggregates, then what they hold). */
function forEachNamedMember(holder: BoundedContext | ContextDeclaration, add: (member: Declaration) => void): void {
  forEachElement(holder, (element) => {
    if (!namedMemberKinds.has(element.kind)) return false;
    // an unnamed application layer is looked up by no name
    if (element.name) add(element as Declaration);
    return element.kind === 'aggregate';
  });
}

/**
 * The named members of each context block as parsed. A block belongs to its parsed document, which an
 * edit elsewhere leaves as it is, so a keystroke lists the members of the edited document's blocks only.
 */
const namedMembers = new WeakMap<ContextDeclaration, readonly Declaration[]>();

function namedMembersOf(declaration: ContextDeclaration): readonly Declaration[] {
  let members = namedMembers.get(declaration);
  if (!members) {
    const list: Declaration[] = [];
    forEachNamedMember(declaration, (member) => list.push(member));
    namedMembers.set(declaration, (members = list));
  }
  return members;
}

/** The kinds of a context's members that are looked up by name, from the constructs table (glossary terms are not). */
export const namedMemberKinds: ReadonlySet<string> = new Set(constructsIn('context').flatMap((row) => (row.kind && row.kind !== 'term' ? [row.kind] : [])));
