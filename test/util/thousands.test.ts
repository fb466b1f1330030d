/**
 * Counts are written as `toLocaleString('en-US')` writes whole numbers (the formatter
 * itself is the reference), without starting Intl (util/thousands.ts says why).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../src/language/util/thousands';

describe('thousands', () => {
  it('writes every whole number as the en-US number format does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.integer({ min: -999_999, max: 999_999 }), fc.maxSafeInteger(), fc.double({ min: -1e22, max: 1e22, noNaN: true })), (value) => {
        expect(thousands(value)).toBe(Math.round(value).toLocaleString('en-US', { maximumFractionDigits: 0 }).replace(/^-0$/, '0'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes the edges', () => {
    expect([0, 7, 999, 1000, 12_345, 1_234_567, -1000, 4.6, -2.5, -0.4].map(thousands)).toEqual(['0', '7', '999', '1,000', '12,345', '1,234,567', '-1,000', '5', '-2', '0']);
    expect([Infinity, -Infinity, NaN].map(thousands)).toEqual(['Infinity', '-Infinity', 'NaN']);
  });
});
