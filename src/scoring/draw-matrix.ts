/**
 * The scoring matrix regrouped once so that a Monte Carlo draw scores a
 * whole edition in time proportional to the number of experiences and
 * units, not of composites.
 *
 * A composite is a weighted mean over the methods a unit has:
 * `c(e,u) = Σ_m w_m s(e,u,m) / W_p`, where `W_p` sums the weights of the
 * methods present, its *pattern* p. Composites with the same pattern share
 * the denominator, so a sum of them is `(Σ_m w_m Σ s(e,u,m)) / W_p`: the
 * method scores can be summed per pattern once, before any draw. An
 * experience's mean composite and a unit's sum over its experiences are
 * then a few dot products per draw. Only the `lowest` policy needs single
 * composites (the lowest in each experience that leaves a unit out), and
 * only for those experiences; they are kept apart, and only the ones that
 * can be lowest for some weights in range: a composite that stays above
 * another's highest value whatever the weights never decides the minimum.
 *
 * Which composites exist does not depend on the draw: weights move within
 * w·(1±h) with h < 1, so a positive weight stays positive and a zero
 * weight stays zero.
 */
import type { ScoringMatrix } from './scoring-matrix.ts';
import { weightedMeanBounds } from './weighted-mean-bounds.ts';

/**
 * Method scores summed per pattern for each owner (an experience or a
 * unit): owner o's groups are `start[o] .. start[o + 1]`, group g has
 * pattern `pattern[g]` and sums `sums[g * methods + m]` = Σ s(e,u,m) over
 * its composites (0 for a method not in the pattern).
 */
export interface PatternGroups {
  methods: number;
  start: Int32Array;
  pattern: Int32Array;
  sums: Float64Array;
}

/** An edition's method scores summed by pattern, per experience and per unit. */
export interface DrawMatrix {
  methods: number;
  experiences: number;
  units: number;
  /** Methods present in pattern p: `patternMethods[patternStart[p] .. patternStart[p + 1]]`. */
  patternStart: Int32Array;
  patternMethods: Int32Array;
  /** Experience e's composites summed per pattern (see `PatternGroups`). */
  experienceGroups: PatternGroups;
  /** Composites per experience (units it applies to with a counted method). */
  experienceCounts: Int32Array;
  /** L(e) per experience. */
  leadTotals: Float64Array;
  /** Unit u's composites, over the experiences it has one in, summed per pattern. */
  unitGroups: PatternGroups;
  /** Composites per unit. */
  unitCounts: Int32Array;
  /** Experiences in which unit u has no composite (what `zero` counts as 0). */
  unitGaps: Int32Array;
  /** Experiences that leave some unit out yet have a composite: the ones `lowest` needs. */
  gapExperiences: Int32Array;
  /** Composites of gap experience j that can be its lowest: `gapCompositeStart[j] .. gapCompositeStart[j + 1]`. */
  gapCompositeStart: Int32Array;
  gapCompositePattern: Int32Array;
  /** `gapCompositeScores[k * methods + m]`: s(e,u,m), 0 when absent. */
  gapCompositeScores: Float64Array;
  /** Gap experiences (indices into `gapExperiences`) that leave unit u out: `unitGapStart[u] .. unitGapStart[u + 1]`. */
  unitGapStart: Int32Array;
  unitGapExperience: Int32Array;
}

/** The baseline weights and how far the draws may move them. */
export interface DrawWeightRange {
  /** Baseline method weights in matrix order; a method weighted 0 never counts. */
  weights: ArrayLike<number>;
  /** Relative half-width h: each weight is drawn within w·(1−h)..w·(1+h), 0 ≤ h < 1. */
  weightSpread: number;
}

