/**
 * One name, one meaning: no declaration is given twice in the same scope, and
 * the parts of an open context agree with each other.
 */
import type { DeclarationIndex } from '../../model/declaration-index';
import type { BoundedContext, Declaration, ElementKind } from '../../model/elements';
import { kindWords, memberContext, qualifiedName } from '../../model/model';
import { childLists, forEachElement } from '../../model/element-tree';
import { documentRuleSet, type Accept, type Rule, type RuleSet } from '../rule';
import { withArticle } from '../../util/article';

/** Kinds that share one namespace: a value and an entity named alike would make a type name ambiguous. */
const declarationGroups: Partial<Record<ElementKind, string>> = {
  entity: 'type',
  value: 'type',
  enum: 'type',
  command: 'message',
  event: 'message',
  // issue 13: `features` and `supports` name either
  usecase: 'requirement',
  story: 'requirement',
};

export const duplicateName: Rule = {
  code: 'duplicate-name',
  severity: 'error',
  title: 'A name declared twice in the same scope',
  explanation:
    'Within one scope (the workspace for domains, context maps, sagas and boards; a domain for its subdomains; a context or an aggregate for its members; ' +
    'a structure for its fields) a name must denote one thing, or references to it become ambiguous. ' +
    'Contexts are the exception: `context Sales` may appear in several files and its parts merge. Rename or remove one of the two.',
  example: 'context Sales {\n  aggregate Order { root entity Order { id: OrderId } }\n  aggregate Order { root entity Order { id: OrderId } }\n}',
};

export const duplicateInContext: Rule = {
  code: 'duplicate-in-context',
  severity: 'warning',
  title: 'Two aggregates of one context declare the same name',
  explanation:
    "A bounded context has one ubiquitous language: the same term should not mean two things inside it. When two aggregates each declare `Money`, " +
    'a bare `Money` elsewhere in the context is ambiguous. Move the shared type to the context level, or give the two different names.',
  example: 'context Sales {\n  aggregate Order { root entity Order { id: OrderId }  value Money { amount: Decimal } }\n  aggregate Cart { root entity Cart { id: CartId }  value Money { cents: Int } }\n}',
};

export const duplicateMember: Rule = {
  code: 'duplicate-member',
  severity: 'error',
  title: 'A field, parameter, enum value or glossary term given twice',
  explanation: 'Each field of an entity, value object, command or event, each parameter of an operation and each value of an enum has its own name.',
  example: 'context Sales { value Money { amount: Decimal  amount: Int } }',
};

export const contextMergeConflict: Rule = {
  code: 'context-merge-conflict',
  severity: 'error',
  title: 'The parts of an open context disagree',
  explanation:
    'A context may be declared in several places; its parts merge. Facts about the context as a whole — which subdomain it implements, ' +
    'which team owns it, and its enumerated attributes (`kind`, `knowledge`, `evolution`) — are given at most once, so that no two files contradict each other.',
  example: 'context Sales { owner "Checkout team" }\ncontext Sales { owner "Growth team" }',
};

/**
 * Reports the second and later declarations of a name within one scope.
 * `lists` are read in order without being joined; `scope` is only worded when
 * there is something to report.
 */
function reportDuplicates(accept: Accept, index: DeclarationIndex, rule: Rule, lists: readonly (readonly Declaration[])[], scope: () => string): void {
  let seen: Map<string, Map<string, Declaration>> | undefined;
  for (const list of lists) {
    for (const declaration of list) {
      // a name declared once in the workspace clashes with nothing: most names, and no map to fill for them
      if (!index.isShared(declaration.name)) continue;
      seen ??= new Map();
      const group = declarationGroups[declaration.kind] ?? declaration.kind;
      let names = seen.get(group);
      if (!names) seen.set(group, (names = new Map()));
      const first = names.get(declaration.name);
      if (!first) {
        names.set(declaration.name, declaration);
        continue;
      }
      const same = first.kind === declaration.kind ? '' : ` (as ${withArticle(kindWords[first.kind])})`;
      accept(rule, {
        uri: declaration.uri,
        range: declaration.nameRange,
        message: `${declaration.name} is already declared${same} ${scope()}; rename one of them.`,
        related: [{ uri: first.uri, range: first.nameRange, message: `first declaration of ${qualifiedName(first)}` }],
      });
    }
  }
}

