/**
 * The importer's strategic half: domains, bounded contexts and teams, aggregates,
 * modules, the application layer and the context map, in the .ddd syntax of
 * docs/design/context-mapper-syntax.md.
 */
import type { CmlAggregate, CmlApplication, CmlBoundedContext, CmlContextMap, CmlDomain, CmlModule, CmlRelationship, CmlSetting, CmlSubdomain } from './ast';
import { dddString, type DddWriter } from './ddd-writer';
import { domainObjectBlock, serviceBlock, transitionText, type PendingRepository } from './import-tactic';
import { dddWord } from './mapping';

/** A setting as a .ddd attribute line: `keyword value` (enum literal as a word, strings quoted). */
function settingLine(out: DddWriter, setting: CmlSetting, keyword: string): void {
  if (setting.quoted) {
    out.line(`${keyword} ${setting.values.map(dddString).join(', ')}`, setting);
    return;
  }
  const words = setting.values.map((value) => (/^[A-Z][A-Z_]+$/.test(value) ? dddWord(value) : value)).filter((word): word is string => word !== undefined);
  if (words.length) out.line(`${keyword} ${words.join(', ')}`, setting);
}

/** Writes the settings that have a .ddd keyword (`table`: CML key → .ddd keyword); the others are dropped. */
function settingLines(out: DddWriter, settings: readonly CmlSetting[], table: Readonly<Record<string, string>>, owner: string): void {
  for (const setting of settings) {
    const keyword = table[setting.key];
    if (keyword) settingLine(out, setting, keyword);
    else out.drop(setting, `${owner}: '${setting.key}' is not carried over`);
  }
}

export function domainBlock(out: DddWriter, domain: CmlDomain): void {
  const vision = domain.settings.find((setting) => setting.key === 'domainVisionStatement');
  const header = `domain ${domain.name}${vision ? ' ' + dddString(vision.values[0]!) : ''}`;
  if (domain.subdomains.length === 0) {
    out.line(header, domain);
    return;
  }
  out.open(header, domain);
  for (const subdomain of domain.subdomains) subdomainBlock(out, subdomain);
  out.close(domain.end);
}

function subdomainBlock(out: DddWriter, subdomain: CmlSubdomain): void {
  const type = subdomain.settings.find((setting) => setting.key === 'type');
  const vision = subdomain.settings.find((setting) => setting.key === 'domainVisionStatement');
  const word = type ? dddWord(type.values[0]!) : undefined;
  let header = `${word ? word + ' ' : ''}subdomain ${subdomain.name}`;
  if (vision) header += ' ' + dddString(vision.values[0]!);
  if (subdomain.supports.length) header += ` supports ${subdomain.supports.map((ref) => ref.name).join(', ')}`;
  if (subdomain.entities.length === 0 && subdomain.services.length === 0) {
    out.line(header, subdomain);
    return;
  }
  out.open(header, subdomain);
  for (const entity of subdomain.entities) domainObjectBlock(out, entity, undefined, []);
  for (const service of subdomain.services) serviceBlock(out, service, `service ${service.name}`);
  out.close(subdomain.end);
}

const contextSettings: Readonly<Record<string, string>> = {
  type: 'kind',
  domainVisionStatement: 'vision',
  responsibilities: 'responsibilities',
  implementationTechnology: 'technology',
  knowledgeLevel: 'knowledge',
  businessModel: 'businessmodel',
  evolution: 'evolution',
};

const aggregateSettings: Readonly<Record<string, string>> = {
  owner: 'owner',
  responsibilities: 'responsibilities',
  useCases: 'features',
  userStories: 'features',
  features: 'features',
  userRequirements: 'features',
  likelihoodForChange: 'changes',
};

/** CML's aggregate qualities, as the lines of a .ddd `qualities { … }` block. */
const qualities: Readonly<Record<string, string>> = {
  securityCriticality: 'security',
  availabilityCriticality: 'availability',
  consistencyCriticality: 'consistency',
  storageSimilarity: 'storage',
  contentVolatility: 'volatility',
  securityZone: 'zone',
  securityAccessGroup: 'access',
};

