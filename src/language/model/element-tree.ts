/**
 * The model as a tree of declarations: which properties of each kind of element
 * hold its child declarations, and one walk over them (`forEachElement`).
 *
 * A context's and an aggregate's member lists come from the constructs table
 * (syntax/constructs.ts); the lists below them (fields, operations, parameters,
 * enum values, subdomains) are written here. The index, the outline, the
 * navigation index and the naming rules all walk the model through this file,
 * so a new member list is walked everywhere once it is named in one place.
 */
import { aggregateMemberKeys, contextMemberKeys } from '../syntax/constructs';
import type { ContextDeclaration, Declaration, ElementKind, Relationship, SagaReaction, SagaStep, Sticky } from './elements';
import type { DddModel } from './model';

/** What the walk visits: every declaration, and the `context` blocks of a document as parsed. */
export type ModelElement = Declaration | ContextDeclaration;

/** The properties of each kind of element that hold child declarations, in walk order. */
const childKeys: Partial<Record<ElementKind | 'contextDeclaration', readonly string[]>> = {
  domain: ['subdomains'],
  context: contextMemberKeys,
  contextDeclaration: contextMemberKeys,
  aggregate: aggregateMemberKeys,
  entity: ['fields', 'operations'],
  value: ['fields', 'operations'],
  enum: ['fields', 'values'],
  command: ['fields'],
  event: ['fields'],
  readmodel: ['fields'],
  repository: ['operations'],
  service: ['operations'],
  operation: ['parameters'],
  // ---- Context Mapper parity (issue 13)
  subdomain: ['entities', 'values', 'services'],
  stakeholders: ['groups', 'stakeholders'],
  stakeholderGroup: ['stakeholders'],
  valueRegister: ['clusters', 'values'],
  valueCluster: ['values'],
  // a module's members are the context's (each knows its module); an application's services, commands and events too
  application: ['flows', 'coordinations'],
};

const none: readonly string[] = [];

/** The names of the properties of `element` that hold its child declarations. */
export function childListKeys(element: ModelElement): readonly string[] {
  return childKeys[element.kind] ?? none;
}

/**
 * The lists of `element`'s child declarations, in walk order (for a context:
 * glossary, aggregates, its own building blocks, repositories, services,
 * streams, read models). A list may have holes after error recovery.
 */
export function childLists(element: ModelElement): readonly (readonly (ModelElement | undefined)[])[] {
  const keys = childListKeys(element);
  const lists: (readonly (ModelElement | undefined)[])[] = [];
  for (const key of keys) {
    const list = (element as unknown as Record<string, readonly ModelElement[] | undefined>)[key];
    if (list) lists.push(list);
  }
  return lists;
}

/**
 * Called for each element with its parent (undefined for a top-level
 * declaration); returning false skips the element's children.
 */
export type VisitElement = (element: ModelElement, parent: ModelElement | undefined) => boolean | void;

/**
 * Visits, depth first and parents before children, every declaration below
 * `root`: for a model, its domains, bounded contexts (merged), context maps,
 * sagas, boards, teams, requirements, stakeholders and value registers and everything they hold; for an element, its descendants
 * (not the element itself). Holes left by error recovery are skipped.
 * Allocates nothing per element.
 */
export function forEachElement(root: DddModel | ModelElement, visit: VisitElement): void {
  if (!('kind' in root)) {
    visitAll(root.domains, undefined, visit);
    for (const context of root.contexts.values()) visitOne(context, undefined, visit);
    visitAll(root.contextMaps, undefined, visit);
    visitAll(root.sagas, undefined, visit);
    visitAll(root.boards, undefined, visit);
    // ---- Context Mapper parity (issue 13)
    visitAll(root.teams, undefined, visit);
    visitAll(root.requirements, undefined, visit);
    visitAll(root.stakeholders, undefined, visit);
    visitAll(root.valueRegisters, undefined, visit);
    return;
  }
  visitChildren(root, visit);
}

function visitOne(element: ModelElement, parent: ModelElement | undefined, visit: VisitElement): void {
  if (visit(element, parent) !== false) visitChildren(element, visit);
}

function visitAll(list: readonly (ModelElement | undefined)[], parent: ModelElement | undefined, visit: VisitElement): void {
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (element !== undefined && element !== null && typeof element === 'object') visitOne(element, parent, visit);
  }
}

function visitChildren(element: ModelElement, visit: VisitElement): void {
  const keys = childKeys[element.kind];
  if (keys === undefined) return;
  for (let k = 0; k < keys.length; k++) {
    const list = (element as unknown as Record<string, readonly ModelElement[] | undefined>)[keys[k]!];
    if (list) visitAll(list, element, visit);
  }
}

/**
 * The parts of an element that are no declarations (they have no name of their
 * own): a context map's relationships, a saga's steps and reactions, a board's
 * stickies. The walk above does not visit them (the index, the outline and the
 * naming rules want declarations); counts of the model's elements
 * (model/element-census.ts) read them from here.
 */
export type ModelPart = Relationship | SagaStep | SagaReaction | Sticky;

const partKeys: Partial<Record<ElementKind, readonly string[]>> = {
  contextmap: ['relationships'],
  saga: ['steps', 'reactions'],
  storming: ['stickies'],
};

/** The lists of `element`'s nameless parts (holes after error recovery included). */
export function partLists(element: ModelElement): readonly (readonly (ModelPart | undefined)[])[] {
  const lists: (readonly (ModelPart | undefined)[])[] = [];
  for (const key of partKeys[element.kind as ElementKind] ?? none) {
    const list = (element as unknown as Record<string, readonly ModelPart[] | undefined>)[key];
    if (list) lists.push(list);
  }
  return lists;
}
