/**
 * `ddd export --format cml`: the model as a Context Mapper (CML) file that
 * Context Mapper's grammar accepts, so teams can keep using its generators.
 * Written in the grammar's order of parts (the one context map, the bounded
 * contexts, the domains), names that are CML keywords escaped with `^`. What CML
 * cannot say (sagas, storming boards, glossaries, streams, read models,
 * invariants, a command's `emits`, …) is listed in `notes`, one line per kind.
 */
import { normaliseRelationship, type NormalisedSide } from '../context-map/relationships';
import type { Aggregate, BoundedContext, Command, DomainEvent, DomainService, Entity, EnumType, Field, Operation, Repository, TypeReference, ValueObject } from '../model/elements';
import type { DddModel } from '../model/model';
import { cmlKeywords } from './keywords';
import { cmlLiteral, dddTypeToCml } from './mapping';
import { cmlEnums } from './strategic-parser';
import { typeKeywords } from './tactic-parser';

export interface CmlExport {
  text: string;
  /** What was not exported, one sentence per kind of thing. */
  notes: string[];
}

/** A name as CML reads it: `^type` when it is a CML keyword. */
export function cmlName(name: string): string {
  return cmlKeywords.has(name) ? `^${name}` : name;
}

function cmlString(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n') + '"';
}

const collections = new Set(['List', 'Set', 'Bag', 'Collection']);
const domainObjectKinds = new Set(['entity', 'value', 'enum', 'event', 'command']);

class Notes {
  private readonly counts = new Map<string, number>();
  add(what: string, count = 1): void {
    if (count > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + count);
  }
  list(): string[] {
    return [...this.counts].map(([what, count]) => `${count} × ${what}`);
  }
}

class CmlWriter {
  readonly lines: string[] = [];
  depth = 0;
  line(text: string): void {
    this.lines.push('\t'.repeat(this.depth) + text);
  }
  open(text: string): void {
    this.line(text + ' {');
    this.depth++;
  }
  close(): void {
    this.depth--;
    this.line('}');
  }
}

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
  if (!type) return `String ${cmlName(field.name)}`;
  const nullable = type.optional ? ' nullable' : '';
  let base = type;
  if (base.name.text === 'Optional' && base.args.length === 1) base = base.args[0]!;
  if (base.args.length === 0) {
    return isDomainObject(base) ? `- @${objectName(base)} ${cmlName(field.name)}${nullable}` : `${scalarType(base.name.text)} ${cmlName(field.name)}${nullable}`;
  }
  if (collections.has(base.name.text) && base.args.length === 1 && base.args[0]!.args.length === 0) {
    const element = base.args[0]!;
    const collection = base.name.text;
    return isDomainObject(element)
      ? `- ${collection}<@${objectName(element)}> ${cmlName(field.name)}${nullable}`
      : `${collection}<${scalarType(element.name.text)}> ${cmlName(field.name)}${nullable}`;
  }
  notes.add(`field typed ${type.text} (a CML attribute holds a type or a collection of one)`);
  return undefined;
}

/** Sculptor's ComplexType, for parameters and return types. */
function complexType(type: TypeReference | undefined): string {
  if (!type) return 'void';
  let base = type;
  if (base.name.text === 'Optional' && base.args.length === 1) base = base.args[0]!;
  const simple = (t: TypeReference) => (isDomainObject(t) ? `@${objectName(t)}` : scalarType(t.name.text));
  if (base.args.length === 0) return simple(base);
  if (collections.has(base.name.text) && base.args.length === 1 && base.args[0]!.args.length === 0) return `${base.name.text}<${simple(base.args[0]!)}>`;
  // Sculptor's `Type<@DomainObject>` (PagedResult<@Order>)
  if (base.args.length === 1 && base.args[0]!.args.length === 0 && isDomainObject(base.args[0]!)) return `${scalarType(base.name.text)}<@${objectName(base.args[0]!)}>`;
  if (base.name.text === 'Map' && base.args.length === 2 && base.args.every((arg) => arg.args.length === 0)) {
    const key = isDomainObject(base.args[0]!) ? `@${objectName(base.args[0]!)}` : scalarType(base.args[0]!.name.text);
    return `Map<${key}, ${simple(base.args[1]!)}>`;
  }
  return 'Object';
}

function operationLine(operation: Operation, prefix: string): string {
  const parameters = operation.parameters.map((parameter) => `${complexType(parameter.type)} ${cmlName(parameter.name)}`).join(', ');
  return `${prefix}${complexType(operation.returns)} ${cmlName(operation.name)}(${parameters});`;
}

function doc(description: string | undefined): string {
  return description !== undefined ? cmlString(description) + ' ' : '';
}

