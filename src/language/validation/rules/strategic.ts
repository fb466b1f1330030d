/**
 * Strategic design: subdomains say what kind of investment they deserve, bounded
 * contexts implement subdomains, and external systems are modelled only as far as
 * we integrate with them.
 */
import type { BoundedContext, Declaration } from '../../model/elements';
import { kindWords, qualifiedName, type DddModel } from '../../model/model';
import { boundedItems, boundedList } from '../../util/bounded-list';
import { internalMemberKeys } from '../../syntax/constructs';
import type { Accept, Rule, RuleSet } from '../rule';
import { attributeValue, checkAttributeValues } from './attribute-values';
import { withArticle } from '../../util/article';

export const subdomainType: Rule = {
  code: 'subdomain-type',
  severity: 'warning',
  title: 'A subdomain without a type',
  explanation:
    'Classifying subdomains is how DDD decides where to invest. The core domain is what makes the business unique: build it in-house, with the best people. ' +
    'A supporting subdomain is necessary but not differentiating: build it simply or buy it. A generic subdomain is commodity (payments, e-mail, authentication): buy it. ' +
    'Write `core`, `supporting` or `generic` before `subdomain`.',
  example: 'domain Shop {\n  subdomain Ordering\n}',
};

export const contextImplements: Rule = {
  code: 'context-implements',
  severity: 'error',
  title: '`implements` naming something other than a subdomain',
  explanation:
    'A bounded context is the solution space: the boundary of one model. A subdomain is the problem space: a part of the business. ' +
    '`implements` says which subdomain(s) a context\'s model serves, so it names subdomains, not domains or other contexts ' +
    '(contexts relate to each other on a context map). Name the subdomain, for example one of the domain\'s subdomains.',
  example: 'domain Shop { core subdomain Ordering }\ncontext Sales implements Shop',
};

export const externalCore: Rule = {
  code: 'external-core',
  severity: 'warning',
  title: 'An external system implementing a core subdomain',
  explanation:
    'The core domain is what makes the business unique and competitive: it is built in-house, with the most investment and the best engineers. ' +
    'A system we do not own cannot give us that edge. Either the subdomain is not core (an off-the-shelf system implies supporting or generic), ' +
    'or the context should be ours: remove `external`, or change the subdomain\'s type.',
  example: 'domain Shop { core subdomain Pricing }\ncontext PricingEngine external implements Pricing',
};

export const externalInternals: Rule = {
  code: 'external-internals',
  severity: 'warning',
  title: 'An external system modelled from the inside',
  explanation:
    'An external context is a system we do not own. Its aggregates, repositories, services and event streams are its own business and may change without notice; ' +
    'what we depend on is its published interface (the events, commands and types it exposes). Model only that, and keep its concepts out of our model ' +
    'with an anti-corruption layer on our side: `LegacyErp -> Inventory [ACL]`.',
  example: 'context LegacyErp external {\n  aggregate Article { root entity Article { id: ArticleId } }\n}',
};

export const contextUnmapped: Rule = {
  code: 'context-unmapped',
  severity: 'info',
  title: 'A context that no context map mentions',
  explanation:
    'A context map shows how every bounded context integrates with the others. A context left off the map is either isolated (then say so) or its relationships are still to be drawn. ' +
    'Add it to a context map: in a relationship, or, when it has none yet, in the map\'s `contains A, B` line.',
  example: 'context Sales\ncontext Reporting\ncontextmap Shop {\n  Sales -> Billing\n}',
};

export const coreWithoutContext: Rule = {
  code: 'core-without-context',
  severity: 'info',
  title: 'A core subdomain that no context implements',
  explanation:
    'The core domain is where the business gets its edge, so it deserves a bounded context of its own: a model built in-house. ' +
    'Say which context implements it (`context Sales implements Ordering`).',
  example: 'domain Shop { core subdomain Ordering }\ncontext Sales',
};

