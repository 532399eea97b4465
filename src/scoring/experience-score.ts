/**
 * `S(e) = lead_weight · L(e) + (1 − lead_weight) · mean_u c(e,u)`: an
 * experience's score, blending the lead department's assessment with the
 * mean composite of its applicable units. A NaN unit mean (no unit scored)
 * gives NaN unless `leadWeight` is 1.
 *
 * @example
 * experienceScore(95, 93.5, 0.5) // 94.25
 * experienceScore(95, 93.5, 1)   // 95
 */
export function experienceScore(leadTotal: number, unitMean: number, leadWeight: number): number {
  if (leadWeight === 1) return leadTotal;
  if (leadWeight === 0) return unitMean;
  return leadWeight * leadTotal + (1 - leadWeight) * unitMean;
}