/**
 * Regroups `matrix` for drawing weights within `range`. Patterns are
 * numbered in order of first appearance, experiences first, so the result
 * depends only on the edition and the range. Linear in the number of
 * method scores, plus a small sort per composite of an experience that
 * leaves a unit out. Valid for any draw whose weights stay within the
 * range (a narrower range, or the baseline itself, included).
 *
 * @example
 * const draw = buildDrawMatrix(buildScoringMatrix(edition), { weights: [0.4, 0.6], weightSpread: 0.25 });
 * draw.experienceCounts[0] // how many units experience 0 has a composite for
 */
export function buildDrawMatrix(matrix: ScoringMatrix, range: DrawWeightRange): DrawMatrix {
  const { weights, weightSpread } = range;
  const nU = matrix.unitIds.length;
  const nE = matrix.experienceIds.length;
  const nM = matrix.methodIds.length;
  const counted = Array.from({ length: nM }, (_, m) => weights[m]! > 0);

  // Each composite's pattern, numbered by first appearance; -1 where there is none.
  const patternIds = new Map<string, number>();
  const patternLists: number[][] = [];
  const patternOf = new Int32Array(nE * nU).fill(-1);
  const bits = new Array<string>(nM);
  for (let cell = 0; cell < nE * nU; cell++) {
    if (matrix.applicable[cell] === 0) continue;
    const present: number[] = [];
    for (let m = 0; m < nM; m++) {
      const has = counted[m]! && !Number.isNaN(matrix.scores[cell * nM + m]!);
      bits[m] = has ? '1' : '0';
      if (has) present.push(m);
    }
    if (present.length === 0) continue;
    const key = bits.join('');
    let id = patternIds.get(key);
    if (id === undefined) {
      id = patternLists.length;
      patternIds.set(key, id);
      patternLists.push(present);
    }
    patternOf[cell] = id;
  }
  const patternStart = offsets(patternLists.map((p) => p.length));
  const patternMethods = Int32Array.from(patternLists.flat());

  const scoreAt = (cell: number, m: number) => {
    const s = matrix.scores[cell * nM + m]!;
    return counted[m] && !Number.isNaN(s) ? s : 0;
  };

  // Experience groups: one per pattern present in the experience.
  const layout = { nM, patternOf, scoreAt };
  const experienceGroups = groupSums(nE, nU, (e, u) => e * nU + u, layout);
  // Unit groups: one per pattern over the experiences the unit has a composite in.
  const unitGroups = groupSums(nU, nE, (u, e) => e * nU + u, layout);

  // Gaps: where a unit has no composite, and for `lowest` the experiences that have one.
  const unitGaps = new Int32Array(nU);
  const gapIndex = new Int32Array(nE).fill(-1);
  const gapExperiences: number[] = [];
  const gapCompositeCounts: number[] = [];
  const gapPatterns: number[] = [];
  const gapScores: number[] = [];
  for (let e = 0; e < nE; e++) {
    let gaps = 0;
    for (let u = 0; u < nU; u++) {
      if (patternOf[e * nU + u]! < 0) {
        unitGaps[u] = unitGaps[u]! + 1;
        gaps++;
      }
    }
    if (gaps === 0 || experienceGroups.counts[e] === 0) continue;
    gapIndex[e] = gapExperiences.length;
    gapExperiences.push(e);
    const candidates = lowestCandidates(e, { nU, nM, patternOf, patternLists, scoreAt, weights, weightSpread });
    gapCompositeCounts.push(candidates.length);
    for (const cell of candidates) {
      gapPatterns.push(patternOf[cell]!);
      for (let m = 0; m < nM; m++) gapScores.push(scoreAt(cell, m));
    }
  }
  const unitGapLists: number[][] = Array.from({ length: nU }, () => []);
  for (let e = 0; e < nE; e++) {
    if (gapIndex[e]! < 0) continue;
    for (let u = 0; u < nU; u++) if (patternOf[e * nU + u]! < 0) unitGapLists[u]!.push(gapIndex[e]!);
  }

  return {
    methods: nM,
    experiences: nE,
    units: nU,
    patternStart,
    patternMethods,
    experienceGroups: { methods: nM, start: experienceGroups.start, pattern: experienceGroups.pattern, sums: experienceGroups.sums },
    experienceCounts: experienceGroups.counts,
    leadTotals: Float64Array.from(matrix.leadTotals),
    unitGroups: { methods: nM, start: unitGroups.start, pattern: unitGroups.pattern, sums: unitGroups.sums },
    unitCounts: unitGroups.counts,
    unitGaps,
    gapExperiences: Int32Array.from(gapExperiences),
    gapCompositeStart: offsets(gapCompositeCounts),
    gapCompositePattern: Int32Array.from(gapPatterns),
    gapCompositeScores: Float64Array.from(gapScores),
    unitGapStart: offsets(unitGapLists.map((l) => l.length)),
    unitGapExperience: Int32Array.from(unitGapLists.flat()),
  };
}

