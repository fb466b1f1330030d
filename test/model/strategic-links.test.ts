/**
 * Linking the strategic additions of issue 13: attribute lines merged across the
 * blocks of an open context, teams and requirements by name, the teams that
 * realize a context, exposed aggregates looked up in the upstream context, and a
 * subdomain's body naming its own concepts first.
 */
import { describe, expect, it } from 'vitest';
import type { Aggregate, Entity } from '../../src/language/model/elements';
import { qualifiedName } from '../../src/language/model/model';
import { check, fixture } from '../helpers';

describe('the strategic model, linked', () => {
  it('merges attribute lines across the blocks of an open context (the first block that says wins)', () => {
    const { model } = check({
      'a.ddd': 'context Claims {\n  vision "first"\n  evolution custom\n  responsibilities "A"\n}',
      'b.ddd': 'context Claims {\n  vision "second"\n  evolution product\n  kind feature\n  responsibilities "B"\n  technology "Go"\n}',
    });
    const claims = model.contexts.get('Claims')!;
    expect(claims.vision).toBe('first');
    expect(claims.technology).toBe('Go');
    expect(claims.responsibilities).toEqual(['A', 'B']);
    expect(claims.attributes?.map((setting) => `${setting.keyword.text} ${setting.value.text}`)).toEqual(['evolution custom', 'kind feature']);
  });

  it('indexes teams, use cases, stories and stakeholders, and links owner, realizes, refines, features and supports', () => {
    const { model } = check({ 'teams.ddd': fixture('context-mapper/contexts-and-teams.ddd'), 'aggregates.ddd': fixture('context-mapper/aggregates.ddd') });
    const management = model.contexts.get('CustomerManagement')!;
    expect(management.primary.ownerTeam?.target?.kind).toBe('team');
    expect(management.primary.refines?.[0]?.target).toBe(model.contexts.get('CustomerCore'));
    expect(management.teams?.map((team) => team.name)).toEqual(['CustomerTeam']);
    expect(model.contexts.get('CustomerSelfService')!.teams?.map((team) => team.name)).toEqual(['CustomerTeam']);
    expect(model.teams.map((team) => team.name)).toEqual(['CustomerTeam', 'SoloTeam', 'ClaimsTeam']);
    const claims = model.contexts.get('Claims')!.aggregates[0]!;
    expect(claims.features?.map((reference) => `${reference.target?.kind} ${reference.target?.name}`)).toEqual(['story UpdateAddress', 'usecase GetOffer']);
    expect(claims.ownerTeam?.target?.name).toBe('ClaimsTeam');
    expect(model.index.get('Policyholder')).toBeUndefined();
    const requirements = check(fixture('context-mapper/requirements.ddd')).model;
    expect(requirements.index.get('Policyholder')?.map((declaration) => declaration.kind)).toEqual(['stakeholder']);
    expect(requirements.index.get('Customers')?.map((declaration) => declaration.kind)).toEqual(['stakeholderGroup']);
    expect(requirements.valueRegisters[0]!.clusters[0]!.values[0]!.stakeholders[0]!.stakeholder.target?.kind).toBe('stakeholder');
  });

  it('links exposed aggregates in the upstream context, whatever other context declares the name', () => {
    const { model, diagnostics } = check(
      'context Up { aggregate Orders { root entity Order { orderId: OrderId } } }\n' +
        'context Down { aggregate Orders { root entity Order { orderId: OrderId } } }\n' +
        'contextmap M {\n  Up -> Down { exposes Orders }\n  Down <- Up as Back { exposes Orders }\n}',
    );
    const [forward, backward] = model.contextMaps[0]!.relationships;
    const up = model.contexts.get('Up')!.aggregates[0]!;
    expect(forward!.exposes![0]!.target).toBe(up);
    expect(backward!.exposes![0]!.target).toBe(up);
    // a name declared in two contexts is no ambiguity here: the upstream settles it
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'ambiguous-reference')).toEqual([]);
  });

  it("settles a subdomain's names on its own entities and values, and the contexts' names on theirs", () => {
    const { model, diagnostics } = check(fixture('context-mapper/subdomains.ddd'));
    const subdomain = model.subdomains.find((candidate) => candidate.name === 'CustomerDomain')!;
    const customer = subdomain.entities![0]!;
    const address = customer.fields.find((field) => field.name === 'address')!;
    expect(address.type?.name.target).toBe(subdomain.values![0]);
    expect(qualifiedName(subdomain.values![0]!)).toBe('Insurance.CustomerDomain.Address');
    const sales = model.contexts.get('Sales')!.aggregates[0] as Aggregate;
    const salesAddress = (sales.entities[0] as Entity).fields.find((field) => field.name === 'address')!;
    expect(salesAddress.type?.name.target).toBe(model.contexts.get('Sales')!.values[0]);
    expect(subdomain.supports?.map((reference) => reference.target?.kind)).toEqual(['story', 'usecase']);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('counts the contexts a map contains as mapped', () => {
    const result = check('context A\ncontext B\ncontext C\ncontextmap M {\n  contains C\n  A -> B\n}');
    expect(result.of('context-unmapped')).toEqual([]);
    const without = check('context A\ncontext B\ncontext C\ncontextmap M {\n  A -> B\n}');
    expect(without.of('context-unmapped').map((finding) => finding.message.split(' ')[0])).toEqual(['C']);
  });
});
