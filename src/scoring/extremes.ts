/**
 * Ids of the highest and lowest values, up to `limit` each: strongest best
 * first, weakest worst first; ties in source order. NaN values are skipped.
 * One pass per list, keeping the best `limit` so far (fast for a small limit).
 *
 * @example
 * extremes([90, 95, 80, 95], ['a', 'b', 'c', 'd'], 2)
 * // { strongest: ['b', 'd'], weakest: ['c', 'a'] }
 */
export function extremes(
  values: ArrayLike<number>,
  ids: readonly string[],
  limit: number,
): { strongest: string[]; weakest: string[] } {
  const strongest = topIndexes(values, limit, (a, b) => a > b);
  const weakest = topIndexes(values, limit, (a, b) => a < b);
  return { strongest: strongest.map((i) => ids[i]!), weakest: weakest.map((i) => ids[i]!) };
}

/** Indexes of the `limit` values that come first under `before`, earlier index first among equals. */
function topIndexes(values: ArrayLike<number>, limit: number, before: (a: number, b: number) => boolean): number[] {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    // Insert after every kept value that is at least as good, so ties keep source order.
    let at = kept.length;
    while (at > 0 && before(v, values[kept[at - 1]!]!)) at--;
    if (at < limit) {
      kept.splice(at, 0, i);
      if (kept.length > limit) kept.pop();
    }
  }
  return kept;
}