/** A bounded context, or a team (a bounded context of type TEAM). */
export function contextBlock(out: DddWriter, context: CmlBoundedContext, domainNames: ReadonlySet<string>): void {
  const type = context.settings.find((setting) => setting.key === 'type');
  const team = type?.values[0] === 'TEAM';
  const implemented = context.implements.filter((ref) => {
    if (!domainNames.has(ref.name)) return true;
    out.drop(ref, `${context.name} implements the domain ${ref.name}: a .ddd context implements subdomains, so this is not carried over`);
    return false;
  });
  let header: string;
  if (team) {
    header = `team ${context.name}`;
    if (implemented.length) header += ` implements ${implemented.map((ref) => ref.name).join(', ')}`;
    if (context.realizes.length) header += ` realizes ${context.realizes.map((ref) => ref.name).join(', ')}`;
  } else {
    header = `context ${context.name}`;
    if (implemented.length) header += ` implements ${implemented.map((ref) => ref.name).join(', ')}`;
    if (context.realizes.length) out.drop(context.realizes[0]!, `${context.name}: 'realizes' is carried over only for teams (type = TEAM)`);
  }
  if (context.refines) header += ` refines ${context.refines.name}`;
  const settings = context.settings.filter((setting) => setting !== type || !team);
  const repositories: PendingRepository[] = [];
  const empty = settings.length === 0 && !context.application && context.modules.length === 0 && context.aggregates.length === 0 && context.services.length === 0;
  if (empty) {
    out.line(header, context);
    out.commentsBefore(context.end);
    return;
  }
  out.open(header, context);
  settingLines(out, settings, contextSettings, context.name);
  if (team) {
    for (const part of context.aggregates) out.drop(part, `the team ${context.name}: its aggregate ${part.name} is not carried over (a team holds no model)`);
    for (const part of context.modules) out.drop(part, `the team ${context.name}: its module ${part.name} is not carried over (a team holds no model)`);
    for (const part of context.services) out.drop(part, `the team ${context.name}: its service ${part.name} is not carried over (a team holds no model)`);
    if (context.application) out.drop(context.application, `the team ${context.name}: its Application is not carried over`);
    out.close(context.end);
    return;
  }
  for (const module of context.modules) moduleBlock(out, module, repositories);
  for (const aggregate of context.aggregates) aggregateBlock(out, aggregate, repositories);
  for (const service of context.services) serviceBlock(out, service, `service ${service.name}`);
  for (const { repository, aggregate } of repositories) serviceBlock(out, repository, `repository ${repository.name} for ${aggregate}`);
  if (context.application) applicationBlock(out, context.application);
  out.close(context.end);
}

function moduleBlock(out: DddWriter, module: CmlModule, repositories: PendingRepository[]): void {
  for (const option of module.options) out.drop(option, `module ${module.name}: '${option.name}' is not carried over`);
  for (const part of module.unsupported) out.drop(part, `module ${module.name}: Sculptor's ${part.what} ${part.name} has no .ddd counterpart`);
  out.open(`module ${module.name}${module.doc !== undefined ? ' ' + dddString(module.doc) : ''}`, module);
  for (const aggregate of module.aggregates) aggregateBlock(out, aggregate, repositories);
  for (const object of module.objects) domainObjectBlock(out, object, undefined, repositories);
  for (const service of module.services) serviceBlock(out, service, `service ${service.name}`);
  out.close(module.end);
}

function aggregateBlock(out: DddWriter, aggregate: CmlAggregate, repositories: PendingRepository[]): void {
  const header = `aggregate ${aggregate.name}${aggregate.doc !== undefined ? ' ' + dddString(aggregate.doc) : ''}`;
  for (const part of aggregate.unsupported) out.drop(part, `aggregate ${aggregate.name}: Sculptor's ${part.what} ${part.name} has no .ddd counterpart`);
  if (!aggregate.hasBody || (aggregate.settings.length === 0 && aggregate.objects.length === 0 && aggregate.services.length === 0)) {
    // still being sketched: an empty body (.ddd hints at what to add)
    out.line(header + ' {}', aggregate);
    out.commentsBefore(aggregate.end);
    return;
  }
  out.open(header, aggregate);
  const quality = aggregate.settings.filter((setting) => qualities[setting.key]);
  settingLines(
    out,
    aggregate.settings.filter((setting) => !qualities[setting.key]),
    aggregateSettings,
    `aggregate ${aggregate.name}`,
  );
  const written = quality.filter((setting) => setting.quoted || dddWord(setting.values[0]!) !== undefined);
  if (written.length) {
    out.open('qualities', written[0]);
    for (const setting of written) settingLine(out, setting, qualities[setting.key]!);
    out.close();
  }
  for (const object of aggregate.objects) domainObjectBlock(out, object, aggregate.name, repositories);
  for (const service of aggregate.services) serviceBlock(out, service, `service ${service.name}`);
  out.close(aggregate.end);
}

