import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRankPosition, rankSpread } from '../../src/scoring/rank-interval.ts';

describe('nearestRankPosition(percent, draws)', () => {
  it.each([
    [5, 1, 1],
    [95, 1, 1],
    [5, 20, 1],
    [5, 21, 2],
    [5, 60, 3], // 0.05 · 60 is 3.0000000000000004 in floating point
    [95, 60, 57],
    [50, 7, 4],
    [50, 8, 4], // the lower median
    [5, 10000, 500],
    [95, 10000, 9500],
  ])('puts the %i-th percentile of %i draws at position %i', (percent, draws, position) => {
    expect(nearestRankPosition(percent, draws)).toBe(position);
  });

  it('is ceil(p · N) in exact arithmetic for every N up to 100,000', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 100_000; n++) {
      for (const p of [5, 50, 95]) {
        const position = nearestRankPosition(p, n);
        // The smallest k with k / N >= p / 100, i.e. 100 k >= p N, in integers.
        if (!(100 * position >= p * n && 100 * (position - 1) < p * n)) wrong.push(`${p}% of ${n}: ${position}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** The contract's rule, literally: sort the N ranks and index them. */
function bySorting(ranks: number[]) {
  const sorted = [...ranks].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.ceil((p * sorted.length) / 100) - 1]!;
  return { median: at(50), low: at(5), high: at(95), top: ranks.filter((r) => r === 1).length / ranks.length };
}

function countsOf(ranks: number[], items: number): Uint32Array {
  const counts = new Uint32Array(items);
  for (const r of ranks) counts[r - 1]!++;
  return counts;
}

describe('rankSpread(counts, draws)', () => {
  it.each([
    ['ranks 1, 1, 2, 2, 2, 2, 2, 3, 3, 4', [2, 5, 2, 1], 10, { median: 2, low: 1, high: 4, top: 0.2 }],
    ['always rank 3', [0, 0, 20, 0], 20, { median: 3, low: 3, high: 3, top: 0 }],
    ['always rank 1', [7], 7, { median: 1, low: 1, high: 1, top: 1 }],
    ['rank 1 and 2 in half the draws each (lower median)', [5, 5], 10, { median: 1, low: 1, high: 2, top: 0.5 }],
    ['one draw of 100 at rank 5', [99, 0, 0, 0, 1], 100, { median: 1, low: 1, high: 1, top: 0.99 }],
    ['six draws of 100 at rank 5', [94, 0, 0, 0, 6], 100, { median: 1, low: 1, high: 5, top: 0.94 }],
  ])('sums up %s', (_, counts, draws, expected) => {
    expect(rankSpread(Uint32Array.from(counts), draws)).toEqual(expected);
  });

  it('reads one row of a larger array', () => {
    const counts = Uint32Array.from([3, 1, 0, 1, 3, 0, 0, 0, 4]);
    expect(rankSpread(counts, 4, 3, 3)).toEqual({ median: 2, low: 1, high: 2, top: 0.25 });
  });

  it('gives NaN for no draws', () => {
    expect(rankSpread(new Uint32Array(3), 0)).toEqual({ median: Number.NaN, low: Number.NaN, high: Number.NaN, top: Number.NaN });
  });

  it('agrees with sorting the ranks, and low ≤ median ≤ high, top in 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((items) => fc.tuple(fc.constant(items), fc.array(fc.integer({ min: 1, max: items }), { minLength: 1, maxLength: 300 }))), ([items, ranks]) => {
        const spread = rankSpread(countsOf(ranks, items), ranks.length);
        expect(spread).toEqual(bySorting(ranks));
        expect(spread.low).toBeLessThanOrEqual(spread.median);
        expect(spread.median).toBeLessThanOrEqual(spread.high);
        expect(spread.top).toBeGreaterThanOrEqual(0);
        expect(spread.top).toBeLessThanOrEqual(1);
      }),
    );
  });
});
