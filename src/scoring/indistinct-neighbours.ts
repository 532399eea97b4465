/**
 * Neighbours a ranking cannot tell apart: items next to each other by base
 * rank whose rank intervals overlap.
 */

/**
 * Pairs each item with the next one in `items` (listed by base rank) when
 * their closed intervals `[low, high]` share a rank: `max(low) ≤ min(high)`.
 * Tied items with a zero-width interval overlap, as they should: a tie is
 * the plainest case of two ranks the data cannot separate. Fewer than two
 * items give [].
 *
 * @example
 * indistinctNeighbours([{ id: 'a', low: 1, high: 2 }, { id: 'b', low: 2, high: 3 }, { id: 'c', low: 4, high: 4 }])
 * // [{ higher: 'a', lower: 'b' }]
 */
export function indistinctNeighbours(
  items: ReadonlyArray<{ id: string; low: number; high: number }>,
): Array<{ higher: string; lower: string }> {
  const pairs: Array<{ higher: string; lower: string }> = [];
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (Math.max(a.low, b.low) <= Math.min(a.high, b.high)) pairs.push({ higher: a.id, lower: b.id });
  }
  return pairs;
}
