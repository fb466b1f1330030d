/**
 * The CML parser, construct by construct, on the fixtures (test/fixtures/cml):
 * what it reads from each part of Context Mapper's grammar.
 */
import { describe, expect, it } from 'vitest';
import type { CmlBoundedContext, CmlDomainObject, CmlRelationship } from '../../src/language/cml/ast';
import { cmlFixtureNames, parsed } from './cml-fixtures';

const context = (name: string, file: string): CmlBoundedContext => parsed(file).contexts.find((candidate) => candidate.name === name)!;
const object = (objects: readonly CmlDomainObject[], name: string) => objects.find((candidate) => candidate.name === name)!;
const settings = (list: readonly { key: string; values: string[] }[]) => Object.fromEntries(list.map((setting) => [setting.key, setting.values]));

describe('the CML parser', () => {
  it.each(cmlFixtureNames)('reads %s', (name) => {
    expect(parsed(name)).toBeDefined();
  });

  it('reads domains and subdomains with their types and vision statements', () => {
    const model = parsed('strategic-basic.cml');
    expect(model.domains.map((domain) => domain.name)).toEqual(['Insurance', 'Reinsurance']);
    const [insurance] = model.domains;
    expect(insurance!.subdomains.map((subdomain) => [subdomain.name, settings(subdomain.settings)['type']?.[0]])).toEqual([
      ['CustomerDomain', 'CORE_DOMAIN'],
      ['PolicyDomain', 'CORE_DOMAIN'],
      ['ProductDomain', 'SUPPORTING_DOMAIN'],
      ['DebtsDomain', 'GENERIC_SUBDOMAIN'],
      ['PrintingDomain', undefined],
    ]);
    expect(settings(insurance!.subdomains[0]!.settings)['domainVisionStatement']).toEqual(['Who our customers are']);
    const customer = parsed('strategic-attributes.cml').domains[0]!.subdomains[0]!;
    expect(customer.supports.map((ref) => ref.name)).toEqual(['UpdateAddress', 'GetOffer']);
    expect(customer.entities.map((entity) => entity.name)).toEqual(['Customer']);
    expect(customer.services.map((service) => service.name)).toEqual(['CustomerService']);
  });

  it('reads bounded contexts with every attribute, implements, realizes and refines', () => {
    const customers = context('CustomerManagement', 'strategic-attributes.cml');
    expect(customers.implements.map((ref) => ref.name)).toEqual(['CustomerDomain']);
    expect(customers.refines?.name).toBe('CustomerCore');
    expect(settings(customers.settings)).toEqual({
      domainVisionStatement: ["Manage the customers' data"],
      type: ['FEATURE'],
      responsibilities: ['Customers', 'Addresses'],
      implementationTechnology: ['Java, Spring Boot'],
      knowledgeLevel: ['CONCRETE'],
      businessModel: ['Subscription'],
      evolution: ['CUSTOM_BUILT'],
    });
    const team = context('CustomersFrontendTeam', 'teams.cml');
    expect(settings(team.settings)['type']).toEqual(['TEAM']);
    expect(team.realizes.map((ref) => ref.name)).toEqual(['CustomerSelfService', 'Printing']);
  });

  it('reads a context map: name, type, state, contains and relationship attributes', () => {
    const map = parsed('strategic-attributes.cml').map!;
    expect(map.name).toBe('InsuranceContextMap');
    expect(settings(map.settings)).toEqual({ type: ['SYSTEM_LANDSCAPE'], state: ['TO_BE'] });
    expect(map.contains.map((ref) => ref.name)).toEqual(['CustomerManagement', 'CustomerSelfService', 'PolicyManagement', 'Printing', 'Archive']);
    const [frontend, policy, kernel, partnership] = map.relationships as [CmlRelationship, CmlRelationship, CmlRelationship, CmlRelationship];
    expect(frontend).toMatchObject({ kind: 'upstreamDownstream', name: 'CustomerFrontend', upstreamRoles: ['OHS', 'PL'], downstreamRoles: ['CF'] });
    expect(frontend.exposedAggregates.map((ref) => ref.name)).toEqual(['Customers', 'Addresses']);
    expect(settings(frontend.settings)).toMatchObject({ implementationTechnology: ['RESTful HTTP'], downstreamRights: ['VETO_RIGHT'] });
    expect(policy).toMatchObject({ kind: 'customerSupplier', name: 'PolicyCustomers', downstreamRoles: ['ACL'] });
    expect([policy.first.name, policy.second.name]).toEqual(['CustomerManagement', 'PolicyManagement']);
    expect(kernel).toMatchObject({ kind: 'sharedKernel', name: 'CommonModel', bare: false });
    expect(partnership.kind).toBe('partnership');
    expect(parsed('teams.cml').map!.settings.map((setting) => setting.values[0])).toEqual(['ORGANIZATIONAL', 'AS_IS']);
  });

  it('reads every relationship form, with the upstream first', () => {
    const relationships = parsed('relationships.cml').map!.relationships;
    const summary = relationships.map((r) => `${r.kind} ${r.first.name}${r.upstreamRoles.length ? `[${r.upstreamRoles}]` : ''} ${r.second.name}${r.downstreamRoles.length ? `[${r.downstreamRoles}]` : ''}${r.bare ? ' bare' : ''}`);
    expect(summary).toEqual([
      'partnership Alpha Beta',
      'partnership Alpha Gamma',
      'partnership Alpha Delta',
      'partnership Beta Gamma',
      'partnership Beta Delta',
      'sharedKernel Alpha Epsilon',
      'sharedKernel Beta Epsilon',
      'sharedKernel Gamma Epsilon',
      'sharedKernel Delta Epsilon',
      'sharedKernel Gamma Delta',
      'sharedKernel Alpha Zeta bare',
      'upstreamDownstream Alpha Eta',
      'upstreamDownstream Alpha Theta',
      'upstreamDownstream Beta[OHS,PL] Eta[ACL]',
      'upstreamDownstream Beta[OHS] Theta[CF]',
      'upstreamDownstream Gamma[PL] Eta',
      'upstreamDownstream Delta Eta',
      'upstreamDownstream Epsilon[OHS] Eta[ACL]',
      'upstreamDownstream Zeta[PL] Theta[CF]',
      'upstreamDownstream Zeta Eta',
      'upstreamDownstream Zeta[OHS] Theta[ACL]',
      'upstreamDownstream Zeta Iota',
      'upstreamDownstream Alpha[PL] Iota[CF]',
      'customerSupplier Alpha Iota',
      'customerSupplier Beta[OHS] Iota[ACL]',
      'customerSupplier Gamma[PL] Iota[CF]',
      'customerSupplier Delta Kappa',
      'customerSupplier Epsilon[OHS] Kappa[ACL]',
      'customerSupplier Theta Kappa',
      'customerSupplier Zeta[PL] Kappa[CF]',
    ]);
  });

  it('reads aggregates with every attribute, modules and services inside aggregates', () => {
    const claims = context('Claims', 'aggregates.cml');
    const module = claims.modules[0]!;
    expect(module.name).toBe('claimsHandling');
    expect(module.options.map((option) => option.name)).toEqual(['external', 'basePackage', 'hint']);
    const aggregate = module.aggregates[0]!;
    expect(aggregate.doc).toBe('The claims of our customers');
    expect(settings(aggregate.settings)).toEqual({
      owner: ['ClaimsTeam'],
      responsibilities: ['Claims', 'Payouts'],
      useCases: ['SubmitClaim', 'CheckClaim'],
      likelihoodForChange: ['OFTEN'],
      knowledgeLevel: ['CONCRETE'],
      contentVolatility: ['RARELY'],
      availabilityCriticality: ['HIGH'],
      consistencyCriticality: ['NORMAL'],
      storageSimilarity: ['HUGE'],
      securityCriticality: ['LOW'],
      securityZone: ['Internal'],
      securityAccessGroup: ['Claims handlers'],
    });
    expect(aggregate.services.map((service) => service.name)).toEqual(['ClaimChecker']);
    expect(module.objects.map((o) => o.name)).toEqual(['Money']);
    // structuralVolatility is the other spelling of likelihoodForChange
    expect(settings(claims.aggregates[0]!.settings)).toEqual({ userStories: ['PayOut'], likelihoodForChange: ['RARELY'], storageSimilarity: ['TINY'] });
    expect(claims.aggregates.map((a) => [a.name, a.hasBody])).toEqual([
      ['Payouts', true],
      ['Reviews', true],
      ['Sketch', true],
    ]);
  });

  it('reads entities, value objects, events, commands and enums with attributes, references and operations', () => {
    const claims = context('ClaimsManagement', 'tactic-basic.cml').aggregates[0]!;
    const claim = object(claims.objects, 'Claim');
    expect(claim.options.map((option) => option.name)).toEqual(['aggregateRoot']);
    expect(claim.attributes.find((a) => a.name === 'description')).toMatchObject({ nullable: true, type: { name: 'String' } });
    expect(claim.attributes.find((a) => a.name === 'items')).toMatchObject({ reference: true, type: { name: 'List', args: [{ name: 'ClaimItem' }] } });
    expect(claim.attributes.find((a) => a.name === 'witnesses')).toMatchObject({ reference: true, type: { name: 'Set', args: [{ name: 'Witness' }] } });
    expect(claim.attributes.find((a) => a.name === 'keywords')).toMatchObject({ reference: false, type: { name: 'Bag', args: [{ name: 'String' }] } });
    expect(claim.operations.map((operation) => [operation.name, operation.returns?.name])).toEqual([
      ['isOpen', 'boolean'],
      ['close', 'void'],
    ]);
    expect(claim.repository?.operations.map((operation) => operation.name)).toEqual(['find', 'findAll', 'save', 'byNumber', 'count']);
    expect(claim.repository?.operations[3]!.returns).toEqual({ name: 'Map', args: [{ name: 'String', args: [] }, { name: 'Claim', args: [] }] });
    expect(claims.objects.map((o) => `${o.keyword} ${o.name}`)).toEqual([
      'Entity Claim',
      'Entity ClaimItem',
      'ValueObject Witness',
      'ValueObject Policy',
      'enum ClaimStatus',
      'DomainEvent ClaimSubmitted',
      'Event ClaimAccepted',
      'CommandEvent SubmitClaim',
      'Command AcceptClaim',
    ]);
    expect(object(claims.objects, 'ClaimStatus').values.map((value) => value.name)).toEqual(['SUBMITTED', 'ACCEPTED', 'REJECTED']);
  });

  it('reads abstract and extends, keys, lifecycles, enum parameters, visibility, throws and state transitions', () => {
    const vehicles = context('Fleet', 'tactic-advanced.cml').aggregates[0]!;
    expect(object(vehicles.objects, 'Machine')).toMatchObject({ abstract: true });
    const vehicle = object(vehicles.objects, 'Vehicle');
    expect(vehicle.extends).toBe('Machine');
    expect(vehicle.attributes.find((a) => a.name === 'vin')!.key).toBe(true);
    const park = vehicle.operations.find((operation) => operation.name === 'park')!;
    expect(park).toMatchObject({ visibility: 'public', throws: ['NotMoving', 'Blocked'], access: 'write' });
    expect(park.transition!.from.map((state) => state.name)).toEqual(['MOVING']);
    expect(vehicle.operations.find((operation) => operation.name === 'describe')!.access).toBe('read-only');
    expect(vehicle.operations.find((operation) => operation.name === 'scrap')!.abstract).toBe(true);
    expect(object(vehicles.objects, 'VehicleState').options.map((option) => option.name)).toEqual(['aggregateLifecycle']);
    const fuel = object(vehicles.objects, 'Fuel');
    expect(fuel.enumAttributes.map((a) => [a.name, a.key])).toEqual([
      ['label', false],
      ['octane', true],
    ]);
    expect(fuel.values.map((value) => value.parameters)).toEqual([
      ['"Petrol"', '95'],
      ['"Diesel"', '0'],
    ]);
    const stop = vehicles.services[0]!.operations.find((operation) => operation.name === 'stop')!;
    expect(stop.transition!.to.map((target) => [target.name, target.end])).toEqual([
      ['PARKED', false],
      ['SCRAPPED', true],
    ]);
  });

  it('reads the application layer: services, commands, events, flows and coordinations', () => {
    const application = context('ClaimsManagement', 'application.cml').application!;
    expect(application.name).toBe('ClaimsApplication');
    expect(application.commands.map((command) => command.name)).toEqual(['SubmitClaim', 'AcceptClaim', 'RejectClaim', 'SchedulePayment', 'NotifyCustomer']);
    expect(application.events).toHaveLength(7);
    const [flow, empty] = application.flows;
    expect(empty!.steps).toEqual([]);
    expect(flow!.steps[0]).toMatchObject({ kind: 'emits', action: 'command', actor: 'Customer', aggregate: { name: 'Claims' }, events: [{ name: 'ClaimSubmitted' }] });
    expect(flow!.steps[2]).toMatchObject({ kind: 'emits', action: 'operation', gateway: 'X' });
    expect(flow!.steps[3]).toMatchObject({ kind: 'triggers', action: 'command', gateway: '+', targets: [{ name: 'SchedulePayment' }, { name: 'NotifyCustomer' }] });
    expect(flow!.steps[5]).toMatchObject({ gateway: 'O' });
    expect(flow!.steps[6]).toMatchObject({ kind: 'triggers', events: [{ name: 'DocumentsChecked' }, { name: 'InsuranceChecked' }], gateway: 'X' });
    expect(application.coordinations[0]!.steps.map((step) => `${step.context}::${step.service}::${step.operation}`)).toEqual([
      'ClaimsManagement::ClaimsApplicationService::submitClaim',
      'ClaimsManagement::ClaimsApplicationService::checkInsurance',
    ]);
  });

  it('reads use cases and user stories', () => {
    const [getOffer, minimal, empty, story, split, placeholder] = parsed('requirements.cml').requirements;
    expect(getOffer).toMatchObject({ kind: 'UseCase', name: 'GetOffer' });
    if (getOffer!.kind !== 'UseCase' || minimal!.kind !== 'UseCase' || story!.kind !== 'UserStory' || split!.kind !== 'UserStory') throw new Error('kinds');
    expect(settings(getOffer.settings)).toEqual({
      actor: ['Prospective customer'],
      secondaryActors: ['Agent', 'Underwriter'],
      benefit: ['Get an offer without calling an agent'],
      scope: ['Online portal'],
      level: ['User goal'],
    });
    expect(getOffer.interactions.map((f) => [f.verb, f.entity, f.attributes, f.container])).toEqual([
      ['create', 'Offer', ['address', 'age'], undefined],
      ['read', 'Contract', [], undefined],
      ['check', 'Risk', ['factors'], 'Customer'],
      ['update', 'Address', [], 'Customer'],
      ['delete', 'Draft', [], 'Archive'],
    ]);
    expect(minimal.interactions.map((f) => f.verb)).toEqual(['archive']);
    expect(empty).toMatchObject({ name: 'Empty' });
    expect(story).toMatchObject({ role: 'Customer', benefit: 'my post reaches me' });
    expect(story.features.map((f) => f.entity)).toEqual(['Address', 'Policy']);
    expect(split.splitBy?.name).toBe('UpdateAddress');
    expect(split.valuation).toMatchObject({ promoted: ['Autonomy', 'Speed'], harmed: ['Privacy'] });
    expect(placeholder).toMatchObject({ kind: 'UserStory', features: [] });
  });

  it('reads stakeholders and value registers', () => {
    const model = parsed('stakeholders-values.cml');
    const [claims, everyone] = model.stakeholders;
    expect(claims!.contexts.map((ref) => ref.name)).toEqual(['Claims']);
    expect(claims!.entries.map((entry) => `${entry.kind} ${entry.name}`)).toEqual(['StakeholderGroup Customers', 'Stakeholder Regulator', 'StakeholderGroup Empty']);
    expect(everyone!.contexts).toEqual([]);
    const register = model.valueRegisters[0]!;
    expect(register.context?.name).toBe('Claims');
    const autonomy = register.clusters[0]!;
    expect(settings(autonomy.settings)['core']).toEqual(['AUTONOMY']);
    expect(autonomy.settings.filter((setting) => setting.key === 'demonstrator')).toHaveLength(2);
    const privacy = autonomy.values[0]!;
    expect(privacy.isCore).toBe(true);
    expect(privacy.elicitations[0]!.consequences.map((c) => [c.type, c.action?.type])).toEqual([
      ['good', undefined],
      ['bad', 'ACT'],
      ['neutral', 'MONITOR'],
    ]);
    expect(register.clusters[1]!.settings[0]).toMatchObject({ key: 'core', quoted: true, values: ['CustomerCentricity'] });
    expect(register.others.map((other) => other.what)).toEqual(['ValueEpic', 'ValueNarrative', 'ValueWeigthing']);
  });

  it('reads imports, Sculptor hints, traits, resources and consumers', () => {
    const model = parsed('sculptor-hints.cml');
    expect(model.imports.map((imported) => imported.uri)).toEqual(['./other-model.cml']);
    const parcels = model.contexts[0]!.aggregates[0]!;
    const parcel = object(parcels.objects, 'Parcel');
    expect(parcel.traits.map((trait) => trait.name)).toEqual(['Auditable']);
    expect(parcel.options.map((option) => `${option.negated ? '!' : ''}${option.name}`)).toEqual(['aggregateRoot', 'hint', 'gap', 'databaseTable', '!optimisticLocking', 'cache']);
    expect(parcels.unsupported.map((part) => `${part.what} ${part.name}`)).toEqual(['Resource ParcelResource', 'Consumer CarrierConsumer']);
    expect(parcels.objects.map((o) => o.kind)).toContain('Trait');
  });

  it('keeps comments with their place, and names written with ^ without it', () => {
    const model = parsed('tactic-basic.cml');
    expect(model.comments.map((comment) => [comment.line, comment.block])).toEqual([
      [1, true],
      [7, false],
    ]);
    expect(model.contexts[0]!.aggregates[0]!.objects[0]!.attributes.map((a) => a.name)).toContain('priority');
  });
});
