/**
 * The strategic and requirements constructs of issue 13 (Context Mapper parity),
 * parsed from the fixtures in test/fixtures/context-mapper/: each construct lands
 * in the model as written, with its ranges, and bad input gets a clear message.
 */
import { describe, expect, it } from 'vitest';
import type {
  Aggregate,
  ContextDeclaration,
  ContextMap,
  DomainDeclaration,
  Requirement,
  StakeholderRegister,
  Team,
  TopLevelDeclaration,
  ValueRegister,
} from '../../src/language/model/elements';
import { parseDocument } from '../../src/language/syntax/parse-document';
import { fixture } from '../helpers';

function parsed(name: string) {
  const text = fixture(`context-mapper/${name}`);
  const document = parseDocument(`file:///${name}`, text);
  expect(document.diagnostics).toEqual([]);
  const named = <T extends TopLevelDeclaration>(kind: T['kind'], declarationName: string) =>
    document.declarations.find((declaration) => declaration.kind === kind && declaration.name === declarationName) as T;
  return { text, document, named, slice: (range: { start: number; end: number }) => text.slice(range.start, range.end) };
}

const settings = (element: { attributes?: { attribute: string; value: { text: string } }[] }) => (element.attributes ?? []).map((setting) => `${setting.attribute} ${setting.value.text}`);

describe('bounded contexts and teams', () => {
  const { named, slice } = parsed('contexts-and-teams.ddd');

  it('reads every attribute line of a context, implements with several subdomains and refines', () => {
    const context = named<ContextDeclaration>('contextDeclaration', 'CustomerManagement');
    expect(context.implements.map((reference) => reference.text)).toEqual(['CustomerDomain', 'Accounts']);
    expect(context.refines?.map((reference) => reference.text)).toEqual(['CustomerCore']);
    expect(settings(context)).toEqual(['context.kind feature', 'context.knowledge concrete', 'context.evolution custom']);
    expect(context.vision).toBe("Manage the customers' data");
    expect(context.responsibilities).toEqual(['Customers', 'Addresses']);
    expect(context.technology).toBe('Java, Spring Boot');
    expect(context.businessModel).toBe('Subscription');
    expect(context.owner?.text).toBe('CustomerTeam');
    expect(context.ownerTeam?.text).toBe('CustomerTeam');
    expect(context.ownerTeam?.expected).toEqual(['team']);
    expect(slice(context.attributes![2]!.value.range)).toBe('custom');
  });

  it('keeps an owner written as a string a string', () => {
    const context = named<ContextDeclaration>('contextDeclaration', 'CustomerSelfService');
    expect(context.owner?.text).toBe('The portal squad');
    expect(context.ownerTeam).toBeUndefined();
  });

  it('reads a team: realizes, description and the attribute lines a context has', () => {
    const team = named<Team>('team', 'CustomerTeam');
    expect(team.realizes.map((reference) => [reference.text, reference.expected])).toEqual([
      ['CustomerManagement', ['context']],
      ['CustomerSelfService', ['context']],
    ]);
    expect(team.description).toBe('The customer squad');
    expect(team.vision).toBe('Customers first');
    expect(team.responsibilities).toEqual(['Customer data', 'Self service']);
    expect(team.technology).toBe('Kotlin');
    expect(team.businessModel).toBe('Internal');
    expect(settings(team)).toEqual(['context.knowledge meta', 'context.evolution genesis']);
    expect(slice(team.nameRange)).toBe('CustomerTeam');
    expect(named<Team>('team', 'SoloTeam').realizes).toEqual([]);
  });
});

describe('context maps', () => {
  const { named, slice } = parsed('maps.ddd');
  const map = named<ContextMap>('contextmap', 'InsuranceMap');

  it("reads the map's kind, state and contains", () => {
    expect(settings(map)).toEqual(['contextmap.kind landscape', 'contextmap.state tobe']);
    expect(map.contains?.map((reference) => reference.text)).toEqual(['Printing', 'Debts']);
    expect(map.description).toBe('How the insurance contexts integrate');
    expect(settings(named<ContextMap>('contextmap', 'Teams'))).toEqual(['contextmap.kind organisational', 'contextmap.state asis']);
  });

  it('reads a named relationship with exposed aggregates, technology and rights', () => {
    const [frontend, letters, common] = map.relationships;
    expect(frontend!.name?.text).toBe('CustomerFrontend');
    expect(slice(frontend!.name!.range)).toBe('CustomerFrontend');
    expect(frontend!.exposes?.map((reference) => reference.text)).toEqual(['Customers', 'Addresses']);
    expect(frontend!.technology).toBe('RESTful HTTP');
    expect(settings(frontend!)).toEqual(['relationship.rights influencer']);
    expect(frontend!.shared).toEqual([]);
    expect(letters!.arrow).toBe('<-');
    expect(letters!.name?.text).toBe('Letters');
    expect(letters!.exposes?.map((reference) => reference.text)).toEqual(['Addresses']);
    // shared names beside `as`, and a description after the block, as before
    expect(common!.name?.text).toBe('CommonModel');
    expect(common!.shared.map((reference) => reference.text)).toEqual(['Money']);
    expect(common!.exposes).toBeUndefined();
    expect(common!.description).toBe('the money model');
  });
});

