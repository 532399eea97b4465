/**
 * How sure a rank is: the median and the 5th–95th percentile ranks over
 * Monte Carlo draws, by the nearest-rank method, and the share of draws at
 * rank 1.
 */

/** One item's ranks over the draws, summed up. */
export interface RankSpread {
  /** ranks[ceil(0.5·N) − 1] of the N ranks sorted: the lower median when N is even. */
  median: number;
  /** ranks[ceil(0.05·N) − 1]: the 5th percentile (the better end). */
  low: number;
  /** ranks[ceil(0.95·N) − 1]: the 95th percentile (the worse end). */
  high: number;
  /** Share of draws at rank 1 (ties at the top included), 0..1. */
  top: number;
}

/**
 * Position (1-based) of the p-th percentile among `draws` sorted values by
 * the nearest-rank method, `ceil(p·N)` with p = `percent` / 100, computed
 * in integers so that 5% of 60 draws is the 3rd value and not, through
 * 0.05 · 60 = 3.0000000000000004, the 4th. Never below 1.
 *
 * @example
 * nearestRankPosition(5, 60)   // 3
 * nearestRankPosition(95, 60)  // 57
 * nearestRankPosition(50, 7)   // 4
 * nearestRankPosition(5, 1)    // 1
 */
export function nearestRankPosition(percent: number, draws: number): number {
  return Math.max(1, Math.ceil((percent * draws) / 100));
}

/**
 * Sums up one item's ranks from their counts: `counts[r − 1]` is how many
 * of the `draws` draws ranked it r (`counts` may be a row of a larger
 * array, from `offset`, `length` ranks long). Walking the counts in rank
 * order is walking the sorted ranks, so each percentile is the first rank
 * whose running total reaches its position. No draws gives NaN throughout.
 *
 * @example
 * // ranks over 10 draws: 1, 1, 2, 2, 2, 2, 2, 3, 3, 4
 * rankSpread(new Uint32Array([2, 5, 2, 1]), 10)
 * // { median: 2, low: 1, high: 4, top: 0.2 }
 */
export function rankSpread(counts: ArrayLike<number>, draws: number, offset = 0, length = counts.length - offset): RankSpread {
  if (!(draws > 0)) return { median: Number.NaN, low: Number.NaN, high: Number.NaN, top: Number.NaN };
  const lowAt = nearestRankPosition(5, draws);
  const medianAt = nearestRankPosition(50, draws);
  const highAt = nearestRankPosition(95, draws);
  let low = Number.NaN;
  let median = Number.NaN;
  let high = Number.NaN;
  let seen = 0;
  for (let r = 1; r <= length && Number.isNaN(high); r++) {
    seen += counts[offset + r - 1]!;
    if (Number.isNaN(low) && seen >= lowAt) low = r;
    if (Number.isNaN(median) && seen >= medianAt) median = r;
    if (seen >= highAt) high = r;
  }
  return { median, low, high, top: length > 0 ? counts[offset]! / draws : 0 };
}