interface Member {
  name: string;
  uri: string;
  nameRange: { start: number; end: number };
}

function reportDuplicateMembers(accept: Accept, members: readonly Member[], where: () => string): void {
  // members lists are short: comparing pairs beats building a set
  for (let i = 1; i < members.length; i++) {
    const name = members[i]!.name;
    for (let j = 0; j < i; j++) {
      if (members[j]!.name !== name) continue;
      accept(duplicateMember, { uri: members[i]!.uri, range: members[i]!.nameRange, message: `${name} appears twice in ${where()}.` });
      break;
    }
  }
}

/**
 * The contexts where two members may clash: those holding two declarations of one name in one
 * group (two types, two messages, two aggregates…). Every member of a context, in or out of its
 * aggregates, is indexed with its context, so the other contexts are skipped without reading
 * them (an aggregate and its root entity share a name, but not a group: they never clash).
 */
function contextsWithSharedNames(index: DeclarationIndex): Set<string> {
  const contexts = new Set<string>();
  for (const name of index.sharedNames()) {
    const seen = new Set<string>();
    for (const declaration of index.get(name) ?? []) {
      const context = memberContext(declaration);
      if (context === undefined) continue;
      const key = `${declarationGroups[declaration.kind] ?? declaration.kind} ${context}`;
      if (seen.has(key)) contexts.add(context);
      else seen.add(key);
    }
  }
  return contexts;
}

/** Names declared twice in a context, in one of its aggregates, or in two of its aggregates. */
function checkContextNames(accept: Accept, index: DeclarationIndex, context: BoundedContext): void {
  const where = () => `in context ${context.name}`;
  // the context's own declarations (its glossary terms are members, checked below)
  reportDuplicates(accept, index, duplicateName, childLists(context).filter((list) => list !== context.glossary) as Declaration[][], where);
  const acrossAggregates: Declaration[] = [];
  for (const aggregate of context.aggregates) {
    const members = childLists(aggregate) as Declaration[][];
    reportDuplicates(accept, index, duplicateName, members, () => `in aggregate ${aggregate.name}`);
    // the same name in two aggregates of one context: each aggregate's names once, roots aside
    if (context.aggregates.length < 2) continue;
    for (const list of members) {
      for (const member of list) {
        if (member.kind === 'entity' && member.root) continue;
        if (index.isShared(member.name)) acrossAggregates.push(member);
      }
    }
  }
  if (acrossAggregates.length > 1) reportAcrossAggregates(accept, acrossAggregates, where);
}

/**
 * Names declared twice need the whole model; the members of one structure (its fields, an enum's
 * values) are checked where the structure is written, and an unchanged document keeps those findings.
 */
export const nameRules: RuleSet = documentRuleSet({
  concern: 'names',
  summary: 'One name, one meaning in each scope; the parts of an open context agree.',
  rules: [duplicateName, duplicateInContext, duplicateMember, contextMergeConflict],
  checkModel(model, accept) {
    const { index } = model;
    reportDuplicates(accept, index, duplicateName, [model.domains, model.contextMaps, model.sagas, model.boards, model.teams, model.requirements, model.valueRegisters], () => 'in the workspace');
    // subdomains are named within their domain (`Shop.Payments`): two domains may each have one of a name, and a bare use of it is ambiguous where it is written
    const subdomainsByDomain = new Map<string, Declaration[]>();
    for (const subdomain of model.subdomains) {
      const list = subdomainsByDomain.get(subdomain.domain.name);
      if (list) list.push(subdomain);
      else subdomainsByDomain.set(subdomain.domain.name, [subdomain]);
    }
    for (const [domain, subdomains] of subdomainsByDomain) reportDuplicates(accept, index, duplicateName, [subdomains], () => `in domain ${domain}`);
    const crowded = contextsWithSharedNames(index);
    for (const context of model.contexts.values()) {
      // a context without a name declared twice anywhere has nothing to clash: skipped without reading its members
      if (crowded.has(context.name)) checkContextNames(accept, index, context);
      // a context's glossary gathers the terms of all its blocks
      reportDuplicateMembers(accept, context.glossary, () => `the glossary of ${context.name}`);
      checkMergeConflicts(accept, context);
    }
  },
  checkDeclaration(declaration, accept) {
    // the fields of each member of a context block and of its aggregates (structures, commands, events, read models), the values of each enum
    if (declaration.kind !== 'contextDeclaration') return;
    forEachElement(declaration, (holder) => {
      if (holder.kind === 'aggregate') return true;
      const members = holder.kind === 'enum' ? holder.values : (holder as { fields?: readonly Member[] }).fields;
      if (members && members.length > 1) reportDuplicateMembers(accept, members, () => `${holder.kind === 'enum' ? 'enum' : kindWords[holder.kind]} ${holder.name}`);
      return false;
    });
  },
});

