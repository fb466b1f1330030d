/**
 * Aggregates, entities, value objects and repositories: one root per aggregate,
 * other aggregates held by id, identity where it belongs, repositories for roots.
 */
import { simpleName } from '../../model/qualified-names';
import { isBuiltinType, isIdentityTypeName } from '../../model/builtin-types';
import type { Aggregate, Entity, Field, Repository, TypeReference, ValueObject } from '../../model/elements';
import { inheritedFields } from '../../model/inheritance';
import { kindWords, qualifiedName, type DddModel } from '../../model/model';
import { documentRuleSet, type Accept, type Rule, type RuleSet } from '../rule';

export const aggregateRoot: Rule = {
  code: 'aggregate-root',
  severity: 'error',
  title: 'An aggregate has exactly one root entity',
  explanation:
    'An aggregate is a cluster of objects changed together as one unit. Its root entity is the single entry point: it guards the invariants, ' +
    'and it is the only member other objects may hold on to. Mark exactly one entity of each aggregate with `root` — usually the one named like ' +
    'the aggregate — and declare root entities only inside aggregates. (An aggregate with no root marked yet is a sketch: aggregate-sketch says what to mark.)',
  example: 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n    root entity OrderLine { id: OrderLineId }   // a second root\n  }\n}',
};

export const referenceById: Rule = {
  code: 'reference-by-id',
  severity: 'warning',
  title: 'Other aggregates are referenced by id only',
  explanation:
    'Each aggregate is a consistency boundary, loaded and saved as a whole. A field that holds an entity of another aggregate ' +
    'drags that aggregate into this one: both would have to be loaded, locked and kept consistent together. Hold the other aggregate ' +
    "by its root's identity instead (`customer: CustomerId`) and load it through its own repository when needed.",
  example:
    'context Sales {\n  aggregate Order { root entity Order { id: OrderId } }\n}\n' +
    'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId  owner: Order }   // owner: OrderId\n  }\n}',
};

export const valueObjectIdentity: Rule = {
  code: 'value-object-identity',
  severity: 'warning',
  title: 'A value object has no identity',
  explanation:
    'A value object is defined by its attributes alone: two `Money` values with the same amount and currency are the same, and a value ' +
    'is replaced rather than changed. An identity field (`id`, or one typed after the value, `WeightId`) contradicts that. ' +
    'A value that wraps an identity (`value CustomerId { id: String }`, named `…Id`) is the standard way to type identities and is fine. ' +
    'Remove the field, or, if the thing really has a life cycle and must be told apart from its equals, make it an entity.',
  example: 'context Warehouse {\n  value Weight { id: WeightId  grams: Int }\n}',
};

export const entityIdentity: Rule = {
  code: 'entity-identity',
  severity: 'warning',
  title: 'An entity has an identity',
  explanation:
    'An entity is defined by its identity, not by its attributes: an order stays the same order while its items and status change. ' +
    'Give every entity an identity field, `id: OrderId` (an undeclared type ending in `Id` is an identity type). Any field marked `key` ' +
    '(`key voyageNumber: String`), named `<something>Id` (`claimId: Long`), typed `<Something>Id` (`trackingId: TrackingId`) or named as the ' +
    "entity's own number (`policyNr` of a Policy, `voyageNumber` of a Voyage) is an identity, and so is one the entity inherits (`extends`). " +
    'An entity with no field yet is still a sketch: it is not asked for an identity. ' +
    'If the thing has no identity of its own, it is a value object.',
  example: 'context Sales {\n  aggregate Order {\n    root entity Order { placedAt: DateTime }   // add id: OrderId\n  }\n}',
};

export const repositoryForRoot: Rule = {
  code: 'repository-for-root',
  severity: 'error',
  title: 'A repository is for an aggregate root',
  explanation:
    'A repository loads and saves whole aggregates, through their root, so that the invariants the root guards always hold. ' +
    'A repository for a value object, an enum or an entity inside an aggregate would let code change part of an aggregate behind its root. ' +
    'Point the repository at the aggregate (or its root entity) instead.',
  example: 'context Warehouse {\n  aggregate Parcel {\n    root entity Parcel { id: ParcelId }\n    value Weight { grams: Int }\n  }\n  repository ParcelLines for Weight   // for Parcel\n}',
};

