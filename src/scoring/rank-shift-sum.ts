/**
 * How far draws move ranks on average: the mean distance from the base rank.
 */
import type { RankCounts } from './simulate-ranks.ts';

/**
 * Sum over items and draws of `|rank − base rank|`, from the rank counts
 * (`counts[i * items + r − 1]` draws put item i at r) and each item's base
 * rank in the same order. Divide by draws × items for the mean. A sum
 * rather than a mean, so that views of different sizes can be pooled.
 *
 * @example
 * // base ranks 1 and 2 over 4 draws; each item lands on the other's rank once
 * rankShiftSum({ items: 2, counts: new Uint32Array([3, 1, 1, 3]) }, [1, 2]) // 1 + 1 = 2
 */
export function rankShiftSum(ranks: RankCounts, baseRanks: ArrayLike<number>): number {
  const n = ranks.items;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const base = baseRanks[i]!;
    for (let r = 1; r <= n; r++) sum += ranks.counts[i * n + r - 1]! * Math.abs(r - base);
  }
  return sum;
}