describe('subdomains', () => {
  const { named } = parsed('subdomains.ddd');
  const domain = named<DomainDeclaration>('domain', 'Insurance');

  it('reads supports, the vision and the own entities, values and services of a body', () => {
    const [customers, payments, printing] = domain.subdomains;
    expect(customers!.description).toBe('Customers and their data');
    expect(customers!.supports?.map((reference) => [reference.text, reference.expected])).toEqual([
      ['UpdateAddress', ['usecase', 'story']],
      ['GetOffer', ['usecase', 'story']],
    ]);
    expect(customers!.vision).toBe('Know every customer');
    expect(customers!.entities?.map((entity) => [entity.name, entity.fields.map((field) => field.name)])).toEqual([['Customer', ['name', 'address']]]);
    expect(customers!.values?.map((value) => value.name)).toEqual(['Address']);
    expect(customers!.services?.map((service) => [service.name, service.operations.map((operation) => operation.name)])).toEqual([['CustomerService', ['register']]]);
    expect(customers!.localReferences?.map((reference) => reference.text)).toEqual(['String', 'Address', 'String', 'Customer']);
    // the one-line form stays
    expect(payments!.entities).toBeUndefined();
    expect(printing!.supports?.map((reference) => reference.text)).toEqual(['GetOffer']);
  });
});

describe('aggregates', () => {
  const { named, slice } = parsed('aggregates.ddd');
  const [claims, payouts, reserves] = named<ContextDeclaration>('contextDeclaration', 'Claims').aggregates as [Aggregate, Aggregate, Aggregate];

  it('reads owner, responsibilities, features, changes and qualities', () => {
    expect(claims.owner?.text).toBe('ClaimsTeam');
    expect(claims.ownerTeam?.expected).toEqual(['team']);
    expect(claims.responsibilities).toEqual(['Claims', 'Payouts']);
    expect(claims.features?.map((reference) => reference.text)).toEqual(['UpdateAddress', 'GetOffer']);
    expect(settings(claims)).toEqual([
      'aggregate.changes often',
      'qualities.security high',
      'qualities.availability normal',
      'qualities.consistency high',
      'qualities.storage huge',
      'qualities.volatility rarely',
    ]);
    expect(claims.qualityNotes?.map((note) => [note.keyword.text, note.text])).toEqual([
      ['zone', 'Internal'],
      ['access', 'Claims handlers'],
    ]);
    expect(claims.entities.map((entity) => entity.name)).toEqual(['Claim']);
    expect(claims.hasBody).toBe(true);
  });

  it('reads an aggregate without a body, and one whose body holds only attribute lines', () => {
    expect(payouts.hasBody).toBe(false);
    expect(slice(payouts.range)).toBe('aggregate Payouts');
    expect(reserves.hasBody).toBe(true);
    expect(reserves.description).toBe('money set aside');
    expect(reserves.owner?.text).toBe('Finance');
    expect(reserves.ownerTeam).toBeUndefined();
    expect(settings(reserves)).toEqual(['aggregate.changes rarely']);
  });
});