/** A name declared in two aggregates of one context (reported on the later ones; a name twice in one aggregate is duplicate-name's). */
function reportAcrossAggregates(accept: Accept, members: Declaration[], where: () => string): void {
  const first = new Map<string, Declaration>();
  for (const member of members) {
    const group = (declarationGroups[member.kind] ?? member.kind) + ' ' + member.name;
    const earlier = first.get(group);
    if (!earlier) {
      first.set(group, member);
      continue;
    }
    if (earlier.kind !== 'aggregate' && 'aggregate' in earlier && 'aggregate' in member && earlier.aggregate !== undefined && earlier.aggregate === member.aggregate) continue;
    const same = earlier.kind === member.kind ? '' : ` (as ${withArticle(kindWords[earlier.kind])})`;
    accept(duplicateInContext, {
      uri: member.uri,
      range: member.nameRange,
      message: `${member.name} is already declared${same} ${where()}; rename one of them.`,
      related: [{ uri: earlier.uri, range: earlier.nameRange, message: `first declaration of ${qualifiedName(earlier)}` }],
    });
  }
}

function checkMergeConflicts(accept: Accept, context: BoundedContext): void {
  const withImplements = context.declarations.filter((declaration) => declaration.implements.length > 0);
  for (const declaration of withImplements.slice(1)) {
    accept(contextMergeConflict, {
      uri: declaration.uri,
      range: declaration.implements[0]!.range,
      message: `Context ${context.name} already says which subdomain it implements elsewhere; give 'implements' once.`,
      related: [{ uri: withImplements[0]!.uri, range: withImplements[0]!.implements[0]!.range, message: 'first implements' }],
    });
  }
  // ---- issue 13: a context's attribute lines, like its owner, are given once across its blocks
  const firstSaid = new Map<string, { uri: string; range: { start: number; end: number } }>();
  for (const declaration of context.declarations) {
    for (const setting of declaration.attributes ?? []) {
      const first = firstSaid.get(setting.keyword.text);
      if (!first) {
        firstSaid.set(setting.keyword.text, { uri: declaration.uri, range: setting.keyword.range });
        continue;
      }
      if (first.uri === declaration.uri && first.range.start === setting.keyword.range.start) continue;
      accept(contextMergeConflict, {
        uri: declaration.uri,
        range: setting.keyword.range,
        message: `Context ${context.name} already says its ${setting.keyword.text}; give '${setting.keyword.text}' once.`,
        related: [{ uri: first.uri, range: first.range, message: `first ${setting.keyword.text}` }],
      });
    }
  }
  // ---- end of the attribute lines
  const withOwner = context.declarations.filter((declaration) => declaration.owner);
  for (const declaration of withOwner.slice(1)) {
    accept(contextMergeConflict, {
      uri: declaration.uri,
      range: declaration.owner!.range,
      message: `Context ${context.name} already has an owner (${withOwner[0]!.owner!.text}); give 'owner' once.`,
      related: [{ uri: withOwner[0]!.uri, range: withOwner[0]!.owner!.range, message: 'first owner' }],
    });
  }
}