function fieldLines(out: CmlWriter, fields: readonly Field[], notes: Notes): void {
  for (const field of fields) {
    const line = fieldLine(field, notes);
    if (line) out.line(line);
  }
}

function structure(out: CmlWriter, keyword: string, element: Entity | ValueObject | Command | DomainEvent, notes: Notes, repository?: Repository, root = false): void {
  out.open(`${doc(element.description)}${keyword} ${cmlName(element.name)}`);
  if (root) out.line('aggregateRoot');
  fieldLines(out, element.fields, notes);
  if ('operations' in element) for (const operation of element.operations) out.line(operationLine(operation, 'def '));
  if ('invariants' in element) notes.add('invariant (CML has none)', element.invariants.length);
  if (element.kind === 'command') notes.add("command's emits (CML has none outside flows)", element.emits.length ? 1 : 0);
  if (element.kind === 'event') notes.add("event's applies (CML has no event sourcing)", element.applies.length ? 1 : 0);
  if (repository) serviceBlock(out, 'Repository', repository);
  out.close();
}

function enumBlock(out: CmlWriter, type: EnumType, notes: Notes): void {
  if (type.values.length === 0) {
    notes.add('enum without values (CML needs one)');
    return;
  }
  out.open(`${doc(type.description)}enum ${cmlName(type.name)}`);
  out.line(type.values.map((value) => cmlName(value.name)).join(', '));
  out.close();
}

function serviceBlock(out: CmlWriter, keyword: 'Service' | 'Repository', service: DomainService | Repository): void {
  if (service.operations.length === 0) {
    out.line(`${doc(service.description)}${keyword} ${cmlName(service.name)}`);
    return;
  }
  out.open(`${doc(service.description)}${keyword} ${cmlName(service.name)}`);
  for (const operation of service.operations) out.line(operationLine(operation, ''));
  out.close();
}

interface BuildingBlocks {
  entities: readonly Entity[];
  values: readonly ValueObject[];
  enums: readonly EnumType[];
  commands: readonly Command[];
  events: readonly DomainEvent[];
}

function buildingBlocks(out: CmlWriter, blocks: BuildingBlocks, notes: Notes, repositoryOf: (entity: Entity) => Repository | undefined): void {
  for (const entity of blocks.entities) structure(out, 'Entity', entity, notes, repositoryOf(entity), entity.root);
  for (const value of blocks.values) structure(out, 'ValueObject', value, notes);
  for (const type of blocks.enums) enumBlock(out, type, notes);
  for (const command of blocks.commands) structure(out, 'CommandEvent', command, notes);
  for (const event of blocks.events) structure(out, 'DomainEvent', event, notes);
}

function contextBlock(out: CmlWriter, context: BoundedContext, notes: Notes): void {
  const implemented = context.subdomains.map((subdomain) => cmlName(subdomain.name));
  const header = `BoundedContext ${cmlName(context.name)}${implemented.length ? ' implements ' + implemented.join(', ') : ''}`;
  if (context.external) notes.add('external mark of a context (CML has none)');
  if (context.owner) notes.add("context's owner (CML names owners on aggregates, as teams)");
  notes.add('glossary term (CML has no glossary)', context.glossary.length);
  notes.add('event stream (CML has no event sourcing)', context.streams.length);
  notes.add('read model (CML has no read models)', context.readModels.length);
  const repositories = new Map<Aggregate, Repository>();
  for (const repository of context.repositories) {
    const target = repository.aggregate?.target;
    const aggregate = target?.kind === 'aggregate' ? target : target?.kind === 'entity' ? target.aggregate : undefined;
    if (aggregate && aggregate.entities.some((entity) => entity.root) && !repositories.has(aggregate)) repositories.set(aggregate, repository);
    else notes.add('repository without an aggregate root to hold it (CML keeps a repository in its root entity)');
  }
  const loose = context.entities.length + context.values.length + context.enums.length + context.commands.length + context.events.length;
  if (context.aggregates.length === 0 && context.services.length === 0 && loose === 0 && context.description === undefined) {
    out.line(header);
    return;
  }
  out.open(header);
  if (context.description !== undefined) out.line(`domainVisionStatement = ${cmlString(context.description)}`);
  if (loose) {
    // CML keeps domain objects in aggregates and modules: the context's shared ones go into a module
    out.open('Module Shared');
    buildingBlocks(out, context, notes, () => undefined);
    out.close();
  }
  for (const aggregate of context.aggregates) {
    if (aggregate.eventSourced) notes.add('eventsourced mark of an aggregate (CML has no event sourcing)');
    notes.add('invariant (CML has none)', aggregate.invariants.length);
    out.open(`${doc(aggregate.description)}Aggregate ${cmlName(aggregate.name)}`);
    const repository = repositories.get(aggregate);
    buildingBlocks(out, aggregate, notes, (entity) => (entity.root ? repository : undefined));
    out.close();
  }
  for (const service of context.services) serviceBlock(out, 'Service', service);
  out.close();
}

