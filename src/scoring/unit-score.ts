/**
 * `U(u)`: a unit's score, the mean over all experiences of its composite,
 * with the not-applicable policy deciding what an experience that does not
 * apply to the unit counts.
 */

/**
 * What a unit's score counts for an experience that does not apply to it:
 * `exclude` nothing, `lowest` the lowest composite of any applicable unit
 * in it, `zero` 0 (scheme.yaml `not_applicable`).
 */
export type NotApplicablePolicy = 'exclude' | 'lowest' | 'zero';

/**
 * What a not-applicable experience counts for a unit: nothing (`exclude`,
 * shown as null), the lowest composite of any applicable unit in it
 * (`lowest`), or 0 (`zero`). With `lowest` and no scored unit: null.
 *
 * @example
 * notApplicableCount('lowest', 88.4)  // 88.4
 * notApplicableCount('zero', 88.4)    // 0
 * notApplicableCount('exclude', 88.4) // null
 */
export function notApplicableCount(policy: NotApplicablePolicy, lowestComposite: number): number | null {
  if (policy === 'zero') return 0;
  if (policy === 'lowest') return Number.isNaN(lowestComposite) ? null : lowestComposite;
  return null;
}

/**
 * Mean of a unit's composites over experiences, where `null` marks an
 * experience that does not apply and `lowest[i]` is the lowest composite of
 * experience i. Returns the score and what each experience counted.
 * No counted experience gives NaN.
 *
 * @example
 * unitScore([90, null, 80], [85, 70, 75], 'lowest').exact  // (90 + 70 + 80) / 3 = 80
 * unitScore([90, null, 80], [85, 70, 75], 'exclude').exact // 85
 * unitScore([90, null, 80], [85, 70, 75], 'zero').exact    // 56.666…
 */
export function unitScore(
  composites: ReadonlyArray<number | null>,
  lowest: ReadonlyArray<number>,
  policy: NotApplicablePolicy,
): { exact: number; counted: Array<number | null> } {
  let sum = 0;
  let n = 0;
  const counted = composites.map((c, i) => {
    const value = c === null || Number.isNaN(c) ? notApplicableCount(policy, lowest[i] ?? Number.NaN) : c;
    if (value !== null) {
      sum += value;
      n++;
    }
    return value;
  });
  return { exact: n === 0 ? Number.NaN : sum / n, counted };
}
