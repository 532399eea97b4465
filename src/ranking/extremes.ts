/**
 * Ids of the highest and lowest values, up to `limit` each: strongest best
 * first, weakest worst first; ties in source order. NaN values are skipped.
 *
 * @example
 * extremes([90, 95, 80, 95], ['a', 'b', 'c', 'd'], 2)
 * // { strongest: ['b', 'd'], weakest: ['c', 'a'] }
 */
export function extremes(
  values: readonly number[],
  ids: readonly string[],
  limit: number,
): { strongest: string[]; weakest: string[] } {
  const present = values.map((v, i) => i).filter((i) => !Number.isNaN(values[i]!));
  const strongest = [...present].sort((a, b) => values[b]! - values[a]! || a - b).slice(0, limit);
  const weakest = [...present].sort((a, b) => values[a]! - values[b]! || a - b).slice(0, limit);
  return { strongest: strongest.map((i) => ids[i]!), weakest: weakest.map((i) => ids[i]!) };
}
