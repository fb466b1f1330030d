/**
 * CML's strategic part: context maps and their relationships (every arrow,
 * keyword and role-bracket form), bounded contexts, domains and subdomains,
 * aggregates, modules and the application layer (flows, coordinations).
 */
import type {
  CmlAggregate,
  CmlBoundedContext,
  CmlContextMap,
  CmlDomain,
  CmlModule,
  CmlRef,
  CmlRelationship,
  CmlRelationshipKind,
  CmlSetting,
  CmlSubdomain,
  Located,
} from './ast';
import type { Cursor } from './cursor';
import type { CmlToken } from './lexer';
import { application } from './application-parser';
import { consumer, domainObject, service, startsDomainObject } from './tactic-parser';

export const cmlEnums = {
  contextMapType: ['UNDEFINED', 'SYSTEM_LANDSCAPE', 'ORGANIZATIONAL'],
  contextMapState: ['UNDEFINED', 'AS_IS', 'TO_BE'],
  contextType: ['UNDEFINED', 'FEATURE', 'APPLICATION', 'SYSTEM', 'TEAM'],
  subdomainType: ['UNDEFINED', 'CORE_DOMAIN', 'SUPPORTING_DOMAIN', 'GENERIC_SUBDOMAIN'],
  downstreamRights: ['INFLUENCER', 'OPINION_LEADER', 'VETO_RIGHT', 'DECISION_MAKER', 'MONOPOLIST'],
  knowledgeLevel: ['META', 'CONCRETE'],
  volatility: ['UNDEFINED', 'NORMAL', 'RARELY', 'OFTEN'],
  criticality: ['UNDEFINED', 'NORMAL', 'HIGH', 'LOW'],
  similarity: ['UNDEFINED', 'NORMAL', 'HUGE', 'TINY'],
  evolution: ['UNDEFINED', 'GENESIS', 'CUSTOM_BUILT', 'PRODUCT', 'COMMODITY'],
  level: ['UNDEFINED', 'HIGH', 'MEDIUM', 'LOW'],
  coreValue: ['UNDEFINED', 'AUTONOMY', 'CARE', 'CONTROL', 'FAIRNESS', 'INCLUSIVENESS', 'INNOVATION', 'PERFECTION', 'PRIVACY', 'RESPECT', 'SUSTAINABILITY', 'TRANSPARENCY', 'TRUST'],
} as const;

/** Adds a setting; a setting given twice is an error, as in Context Mapper. */
export function addSetting(c: Cursor, settings: CmlSetting[], setting: CmlSetting): void {
  if (settings.some((other) => other.key === setting.key)) c.fail(`no second '${setting.key}' (it is given once)`, c.peek());
  settings.push(setting);
}

// ---------------------------------------------------------------- context map

export const cmlRoleWords = ['U', 'D', 'S', 'C', 'P', 'SK', 'PL', 'OHS', 'ACL', 'CF'];

interface Roles extends Located {
  words: string[];
  token: CmlToken;
}

function roles(c: Cursor): Roles | undefined {
  if (!c.isSymbol('[')) return undefined;
  const at = c.here();
  const token = c.next();
  const words: string[] = [];
  if (!c.isSymbol(']')) {
    do words.push(c.keyword(...cmlRoleWords));
    while (c.acceptSymbol(','));
  }
  c.symbol(']');
  return { words, token, ...at };
}

const connectors = ['Partnership', 'Shared-Kernel', 'Upstream-Downstream', 'Downstream-Upstream', 'Customer-Supplier', 'Supplier-Customer'];

/**
 * An upstream (or downstream) role list of an arrow form: `[U]`, `[U,S,OHS]`, `[S,PL]`, `[OHS]`.
 * Returns whether it says supplier (customer), and its roles.
 */