export const repositoryPerRoot: Rule = {
  code: 'repository-per-root',
  severity: 'warning',
  title: 'One repository per aggregate',
  explanation:
    'Each aggregate has one repository: the one place that loads and saves it. Two repositories for the same aggregate split its ' +
    'persistence and its queries; merge their operations into one.',
  example: 'context Sales {\n  aggregate Order { root entity Order { id: OrderId } }\n  repository Orders for Order\n  repository OrderStore for Order\n}',
};

// ---- Context Mapper parity (issue 13): an aggregate still being sketched is a hint, not an error
export const aggregateSketch: Rule = {
  code: 'aggregate-sketch',
  severity: 'hint',
  title: 'An aggregate still being sketched',
  explanation:
    'Modelling often starts from names: `aggregate Payouts` with no body, or a body that so far holds only its attribute lines (owner, features, qualities), ' +
    'a few values and events, or entities none of which is marked `root` yet (as in many Context Mapper models). That is a sketch, not a mistake. ' +
    'To finish it, mark or declare its root entity: the single entry point that guards its invariants, usually named like the aggregate, ' +
    'with its identity (`root entity Payout { id: PayoutId }`).',
  example: 'context Claims {\n  aggregate Payouts\n}',
};

/**
 * An aggregate with no entity marked `root` is still a sketch: it has no body, no entity yet, or
 * entities none of which is marked root yet (Context Mapper's models mark few roots). Each gets a
 * hint that says what to add; the entity named like the aggregate (else the first) is the one to mark.
 */
function reportSketch(aggregate: Aggregate, accept: Accept): void {
  const root = `root entity ${aggregate.name} { id: ${aggregate.name}Id }`;
  const candidate = aggregate.entities.find((entity) => entity?.name === aggregate.name) ?? aggregate.entities.find((entity) => entity !== undefined);
  accept(aggregateSketch, {
    uri: aggregate.uri,
    range: aggregate.nameRange,
    message:
      aggregate.hasBody === false
        ? `Aggregate ${aggregate.name} is a sketch so far: give it a body with its root entity, { ${root} }.`
        : candidate
          ? `Aggregate ${aggregate.name} has no root entity yet: mark the entity that guards its invariants with \`root\` (root entity ${candidate.name}).`
          : `Aggregate ${aggregate.name} has no root entity yet: add the entity that guards its invariants, ${root}.`,
    data: { suggestion: candidate?.name ?? aggregate.name, declared: candidate !== undefined, body: aggregate.hasBody !== false },
  });
}
// ---- end of the sketch block

/** The root entity of an aggregate: the first marked `root`. */
function rootOf(aggregate: Aggregate): Entity | undefined {
  for (const entity of aggregate.entities) if (entity?.root) return entity;
  return undefined;
}

function checkRoots(aggregate: Aggregate, accept: Accept): void {
  const declared = aggregate.entities.filter((entity) => entity.root);
  if (declared.length === 0) reportSketch(aggregate, accept);
  const first = declared[0];
  for (const extra of declared.slice(1)) {
    accept(aggregateRoot, {
      uri: extra.uri,
      range: extra.rootRange ?? extra.nameRange,
      message: `Aggregate ${aggregate.name} already has a root entity, ${first!.name}: an aggregate has exactly one root. Remove \`root\` from ${extra.name}, or split it into an aggregate of its own.`,
      related: [{ uri: first!.uri, range: first!.nameRange, message: `root entity ${first!.name}` }],
    });
  }
}

function checkLooseRoot(entity: Entity, accept: Accept): void {
  if (!entity.root) return;
  accept(aggregateRoot, {
    uri: entity.uri,
    range: entity.rootRange ?? entity.nameRange,
    message: `Root entity ${entity.name} is not inside an aggregate: wrap it in \`aggregate ${entity.name} { … }\`, or remove \`root\`.`,
    data: { suggestion: entity.name },
  });
}

