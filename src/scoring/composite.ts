/**
 * A unit's composite in one experience, weighted over the methods present:
 * `c = Σ w_m · s_m / Σ w_m`, summing only over methods with a score (not NaN)
 * and a positive weight. So a unit lacking a method is re-weighted over
 * the others, and scaling every weight by one constant changes nothing.
 * No scored method (or all weights zero) gives NaN. `offset` reads the
 * scores from `scores[offset + m]`, so a flat matrix needs no copies.
 *
 * @example
 * composite([96, 95, 94], [0.4, 0.3, 0.3]) // 95.1
 * composite([96, NaN, 94], [0.5, 0.25, 0.25]) // (0.5·96 + 0.25·94) / 0.75 = 95.333…
 * composite([NaN], [1]) // NaN
 */
export function composite(scores: ArrayLike<number>, weights: ArrayLike<number>, offset = 0): number {
  let weighted = 0;
  let total = 0;
  for (let m = 0; m < weights.length; m++) {
    const s = scores[offset + m]!;
    const w = weights[m]!;
    if (w > 0 && !Number.isNaN(s)) {
      weighted += w * s;
      total += w;
    }
  }
  return total > 0 ? weighted / total : Number.NaN;
}