function applicationBlock(out: DddWriter, application: CmlApplication): void {
  out.open(application.name ? `application ${application.name}` : 'application', application);
  for (const service of application.services) serviceBlock(out, service, `service ${service.name}`);
  for (const command of application.commands) domainObjectBlock(out, command, undefined, []);
  for (const event of application.events) domainObjectBlock(out, event, undefined, []);
  for (const flow of application.flows) {
    out.open(`flow ${flow.name}`, flow);
    for (const step of flow.steps) {
      const gateway = ` ${step.gateway ?? '+'} `;
      if (step.kind === 'triggers') {
        out.line(`event ${step.events.map((event) => event.name).join(' + ')} triggers ${step.action} ${step.targets.map((target) => target.name).join(gateway)}`, step);
        continue;
      }
      let text = `${step.action} ${step.name.name}`;
      if (step.actor !== undefined) text += ` by ${dddString(step.actor)}`;
      if (step.aggregate) text += ` delegates to ${step.aggregate.name}${step.transition ? ' ' + transitionText(step.transition, out) : ''}`;
      text += ` emits ${step.events.map((event) => event.name).join(gateway)}`;
      out.line(text, step);
    }
    out.close(flow.end);
  }
  for (const coordination of application.coordinations) {
    out.open(`coordination ${coordination.name}`, coordination);
    for (const step of coordination.steps) out.line(`${step.context}.${step.service}.${step.operation}`, step);
    out.close(coordination.end);
  }
  out.close(application.end);
}

// ---------------------------------------------------------------- context map

const relationshipSettings: Readonly<Record<string, string>> = {
  implementationTechnology: 'technology',
  downstreamRights: 'rights',
};

function rolesText(roles: readonly string[]): string {
  return roles.length ? ` [${roles.join(', ')}]` : '';
}

function relationshipLine(out: DddWriter, relationship: CmlRelationship): void {
  let text: string;
  const { first, second } = relationship;
  switch (relationship.kind) {
    case 'partnership':
      text = `${first.name} [P] <-> ${second.name} [P]`;
      break;
    case 'sharedKernel':
      // CML reads a bare `A <-> B` as a shared kernel: .ddd says so, where a bare `<->` means nothing
      text = `${first.name} [SK] <-> ${second.name} [SK]`;
      break;
    case 'customerSupplier':
      text = `${first.name}${rolesText(['S', ...relationship.upstreamRoles])} -> ${second.name}${rolesText(['C', ...relationship.downstreamRoles])}`;
      break;
    case 'upstreamDownstream':
      text = `${first.name}${rolesText(relationship.upstreamRoles)} -> ${second.name}${rolesText(relationship.downstreamRoles)}`;
      break;
  }
  if (relationship.name) text += ` as ${relationship.name}`;
  if (relationship.settings.length === 0) {
    out.line(text, relationship);
    return;
  }
  out.open(text, relationship);
  for (const setting of relationship.settings) {
    if (setting.key === 'exposedAggregates') out.line(`exposes ${setting.values.join(', ')}`, setting);
    else settingLine(out, setting, relationshipSettings[setting.key]!);
  }
  out.close(relationship.end);
}

export function contextMapBlock(out: DddWriter, map: CmlContextMap, fallbackName: string): void {
  out.open(`contextmap ${map.name ?? fallbackName}`, map);
  for (const setting of map.settings) settingLine(out, setting, setting.key === 'type' ? 'kind' : 'state');
  // CML lists every context of the map; .ddd lists only those no relationship names
  const related = new Set(map.relationships.flatMap((relationship) => [relationship.first.name, relationship.second.name]));
  const alone = [...new Set(map.contains.map((ref) => ref.name))].filter((name) => !related.has(name));
  if (alone.length) out.line(`contains ${alone.join(', ')}`, map.contains[0]);
  for (const relationship of map.relationships) relationshipLine(out, relationship);
  out.close(map.end);
}