/** The identity type that stands for an aggregate: its root's `id` type, else `${Root}Id`. */
function identityTypeOf(aggregate: Aggregate): string {
  const root = rootOf(aggregate);
  const idType = root?.fields.find((field) => field.name === 'id')?.type?.name.text;
  if (idType && isIdentityTypeName(simpleName(idType))) return idType;
  // another identity of a type of its own: Evans' Voyage is known by its voyageNumber: VoyageNumber
  const own = root?.fields.find((field) => isIdentityField(field, root.name) && field.type && !isBuiltinType(field.type.name.text) && field.type.args.length === 0)?.type?.name.text;
  if (own) return own;
  return `${root?.name ?? aggregate.name}Id`;
}

/** The first type in `type` (itself or a type argument) that is an entity of another aggregate. */
function foreignEntity(type: TypeReference | undefined, home: Aggregate | undefined): { at: TypeReference; entity: Entity } | undefined {
  if (!type) return undefined;
  const target = type.name?.target;
  if (target?.kind === 'entity' && target.aggregate && target.aggregate !== home) return { at: type, entity: target };
  for (const argument of type.args) {
    const found = foreignEntity(argument, home);
    if (found) return found;
  }
  return undefined;
}

/** `type` as written, with the type at `at` replaced: `List<Order>` → `List<OrderId>`. */
function replaceType(type: TypeReference, at: TypeReference, replacement: string): string {
  if (type === at) return replacement + (type.optional ? '?' : '');
  const args = type.args.map((argument) => replaceType(argument, at, replacement));
  return type.name.text + (args.length ? `<${args.join(', ')}>` : '') + (type.optional ? '?' : '');
}

function checkFields(holder: Entity | ValueObject, accept: Accept): void {
  for (const field of holder.fields) {
    const found = foreignEntity(field.type, holder.aggregate);
    if (!found) continue;
    const other = found.entity.aggregate!;
    const suggestion = identityTypeOf(other);
    const type = replaceType(field.type!, found.at, suggestion);
    accept(referenceById, {
      uri: field.uri,
      range: found.at.name.range,
      message: `Field ${field.name} holds ${found.entity.name}, an entity of another aggregate (${qualifiedName(other)}): reference other aggregates by id only: ${field.name}: ${type}.`,
      related: [{ uri: other.uri, range: other.nameRange, message: `aggregate ${qualifiedName(other)}` }],
      data: { suggestion, type },
    });
  }
}

function typeName(field: Field): string | undefined {
  const name = field.type?.name.text;
  return name === undefined ? undefined : simpleName(name);
}

function checkValueIdentity(value: ValueObject, accept: Accept): void {
  // `value CustomerId { id: String }`: an id wrapper is the standard way to type an identity
  if (isIdentityTypeName(value.name)) return;
  const own = `${value.name}Id`;
  const field = value.fields.find((candidate) => candidate.name === 'id' || typeName(candidate) === own);
  if (!field) return;
  accept(valueObjectIdentity, {
    uri: field.uri,
    range: field.range,
    message: `Value object ${value.name} has an identity (${field.name}: ${field.type?.text ?? '?'}), but a value object has no identity: it is defined by its attributes. Remove the field; if it needs one, make it an entity.`,
    data: { field: field.name },
  });
}

/** The endings of a number that names its own entity: `policyNr` of a Policy, `voyageNumber` of a Voyage. */
const ownNumberEndings = ['Nr', 'No', 'Number'];

/**
 * Whether a field identifies its entity: marked `key`, named `id` or `<something>Id`
 * (`claimId`), typed `<Something>Id` (`trackingId: TrackingId`, `id: UUID`), or the
 * entity's own number (`policyNr` of a Policy, `voyageNumber` of a Voyage).
 */
export function isIdentityField(field: Field, entityName = ''): boolean {
  if (field.key || field.name === 'id' || /^[a-z][A-Za-z0-9_]*Id$/.test(field.name)) return true;
  if (entityName && ownNumberEndings.some((ending) => field.name.length === entityName.length + ending.length && field.name.endsWith(ending) && field.name.toLowerCase().startsWith(entityName.toLowerCase()))) return true;
  const type = typeName(field);
  return type !== undefined && isIdentityTypeName(type);
}

