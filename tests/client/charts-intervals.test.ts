import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankTicks } from '../../src/client/charts-intervals.ts';

describe('rankTicks(count, maxTicks)', () => {
  it.each<[number, number, number[]]>([
    [9, 10, [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    [20, 5, [1, 5, 10, 15, 20]],
    [20, 11, [1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]],
    [29, 4, [1, 10, 20]],
    [1, 5, [1]],
    [3, 0, [1, 2]],
    [1450, 6, [1, 500, 1000]],
    [0, 5, []],
  ])('labels ranks 1 to %i with at most %i ticks as %o', (count, maxTicks, ticks) => {
    expect(rankTicks(count, maxTicks)).toEqual(ticks);
  });

  it('always starts at rank 1, stays within the ranks, rises, and keeps to the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 40 }), (count, maxTicks) => {
        const ticks = rankTicks(count, maxTicks);
        expect(ticks[0]).toBe(1);
        expect(ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(ticks.every((t, i) => t <= count && (i === 0 || t > ticks[i - 1]!))).toBe(true);
      }),
    );
  });
});
