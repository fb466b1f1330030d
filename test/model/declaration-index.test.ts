import { describe, expect, it } from 'vitest';
import { DeclarationIndex } from '../../src/language/model/declaration-index';
import type { Declaration } from '../../src/language/model/elements';
import { membersOfContext } from '../../src/language/model/model';
import { check } from '../helpers';

const declaration = (name: string, kind: Declaration['kind'] = 'domain') => ({ name, kind }) as Declaration;

describe('the declaration index', () => {
  it('keeps the declarations of each name in declaration order', () => {
    const index = new DeclarationIndex();
    const [a, b, c, d] = [declaration('Money', 'value'), declaration('Order', 'aggregate'), declaration('Money', 'enum'), declaration('Money', 'entity')];
    for (const each of [a, b, c, d]) index.add(each!);
    expect(index.get('Order')).toEqual([b]);
    expect(index.get('Money')).toEqual([a, c, d]);
    expect(index.get('Nothing')).toBeUndefined();
    expect(index.size).toBe(2);
    expect(index.entry('Order')).toBe(b);
    expect([...index].map(([name, list]) => [name, list.length])).toEqual([
      ['Money', 3],
      ['Order', 1],
    ]);
    expect([...index.values()].flat()).toEqual([a, c, d, b]);
  });

  it('gives the members of a context, in and out of its aggregates, by name', () => {
    const result = check(`context Sales {
  value Money { cents: Int }
  aggregate Order { root entity Order { id: OrderId } command PlaceOrder emits OrderPlaced event OrderPlaced }
  repository Orders for Order
}`);
    const members = membersOfContext(result.model, 'Sales')!;
    expect([...members].map(([name, list]) => `${name}: ${list.map((d) => d.kind).join(', ')}`)).toEqual([
      'Order: aggregate, entity',
      'PlaceOrder: command',
      'OrderPlaced: event',
      'Money: value',
      'Orders: repository',
    ]);
    expect(membersOfContext(result.model, 'Billing')).toBeUndefined();
    expect(membersOfContext(result.model, 'Sales')).toBe(members);
  });
});
