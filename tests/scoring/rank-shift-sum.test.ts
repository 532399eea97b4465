import { describe, expect, it } from 'vitest';
import { rankShiftSum } from '../../src/scoring/rank-shift-sum.ts';

describe('rankShiftSum(ranks, baseRanks)', () => {
  it.each([
    ['no movement', [4, 0, 0, 4], [1, 2], 0],
    ['each item on the other’s rank once', [3, 1, 1, 3], [1, 2], 2],
    ['a move of two ranks', [0, 0, 2, 0, 2, 0, 2, 0, 0], [1, 2, 3], 2 * 2 + 0 + 2 * 2],
    ['a tie that one draw in two breaks', [1, 1, 2, 0], [1, 1], 1],
  ])('sums %s', (_, counts, base, sum) => {
    expect(rankShiftSum({ items: base.length, counts: Uint32Array.from(counts) }, base)).toBe(sum);
  });
});
