/**
 * The CML export's tactic DDD writer: entities, value objects, events and
 * commands (with `abstract`, `extends`, `key` and `nullable`), enums (with
 * `aggregateLifecycle`, attributes and parameters), services and repositories
 * with their operations (visibility, `throws`, `read-only`, `write [A -> B]`),
 * in the spelling of Context Mapper's tactic grammar (Sculptor's).
 */
import type { Command, DomainEvent, DomainService, Entity, EnumType, Field, Operation, Repository, StateTransition, TypeReference, ValueObject } from '../model/elements';
import { cmlName, cmlString, doc, type CmlWriter, type Notes } from './export-writer';
import { dddTypeToCml } from './mapping';
import { typeKeywords } from './tactic-parser';

const collections = new Set(['List', 'Set', 'Bag', 'Collection']);
const domainObjectKinds = new Set(['entity', 'value', 'enum', 'event', 'command']);

function scalarType(name: string): string {
  const mapped = dddTypeToCml[name] ?? name;
  if ((typeKeywords as readonly string[]).includes(mapped)) return mapped;
  return mapped.split('.').map(cmlName).join('.');
}

/** Whether a type names one of the model's declared domain objects (written as a CML reference). */
function isDomainObject(type: TypeReference): boolean {
  const target = type.name.target;
  return target !== undefined && domainObjectKinds.has(target.kind);
}

/** A reference to a domain object: its simple name (CML references are not qualified). */
function objectName(type: TypeReference): string {
  return cmlName(type.name.target?.name ?? type.name.text);
}

/** A field as a CML attribute or reference line, or undefined when CML has no way to type it. */
function fieldLine(field: Field, notes: Notes): string | undefined {
  const type = field.type;
  const modifiers = (field.key ? ' key' : '') + (type?.optional ? ' nullable' : '');
  const described = doc(field.description);
  if (!type) return `${described}String ${cmlName(field.name)}${modifiers}`;
  let base = type;
  if (base.name.text === 'Optional' && base.args.length === 1) base = base.args[0]!;
  const nullable = base !== type && !type.optional ? ' nullable' : '';
  if (base.args.length === 0) {
    return isDomainObject(base)
      ? `${described}- @${objectName(base)} ${cmlName(field.name)}${modifiers}${nullable}`
      : `${described}${scalarType(base.name.text)} ${cmlName(field.name)}${modifiers}${nullable}`;
  }
  if (collections.has(base.name.text) && base.args.length === 1 && base.args[0]!.args.length === 0) {
    const element = base.args[0]!;
    const collection = base.name.text;
    return isDomainObject(element)
      ? `${described}- ${collection}<@${objectName(element)}> ${cmlName(field.name)}${modifiers}${nullable}`
      : `${described}${collection}<${scalarType(element.name.text)}> ${cmlName(field.name)}${modifiers}${nullable}`;
  }
  notes.add(`field typed ${type.text} (a CML attribute holds a type or a collection of one)`);
  return undefined;
}

/** Sculptor's ComplexType, for parameters and return types. */
function complexType(type: TypeReference | undefined, notes: Notes): string {
  if (!type) return 'void';
  let base = type;
  if (base.name.text === 'Optional' && base.args.length === 1) base = base.args[0]!;
  if (base !== type || type.optional) notes.add("optional parameter or return type (CML's parameters and return types are not nullable)");
  const simple = (t: TypeReference) => (isDomainObject(t) ? `@${objectName(t)}` : scalarType(t.name.text));
  if (base.args.length === 0) return simple(base);
  if (collections.has(base.name.text) && base.args.length === 1 && base.args[0]!.args.length === 0) return `${base.name.text}<${simple(base.args[0]!)}>`;
  // Sculptor's `Type<@DomainObject>` (PagedResult<@Order>)
  if (base.args.length === 1 && base.args[0]!.args.length === 0 && isDomainObject(base.args[0]!)) return `${scalarType(base.name.text)}<@${objectName(base.args[0]!)}>`;
  if (base.name.text === 'Map' && base.args.length === 2 && base.args.every((arg) => arg.args.length === 0)) {
    const key = isDomainObject(base.args[0]!) ? `@${objectName(base.args[0]!)}` : scalarType(base.args[0]!.name.text);
    return `Map<${key}, ${simple(base.args[1]!)}>`;
  }
  notes.add(`parameter or return type ${type.text} (written as Object: CML's types nest one level)`);
  return 'Object';
}

/** `[A, B -> C X D]`, or undefined (and a note) for an inclusive or parallel choice, which a CML state transition cannot make. */
export function transitionText(transition: StateTransition, notes: Notes): string | undefined {
  if (transition.to.length === 0) return undefined;
  if (transition.to.length > 1 && transition.gateway !== undefined && transition.gateway !== 'X') {
    notes.add(`state transition to ${transition.to.map((state) => state.text).join(` ${transition.gateway} `)} (a CML transition chooses one target: X)`);
    return undefined;
  }
  const from = transition.from.map((state) => cmlName(state.text)).join(', ');
  return `[${from ? from + ' ' : ''}-> ${transition.to.map((state) => cmlName(state.text)).join(' X ')}]`;
}