function checkEntityIdentity(entity: Entity, accept: Accept): void {
  if (!entity.name) return;
  const fields = inheritedFields(entity);
  // an entity with no field yet is still being sketched: its identity is for later
  if (fields.length === 0) return;
  if (fields.some((field) => isIdentityField(field, entity.name))) return;
  const suggestion = `id: ${entity.name}Id`;
  accept(entityIdentity, {
    uri: entity.uri,
    range: entity.nameRange,
    message: `Entity ${entity.name} has no identity: an entity is defined by its identity, not its attributes. Add \`${suggestion}\` (or make it a value object).`,
    data: { suggestion },
  });
}

/** Which aggregate a repository stores, or why it stores none. */
function repositoryTarget(repository: Repository): { aggregate?: Aggregate; problem?: string; suggestion?: string } {
  const target = repository.aggregate?.target;
  if (!target) return {};
  if (target.kind === 'aggregate') return { aggregate: target };
  if (target.kind === 'entity' && target.root && target.aggregate) return { aggregate: target.aggregate };
  const words = kindWords[target.kind];
  const what = `${target.name} is ${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
  if (target.kind !== 'entity' && target.kind !== 'value' && target.kind !== 'enum') return { problem: what };
  const home = target.aggregate;
  if (!home) return { problem: `${what} outside any aggregate` };
  const root = rootOf(home);
  // an aggregate without a root: aggregate-root says so; the repository means the aggregate
  if (!root && target.kind === 'entity') return { aggregate: home };
  const suggestion = root?.name ?? home.name;
  return { problem: `${what} inside aggregate ${home.name}; store it through its root: \`for ${suggestion}\``, suggestion };
}

function checkRepositories(model: DddModel, accept: Accept): void {
  const repositoryOf = new Map<Aggregate, Repository>();
  for (const context of model.contexts.values()) {
    for (const repository of context.repositories) {
      const { aggregate, problem, suggestion } = repositoryTarget(repository);
      if (problem) {
        accept(repositoryForRoot, {
          uri: repository.uri,
          range: repository.aggregate!.range,
          message: `A repository is for an aggregate root: ${problem}.`,
          ...(suggestion ? { data: { suggestion } } : {}),
        });
      }
      if (!aggregate) continue;
      const first = repositoryOf.get(aggregate);
      if (!first) {
        repositoryOf.set(aggregate, repository);
        continue;
      }
      accept(repositoryPerRoot, {
        uri: repository.uri,
        range: repository.nameRange,
        message: `Aggregate ${qualifiedName(aggregate)} already has a repository, ${first.name}: one repository per aggregate. Merge ${repository.name} into ${first.name}.`,
        related: [{ uri: first.uri, range: first.nameRange, message: `repository ${qualifiedName(first)}` }],
        data: { existing: first.name },
      });
    }
  }
}

export const aggregateRules: RuleSet = documentRuleSet({
  concern: 'aggregates',
  summary: 'Aggregates have one root and hold other aggregates by id; entities have an identity, value objects none; repositories store aggregate roots.',
  rules: [aggregateRoot, referenceById, valueObjectIdentity, entityIdentity, repositoryForRoot, repositoryPerRoot, aggregateSketch],
  checkDeclaration(declaration, accept) {
    // what an aggregate, an entity or a value object is by itself: its root, its identity
    if (declaration.kind !== 'contextDeclaration') return;
    for (const aggregate of declaration.aggregates) if (aggregate) checkRoots(aggregate, accept);
    for (const holder of [declaration, ...declaration.aggregates]) {
      if (!holder) continue;
      for (const entity of holder.entities) {
        if (!entity) continue;
        if (holder === declaration) checkLooseRoot(entity, accept);
        // an entity that extends another may inherit its identity: that needs the model
        if (!entity.extends) checkEntityIdentity(entity, accept);
      }
      for (const value of holder.values) if (value) checkValueIdentity(value, accept);
    }
  },
  checkModel(model, accept) {
    // what needs other declarations: entities of other aggregates, inherited identities, repositories
    for (const context of model.contexts.values()) {
      for (const holder of [context, ...context.aggregates]) {
        for (const entity of holder.entities) {
          if (entity.extends) checkEntityIdentity(entity, accept);
          checkFields(entity, accept);
        }
        for (const value of holder.values) checkFields(value, accept);
      }
    }
    checkRepositories(model, accept);
  },
});