function sideRoles(c: Cursor, list: Roles | undefined, side: 'up' | 'down', keywordForm: boolean): { cs: boolean; roles: string[] } {
  if (!list) return { cs: false, roles: [] };
  const marker = side === 'up' ? 'U' : 'D';
  const csWord = side === 'up' ? 'S' : 'C';
  const allowed = side === 'up' ? ['PL', 'OHS'] : ['ACL', 'CF'];
  const words = [...list.words];
  const where = list.token;
  if (!keywordForm && words[0] === marker) words.shift();
  else if (!keywordForm && list.words.length === 0) c.fail(`roles inside [ ] (or no brackets)`, where);
  const cs = !keywordForm && words[0] === csWord;
  if (cs) words.shift();
  for (const word of words) {
    if (allowed.includes(word)) continue;
    const takes = keywordForm ? allowed.join(' or ') : `${marker}, ${csWord}, ${allowed.join(' or ')} (in this order)`;
    c.refuse(`${word} is not ${side === 'up' ? 'an upstream' : 'a downstream'} role here: the ${side === 'up' ? 'upstream' : 'downstream'} side takes ${takes}`, where);
  }
  if (!keywordForm && list.words.length === 1 && list.words[0] === marker) return { cs: false, roles: [] };
  return { cs, roles: words };
}

function symmetricRole(c: Cursor, list: Roles | undefined): string | undefined {
  if (!list) return undefined;
  if (list.words.length !== 1 || (list.words[0] !== 'P' && list.words[0] !== 'SK')) c.fail('[P] or [SK] on a <-> relationship', list.token);
  return list.words[0];
}

