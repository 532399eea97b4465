/**
 * How far an assumption moves ranks: the mean width of the rank intervals
 * it leaves.
 */

/**
 * Mean of `high − low` over the intervals, in ranks: 0 when no rank
 * moves, and growing both with how many items move and how far. Empty
 * input gives 0 (nothing moves).
 *
 * @example
 * meanIntervalWidth([{ low: 1, high: 3 }, { low: 2, high: 2 }]) // 1
 * meanIntervalWidth([]) // 0
 */
export function meanIntervalWidth(intervals: ReadonlyArray<{ low: number; high: number }>): number {
  if (intervals.length === 0) return 0;
  let sum = 0;
  for (const interval of intervals) sum += interval.high - interval.low;
  return sum / intervals.length;
}
