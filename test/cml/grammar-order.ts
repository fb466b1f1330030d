/**
 * The order rules of Context Mapper's (Xtext) grammar that our CML reader does
 * not enforce (docs/context-mapper.md, "How CML is read"): in an unordered group
 * (`a* & b* & c*`) each list is written in one run; a bounded context's
 * attribute lines come before its members, `businessModel` right after the first
 * attribute group; a subdomain's entities come before its services; an entity's
 * repository comes after its attributes and operations. The round-trip tests
 * hold every export to them, so that what we write is CML Context Mapper reads.
 */
import type { CmlBoundedContext, CmlModel, CmlValue, Located } from '../../src/language/cml/ast';

type Labelled = { label: string; at: number };

/** The labels, in written order, that are not in one run each. */
function splitRuns(parts: readonly Labelled[]): string[] {
  const seen = new Set<string>();
  const broken = new Set<string>();
  let previous: string | undefined;
  for (const part of [...parts].sort((a, b) => a.at - b.at)) {
    if (part.label !== previous && seen.has(part.label)) broken.add(part.label);
    seen.add(part.label);
    previous = part.label;
  }
  return [...broken];
}

const labelled = (label: string, parts: readonly Located[]): Labelled[] => parts.map((part) => ({ label, at: part.at }));

const firstGroup = new Set(['domainVisionStatement', 'type', 'responsibilities', 'implementationTechnology', 'knowledgeLevel']);

function contextProblems(context: CmlBoundedContext): string[] {
  const problems: string[] = [];
  const members: Labelled[] = [
    ...labelled('Application', context.application ? [context.application] : []),
    ...labelled('Module', context.modules),
    ...labelled('Aggregate', context.aggregates),
    ...labelled('Service', context.services),
  ];
  const firstMember = Math.min(...members.map((member) => member.at));
  const attributes = context.settings.filter((setting) => setting.key !== 'evolution');
  if (attributes.some((setting) => setting.at > firstMember)) problems.push(`${context.name}: an attribute line after a member`);
  const businessModel = context.settings.find((setting) => setting.key === 'businessModel');
  if (businessModel && context.settings.some((setting) => firstGroup.has(setting.key) && setting.at > businessModel.at)) problems.push(`${context.name}: businessModel before ${[...firstGroup].join(', ')}`);
  const evolution = context.settings.find((setting) => setting.key === 'evolution');
  if (evolution && attributes.some((setting) => setting.at > evolution.at) && attributes.some((setting) => setting.at < evolution.at)) problems.push(`${context.name}: evolution inside the first attribute group`);
  if (evolution && members.some((member) => member.at < evolution.at) && members.some((member) => member.at > evolution.at)) problems.push(`${context.name}: evolution between members`);
  for (const label of splitRuns(members)) problems.push(`${context.name}: its ${label}s are not written together`);
  const application = context.application;
  if (application) {
    const parts = [...labelled('Command', application.commands), ...labelled('Event', application.events), ...labelled('Service', application.services), ...labelled('Flow', application.flows), ...labelled('Coordination', application.coordinations)];
    for (const label of splitRuns(parts)) problems.push(`${context.name}'s Application: its ${label}s are not written together`);
  }
  for (const aggregate of [...context.aggregates, ...context.modules.flatMap((module) => module.aggregates)]) {
    const firstObject = Math.min(...[...aggregate.objects, ...aggregate.services].map((part) => part.at));
    if (aggregate.settings.some((setting) => setting.at > firstObject)) problems.push(`${aggregate.name}: an aggregate attribute after a domain object or service`);
    for (const object of aggregate.objects) {
      const repository = object.repository;
      if (repository && [...object.attributes, ...object.operations].some((part) => part.at > repository.at)) problems.push(`${object.name}: its repository before an attribute or operation`);
    }
  }
  return problems;
}

function valueProblems(owner: string, value: CmlValue & { values?: CmlValue[] }): string[] {
  const parts = [...value.settings.map((setting) => ({ label: setting.key, at: setting.at })), ...labelled('Value', value.values ?? []), ...labelled('Stakeholder', value.elicitations)];
  return splitRuns(parts).map((label) => `${owner} ${value.name}: its ${label} lines are not written together`);
}

/** What in a parsed CML model breaks an order rule of Context Mapper's grammar. */
export function grammarOrderProblems(model: CmlModel): string[] {
  const top: Labelled[] = [
    ...labelled('ContextMap', model.map ? [model.map] : []),
    ...labelled('BoundedContext', model.contexts),
    ...labelled('Domain', model.domains),
    ...labelled('UseCase or UserStory', model.requirements),
    ...labelled('Stakeholders', model.stakeholders),
    ...labelled('ValueRegister', model.valueRegisters),
  ];
  const problems = splitRuns(top).map((label) => `the ${label} parts are not written together`);
  for (const context of model.contexts) problems.push(...contextProblems(context));
  for (const domain of model.domains) {
    for (const subdomain of domain.subdomains) {
      const firstService = Math.min(...subdomain.services.map((service) => service.at));
      if (subdomain.entities.some((entity) => entity.at > firstService)) problems.push(`${subdomain.name}: an entity after a service`);
    }
  }
  for (const register of model.valueRegisters) {
    for (const cluster of register.clusters) problems.push(...valueProblems('ValueCluster', cluster), ...cluster.values.flatMap((value) => valueProblems('Value', value)));
    for (const value of register.values) problems.push(...valueProblems('Value', value));
  }
  return problems;
}
