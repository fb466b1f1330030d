/**
 * The elements both readers of a declaration build (the grammar's rules and the
 * direct reader, direct-reader.ts), each written once: their properties, in one
 * order, so that both give the same model to the order of its properties, and
 * each kind of element keeps one shape in memory.
 *
 * The building blocks' common properties are written out in each literal on purpose:
 * spread from a shared object, every property after the spread would live in a
 * separate property array, one more object per element for the collector.
 */
import type { Aggregate, Command, ContextDeclaration, DomainEvent, ElementKind, Entity, EnumType, Field, Name, Reference, Repository, SagaReaction, TextRange, TypeReference, ValueObject } from '../model/elements';
import { emptyContextMembers } from '../model/context-members';
import type { Owner } from './grammar/grammar-support';

/** A reference to be linked: every property set, even when undefined (one shape for all references keeps linking fast). */
export function newReference(text: string, range: TextRange, uri: string, expected: readonly ElementKind[], soft: boolean, scopeContext: string | undefined, scopeAggregate: Aggregate | undefined): Reference {
  return { text, range, uri, expected, soft, scopeContext, scopeAggregate, target: undefined, candidates: undefined };
}

/** `name: Type`: its range from the name to `end`. */
export function newField(name: string, nameRange: TextRange, uri: string, end: number, type: TypeReference): Field {
  return { kind: 'field', name, uri, range: { start: nameRange.start, end }, nameRange, type };
}

export function newContextDeclaration(name: Name, uri: string, range: TextRange): ContextDeclaration {
  return { kind: 'contextDeclaration', name: name.text, uri, range, nameRange: name.range, implements: [], external: false, ...emptyContextMembers() };
}

export function newAggregate(name: Name, uri: string, range: TextRange, contextName: string): Aggregate {
  return {
    kind: 'aggregate',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName,
    eventSourced: false,
    entities: [],
    values: [],
    enums: [],
    commands: [],
    events: [],
    services: [],
    invariants: [],
    // ---- Context Mapper parity (issue 13): `aggregate Payouts` without a body is a sketch
    hasBody: false,
  };
}

export function newEntity(name: Name, uri: string, range: TextRange, owner: Owner, root: boolean, isAbstract: boolean): Entity {
  return {
    kind: 'entity',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName: owner.contextName,
    aggregate: owner.aggregate,
    root,
    abstract: isAbstract,
    fields: [],
    invariants: [],
    operations: [],
  };
}

export function newValueObject(name: Name, uri: string, range: TextRange, owner: Owner, isAbstract: boolean): ValueObject {
  return {
    kind: 'value',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName: owner.contextName,
    aggregate: owner.aggregate,
    abstract: isAbstract,
    fields: [],
    invariants: [],
    operations: [],
  };
}

export function newEnumType(name: Name, uri: string, range: TextRange, owner: Owner, lifecycle: boolean): EnumType {
  return {
    kind: 'enum',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName: owner.contextName,
    aggregate: owner.aggregate,
    values: [],
    fields: [],
    lifecycle,
  };
}

export function newCommand(name: Name, uri: string, range: TextRange, owner: Owner, isAbstract: boolean): Command {
  return {
    kind: 'command',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName: owner.contextName,
    aggregate: owner.aggregate,
    abstract: isAbstract,
    fields: [],
    emits: [],
  };
}

export function newEvent(name: Name, uri: string, range: TextRange, owner: Owner, isAbstract: boolean): DomainEvent {
  return {
    kind: 'event',
    name: name.text,
    uri,
    range,
    nameRange: name.range,
    contextName: owner.contextName,
    aggregate: owner.aggregate,
    abstract: isAbstract,
    fields: [],
    applies: [],
  };
}

/** A repository, its aggregate still to be read (`for Order`). */
export function newRepository(name: Name, uri: string, range: TextRange, contextName: string): Repository {
  return { kind: 'repository', name: name.text, uri, range, nameRange: name.range, contextName, operations: [], aggregate: undefined };
}

/** A reaction of a choreographed saga, its triggers and what it emits still to be read. */
export function newReaction(participant: Name, uri: string, reference: Reference): SagaReaction {
  return {
    kind: 'reaction',
    uri,
    range: { ...participant.range },
    participant: reference,
    triggers: [],
    join: 'single',
    compensates: false,
    idempotent: false,
    emits: [],
    otherwise: [],
  };
}