function relationship(c: Cursor): CmlRelationship {
  const at = c.here();
  const leftPrefix = roles(c);
  const left = c.ref('a bounded context');
  const leftSuffix = roles(c);
  const connector = c.peek();
  let kind: CmlRelationshipKind;
  let first = left;
  let second: CmlRef;
  let upstreamRoles: string[] = [];
  let downstreamRoles: string[] = [];
  if (connector.kind === 'keyword' && connectors.includes(connector.text)) {
    c.next();
    const rightPrefix = roles(c);
    second = c.ref('a bounded context');
    if (leftPrefix) c.fail(`a bounded context before ${connector.text}`, connector);
    if (connector.text === 'Partnership' || connector.text === 'Shared-Kernel') {
      if (leftSuffix || rightPrefix) c.fail(`no roles with ${connector.text}`, connector);
      kind = connector.text === 'Partnership' ? 'partnership' : 'sharedKernel';
    } else {
      const leftIsUpstream = connector.text === 'Upstream-Downstream' || connector.text === 'Supplier-Customer';
      const up = sideRoles(c, leftIsUpstream ? leftSuffix : rightPrefix, 'up', true);
      const down = sideRoles(c, leftIsUpstream ? rightPrefix : leftSuffix, 'down', true);
      kind = connector.text === 'Customer-Supplier' || connector.text === 'Supplier-Customer' ? 'customerSupplier' : 'upstreamDownstream';
      upstreamRoles = up.roles;
      downstreamRoles = down.roles;
      if (!leftIsUpstream) [first, second] = [second, left];
    }
  } else if (c.isSymbol('<->')) {
    c.next();
    const rightPrefix = roles(c);
    second = c.ref('a bounded context');
    const rightSuffix = rightPrefix ? undefined : roles(c);
    if (leftPrefix && leftSuffix) c.fail("one role list per side", connector);
    const leftRole = symmetricRole(c, leftPrefix ?? leftSuffix);
    const rightRole = symmetricRole(c, rightPrefix ?? rightSuffix);
    if (leftRole !== rightRole) c.fail(leftRole ? `[${leftRole}] on both sides` : 'roles on both sides, or on neither', connector);
    kind = leftRole === 'P' ? 'partnership' : 'sharedKernel';
  } else if (c.isSymbol('->') || c.isSymbol('<-')) {
    c.next();
    if (leftPrefix) c.fail("the role list after the bounded context's name", connector);
    const rightPrefix = roles(c);
    second = c.ref('a bounded context');
    const leftIsUpstream = connector.text === '->';
    const up = sideRoles(c, leftIsUpstream ? leftSuffix : rightPrefix, 'up', false);
    const down = sideRoles(c, leftIsUpstream ? rightPrefix : leftSuffix, 'down', false);
    if (up.cs !== down.cs) c.fail(up.cs ? 'C on the downstream side of a supplier (S)' : 'S on the upstream side of a customer (C)', connector);
    kind = up.cs ? 'customerSupplier' : 'upstreamDownstream';
    upstreamRoles = up.roles;
    downstreamRoles = down.roles;
    if (!leftIsUpstream) [first, second] = [second, left];
  } else {
    c.fail("'->', '<-', '<->' or a relationship keyword (Shared-Kernel, Partnership, Customer-Supplier, Upstream-Downstream)");
  }
  const bare = connector.kind === 'symbol' && connector.text === '<->' && !leftPrefix && !leftSuffix && kind === 'sharedKernel' && !c.isSymbol(']', -1);
  const result: CmlRelationship = { kind, first, second, upstreamRoles, downstreamRoles, bare, settings: [], exposedAggregates: [], ...at, end: 0 };
  if (c.acceptSymbol(':')) result.name = c.name('a relationship name');
  if (c.acceptSymbol('{')) {
    const symmetric = kind === 'partnership' || kind === 'sharedKernel';
    while (!c.isSymbol('}')) {
      if (c.isKeyword('implementationTechnology')) addSetting(c, result.settings, c.stringSetting('implementationTechnology'));
      else if (!symmetric && c.isKeyword('exposedAggregates')) {
        const setting = c.refSetting('exposedAggregates', true);
        addSetting(c, result.settings, setting);
        result.exposedAggregates = setting.refs;
      } else if (!symmetric && c.isKeyword('downstreamRights')) addSetting(c, result.settings, c.enumSetting('downstreamRights', cmlEnums.downstreamRights));
      else c.fail(symmetric ? "implementationTechnology or '}'" : "implementationTechnology, exposedAggregates, downstreamRights or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

export function contextMap(c: Cursor): CmlContextMap {
  const at = c.here();
  c.keyword('ContextMap');
  const map: CmlContextMap = { settings: [], contains: [], relationships: [], ...at, end: 0 };
  if (c.isName()) map.name = c.name();
  c.symbol('{');
  for (;;) {
    if (c.isKeyword('type')) addSetting(c, map.settings, c.enumSetting('type', cmlEnums.contextMapType));
    else if (c.isKeyword('state')) addSetting(c, map.settings, c.enumSetting('state', cmlEnums.contextMapState));
    else break;
  }
  while (c.acceptKeyword('contains')) map.contains.push(...c.refList('a bounded context'));
  while (!c.isSymbol('}')) map.relationships.push(relationship(c));
  c.symbol('}');
  map.end = c.lastEnd();
  return map;
}

// ---------------------------------------------------------------- bounded contexts, domains

function contextSetting(c: Cursor, settings: CmlSetting[]): boolean {
  if (c.isKeyword('domainVisionStatement')) addSetting(c, settings, c.stringSetting('domainVisionStatement'));
  else if (c.isKeyword('type')) addSetting(c, settings, c.enumSetting('type', cmlEnums.contextType));
  else if (c.isKeyword('responsibilities')) addSetting(c, settings, c.stringListSetting('responsibilities'));
  else if (c.isKeyword('implementationTechnology')) addSetting(c, settings, c.stringSetting('implementationTechnology'));
  else if (c.isKeyword('knowledgeLevel')) addSetting(c, settings, c.enumSetting('knowledgeLevel', cmlEnums.knowledgeLevel));
  else if (c.isKeyword('businessModel')) addSetting(c, settings, c.stringSetting('businessModel'));
  else if (c.isKeyword('evolution')) addSetting(c, settings, c.enumSetting('evolution', cmlEnums.evolution));
  else return false;
  return true;
}

export function boundedContext(c: Cursor): CmlBoundedContext {
  const at = c.here();
  c.keyword('BoundedContext');
  const context: CmlBoundedContext = { name: c.name('a bounded context name'), implements: [], realizes: [], settings: [], modules: [], aggregates: [], services: [], ...at, end: 0 };
  for (;;) {
    if (c.acceptKeyword('implements')) context.implements = c.refList('a domain or subdomain');
    else if (c.acceptKeyword('realizes')) context.realizes = c.refList('a bounded context');
    else if (c.acceptKeyword('refines')) context.refines = c.ref('a bounded context');
    else break;
  }
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (contextSetting(c, context.settings)) continue;
      if (c.isKeyword('Application')) {
        if (context.application) c.fail("one Application per bounded context");
        context.application = application(c);
        continue;
      }
      const doc = c.optionalString();
      if (c.isKeyword('Module')) context.modules.push(module(c, doc));
      else if (c.isKeyword('Aggregate')) context.aggregates.push(aggregate(c, doc));
      else if (c.isKeyword('Service')) context.services.push(service(c, doc, 'Service'));
      else c.fail("a bounded context attribute, Application, Module, Aggregate, Service or '}'");
    }
    c.symbol('}');
  }
  context.end = c.lastEnd();
  return context;
}

export function domain(c: Cursor): CmlDomain {
  const at = c.here();
  c.keyword('Domain');
  const result: CmlDomain = { name: c.name('a domain name'), settings: [], subdomains: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    while (!c.isSymbol('}')) {
      if (c.isKeyword('domainVisionStatement')) addSetting(c, result.settings, c.stringSetting('domainVisionStatement'));
      else if (c.isKeyword('Subdomain')) result.subdomains.push(subdomain(c));
      else c.fail("domainVisionStatement, Subdomain or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function subdomain(c: Cursor): CmlSubdomain {
  const at = c.here();
  c.keyword('Subdomain');
  const result: CmlSubdomain = { name: c.name('a subdomain name'), supports: [], settings: [], entities: [], services: [], hasBody: false, ...at, end: 0 };
  if (c.acceptKeyword('supports')) result.supports = c.refList('a use case or user story');
  if (c.acceptSymbol('{')) {
    result.hasBody = true;
    for (;;) {
      if (c.isKeyword('type')) addSetting(c, result.settings, c.enumSetting('type', cmlEnums.subdomainType));
      else if (c.isKeyword('domainVisionStatement')) addSetting(c, result.settings, c.stringSetting('domainVisionStatement'));
      else break;
    }
    while (!c.isSymbol('}')) {
      const ahead = c.isString() ? 1 : 0;
      const token = c.peek(ahead);
      if (token.kind === 'keyword' && token.text === 'Service') result.services.push(service(c, c.optionalString(), 'Service'));
      else if ((token.kind === 'keyword' && token.text === 'Entity') || (token.text === 'abstract' && c.isKeyword('Entity', ahead + 1))) result.entities.push(domainObject(c, c.optionalString()));
      else c.fail("an Entity, a Service or '}' (a subdomain holds entities and services)");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

// ---------------------------------------------------------------- aggregates, modules

function aggregateSetting(c: Cursor, settings: CmlSetting[]): boolean {
  const token = c.peek();
  if (token.kind !== 'keyword') return false;
  switch (token.text) {
    case 'responsibilities':
      addSetting(c, settings, c.stringListSetting('responsibilities'));
      return true;
    case 'useCases':
    case 'userStories':
    case 'features':
    case 'userRequirements': {
      const setting = c.refSetting(token.text, true);
      if (settings.some((other) => ['useCases', 'userStories', 'features', 'userRequirements'].includes(other.key))) c.fail('one list of use cases, user stories or features');
      settings.push(setting);
      return true;
    }
    case 'owner':
      addSetting(c, settings, c.refSetting('owner', false));
      return true;
    case 'knowledgeLevel':
      addSetting(c, settings, c.enumSetting('knowledgeLevel', cmlEnums.knowledgeLevel));
      return true;
    case 'likelihoodForChange':
    case 'structuralVolatility': {
      const setting = c.enumSetting(token.text, cmlEnums.volatility);
      addSetting(c, settings, { ...setting, key: 'likelihoodForChange' });
      return true;
    }
    case 'contentVolatility':
      addSetting(c, settings, c.enumSetting(token.text, cmlEnums.volatility));
      return true;
    case 'availabilityCriticality':
    case 'consistencyCriticality':
    case 'securityCriticality':
      addSetting(c, settings, c.enumSetting(token.text, cmlEnums.criticality));
      return true;
    case 'storageSimilarity':
      addSetting(c, settings, c.enumSetting(token.text, cmlEnums.similarity));
      return true;
    case 'securityZone':
    case 'securityAccessGroup':
      addSetting(c, settings, c.stringSetting(token.text));
      return true;
    default:
      return false;
  }
}

/** Services, resources, consumers and domain objects: what aggregates and modules hold. */
function buildingBlock(c: Cursor, into: Pick<CmlAggregate, 'services' | 'objects' | 'unsupported'>, doc: string | undefined): boolean {
  if (c.isKeyword('Service')) into.services.push(service(c, doc, 'Service'));
  else if (c.isKeyword('Resource')) {
    const resource = service(c, doc, 'Resource');
    into.unsupported.push({ what: 'Resource', name: resource.name, at: resource.at, line: resource.line });
  } else if (c.isKeyword('Consumer')) into.unsupported.push(consumer(c));
  else if (startsDomainObject(c)) into.objects.push(domainObject(c, doc));
  else return false;
  return true;
}

export function aggregate(c: Cursor, doc: string | undefined): CmlAggregate {
  const at = c.here();
  c.keyword('Aggregate');
  const result: CmlAggregate = { ...(doc !== undefined ? { doc } : {}), name: c.name('an aggregate name'), settings: [], services: [], objects: [], unsupported: [], hasBody: false, ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    result.hasBody = true;
    while (aggregateSetting(c, result.settings));
    while (!c.isSymbol('}')) {
      const memberDoc = c.optionalString();
      if (!buildingBlock(c, result, memberDoc)) c.fail("an aggregate attribute, a Service, an Entity, a ValueObject, an Event, a Command, an enum or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}

function module(c: Cursor, doc: string | undefined): CmlModule {
  const at = c.here();
  c.keyword('Module');
  const result: CmlModule = { ...(doc !== undefined ? { doc } : {}), name: c.name('a module name'), options: [], aggregates: [], services: [], objects: [], unsupported: [], ...at, end: 0 };
  if (c.acceptSymbol('{')) {
    const optionAt = c.here();
    if (c.acceptKeyword('external')) result.options.push({ name: 'external', negated: false, ...optionAt });
    if (c.isKeyword('basePackage')) {
      const where = c.here();
      c.next();
      c.symbol('=');
      result.options.push({ name: 'basePackage', negated: false, value: c.dottedName(), ...where });
    }
    if (c.isKeyword('hint')) {
      const where = c.here();
      c.next();
      c.symbol('=');
      result.options.push({ name: 'hint', negated: false, value: c.string(), ...where });
    }
    while (!c.isSymbol('}')) {
      const memberDoc = c.optionalString();
      if (c.isKeyword('Aggregate')) result.aggregates.push(aggregate(c, memberDoc));
      else if (!buildingBlock(c, result, memberDoc)) c.fail("an Aggregate, a Service, a domain object or '}'");
    }
    c.symbol('}');
  }
  result.end = c.lastEnd();
  return result;
}
