/**
 * The workspace model: every document's declarations, with contexts merged
 * across files and every reference linked to its declaration.
 *
 * `buildModel` is a pure function of the parsed documents, so the language
 * server can rebuild the model after an edit without re-parsing the files that
 * did not change. Given the model before the edit, it re-uses what the edit
 * cannot have changed (the index, when no name changed, and the look-ups of the
 * names the edited file does not declare): the same model, in half the time
 * for a keystroke in a large workspace (test/model/index-after-edit.test.ts
 * holds the two ways equal).
 */
import type { ParsedDocument } from '../syntax/parse-document';
import type {
  Aggregate,
  BoundedContext,
  ContextMap,
  Declaration,
  DomainDeclaration,
  ElementKind,
  Reference,
  Requirement,
  Saga,
  StakeholderRegister,
  StormingBoard,
  Subdomain,
  Team,
  ValueRegister,
} from './elements';
import { isBuiltinType, isIdentityTypeName } from './builtin-types';
import { simpleName } from './qualified-names';
import { constructsIn } from '../syntax/constructs';
import { DeclarationIndex } from './declaration-index';
import { addContextMembers, allReferences, gatherDeclarations, indexModel, namedMemberKinds } from './gather-model';
import { indexAfterEdit, indexWork, linked, referencesToLookUpAgain, type Relink } from './index-after-edit';
import { linkStrategic } from './strategic-links';
import { linkTactical } from './tactical-links';

export interface DddModel {
  documents: ParsedDocument[];
  domains: DomainDeclaration[];
  subdomains: Subdomain[];
  /** Bounded contexts by name, in the order they are first declared. */
  contexts: Map<string, BoundedContext>;
  contextMaps: ContextMap[];
  sagas: Saga[];
  boards: StormingBoard[];
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  teams: Team[];
  /** Use cases and user stories. */
  requirements: Requirement[];
  stakeholders: StakeholderRegister[];
  valueRegisters: ValueRegister[];
  references: Reference[];
  /**
   * The references the linker could not settle on one declaration (none found, or several), in order;
   * not the types that need no declaration (built-in types, identity types such as `OrderId`).
   */
  unsettled: Reference[];
  /** Every named declaration by simple name, in declaration order. */
  index: DeclarationIndex;
}

/**
 * The model of `documents`. `previous`: the model of the same documents before an edit of one of
 * them, whose index is reused when the edit changed no name (see indexAfterEdit); the result is
 * the same as without it.
 */
export function buildModel(documents: ParsedDocument[], previous?: DddModel): DddModel {
  const model = gatherDeclarations(documents, true);
  model.references = allReferences(documents);
  const edit = previous === undefined ? undefined : indexAfterEdit(previous, model);
  if (edit) {
    model.index = edit.index;
    indexWork.replaced++;
    // what the rules linked after the look-ups of the last build (exposed aggregates, states, operations) goes
    // back to what look-up found: every other reference of the documents linked by `previous` holds it still
    // (the last noted first: a reference linked twice gets back what look-up found, noted the first time)
    const relinks = relinkedBy.get(previous!) ?? [];
    for (let i = relinks.length - 1; i >= 0; i--) {
      const { reference, target, candidates } = relinks[i]!;
      // the edited file's references are new objects (those of `previous` stay as that model has them)
      if (reference.uri === edit.document.uri) continue;
      reference.target = target;
      reference.candidates = candidates;
    }
  } else {
    indexModel(model, model.index);
    indexWork.whole++;
  }
  for (const document of documents) {
    let unsettled: Reference[];
    if (edit === undefined || document === edit.document) {
      unsettled = [];
      for (const reference of document.references) {
        lookUp(model, reference);
        if (isUnsettled(reference)) unsettled.push(reference);
      }
    } else {
      // after an edit that changed no name, a reference elsewhere finds what it found before, unless it names
      // a declaration of the edited document or a context (new objects), or goes through a context (`A.B`)
      const again = referencesToLookUpAgain(document, edit.names);
      for (const reference of again) lookUp(model, reference);
      const last = unsettledIn.get(document);
      if (again.length === 0 && last !== undefined && last.model === previous) unsettled = last.unsettled;
      else {
        unsettled = [];
        for (const reference of document.references) if (isUnsettled(reference)) unsettled.push(reference);
      }
    }
    unsettledIn.set(document, { model, unsettled });
    for (const reference of unsettled) model.unsettled.push(reference);
  }
  const relinked: Relink[] = [];
  linkSubdomains(model);
  linkStrategic(model, relinked);
  linkTactical(model, relinked);
  relinkedBy.set(model, relinked);
  linked(model);
  return model;
}

/** The references each build's rules linked after the look-ups (strategic-links.ts, tactical-links.ts): the next build puts back what look-up found. */
const relinkedBy = new WeakMap<DddModel, Relink[]>();

/** The references a document left unsettled in the last build that linked it, in order: the next build keeps them when none was looked up again. */
const unsettledIn = new WeakMap<ParsedDocument, { model: DddModel; unsettled: Reference[] }>();