const upstreamRoles = new Set(['OHS', 'PL']);
const downstreamRoles = new Set(['ACL', 'CF']);

function roleList(side: NormalisedSide, marker: 'U' | 'D', allowed: ReadonlySet<string>, notes: Notes): { cs: boolean; roles: string[] } {
  const roles: string[] = [];
  let cs = false;
  for (const role of side.known) {
    const code = role.info!.code;
    if (code === (marker === 'U' ? 'S' : 'C')) cs = true;
    else if (allowed.has(code)) roles.push(code);
    else notes.add(`role ${code} on the ${marker === 'U' ? 'upstream' : 'downstream'} side (CML does not allow it there)`);
  }
  return { cs, roles };
}

function contextMapBlock(out: CmlWriter, model: DddModel, notes: Notes): void {
  const maps = model.contextMaps;
  if (maps.length === 0) return;
  if (maps.length > 1) notes.add('context map merged into the first (a CML file has one context map)', maps.length - 1);
  const lines: string[] = [];
  const contained = new Set<string>();
  for (const map of maps) {
    for (const relationship of map.relationships) {
      const normalised = normaliseRelationship(relationship);
      const [left, right] = normalised.sides;
      if (!left.context || !right.context) {
        notes.add('relationship with a context the model does not declare');
        continue;
      }
      if (relationship.shared.length) notes.add("shared kernel's list of what it shares (CML has none)");
      if (relationship.description !== undefined) notes.add("relationship's description (CML has none)");
      if (normalised.symmetric) {
        const codes = new Set(normalised.sides.flatMap((side) => side.known.map((role) => role.info!.code)));
        const a = cmlName(left.context.name);
        const b = cmlName(right.context.name);
        lines.push(codes.has('P') ? `${a} [P]<->[P] ${b}` : codes.has('SK') ? `${a} [SK]<->[SK] ${b}` : `${a} <-> ${b}`);
      } else if (normalised.upstream?.context && normalised.downstream?.context) {
        const up = roleList(normalised.upstream, 'U', upstreamRoles, notes);
        const down = roleList(normalised.downstream, 'D', downstreamRoles, notes);
        const cs = up.cs && down.cs;
        if (up.cs !== down.cs) notes.add('customer-supplier role on one side only (CML needs S and C together)');
        const upList = ['U', ...(cs ? ['S'] : []), ...up.roles].join(',');
        const downList = ['D', ...(cs ? ['C'] : []), ...down.roles].join(',');
        lines.push(`${cmlName(normalised.upstream.context.name)} [${upList}]->[${downList}] ${cmlName(normalised.downstream.context.name)}`);
      } else continue;
      contained.add(left.context.name);
      contained.add(right.context.name);
    }
  }
  out.open(`ContextMap ${cmlName(maps[0]!.name)}`);
  if (contained.size) out.line(`contains ${[...contained].map(cmlName).join(', ')}`);
  for (const line of lines) out.line(line);
  out.close();
}

/** The model as CML text, and what could not be said in CML. */
export function exportCml(model: DddModel): CmlExport {
  const out = new CmlWriter();
  const notes = new Notes();
  out.line('/* Exported from DDD Modeler (ddd export --format cml) */');
  contextMapBlock(out, model, notes);
  for (const context of model.contexts.values()) contextBlock(out, context, notes);
  for (const domain of model.domains) {
    if (domain.subdomains.length === 0 && domain.description === undefined) {
      out.line(`Domain ${cmlName(domain.name)}`);
      continue;
    }
    out.open(`Domain ${cmlName(domain.name)}`);
    if (domain.description !== undefined) out.line(`domainVisionStatement = ${cmlString(domain.description)}`);
    for (const subdomain of domain.subdomains) {
      const type = subdomain.type ? cmlLiteral(subdomain.type, cmlEnums.subdomainType) : undefined;
      if (!type && subdomain.description === undefined) {
        out.line(`Subdomain ${cmlName(subdomain.name)}`);
        continue;
      }
      out.open(`Subdomain ${cmlName(subdomain.name)}`);
      if (type) out.line(`type = ${type}`);
      if (subdomain.description !== undefined) out.line(`domainVisionStatement = ${cmlString(subdomain.description)}`);
      out.close();
    }
    out.close();
  }
  notes.add('saga (CML has no sagas; its Application flows are the nearest)', model.sagas.length);
  notes.add('storming board (CML has no event storming boards)', model.boards.length);
  return { text: out.lines.join('\n') + '\n', notes: notes.list() };
}
