/**
 * How low and how high a weighted mean can go when each weight may take
 * any value in its own range.
 */

/**
 * Smallest and largest `Σ w_i s_i / Σ w_i` over all weights with
 * `low[i] ≤ w_i ≤ high[i]` (all ranges within 0..∞, some weight positive).
 * At the minimum every score below the mean takes its highest weight and
 * every score above it its lowest (Dinkelbach's condition for a ratio of
 * linear functions), so the extremes are among the n + 1 choices "the k
 * lowest scores heavy, the rest light" (and the mirror image for the
 * maximum): O(n²), no search. Empty input gives NaN for both.
 *
 * @example
 * weightedMeanBounds([90, 80], [0.5, 0.5], [1.5, 1.5])
 * // { min: 82.5, max: 87.5 }: 80 weighs three times 90, or 90 three times 80
 */
export function weightedMeanBounds(
  scores: ArrayLike<number>,
  low: ArrayLike<number>,
  high: ArrayLike<number>,
): { min: number; max: number } {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let min = Number.NaN;
  let max = Number.NaN;
  for (let k = 0; k <= order.length; k++) {
    // The first k scores (lowest) heavy for the minimum; the first k light for the maximum.
    let minSum = 0;
    let minWeight = 0;
    let maxSum = 0;
    let maxWeight = 0;
    order.forEach((i, position) => {
      const heavyFirst = position < k ? high[i]! : low[i]!;
      const lightFirst = position < k ? low[i]! : high[i]!;
      minSum += heavyFirst * scores[i]!;
      minWeight += heavyFirst;
      maxSum += lightFirst * scores[i]!;
      maxWeight += lightFirst;
    });
    if (minWeight > 0 && !(minSum / minWeight >= min)) min = minSum / minWeight;
    if (maxWeight > 0 && !(maxSum / maxWeight <= max)) max = maxSum / maxWeight;
  }
  return { min, max };
}
