import { describe, expect, it } from 'vitest';
import { boundedItems, boundedList, distinct, MESSAGE_LIST_LIMIT, RELATED_LIMIT } from '../../src/language/util/bounded-list';

describe('boundedList', () => {
  it('joins a short list as written, with its own last separator', () => {
    expect(boundedList([])).toBe('');
    expect(boundedList(['A'])).toBe('A');
    expect(boundedList(['A', 'B'])).toBe('A, B');
    expect(boundedList(['A', 'B', 'C'], { last: ' or ' })).toBe('A, B or C');
    expect(boundedList(['A', 'B'], { separator: ' and ' })).toBe('A and B');
  });

  it('names each item once', () => {
    expect(boundedList(['Sales.Order', 'Sales.Order', 'Billing.Order'])).toBe('Sales.Order, Billing.Order');
    expect(distinct(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });

  it('keeps repeats when asked (a cycle ends where it starts)', () => {
    expect(boundedList(['A', 'B', 'A'], { separator: ' → ', repeats: true })).toBe('A → B → A');
  });

  it('names at most the limit and counts the rest', () => {
    const names = Array.from({ length: 402 }, (_, i) => `C${i}.Order`);
    expect(boundedList(names)).toBe(`C0.Order, C1.Order, C2.Order, C3.Order, C4.Order and ${402 - MESSAGE_LIST_LIMIT} more`);
    expect(boundedList(names, { limit: 2 })).toBe('C0.Order, C1.Order and 400 more');
    expect(boundedList(Array.from({ length: 5_000 }, (_, i) => `N${i}`), { limit: 1 })).toBe('N0 and 4,999 more');
  });

  it('boundedItems keeps the first RELATED_LIMIT', () => {
    expect(boundedItems([1, 2, 3])).toEqual([1, 2, 3]);
    expect(boundedItems(Array.from({ length: 50 }, (_, i) => i))).toHaveLength(RELATED_LIMIT);
  });
});