describe('requirements', () => {
  const { named, document } = parsed('requirements.ddd');

  it('reads a use case: actor, interactions with their objects and attributes, benefit, scope, level', () => {
    const useCase = named<Requirement>('usecase', 'GetOffer');
    expect(useCase.description).toBe('Ask for an offer online');
    expect(useCase.actor).toBe('Prospective customer');
    expect(useCase.interactions.map((interaction) => [interaction.verb.text, interaction.object, interaction.attributes])).toEqual([
      ['create', 'Offer', ['address', 'age']],
      ['read', 'Contract', []],
      ['compare', 'Offers', []],
    ]);
    expect(useCase.benefit).toBe('Get an offer without calling an agent');
    expect(useCase.scope).toBe('Online portal');
    expect(useCase.level).toBe('User goal');
  });

  it('reads a user story: as, want, so', () => {
    const story = named<Requirement>('story', 'UpdateAddress');
    expect(story.actor).toBe('Customer');
    expect(story.interactions.map((interaction) => [interaction.verb.text, interaction.object, interaction.attributes])).toEqual([['update', 'Address', ['street', 'zip']]]);
    expect(story.benefit).toBe('my post reaches me');
  });

  it('reads stakeholders in groups and alone, for a context or for the whole model', () => {
    const [forClaims, forAll] = document.declarations.filter((declaration): declaration is StakeholderRegister => declaration.kind === 'stakeholders');
    expect(forClaims!.context?.text).toBe('Claims');
    expect(forClaims!.name).toBe('stakeholders for Claims');
    expect(forClaims!.groups.map((group) => [group.name, group.description, group.stakeholders.map((stakeholder) => [stakeholder.name, settings(stakeholder), stakeholder.description])])).toEqual([
      [
        'Customers',
        'the people we insure',
        [
          ['Policyholder', ['stakeholder.influence high', 'stakeholder.interest high'], 'Pays the premiums'],
          ['Beneficiary', [], undefined],
        ],
      ],
    ]);
    expect(forClaims!.stakeholders.map((stakeholder) => [stakeholder.name, settings(stakeholder)])).toEqual([['Regulator', ['stakeholder.influence medium', 'stakeholder.interest low']]]);
    expect(forAll!.context).toBeUndefined();
    expect(forAll!.stakeholders.map((stakeholder) => [stakeholder.name, stakeholder.description])).toEqual([['Public', 'everyone else']]);
  });

  it('reads a value register: clusters with their core value, values with their stakeholders', () => {
    const register = named<ValueRegister>('valueRegister', 'ClaimsValues');
    expect(register.context?.text).toBe('Claims');
    const [autonomy] = register.clusters;
    expect(autonomy!.core?.text).toBe('autonomy');
    expect(autonomy!.demonstrators).toEqual(['Customers choose their own repair shop']);
    const [privacy] = autonomy!.values;
    expect(privacy!.core).toBe(true);
    expect(privacy!.demonstrators).toEqual(['No data shared with the repair shop']);
    expect(privacy!.stakeholders.map((entry) => [entry.stakeholder.text, entry.stakeholder.soft, settings(entry), entry.description])).toEqual([
      ['Policyholder', true, ['valueStakeholder.priority high', 'valueStakeholder.impact medium'], 'Needs the claim handled fast'],
    ]);
    expect(register.values.map((value) => [value.name, value.core, value.demonstrators])).toEqual([['Fairness', false, ['The same rules for everyone']]]);
  });
});

describe('mistakes get a clear message and cost nothing else', () => {
  const parse = (text: string) => parseDocument('file:///bad.ddd', text);

  it('an attribute line without its value', () => {
    const document = parse('context A {\n  evolution\n}\ncontext B');
    expect(document.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['syntax-error']);
    expect(document.declarations.map((declaration) => declaration.name)).toEqual(['A', 'B']);
  });

  it('`kind team` in a context stays in the context (the attribute-value rule explains it)', () => {
    const document = parse('context A {\n  kind team\n  vision "v"\n}');
    expect(document.diagnostics).toEqual([]);
    const context = document.declarations[0] as ContextDeclaration;
    expect(settings(context)).toEqual(['context.kind team']);
    expect(context.vision).toBe('v');
  });

  it('junk in a relationship block or a use case is skipped member by member', () => {
    const map = parse('context A\ncontext B\ncontextmap M {\n  A -> B { exposes X = technology "t" }\n}');
    expect(map.diagnostics.map((diagnostic) => diagnostic.message)).toEqual(["Unexpected '=' in a relationship: expected technology, exposes or rights, or the names a shared kernel shares."]);
    const relationship = (map.declarations[2] as ContextMap).relationships[0]!;
    expect(relationship.technology).toBe('t');
    const useCase = parse('usecase U {\n  actor "a"\n  colour "red"\n  benefit "b"\n}');
    expect(useCase.diagnostics[0]!.message).toContain('in a use case: expected actor, interactions, benefit, scope or level');
    expect((useCase.declarations[0] as Requirement).benefit).toBe('b');
  });
});