function checkImplements(context: BoundedContext, accept: Accept): void {
  for (const declaration of context.declarations) {
    for (const reference of declaration.implements) {
      // unresolved names are unknown-reference's; the linker only resolves `implements` to subdomains today,
      // so this guards the model against a wider resolution rather than repeating unknown-reference
      const target: Declaration | undefined = reference.target;
      if (target && target.kind !== 'subdomain') {
        const subdomains = target.kind === 'domain' ? target.subdomains.map((subdomain) => subdomain.name) : [];
        const hint = subdomains.length ? ` (one of ${target.name}'s: ${boundedList(subdomains)})` : '';
        accept(contextImplements, {
          uri: reference.uri,
          range: reference.range,
          message: `${reference.text} is ${withArticle(kindWords[target.kind])}, not a subdomain: a context implements subdomains${hint}.${target.kind === 'context' ? ' Relate contexts on a context map.' : ''}`,
          data: { name: reference.text, kind: target.kind, subdomains },
        });
        continue;
      }
      if (target?.kind === 'subdomain' && target.type === 'core' && context.external) {
        accept(externalCore, {
          uri: reference.uri,
          range: reference.range,
          message: `${context.name} is external but implements the core subdomain ${target.name}: your core domain is what makes you unique, so build it in-house. Remove 'external', or make ${target.name} supporting or generic.`,
          data: { context: context.name, subdomain: qualifiedName(target) },
        });
      }
    }
  }
}

function checkExternalInternals(context: BoundedContext, accept: Accept): void {
  if (!context.external) return;
  const internals = internalMemberKeys.flatMap<Declaration>((key) => context[key]);
  const first = internals.sort((a, b) => (a.uri === b.uri ? a.range.start - b.range.start : a.uri < b.uri ? -1 : 1))[0];
  if (!first) return;
  const listed = boundedList(internals.map((internal) => `${kindWords[internal.kind]} ${internal.name}`), { limit: 3 });
  accept(externalInternals, {
    uri: first.uri,
    range: first.nameRange,
    message: `${context.name} is external, yet its model is declared here (${listed}): model only its published interface (events, commands, types), and translate it in an anti-corruption layer on our side (${context.name} -> OurContext [ACL]).`,
    related: boundedItems(internals.slice(1)).map((internal) => ({ uri: internal.uri, range: internal.nameRange, message: `${kindWords[internal.kind]} ${internal.name}` })),
    data: { context: context.name, internals: boundedItems(internals.map((internal) => qualifiedName(internal))) },
  });
}

function mappedContexts(model: DddModel): Set<BoundedContext> {
  const mapped = new Set<BoundedContext>();
  for (const map of model.contextMaps) {
    // `contains A, B`: on the map without a relationship (issue 13)
    for (const reference of map.contains ?? []) if (reference.target?.kind === 'context') mapped.add(reference.target);
    for (const relationship of map.relationships) {
      for (const side of [relationship.left, relationship.right]) {
        const target = side.context?.target;
        if (target?.kind === 'context') mapped.add(target);
      }
    }
  }
  return mapped;
}

function checkCoreImplemented(model: DddModel, accept: Accept): void {
  if (model.contexts.size === 0) return; // still exploring the problem space: nothing to say yet
  for (const subdomain of model.subdomains) {
    if (subdomain.type !== 'core' || subdomain.implementedBy.length > 0) continue;
    accept(coreWithoutContext, {
      uri: subdomain.uri,
      range: subdomain.nameRange,
      message: `No context implements the core subdomain ${subdomain.name}: give it a bounded context of its own (context … implements ${subdomain.name}).`,
      data: { subdomain: qualifiedName(subdomain) },
    });
  }
}

export const strategicRules: RuleSet = {
  concern: 'strategic',
  summary: 'Subdomains are classified (core, supporting, generic), contexts implement subdomains, and external systems are modelled only by their published interface.',
  rules: [subdomainType, contextImplements, externalCore, externalInternals, contextUnmapped, coreWithoutContext, attributeValue],
  check(model, accept) {
    checkAttributeValues(model, accept);
    for (const subdomain of model.subdomains) {
      if (subdomain.type) continue;
      accept(subdomainType, {
        uri: subdomain.uri,
        range: subdomain.nameRange,
        message: `Subdomain ${subdomain.name} has no type: write core, supporting or generic before 'subdomain' (core: build in-house; supporting: build simply or buy; generic: buy).`,
        data: { subdomain: qualifiedName(subdomain), types: ['core', 'supporting', 'generic'], insertAt: subdomain.range.start },
      });
    }
    const mapped = model.contextMaps.length > 0 ? mappedContexts(model) : undefined;
    for (const context of model.contexts.values()) {
      checkImplements(context, accept);
      checkExternalInternals(context, accept);
      if (mapped && !mapped.has(context)) {
        accept(contextUnmapped, {
          uri: context.uri,
          range: context.nameRange,
          message: `${context.name} appears in no context map: add its relationships to one, so that readers see how it integrates.`,
          data: { context: context.name, maps: model.contextMaps.map((map) => map.name) },
        });
      }
    }
    checkCoreImplemented(model, accept);
  },
};
