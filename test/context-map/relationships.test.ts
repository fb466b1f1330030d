import { describe, expect, it } from 'vitest';
import {
  dependencies,
  dependencyCycles,
  describeRelationship,
  normaliseRelationship,
  roleCodes,
  roleDictionary,
  roleInfo,
  type NormalisedRelationship,
} from '../../src/language/context-map/relationships';
import { check } from '../helpers';

const contexts = 'context Sales\ncontext Support\ncontext Shipping\ncontext Inventory\ncontext Billing\ncontext Notification\n';

/** The relationships of the first context map in `map`, normalised. */
function relationships(map: string): NormalisedRelationship[] {
  const { model } = check(contexts + map);
  return model.contextMaps[0]!.relationships.map(normaliseRelationship);
}

function one(line: string): NormalisedRelationship {
  return relationships(`contextmap M {\n  ${line}\n}`)[0]!;
}

describe('which side is upstream', () => {
  it('A -> B: A is upstream, B downstream', () => {
    const r = one('Sales -> Notification');
    expect(r.symmetric).toBe(false);
    expect(r.upstream?.context?.name).toBe('Sales');
    expect(r.downstream?.context?.name).toBe('Notification');
    expect(r.sides.map((side) => side.position)).toEqual(['upstream', 'downstream']);
  });

  it('A <- B: B is upstream, A downstream', () => {
    const r = one('Support [ACL] <- Sales [OHS]');
    expect(r.upstream?.context?.name).toBe('Sales');
    expect(r.upstream?.written).toBe('right');
    expect(r.downstream?.context?.name).toBe('Support');
    expect(r.patterns).toEqual(['open-host-service', 'anti-corruption-layer']);
  });

  it('A <-> B: symmetric, neither side upstream', () => {
    const r = one('Sales [P] <-> Inventory [P]');
    expect(r.symmetric).toBe(true);
    expect(r.upstream).toBeUndefined();
    expect(r.downstream).toBeUndefined();
    expect(r.sides.map((side) => side.position)).toEqual(['symmetric', 'symmetric']);
  });

  it('an unknown context leaves its side without a context', () => {
    const r = one('Sales -> Nowhere');
    expect(r.upstream?.context?.name).toBe('Sales');
    expect(r.downstream?.context).toBeUndefined();
    expect(r.downstream?.side.context?.text).toBe('Nowhere');
  });
});

describe('the patterns a relationship expresses', () => {
  it.each([
    ['Sales [OHS, PL] -> Support [ACL]', ['open-host-service', 'published-language', 'anti-corruption-layer']],
    ['Sales [S] -> Shipping [C]', ['customer-supplier']],
    ['Sales [P] <-> Inventory [P]', ['partnership']],
    ['Sales [SK] <-> Billing [SK]', ['shared-kernel']],
    ['Billing [OHS] -> Support [CF]', ['open-host-service', 'conformist']],
    ['Billing -> Inventory [ACL]', ['anti-corruption-layer']],
    ['Sales -> Notification', ['upstream-downstream']],
    ['Sales <-> Notification', []],
    ['Sales [XYZ] -> Notification', ['upstream-downstream']],
  ])('%s', (line, patterns) => {
    expect(one(line).patterns).toEqual(patterns);
  });

  it('keeps the roles as written, with their meaning when known', () => {
    const r = one('Sales [OHS, xyz] -> Support');
    expect(r.sides[0].roles.map((role) => [role.name.text, role.info?.name])).toEqual([
      ['OHS', 'open host service'],
      ['xyz', undefined],
    ]);
  });

  it('describes a relationship as written', () => {
    expect(describeRelationship(one('Sales [OHS, PL] -> Support [ACL]').relationship)).toBe('Sales [OHS, PL] -> Support [ACL]');
  });
});

describe('the role dictionary', () => {
  it('knows the eight roles of the language, each with where it belongs', () => {
    expect(roleCodes).toEqual(['OHS', 'PL', 'ACL', 'CF', 'S', 'C', 'SK', 'P']);
    expect(Object.fromEntries(roleCodes.map((code) => [code, roleDictionary[code].position]))).toEqual({
      OHS: 'upstream',
      PL: 'upstream',
      ACL: 'downstream',
      CF: 'downstream',
      S: 'upstream',
      C: 'downstream',
      SK: 'symmetric',
      P: 'symmetric',
    });
  });

  it('gives every role a name and a paragraph of meaning for hover', () => {
    for (const code of roleCodes) {
      expect(roleDictionary[code].code).toBe(code);
      expect(roleDictionary[code].name).toMatch(/^[a-z -]+$/);
      expect(roleDictionary[code].meaning.length).toBeGreaterThan(150);
    }
    expect(roleDictionary.ACL.meaning).toMatch(/translat/);
    expect(roleDictionary.CF.meaning).toMatch(/as-is/);
  });

  it('matches codes case-sensitively', () => {
    expect(roleInfo('ACL')?.name).toBe('anti-corruption layer');
    expect(roleInfo('acl')).toBeUndefined();
    expect(roleInfo('toString')).toBeUndefined();
  });
});

describe('dependency cycles', () => {
  function cycles(map: string): string[][] {
    const found = dependencyCycles(dependencies(relationships(map)));
    return found.map((cycle) => cycle.contexts.map((context) => context.name));
  }

  it('finds none in a map whose dependencies flow one way', () => {
    expect(cycles('contextmap M { Sales -> Support  Sales -> Shipping  Shipping -> Support  Sales [P] <-> Inventory [P] }')).toEqual([]);
  });

  it('leaves symmetric relationships and self relationships out', () => {
    expect(cycles('contextmap M { Sales [SK] <-> Billing [SK]  Billing -> Sales  Sales -> Sales }')).toEqual([]);
  });

  it('finds a cycle whatever the arrows look like', () => {
    expect(cycles('contextmap M { Sales -> Support  Shipping <- Support  Shipping -> Sales }')).toEqual([['Sales', 'Support', 'Shipping']]);
  });

  it('gives one cycle per tangle, the shortest through its first context', () => {
    const map = 'contextmap M { Sales -> Support  Support -> Shipping  Shipping -> Sales  Support -> Sales  Billing -> Inventory  Inventory -> Billing }';
    expect(cycles(map)).toEqual([['Sales', 'Support'], ['Billing', 'Inventory']]);
  });

  it('aligns each step with its relationship', () => {
    const [cycle] = dependencyCycles(dependencies(relationships('contextmap M { Sales -> Support  Support <- Shipping  Shipping -> Support  Support -> Sales }')));
    expect(cycle!.relationships.map(describeRelationship)).toEqual(['Sales -> Support', 'Support -> Sales']);
  });
});
