/**
 * The CML export of what a bounded context holds: its modules, its aggregates
 * (with owner, responsibilities, features, likelihood for change and qualities)
 * and their building blocks, its services, and its repositories (kept in their
 * aggregate's root entity, or another of its domain objects, where CML keeps them). Building blocks declared
 * outside any aggregate, module or application layer go into a `Module Shared`,
 * as CML keeps domain objects in aggregates and modules.
 */
import { qualityStrings } from '../model/attribute-values';
import type { Aggregate, BoundedContext, Command, DomainEvent, DomainService, Entity, EnumType, Module, Repository, ValueObject } from '../model/elements';
import { applicationBlock } from './export-application';
import { domainObjectBlock, enumBlock, serviceBlock } from './export-tactic';
import { attributeLines, cmlName, cmlString, doc, type CmlWriter } from './export-writer';

interface BuildingBlocks {
  entities: readonly Entity[];
  values: readonly ValueObject[];
  enums: readonly EnumType[];
  commands: readonly Command[];
  events: readonly DomainEvent[];
}

type DomainObject = Entity | ValueObject | Command | DomainEvent;

function buildingBlocks(out: CmlWriter, blocks: BuildingBlocks, repositoryOf: (holder: DomainObject) => Repository | undefined = () => undefined): void {
  for (const entity of blocks.entities) domainObjectBlock(out, entity, repositoryOf(entity));
  for (const value of blocks.values) domainObjectBlock(out, value, repositoryOf(value));
  for (const type of blocks.enums) enumBlock(out, type);
  for (const command of blocks.commands) domainObjectBlock(out, command, repositoryOf(command));
  for (const event of blocks.events) domainObjectBlock(out, event, repositoryOf(event));
}


function aggregateBlock(out: CmlWriter, aggregate: Aggregate, repository: Repository | undefined): void {
  const notes = out.notes;
  if (aggregate.eventSourced) notes.add('eventsourced mark of an aggregate (CML has no event sourcing)');
  notes.add('invariant (CML has none)', aggregate.invariants.length);
  out.block(`${doc(aggregate.description)}Aggregate ${cmlName(aggregate.name)}`, () => {
    if (aggregate.ownerTeam?.target) out.line(`owner = ${cmlName(aggregate.ownerTeam.target.name)}`);
    else if (aggregate.owner) notes.add("aggregate's owner that is not a declared team (CML's owner is a team)");
    if (aggregate.responsibilities?.length) out.line(`responsibilities = ${aggregate.responsibilities.map(cmlString).join(', ')}`);
    const features = (aggregate.features ?? []).filter((feature) => feature.target !== undefined);
    notes.add("aggregate's feature that names no declared use case or user story", (aggregate.features?.length ?? 0) - features.length);
    if (features.length) out.line(`features = ${features.map((feature) => cmlName(feature.target!.name)).join(', ')}`);
    // `changes` and the qualities, in the order written (CML reads an aggregate's attribute lines in any order)
    attributeLines(out, aggregate.attributes, [...new Set((aggregate.attributes ?? []).map((setting) => setting.attribute))]);
    for (const note of aggregate.qualityNotes ?? []) {
      const key = qualityStrings[note.keyword.text]?.cml;
      if (key) out.line(`${key} = ${cmlString(note.text)}`);
    }
    const holder = repositoryHolder(aggregate);
    buildingBlocks(out, aggregate, (entity) => (entity === holder ? repository : undefined));
    for (const service of aggregate.services) serviceBlock(out, service);
  });
}

/** The domain object that holds the aggregate's repository in CML: its root, or else its first entity, value object, command or event. */
function repositoryHolder(aggregate: Aggregate): DomainObject | undefined {
  return aggregate.entities.find((entity) => entity.root) ?? aggregate.entities[0] ?? aggregate.values[0] ?? aggregate.commands[0] ?? aggregate.events[0];
}

/** The repository of each aggregate that has an entity to hold it (the first one; the others are noted). */
function repositoriesByAggregate(out: CmlWriter, context: BoundedContext): Map<Aggregate, Repository> {
  const repositories = new Map<Aggregate, Repository>();
  for (const repository of context.repositories) {
    const target = repository.aggregate?.target;
    const aggregate = target?.kind === 'aggregate' ? target : target?.kind === 'entity' ? target.aggregate : undefined;
    if (aggregate && repositoryHolder(aggregate) && !repositories.has(aggregate)) repositories.set(aggregate, repository);
    else out.notes.add("repository without a domain object to hold it, or its aggregate's second (CML keeps one repository in a domain object of the aggregate)");
  }
  return repositories;
}

const sharedModule = 'Shared';

/** What a module holds: the context's members that name it (loose members, when `module` is undefined and not in an application layer). */
function inModule(context: BoundedContext, module: Module | undefined): BuildingBlocks & { aggregates: Aggregate[]; services: DomainService[] } {
  const here = (member: { module?: Module; application?: unknown }) => member.module === module && member.application === undefined;
  return {
    aggregates: context.aggregates.filter((aggregate) => aggregate.module === module),
    entities: context.entities.filter(here),
    values: context.values.filter(here),
    enums: context.enums.filter(here),
    commands: context.commands.filter(here),
    events: context.events.filter(here),
    services: context.services.filter(here),
  };
}

/** The body of a bounded context below its attribute lines: application layer, modules, aggregates, services. */
export function contextMembers(out: CmlWriter, context: BoundedContext): void {
  const notes = out.notes;
  notes.add('glossary term (CML has no glossary)', context.glossary.length);
  notes.add('event stream (CML has no event sourcing)', context.streams.length);
  notes.add('read model (CML has no read models)', context.readModels.length);
  const repositories = repositoriesByAggregate(out, context);
  if (context.applications.length) applicationBlock(out, context);
  const loose = inModule(context, undefined);
  const looseBlocks = loose.entities.length + loose.values.length + loose.enums.length + loose.commands.length + loose.events.length;
  const modules: { name: string; module?: Module }[] = context.modules.map((module) => ({ name: module.name, module }));
  if (looseBlocks && !modules.some((entry) => entry.name === sharedModule)) modules.push({ name: sharedModule });
  for (const { name, module } of modules) {
    out.block(`${doc(module?.description)}Module ${cmlName(name)}`, () => {
      if (module) {
        const members = inModule(context, module);
        for (const aggregate of members.aggregates) aggregateBlock(out, aggregate, repositories.get(aggregate));
        buildingBlocks(out, members);
        for (const service of members.services) serviceBlock(out, service);
      }
      if (name === sharedModule) buildingBlocks(out, loose);
    });
  }
  for (const aggregate of loose.aggregates) aggregateBlock(out, aggregate, repositories.get(aggregate));
  for (const service of loose.services) serviceBlock(out, service);
}
