import { describe, expect, it } from 'vitest';
import { countingReads, readsOf } from './work';

describe('counting the reads of a model', () => {
  const model = (n: number) => ({ items: Array.from({ length: n }, (_, i) => ({ name: `I${i}`, tags: new Set([i]) })), index: new Map([['a', { name: 'A' }]]) });
  const linear = (m: ReturnType<typeof model>) => m.items.map((item) => item.name);
  const pairs = (m: ReturnType<typeof model>) => m.items.flatMap((a) => m.items.filter((b) => a.name < b.name));

  it('tells linear work from work over all pairs', () => {
    expect(readsOf(model(200), linear) / readsOf(model(100), linear)).toBeCloseTo(2, 1);
    expect(readsOf(model(200), pairs) / readsOf(model(100), pairs)).toBeGreaterThan(3.5);
  });

  it('keeps identities, and works through maps and sets', () => {
    const counting = countingReads(model(3));
    expect(counting.model.items[0]).toBe(counting.model.items[0]);
    expect(counting.model.index.get('a')!.name).toBe('A');
    expect(counting.model.items[1]!.tags.has(1)).toBe(true);
    expect([...counting.model.index.values()].map((value) => value.name)).toEqual(['A']);
    expect(counting.reads()).toBeGreaterThan(5);
  });
});