export type OperationPlace = 'object' | 'service' | 'repository';

function operationLine(operation: Operation, place: OperationPlace, notes: Notes): string {
  let text = doc(operation.description) + (place === 'object' ? 'def ' : '');
  if (operation.visibility === 'internal') notes.add("operation's visibility internal (CML has public, protected, private and package)");
  else if (operation.visibility) text += operation.visibility + ' ';
  const parameters = operation.parameters.map((parameter) => `${complexType(parameter.type, notes)} ${cmlName(parameter.name)}`).join(', ');
  text += `${complexType(operation.returns, notes)} ${cmlName(operation.name)}(${parameters})`;
  if (operation.throws?.length) text += ` throws ${operation.throws.map((name) => name.text.split('.').map(cmlName).join('.')).join(', ')}`;
  if (operation.access && place === 'repository') notes.add("repository operation's reads or writes (CML marks service and domain object operations only)");
  else if (operation.access === 'reads') text += ' : read-only';
  else if (operation.access === 'writes') {
    const transition = operation.writes ? transitionText(operation.writes, notes) : undefined;
    text += ' : write' + (transition ? ' ' + transition : '');
  }
  return text + ';';
}

function fieldLines(out: CmlWriter, fields: readonly Field[]): void {
  for (const field of fields) {
    const line = fieldLine(field, out.notes);
    if (line) out.line(line);
  }
}

const objectKeyword = { entity: 'Entity', value: 'ValueObject', event: 'DomainEvent', command: 'CommandEvent' } as const;

/** `extends @Base` (the declared base) or `extends Base` (a name CML does not resolve). */
function extendsText(element: Entity | ValueObject | Command | DomainEvent): string {
  const base = element.extends;
  if (!base) return '';
  const target = base.target;
  return target && target.kind === element.kind ? ` extends @${cmlName(target.name)}` : ` extends ${base.text.split('.').map(cmlName).join('.')}`;
}

/** An entity, value object, event or command; `root` marks an aggregate root, `repository` is kept in it. */
export function domainObjectBlock(out: CmlWriter, element: Entity | ValueObject | Command | DomainEvent, repository?: Repository): void {
  const notes = out.notes;
  const abstract = element.abstract ? 'abstract ' : '';
  const header = `${doc(element.description)}${abstract}${objectKeyword[element.kind]} ${cmlName(element.name)}${extendsText(element)}`;
  if ('invariants' in element) notes.add('invariant (CML has none)', element.invariants.length);
  if (element.kind === 'command') {
    notes.add("command's emits (CML has none outside flows)", element.emits.length ? 1 : 0);
    notes.add("command's writes transition (CML writes transitions on operations and flow steps)", element.writes ? 1 : 0);
  }
  if (element.kind === 'event') notes.add("event's applies (CML has no event sourcing)", element.applies.length ? 1 : 0);
  out.block(header, () => {
    if (element.kind === 'entity' && element.root) out.line('aggregateRoot');
    fieldLines(out, element.fields);
    if ('operations' in element) for (const operation of element.operations) out.line(operationLine(operation, 'object', notes));
    if (repository) serviceBlock(out, repository);
  });
}

function enumParameter(value: unknown, notes: Notes): string | undefined {
  if (typeof value === 'string') return cmlString(value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  notes.add(`enum value argument ${String(value)} (a CML enum parameter is a string or a whole number)`);
  return undefined;
}

export function enumBlock(out: CmlWriter, type: EnumType): void {
  const notes = out.notes;
  if (type.values.length === 0) {
    notes.add('enum without values (CML needs one)');
    return;
  }
  out.open(`${doc(type.description)}enum ${cmlName(type.name)}`);
  if (type.lifecycle) out.line('aggregateLifecycle');
  for (const field of type.fields) {
    const written = field.type && field.type.args.length === 0 && !field.type.optional ? field.type.name.text : undefined;
    if (written === undefined) notes.add(`enum attribute typed ${field.type?.text ?? 'nothing'} (a CML enum attribute has a plain type)`);
    else out.line(`${scalarType(written)} ${cmlName(field.name)}`);
  }
  const values = type.values.map((value) => {
    const parameters = (value.arguments ?? []).map((argument) => enumParameter(argument, notes));
    const complete = parameters.every((parameter) => parameter !== undefined);
    return `${cmlName(value.name)}${parameters.length && complete ? `(${parameters.join(', ')})` : ''}`;
  });
  out.line(values.join(', '));
  out.close();
}

/** A service (of a context, an aggregate, a subdomain or an application) or a repository, with its operations. */
export function serviceBlock(out: CmlWriter, service: DomainService | Repository): void {
  const keyword = service.kind === 'repository' ? 'Repository' : 'Service';
  out.block(`${doc(service.description)}${keyword} ${cmlName(service.name)}`, () => {
    for (const operation of service.operations) out.line(operationLine(operation, service.kind === 'repository' ? 'repository' : 'service', out.notes));
  });
}