/** A reference that settles on no declaration and should (not a type that needs none): one of the model's `unsettled`. */
function isUnsettled(reference: Reference): boolean {
  return isLookedUp(reference) && reference.target === undefined && !namesUndeclaredType(reference);
}

/** The kinds that may stand in an aggregate (and in a context outside any aggregate). */
const buildingBlockKinds: ReadonlySet<string> = new Set(constructsIn('aggregate').flatMap((row) => (row.kind ? [row.kind] : [])));

/** The members of each context (in or out of its aggregates) by simple name, built on first use. */
const contextIndexes = new WeakMap<BoundedContext, DeclarationIndex>();

/** A context's members (aggregates, their members, its own building blocks, repositories, services, streams, read models) by simple name. */
export function membersOfContext(model: DddModel, contextName: string): DeclarationIndex | undefined {
  const context = model.contexts.get(contextName);
  if (!context) return undefined;
  let members = contextIndexes.get(context);
  if (!members) {
    members = new DeclarationIndex();
    addContextMembers(members, context);
    contextIndexes.set(context, members);
  }
  return members;
}

/** The context a declaration is a member of, if it is one (aggregates, their members, repositories, services, streams, read models). */
export function memberContext(declaration: Declaration): string | undefined {
  return namedMemberKinds.has(declaration.kind) ? (declaration as Declaration & { contextName: string }).contextName : undefined;
}

function isInAggregate(declaration: Declaration, aggregate: Aggregate): boolean {
  if (declaration.kind === 'aggregate') return declaration === aggregate;
  return buildingBlockKinds.has(declaration.kind) && (declaration as Declaration & { aggregate?: Aggregate }).aggregate === aggregate;
}

/**
 * The declarations of a name that is declared more than once, grouped by their
 * context, built on first use (`Money` declared in every context is looked up
 * from each of them).
 */
const byContextCache = new WeakMap<readonly Declaration[], Map<string, Declaration[]>>();

function candidatesInContext(candidates: readonly Declaration[], contextName: string): Declaration[] | undefined {
  let byContext = byContextCache.get(candidates);
  if (!byContext) {
    byContext = new Map();
    for (const candidate of candidates) {
      const owner = memberContext(candidate);
      if (owner === undefined) continue;
      const list = byContext.get(owner);
      if (list) list.push(candidate);
      else byContext.set(owner, [candidate]);
    }
    byContextCache.set(candidates, byContext);
  }
  return byContext.get(contextName);
}

/** Whether a reference names a declaration to look up: it expects a kind, and is no built-in type (those stay unlinked even when declared). */
function isLookedUp(reference: Reference): boolean {
  const { expected } = reference;
  return expected.length > 0 && !(expected.includes('entity') && isBuiltinType(reference.text));
}

/**
 * Looks a reference's name up: a qualified name through its context (and aggregate); a
 * simple name in the reference's aggregate first, then its context, then the
 * workspace. Most names are declared once, which one look-up settles. Several
 * that fit are its candidates. False when it names nothing by design: it
 * expects no kind, or it is a built-in type.
 */
function lookUp(model: DddModel, reference: Reference): boolean {
  reference.target = undefined;
  reference.candidates = undefined;
  if (!isLookedUp(reference)) return false;
  const { expected } = reference;
  const name = reference.text;
  const entry = model.index.entry(name);
  if (entry === undefined) {
    // the index holds simple names only
    if (name.includes('.')) resolveQualified(model, reference, name.split('.'));
    return true;
  }
  if (!isList(entry)) {
    if (expected.includes(entry.kind)) reference.target = entry;
    return true;
  }
  if (reference.scopeContext !== undefined) {
    const inContext = candidatesInContext(entry, reference.scopeContext);
    if (inContext) {
      if (reference.scopeAggregate && settleAmong(reference, inContext, reference.scopeAggregate)) return true;
      if (settleAmong(reference, inContext)) return true;
    }
  }
  settleAmong(reference, entry);
  return true;
}

/**
 * A type reference that found no declaration and needs none: a built-in type, or an
 * identity type (`OrderId`, `UUID`), which a model may use without declaring it.
 * Several candidates are still a finding (the name is ambiguous).
 */
function namesUndeclaredType(reference: Reference): boolean {
  return reference.candidates === undefined && isTypeReference(reference) && (isIdentityTypeName(simpleName(reference.text)) || isBuiltinType(reference.text));
}

/**
 * Settles a reference among the declarations of its name (in `aggregate` only,
 * when given): the ones of the first expected kind that has any. False when
 * none has an expected kind. It allocates nothing for the usual single match
 * (it runs for every use of a name like `Money` that many contexts declare).
 */
