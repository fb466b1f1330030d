/**
 * The census of the model's elements (model/element-census.ts): counts stay
 * exact when the names are capped, and nameless parts are counted where the
 * walk meets their holder.
 */
import { describe, expect, test } from 'vitest';
import { elementCensus } from '../../src/language/model/element-census';
import { check } from '../helpers';

describe('elementCensus', () => {
  test('caps the names of a kind, never its count', () => {
    const { model } = check('context C3\ncontext C1\ncontext C2\n');
    expect(elementCensus(model, 2).context).toEqual({ count: 3, names: ['C1', 'C2'] });
    expect(elementCensus(model).context).toEqual({ count: 3, names: ['C1', 'C2', 'C3'] });
  });

  test('counts relationships, saga steps and stickies, which have no names of their own', () => {
    const { model } = check(
      [
        'context Sales\ncontext Billing',
        'contextmap Shop {\n  Sales -> Billing\n  Billing -> Sales\n}',
        'saga Checkout orchestrated by Sales {\n  step PlaceOrder on Sales reply OrderPlaced\n}',
        'storming Board {\n  event OrderPlaced\n  hotspot "Why?"\n}',
      ].join('\n'),
    );
    const census = elementCensus(model);
    expect(census.relationship).toEqual({ count: 2, names: [] });
    expect(census.sagaStep).toEqual({ count: 1, names: [] });
    expect(census.sticky).toEqual({ count: 2, names: [] });
    expect(census.contextmap).toEqual({ count: 1, names: ['Shop'] });
  });
});
