/**
 * Arithmetic mean of the values, skipping NaN (a missing value).
 * Empty input, or input that is all NaN, gives NaN.
 *
 * @example
 * mean([94, 95, 96]) // 95
 * mean([90, NaN])    // 90
 * mean([])           // NaN
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}
