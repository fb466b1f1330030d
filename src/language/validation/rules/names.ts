/**
 * One name, one meaning: no declaration is given twice in the same scope, and
 * the parts of an open context agree with each other.
 */
import type { BoundedContext, Declaration, ElementKind } from '../../model/elements';
import { kindWords, qualifiedName } from '../../model/model';
import type { Accept, Rule, RuleSet } from '../rule';

/** Kinds that share one namespace: a value and an entity named alike would make a type name ambiguous. */
const declarationGroups: Partial<Record<ElementKind, string>> = {
  entity: 'type',
  value: 'type',
  enum: 'type',
  command: 'message',
  event: 'message',
};

export const duplicateName: Rule = {
  code: 'duplicate-name',
  severity: 'error',
  title: 'A name declared twice in the same scope',
  explanation:
    'Within one scope (the workspace for domains, subdomains, context maps, sagas and boards; a context or an aggregate for its members; ' +
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
    'A context may be declared in several places; its parts merge. Facts about the context as a whole — which subdomain it implements and ' +
    'which team owns it — are given at most once, so that no two files contradict each other.',
  example: 'context Sales { owner "Checkout team" }\ncontext Sales { owner "Growth team" }',
};

function reportDuplicates(accept: Accept, rule: Rule, declarations: Declaration[], scope: string): void {
  const seen = new Map<string, Declaration>();
  for (const declaration of declarations) {
    const group = declarationGroups[declaration.kind] ?? declaration.kind;
    const key = group + ' ' + declaration.name;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, declaration);
      continue;
    }
    const same = first.kind === declaration.kind ? '' : ` (as a ${kindWords[first.kind]})`;
    accept(rule, {
      uri: declaration.uri,
      range: declaration.nameRange,
      message: `${declaration.name} is already declared${same} ${scope}; rename one of them.`,
      related: [{ uri: first.uri, range: first.nameRange, message: `first declaration of ${qualifiedName(first)}` }],
    });
  }
}

function reportDuplicateMembers(accept: Accept, members: { name: string; uri: string; nameRange: { start: number; end: number } }[], where: string): void {
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.name)) {
      accept(duplicateMember, { uri: member.uri, range: member.nameRange, message: `${member.name} appears twice in ${where}.` });
    }
    seen.add(member.name);
  }
}

export const nameRules: RuleSet = {
  concern: 'names',
  summary: 'One name, one meaning in each scope; the parts of an open context agree.',
  rules: [duplicateName, duplicateInContext, duplicateMember, contextMergeConflict],
  check(model, accept) {
    reportDuplicates(accept, duplicateName, [...model.domains, ...model.subdomains, ...model.contextMaps, ...model.sagas, ...model.boards], 'in the workspace');
    for (const context of model.contexts.values()) {
      const where = `in context ${context.name}`;
      reportDuplicates(accept, duplicateName, [
        ...context.aggregates,
        ...context.repositories,
        ...context.services,
        ...context.streams,
        ...context.readModels,
        ...context.entities,
        ...context.values,
        ...context.enums,
        ...context.commands,
        ...context.events,
      ], where);
      const acrossAggregates: Declaration[] = [];
      for (const aggregate of context.aggregates) {
        const members = [...aggregate.entities, ...aggregate.values, ...aggregate.enums, ...aggregate.commands, ...aggregate.events];
        reportDuplicates(accept, duplicateName, members, `in aggregate ${aggregate.name}`);
        // the same name in two aggregates of one context: reported once per later aggregate
        const seen = new Set<string>();
        for (const member of members) {
          if (seen.has(member.name)) continue;
          seen.add(member.name);
          if (!(member.kind === 'entity' && member.root)) acrossAggregates.push(member);
        }
      }
      reportDuplicates(accept, duplicateInContext, acrossAggregates, where);
      reportDuplicateMembers(accept, context.glossary, `the glossary of ${context.name}`);
      for (const holder of [...context.aggregates.flatMap((a) => [...a.entities, ...a.values, ...a.commands, ...a.events]), ...context.entities, ...context.values, ...context.commands, ...context.events, ...context.readModels]) {
        reportDuplicateMembers(accept, holder.fields, `${kindWords[holder.kind]} ${holder.name}`);
      }
      for (const enumType of [...context.enums, ...context.aggregates.flatMap((a) => a.enums)]) {
        reportDuplicateMembers(accept, enumType.values, `enum ${enumType.name}`);
      }
      checkMergeConflicts(accept, context);
    }
  },
};

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
