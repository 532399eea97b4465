/**
 * Which assumption moves ranks most.
 */

/** How far one assumption moves ranks, by two measures. */
export interface AssumptionMovement<K extends string> {
  assumption: K;
  /** Mean width of the 90% rank intervals, in ranks. */
  width: number;
  /** Mean distance from the base rank over draws and items, in ranks. */
  shift: number;
}

/**
 * The assumption with the widest intervals; an exact tie in width goes to
 * the larger shift (it moves ranks more often, or further, inside the
 * interval), then to the earlier assumption. Null when no assumption
 * moves any rank (every width and shift 0), or none is given.
 *
 * @example
 * mostInfluential([
 *   { assumption: 'weights', width: 1, shift: 0.2 },
 *   { assumption: 'notApplicable', width: 1, shift: 0.3 },
 * ]) // 'notApplicable'
 * mostInfluential([{ assumption: 'weights', width: 0, shift: 0 }]) // null
 */
export function mostInfluential<K extends string>(movements: ReadonlyArray<AssumptionMovement<K>>): K | null {
  let best: AssumptionMovement<K> | null = null;
  for (const m of movements) {
    if (!(m.width > 0 || m.shift > 0)) continue;
    if (!best || m.width > best.width || (m.width === best.width && m.shift > best.shift)) best = m;
  }
  return best ? best.assumption : null;
}
