/**
 * Scores one Monte Carlo draw: S(e) and U(u) for every experience and unit
 * under drawn weights, lead weight and policy, by the contract's rules
 * (the same as `scoreScheme`, up to the order of floating-point sums), into
 * buffers reused from draw to draw.
 */
import type { DrawnAssumptions } from './draw-assumptions.ts';
import type { DrawMatrix } from './draw-matrix.ts';
import { experienceScore } from './experience-score.ts';

/** Buffers one draw writes; `createDrawScores` sizes them for a matrix. */
export interface DrawScores {
  /** S(e) per experience; NaN when no unit has a composite (and the lead weight is below 1). */
  experiences: Float64Array;
  /** U(u) per unit; NaN when nothing counts. */
  units: Float64Array;
  /** 1 / W_p per pattern for the current weights. */
  inversePatternWeights: Float64Array;
  /** Lowest composite per gap experience, for the `lowest` policy. */
  lowest: Float64Array;
}

/**
 * Allocates the buffers `scoreDraw` fills, once per run.
 *
 * @example
 * const out = createDrawScores(draw);
 * out.units.length === draw.units // true
 */
export function createDrawScores(draw: DrawMatrix): DrawScores {
  return {
    experiences: new Float64Array(draw.experiences),
    units: new Float64Array(draw.units),
    inversePatternWeights: new Float64Array(draw.patternStart.length - 1),
    lowest: new Float64Array(draw.gapExperiences.length),
  };
}

/** Which scores a draw needs: a view whose assumptions are all held fixed need not be scored again. */
export interface DrawViews {
  experiences: boolean;
  units: boolean;
}

/**
 * Scores the draw `drawn` into `out`:
 * - `S(e) = lead_weight · L(e) + (1 − lead_weight) · mean_u c(e,u)` over the
 *   units with a composite;
 * - `U(u)` = mean of u's composites and, where an experience has none for u,
 *   nothing (`exclude`), the experience's lowest composite (`lowest`, left
 *   out when it has none) or 0 (`zero`).
 * Allocates nothing.
 *
 * @example
 * scoreDraw(draw, { weights, leadWeight: 0.5, notApplicable: 'lowest' }, out, { experiences: true, units: true });
 * out.units[0] // U(first unit) under these weights
 */
export function scoreDraw(draw: DrawMatrix, drawn: DrawnAssumptions, out: DrawScores, views: DrawViews): DrawScores {
  const nM = draw.methods;
  const w = drawn.weights;
  const inverse = out.inversePatternWeights;
  for (let p = 0; p < inverse.length; p++) {
    let total = 0;
    for (let k = draw.patternStart[p]!; k < draw.patternStart[p + 1]!; k++) total += w[draw.patternMethods[k]!]!;
    inverse[p] = 1 / total;
  }

  if (views.experiences) {
    const { experienceGroupStart: start, experienceGroupPattern: pattern, experienceGroupSums: sums } = draw;
    for (let e = 0; e < draw.experiences; e++) {
      let sum = 0;
      for (let g = start[e]!; g < start[e + 1]!; g++) sum += dot(w, sums, g * nM, nM) * inverse[pattern[g]!]!;
      const n = draw.experienceCounts[e]!;
      out.experiences[e] = experienceScore(draw.leadTotals[e]!, n === 0 ? Number.NaN : sum / n, drawn.leadWeight);
    }
  }

  if (views.units) {
    const policy = drawn.notApplicable;
    if (policy === 'lowest') lowestComposites(draw, w, out);
    const { unitGroupStart: start, unitGroupPattern: pattern, unitGroupSums: sums } = draw;
    for (let u = 0; u < draw.units; u++) {
      let sum = 0;
      let n = draw.unitCounts[u]!;
      for (let g = start[u]!; g < start[u + 1]!; g++) sum += dot(w, sums, g * nM, nM) * inverse[pattern[g]!]!;
      if (policy === 'zero') n += draw.unitGaps[u]!;
      else if (policy === 'lowest') {
        for (let k = draw.unitGapStart[u]!; k < draw.unitGapStart[u + 1]!; k++) sum += out.lowest[draw.unitGapExperience[k]!]!;
        n += draw.unitGapStart[u + 1]! - draw.unitGapStart[u]!;
      }
      out.units[u] = n === 0 ? Number.NaN : sum / n;
    }
  }
  return out;
}

/** The lowest composite of each experience that leaves a unit out. */
function lowestComposites(draw: DrawMatrix, w: Float64Array, out: DrawScores): void {
  const nM = draw.methods;
  const inverse = out.inversePatternWeights;
  for (let j = 0; j < draw.gapExperiences.length; j++) {
    let low = Number.POSITIVE_INFINITY;
    for (let k = draw.gapCompositeStart[j]!; k < draw.gapCompositeStart[j + 1]!; k++) {
      const c = dot(w, draw.gapCompositeScores, k * nM, nM) * inverse[draw.gapCompositePattern[k]!]!;
      if (c < low) low = c;
    }
    out.lowest[j] = low;
  }
}

function dot(w: Float64Array, values: Float64Array, offset: number, n: number): number {
  let s = 0;
  for (let m = 0; m < n; m++) s += w[m]! * values[offset + m]!;
  return s;
}