/**
 * Cells of experience e whose composite can be the experience's lowest
 * for some weights in range: those whose lowest possible value is not
 * above the smallest highest possible value of any composite. A margin of
 * 1e-9 relative keeps a candidate that rounding alone would drop.
 */
function lowestCandidates(
  e: number,
  at: {
    nU: number;
    nM: number;
    patternOf: Int32Array;
    patternLists: readonly number[][];
    scoreAt: (cell: number, m: number) => number;
    weights: ArrayLike<number>;
    weightSpread: number;
  },
): number[] {
  const cells: number[] = [];
  const lows: number[] = [];
  let lowestHigh = Number.POSITIVE_INFINITY;
  for (let u = 0; u < at.nU; u++) {
    const cell = e * at.nU + u;
    const pattern = at.patternOf[cell]!;
    if (pattern < 0) continue;
    const methods = at.patternLists[pattern]!;
    const bounds = weightedMeanBounds(
      methods.map((m) => at.scoreAt(cell, m)),
      methods.map((m) => at.weights[m]! * (1 - at.weightSpread)),
      methods.map((m) => at.weights[m]! * (1 + at.weightSpread)),
    );
    cells.push(cell);
    lows.push(bounds.min);
    if (bounds.max < lowestHigh) lowestHigh = bounds.max;
  }
  const margin = 1e-9 * Math.max(1, Math.abs(lowestHigh));
  return cells.filter((_, i) => lows[i]! <= lowestHigh + margin);
}

/** Prefix sums: `[0, a, a + b, …]`. */
function offsets(lengths: readonly number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => (out[i + 1] = out[i]! + n));
  return out;
}

/**
 * For each of `outer` owners (experiences or units), sums the method scores
 * of its composites per pattern, over the `inner` cells `cellOf(owner, i)`.
 * Groups come in order of first appearance within the owner.
 */
function groupSums(
  outer: number,
  inner: number,
  cellOf: (owner: number, i: number) => number,
  layout: { nM: number; patternOf: Int32Array; scoreAt: (cell: number, m: number) => number },
): { start: Int32Array; pattern: Int32Array; sums: Float64Array; counts: Int32Array } {
  const { nM, patternOf, scoreAt } = layout;
  const start = new Int32Array(outer + 1);
  const pattern: number[] = [];
  const sums: number[] = [];
  const counts = new Int32Array(outer);
  const slot = new Map<number, number>();
  for (let o = 0; o < outer; o++) {
    slot.clear();
    for (let i = 0; i < inner; i++) {
      const cell = cellOf(o, i);
      const p = patternOf[cell]!;
      if (p < 0) continue;
      let g = slot.get(p);
      if (g === undefined) {
        g = pattern.length;
        slot.set(p, g);
        pattern.push(p);
        for (let m = 0; m < nM; m++) sums.push(0);
      }
      for (let m = 0; m < nM; m++) sums[g * nM + m] = sums[g * nM + m]! + scoreAt(cell, m);
      counts[o] = counts[o]! + 1;
    }
    start[o + 1] = pattern.length;
  }
  return { start, pattern: Int32Array.from(pattern), sums: Float64Array.from(sums), counts };
}
