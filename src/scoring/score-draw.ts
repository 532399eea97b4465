/**
 * Scores one Monte Carlo draw by the contract's rules (the same as
 * `scoreScheme`, up to the order of floating-point sums), in two steps so
 * that what depends on the weights is computed once per draw however many
 * lead weights and policies are scored with it:
 * - `sumComposites`: under given weights, each experience's mean composite,
 *   each unit's sum of composites, and the lowest composites `lowest` needs;
 * - `experienceScores` and `unitScores`: S(e) for a lead weight, U(u) for a
 *   policy, from those sums.
 * Everything is written into buffers reused from draw to draw.
 */
import type { NotApplicablePolicy } from './unit-score.ts';
import type { DrawMatrix, PatternGroups } from './draw-matrix.ts';
import { experienceScore } from './experience-score.ts';

/** What one set of weights gives, before any lead weight or policy. */
export interface CompositeSums {
  /** 1 / W_p per pattern. */
  inversePatternWeights: Float64Array;
  /** Mean composite per experience (NaN when no unit has one). */
  unitMeans: Float64Array;
  /** Sum of each unit's composites. */
  compositeSums: Float64Array;
  /** Lowest composite per gap experience; filled only when asked for. */
  lowest: Float64Array;
}

/**
 * Allocates the buffers `sumComposites` fills.
 *
 * @example
 * createCompositeSums(draw).unitMeans.length === draw.experiences // true
 */
export function createCompositeSums(draw: DrawMatrix): CompositeSums {
  return {
    inversePatternWeights: new Float64Array(draw.patternStart.length - 1),
    unitMeans: new Float64Array(draw.experiences),
    compositeSums: new Float64Array(draw.units),
    lowest: new Float64Array(draw.gapExperiences.length),
  };
}

/**
 * Sums the composites under `weights` (normalised or not: a composite is a
 * weighted mean): `c(e,u) = Σ w_m s(e,u,m) / W_p`, per experience as the
 * mean over its units, per unit as the sum over its experiences, and with
 * `withLowest` the lowest composite of every experience that leaves a unit
 * out. Allocates nothing.
 *
 * @example
 * const sums = sumComposites(draw, Float64Array.from([0.5, 0.3, 0.2]), createCompositeSums(draw), true);
 * sums.unitMeans[0] // mean composite of the first experience
 */
export function sumComposites(draw: DrawMatrix, weights: Float64Array, into: CompositeSums, withLowest: boolean): CompositeSums {
  const inverse = into.inversePatternWeights;
  for (let p = 0; p < inverse.length; p++) {
    let total = 0;
    for (let k = draw.patternStart[p]!; k < draw.patternStart[p + 1]!; k++) total += weights[draw.patternMethods[k]!]!;
    inverse[p] = 1 / total;
  }
  groupedSums(draw.experienceGroups, weights, inverse, into.unitMeans);
  for (let e = 0; e < draw.experiences; e++) {
    const n = draw.experienceCounts[e]!;
    into.unitMeans[e] = n === 0 ? Number.NaN : into.unitMeans[e]! / n;
  }
  groupedSums(draw.unitGroups, weights, inverse, into.compositeSums);
  if (withLowest) lowestComposites(draw, weights, into);
  return into;
}

/**
 * `S(e) = lead_weight · L(e) + (1 − lead_weight) · mean_u c(e,u)` for every
 * experience, into `scores`.
 *
 * @example
 * experienceScores(draw, sums, 0.5, new Float64Array(draw.experiences))
 */
export function experienceScores(draw: DrawMatrix, sums: CompositeSums, leadWeight: number, scores: Float64Array): Float64Array {
  for (let e = 0; e < draw.experiences; e++) scores[e] = experienceScore(draw.leadTotals[e]!, sums.unitMeans[e]!, leadWeight);
  return scores;
}

/**
 * `U(u)` for every unit, into `scores`: the mean of u's composites and,
 * where an experience has none for u, nothing (`exclude`), the
 * experience's lowest composite (`lowest`, left out when it has none; the
 * sums must have been made `withLowest`) or 0 (`zero`). No counted
 * experience gives NaN.
 *
 * @example
 * unitScores(draw, sums, 'zero', new Float64Array(draw.units))
 */
export function unitScores(draw: DrawMatrix, sums: CompositeSums, policy: NotApplicablePolicy, scores: Float64Array): Float64Array {
  for (let u = 0; u < draw.units; u++) {
    let sum = sums.compositeSums[u]!;
    let n = draw.unitCounts[u]!;
    if (policy === 'zero') n += draw.unitGaps[u]!;
    else if (policy === 'lowest') {
      for (let k = draw.unitGapStart[u]!; k < draw.unitGapStart[u + 1]!; k++) sum += sums.lowest[draw.unitGapExperience[k]!]!;
      n += draw.unitGapStart[u + 1]! - draw.unitGapStart[u]!;
    }
    scores[u] = n === 0 ? Number.NaN : sum / n;
  }
  return scores;
}

/**
 * Per owner (experience or unit), the sum of its composites: over its
 * groups, (w · group sums) / W_pattern. Writes `into`, one value an owner.
 */
function groupedSums(groups: PatternGroups, w: Float64Array, inverse: Float64Array, into: Float64Array): void {
  const { methods, start, pattern, sums } = groups;
  for (let o = 0; o < into.length; o++) {
    let total = 0;
    for (let g = start[o]!; g < start[o + 1]!; g++) total += dot(w, sums, g * methods, methods) * inverse[pattern[g]!]!;
    into[o] = total;
  }
}

/** The lowest composite of each experience that leaves a unit out. */
function lowestComposites(draw: DrawMatrix, w: Float64Array, into: CompositeSums): void {
  const nM = draw.methods;
  const inverse = into.inversePatternWeights;
  for (let j = 0; j < draw.gapExperiences.length; j++) {
    let low = Number.POSITIVE_INFINITY;
    for (let k = draw.gapCompositeStart[j]!; k < draw.gapCompositeStart[j + 1]!; k++) {
      const c = dot(w, draw.gapCompositeScores, k * nM, nM) * inverse[draw.gapCompositePattern[k]!]!;
      if (c < low) low = c;
    }
    into.lowest[j] = low;
  }
}

function dot(w: Float64Array, values: Float64Array, offset: number, n: number): number {
  let s = 0;
  for (let m = 0; m < n; m++) s += w[m]! * values[offset + m]!;
  return s;
}
