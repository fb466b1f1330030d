/**
 * The importer's tactical half: CML domain objects, enums, services,
 * repositories and operations as .ddd declarations. Sculptor's generator
 * options (hints, persistence, validation) have no .ddd meaning: each is
 * reported as dropped, with its line.
 */
import type { CmlAttribute, CmlDomainObject, CmlOperation, CmlOption, CmlService, CmlStateTransition } from './ast';
import { dddString, type DddWriter } from './ddd-writer';
import { dddTypeText } from './mapping';

/** A repository found inside an entity, written later in its context as `repository R for Aggregate`. */
export interface PendingRepository {
  repository: CmlService;
  aggregate: string;
}

const keywordOfKind: Partial<Record<CmlDomainObject['kind'], string>> = {
  Entity: 'entity',
  ValueObject: 'value',
  DomainEvent: 'event',
  CommandEvent: 'command',
  Enum: 'enum',
};

function dropOptions(out: DddWriter, options: readonly CmlOption[], what: string): void {
  for (const option of options) {
    const channel = option.name === 'subscribe' || option.name === 'publish';
    const written = `${option.negated ? '!' : ''}${option.name}${option.value !== undefined ? `${channel ? ' to' : ' ='} ${option.value}` : ''}`;
    out.drop(option, `${what}: Sculptor's '${written}' (a code generator option) has no .ddd meaning`);
  }
}

export function transitionText(transition: CmlStateTransition, out: DddWriter): string {
  for (const target of transition.to) if (target.end) out.drop(target, `the end-state marker of ${target.name}* is not carried over`);
  const from = transition.from.map((state) => state.name).join(', ');
  return `[${from ? from + ' ' : ''}-> ${transition.to.map((target) => target.name).join(' X ')}]`;
}

function fieldLine(out: DddWriter, attribute: CmlAttribute, owner: string): void {
  if (attribute.doc !== undefined) out.line(`// ${attribute.doc.replace(/\s+/g, ' ')}`, attribute);
  if (attribute.visibility) out.drop(attribute, `${owner}.${attribute.name}: the visibility '${attribute.visibility}' of an attribute is not carried over`);
  dropOptions(out, attribute.options, `${owner}.${attribute.name}`);
  const type = dddTypeText(attribute.type) + (attribute.nullable ? '?' : '');
  out.line(`${attribute.key ? 'key ' : ''}${attribute.name}: ${type}`, attribute);
}

export function operationLine(out: DddWriter, operation: CmlOperation, owner: string): void {
  const where = `${owner}.${operation.name}`;
  if (operation.doc !== undefined) out.line(`// ${operation.doc.replace(/\s+/g, ' ')}`, operation);
  if (operation.abstract) out.drop(operation, `${where}: 'abstract' on an operation is not carried over`);
  if (operation.visibility === 'package') out.drop(operation, `${where}: the visibility 'package' is not carried over`);
  dropOptions(
    out,
    operation.options.filter((option) => option.name !== 'delegate'),
    where,
  );
  for (const option of operation.options) if (option.name === 'delegate') out.drop(option, `${where}: the delegation to ${option.value} is not carried over`);
  let text = operation.visibility && operation.visibility !== 'package' ? operation.visibility + ' ' : '';
  text += `${operation.name}(${operation.parameters.map((parameter) => `${parameter.name}: ${dddTypeText(parameter.type)}`).join(', ')})`;
  if (operation.returns && operation.returns.name !== 'void') text += `: ${dddTypeText(operation.returns)}`;
  if (operation.throws.length) text += ` throws ${operation.throws.join(', ')}`;
  if (operation.access === 'read-only') text += ' reads';
  if (operation.access === 'write') text += ' writes' + (operation.transition ? ' ' + transitionText(operation.transition, out) : '');
  out.line(text, operation);
}

/** `service S { … }` or `repository R for A { … }`. */
export function serviceBlock(out: DddWriter, service: CmlService, header: string): void {
  dropOptions(out, service.options, service.name);
  for (const dependency of service.dependencies) out.drop(dependency, `${service.name}: the dependency on ${dependency.name} is not carried over`);
  const described = service.doc !== undefined ? `${header} ${dddString(service.doc)}` : header;
  if (service.operations.length === 0) {
    out.line(described, service);
    return;
  }
  out.open(described, service);
  for (const operation of service.operations) operationLine(out, operation, service.name);
  out.close(service.end);
}

