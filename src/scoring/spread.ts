/**
 * `spread(e)`: max − min of one method's scores over the applicable units
 * that have it, with the units at each end. Ties go to the first unit in
 * source order. NaN entries (no score) are skipped; none at all gives a
 * spread of NaN and no ends.
 *
 * @example
 * spread([96, 90, 77.5], ['a', 'b', 'c']) // { value: 18.5, best: 'a', worst: 'c' }
 * spread([NaN], ['a'])                    // { value: NaN }
 */
export function spread(
  scores: ArrayLike<number>,
  ids: readonly string[],
): { value: number; best?: string; worst?: string } {
  let best = -1;
  let worst = -1;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (Number.isNaN(s)) continue;
    if (best === -1 || s > scores[best]!) best = i;
    if (worst === -1 || s < scores[worst]!) worst = i;
  }
  if (best === -1) return { value: Number.NaN };
  return { value: scores[best]! - scores[worst]!, best: ids[best]!, worst: ids[worst]! };
}
