import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composite } from '../../src/scoring/composite.ts';

describe('composite(scores, weights, offset)', () => {
  it.each([
    ['every method present', [96, 95, 94], [0.4, 0.3, 0.3], 95.1],
    ['a method missing, re-weighted over the rest', [96, NaN, 94], [0.5, 0.25, 0.25], (0.5 * 96 + 0.25 * 94) / 0.75],
    ['a zero weight', [96, 50, 94], [0.5, 0, 0.5], 95],
    ['one method', [88], [1], 88],
  ])('weights scores with %s', (_, scores, weights, expected) => {
    expect(composite(scores, weights)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['no score', [NaN, NaN], [0.5, 0.5]],
    ['only zero weights', [90, 90], [0, 0]],
    ['empty input', [], []],
  ])('gives NaN for %s', (_, scores, weights) => {
    expect(composite(scores, weights)).toBeNaN();
  });

  it('reads a flat matrix from an offset', () => {
    expect(composite([1, 2, 90, 80], [0.5, 0.5], 2)).toBe(85);
  });

  it('changes nothing when every weight is scaled by one constant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (pairs, k) => {
          const scores = pairs.map(([s]) => s);
          const weights = pairs.map(([, w]) => w);
          expect(composite(scores, weights.map((w) => w * k))).toBeCloseTo(composite(scores, weights), 9);
        },
      ),
    );
  });

  it('stays between the lowest and highest score present', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }),
        (pairs) => {
          const c = composite(pairs.map(([s]) => s), pairs.map(([, w]) => w));
          expect(c).toBeGreaterThanOrEqual(Math.min(...pairs.map(([s]) => s)) - 1e-9);
          expect(c).toBeLessThanOrEqual(Math.max(...pairs.map(([s]) => s)) + 1e-9);
        },
      ),
    );
  });
});