function settleAmong(reference: Reference, candidates: readonly Declaration[], aggregate?: Aggregate): boolean {
  for (const kind of reference.expected) {
    let found: Declaration | undefined;
    let several: Declaration[] | undefined;
    for (const candidate of candidates) {
      if (candidate.kind !== kind || (aggregate !== undefined && !isInAggregate(candidate, aggregate))) continue;
      if (found === undefined) found = candidate;
      else (several ??= [found]).push(candidate);
    }
    if (several) {
      reference.candidates = aggregate === undefined ? sharedCandidates(candidates, kind, several) : several;
      return true;
    }
    if (found) {
      reference.target = found;
      return true;
    }
  }
  return false;
}

/**
 * The candidates of a kind among the declarations of a name, one list for every reference that finds
 * them (a name declared in a hundred contexts and used a thousand times): what is said of them (the
 * ambiguity's message, validation/rules/references.ts) is then worked out once per list. Read only.
 */
const candidatesByKind = new WeakMap<readonly Declaration[], Map<ElementKind, Declaration[]>>();

function sharedCandidates(declarations: readonly Declaration[], kind: ElementKind, found: Declaration[]): Declaration[] {
  let byKind = candidatesByKind.get(declarations);
  if (!byKind) candidatesByKind.set(declarations, (byKind = new Map()));
  const known = byKind.get(kind);
  if (known) return known;
  byKind.set(kind, found);
  return found;
}

function isList(entry: Declaration | readonly Declaration[]): entry is readonly Declaration[] {
  return Array.isArray(entry);
}

function resolveQualified(model: DddModel, reference: Reference, parts: string[]): void {
  const [first, second, third] = parts as [string, string, string | undefined];
  if (parts.length > 3) return;
  if (reference.expected.includes('subdomain')) {
    const domain = model.domains.find((candidate) => candidate.name === first);
    const subdomain = domain?.subdomains.find((candidate) => candidate.name === second);
    if (subdomain) reference.target = subdomain;
    return;
  }
  const members = membersOfContext(model, first);
  if (!members) return;
  if (third === undefined) {
    const named = members.get(second);
    if (named) settleAmong(reference, named);
    return;
  }
  const aggregate = members.get(second)?.find((member): member is Aggregate => member.kind === 'aggregate');
  const named = members.get(third);
  if (aggregate && named) settleAmong(reference, named, aggregate);
}

function linkSubdomains(model: DddModel): void {
  for (const context of model.contexts.values()) {
    for (const declaration of context.declarations) {
      for (const reference of declaration.implements) {
        const subdomain = reference.target;
        if (subdomain?.kind !== 'subdomain') continue;
        if (!context.subdomains.includes(subdomain)) context.subdomains.push(subdomain);
        // the contexts are linked one after the other: a context already listed is the last one (hundreds may implement one subdomain)
        if (subdomain.implementedBy[subdomain.implementedBy.length - 1] !== context) subdomain.implementedBy.push(context);
      }
    }
  }
}

/** Whether a reference names a type (a field's, a parameter's, a type argument): values and enums are what it expects. */
export function isTypeReference(reference: Reference): boolean {
  return reference.expected.includes('value') && reference.expected.includes('enum');
}

/** `Sales.Order`, `Sales.Order.OrderItem`, or the plain name for top-level declarations. */
export function qualifiedName(declaration: Declaration): string {
  switch (declaration.kind) {
    case 'subdomain':
      return `${declaration.domain.name}.${declaration.name}`;
    default: {
      // a context's members (and its glossary terms), with their aggregate when they have one
      if (!('contextName' in declaration)) return declaration.name;
      const aggregate = buildingBlockKinds.has(declaration.kind) ? (declaration as Declaration & { aggregate?: Aggregate }).aggregate : undefined;
      return aggregate ? `${declaration.contextName}.${aggregate.name}.${declaration.name}` : `${declaration.contextName}.${declaration.name}`;
    }
  }
}

/** Words for a declaration's kind, as a DDD practitioner says them. */
export const kindWords: Record<ElementKind | 'contextDeclaration', string> = {
  domain: 'domain',
  subdomain: 'subdomain',
  context: 'bounded context',
  contextDeclaration: 'bounded context',
  contextmap: 'context map',
  relationship: 'relationship',
  aggregate: 'aggregate',
  entity: 'entity',
  value: 'value object',
  enum: 'enum',
  command: 'command',
  event: 'domain event',
  repository: 'repository',
  service: 'domain service',
  stream: 'event stream',
  readmodel: 'read model',
  saga: 'saga',
  storming: 'event storming board',
  term: 'glossary term',
  field: 'field',
  operation: 'operation',
  enumValue: 'enum value',
  sagaStep: 'saga step',
  reaction: 'saga reaction',
  sticky: 'sticky note',
  // ---- Context Mapper parity (issue 13)
  team: 'team',
  usecase: 'use case',
  story: 'user story',
  stakeholders: 'stakeholders',
  stakeholderGroup: 'stakeholder group',
  stakeholder: 'stakeholder',
  valueRegister: 'value register',
  valueCluster: 'value cluster',
  valueItem: 'value',
  module: 'module',
  application: 'application layer',
  flow: 'flow',
  flowStep: 'flow step',
  coordination: 'coordination',
};
