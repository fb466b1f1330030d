/**
 * "Did you mean …?" from an index of names: the same suggestion a comparison
 * with every name gives, for a bounded number of comparisons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, editDistance, MAX_ANSWERS_KEPT, SimilarNames, similarNameWork, suggestionDistance } from '../../src/language/util/similar-names';

/** The suggestion as it was before the index: every candidate compared, the first of the closest wins. */
function closestByComparingAll(name: string, candidates: readonly string[]): string | undefined {
  const limit = suggestionDistance(name);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `count` distinct names of two or three domain words, deterministic. */
function compoundNames(count: number, seed = 1): string[] {
  const words = ['Order', 'Invoice', 'Parcel', 'Ticket', 'Payment', 'Booking', 'Account', 'Quote', 'Route', 'Claim', 'Policy', 'Voucher', 'Shipment', 'Stock', 'Cart', 'Ledger', 'Price', 'Tax', 'Customer', 'Address', 'Refund', 'Discount', 'Coupon', 'Warehouse', 'Carrier', 'Delivery', 'Schedule', 'Contract', 'Premium', 'Supplier', 'Product', 'Catalog', 'Review', 'Rating', 'Return', 'Exchange', 'Currency', 'Balance', 'Transfer', 'Deposit'];
  const names = new Set<string>();
  let state = seed;
  const next = () => (state = (Math.imul(state, 48271) >>> 0) % 2_147_483_647);
  while (names.size < count) {
    const parts = 2 + (next() % 2);
    let name = '';
    for (let i = 0; i < parts; i++) name += words[next() % words.length]!;
    names.add(name);
  }
  return [...names];
}

/** One edit a user makes: a letter dropped, doubled, swapped with the next, or replaced. */
function misspell(name: string, index: number): string {
  const at = 1 + (index % (name.length - 2));
  switch (index % 4) {
    case 0: return name.slice(0, at) + name.slice(at + 1);
    case 1: return name.slice(0, at) + name[at] + name.slice(at);
    case 2: return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
    default: return name.slice(0, at) + (name[at] === 'x' ? 'y' : 'x') + name.slice(at + 1);
  }
}

describe('SimilarNames', () => {
  it('suggests what comparing with every name suggests (the closest; of equals, the first)', () => {
    const names = ['Money', 'Monkey', 'Customer', 'CustomerId', 'Costumer', 'OrderPlaced', 'OrderPaced', 'Order', 'Ordre', 'A', 'B', 'Ab'];
    for (const query of ['Mony', 'Custmer', 'OrderPlced', 'Ordr', 'X', 'a', 'Zzzzzzzz', 'customer', 'Money', '']) {
      expect(new SimilarNames(names).closest(query), query).toBe(closestByComparingAll(query, names));
    }
  });

  it('agrees with comparing every name on random names and queries, case and repeats included', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'x', 'İ', 'é');
    const name = fc.array(letter, { maxLength: 14 }).map((letters) => letters.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), fc.array(name, { minLength: 1, maxLength: 10 }), (names, queries) => {
        const index = new SimilarNames(names);
        for (const query of queries) expect(index.closest(query)).toBe(closestByComparingAll(query, names));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the meant name for 2,000 misspellings among 2,000 names with at most 10 comparisons each', () => {
    const names = compoundNames(2_000);
    const index = new SimilarNames(names);
    const written = names.map((meant, i) => misspell(meant, i));
    const before = similarNameWork.comparisons;
    const suggestions = written.map((name) => index.closest(name));
    const comparisons = similarNameWork.comparisons - before;
    const found = suggestions.filter((suggestion, i) => suggestion === names[i]).length;
    // the same as comparing with every name (checked on a sample: that takes 2,000 comparisons each)
    for (let i = 0; i < names.length; i += 40) expect(suggestions[i]).toBe(closestByComparingAll(written[i]!, names));
    expect(found).toBeGreaterThan(1_500);
    // comparing with every name took 2,000 × 2,000 = 4,000,000
    expect(comparisons).toBeLessThanOrEqual(10 * 2_000);
  });

  it('answers a name asked again without comparing (an unknown name elsewhere in the workspace, at each keystroke), and keeps a bounded number of answers', () => {
    const names = compoundNames(500);
    const index = new SimilarNames(names);
    const asked = names.slice(0, 50).map((meant, i) => misspell(meant, i));
    const first = asked.map((name) => index.closest(name));
    const before = { ...similarNameWork };
    expect(asked.map((name) => index.closest(name))).toEqual(first);
    expect(similarNameWork.comparisons - before.comparisons).toBe(0);
    expect(similarNameWork.remembered - before.remembered).toBe(asked.length);
    // a name not asked before is compared as ever
    index.closest('Zzyzx');
    expect(similarNameWork.remembered - before.remembered).toBe(asked.length);
    // past the bound the oldest answers go: the first name asked is searched again, and answered the same
    for (let i = 0; i < MAX_ANSWERS_KEPT; i++) index.closest(`Unknown${i}Name`);
    const remembered = similarNameWork.remembered;
    const comparisons = similarNameWork.comparisons;
    expect(index.closest(asked[0]!)).toBe(first[0]);
    expect(similarNameWork.remembered).toBe(remembered);
    expect(similarNameWork.comparisons).toBeGreaterThan(comparisons);
  });

  it('closestName and didYouMean take a list or an index', () => {
    expect(closestName('Mony', ['Money', 'Honey'])).toBe('Money');
    expect(closestName('Mony', new SimilarNames(['Money', 'Honey']))).toBe('Money');
    expect(closestName('Zebra', ['Money'])).toBeUndefined();
  });
});