function enumBlock(out: DddWriter, object: CmlDomainObject, prefix: string): void {
  const lifecycle = object.options.some((option) => option.name === 'aggregateLifecycle');
  dropOptions(
    out,
    object.options.filter((option) => option.name !== 'aggregateLifecycle'),
    object.name,
  );
  out.open(`${prefix}${lifecycle ? 'lifecycle ' : ''}enum ${object.name}${object.doc !== undefined ? ' ' + dddString(object.doc) : ''}`, object);
  for (const attribute of object.enumAttributes) {
    if (attribute.key) out.drop(attribute, `${object.name}.${attribute.name}: 'key' on an enum attribute is not carried over`);
    out.line(`${attribute.name}: ${dddTypeText(attribute.type)}`, attribute);
  }
  for (const value of object.values) out.line(value.parameters.length ? `${value.name}(${value.parameters.join(', ')})` : value.name, value);
  out.close(object.end);
}

/**
 * A domain object as a .ddd declaration (`root entity`, `value`, `event`, `command`, `enum`);
 * `aggregate` is the aggregate it is in, for its repository.
 */
export function domainObjectBlock(out: DddWriter, object: CmlDomainObject, aggregate: string | undefined, repositories: PendingRepository[]): void {
  const keyword = keywordOfKind[object.kind];
  if (!keyword) {
    out.drop(object, `${object.keyword} ${object.name}: Sculptor's ${object.keyword} has no .ddd counterpart`);
    return;
  }
  if (object.kind === 'Enum') return enumBlock(out, object, '');
  const marked = object.options.some((option) => option.name === 'aggregateRoot');
  if (marked && object.kind !== 'Entity') out.drop(object, `${object.name}: only an entity is an aggregate root in .ddd; aggregateRoot on a ${object.keyword} is not carried over`);
  // a root outside any aggregate (in a module of its own) is a .ddd error: the mark stays behind, said so
  if (marked && object.kind === 'Entity' && aggregate === undefined) out.drop(object, `${object.name}: aggregateRoot outside an aggregate is not carried over (.ddd roots stand in aggregates)`);
  const root = marked && aggregate !== undefined;
  dropOptions(
    out,
    object.options.filter((option) => option.name !== 'aggregateRoot'),
    object.name,
  );
  for (const trait of object.traits) out.drop(trait, `${object.name}: the trait ${trait.name} is not carried over`);
  for (const association of object.associations) out.drop(association, `${object.name}: the association with ${association.name} is not carried over`);
  // .ddd has abstract and extends for entities, value objects, commands and events (docs/design/context-mapper-syntax.md)
  const parent = object.extends;
  let header = `${root && object.kind === 'Entity' ? 'root ' : ''}${object.abstract ? 'abstract ' : ''}${keyword} ${object.name}`;
  if (parent) header += ` extends ${parent}`;
  if (object.doc !== undefined) {
    if (parent) out.line(`// ${object.doc.replace(/\s+/g, ' ')}`, object);
    else header += ' ' + dddString(object.doc);
  }
  if (object.repository) {
    if (aggregate) repositories.push({ repository: object.repository, aggregate });
    else out.drop(object.repository, `${object.repository.name}: a repository outside an aggregate is not carried over`);
  }
  const message = object.kind === 'CommandEvent' || object.kind === 'DomainEvent';
  if (message) for (const operation of object.operations) out.drop(operation, `${object.name}.${operation.name}: a ${keyword} has no operations in .ddd`);
  const operations = message ? [] : object.operations;
  if (object.attributes.length === 0 && operations.length === 0) {
    out.line(header, object);
    out.commentsBefore(object.end);
    return;
  }
  out.open(header, object);
  for (const attribute of object.attributes) fieldLine(out, attribute, object.name);
  for (const operation of operations) operationLine(out, operation, object.name);
  out.close(object.end);
}
