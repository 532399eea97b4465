/**
 * Scores a whole edition under one scheme (the baseline or a scenario):
 * composites, experience, unit and department scores, all unrounded.
 * One pass over the scoring matrix per step; no lookups by id.
 */
import type { NotApplicablePolicy } from './unit-score.ts';
import { composite } from './composite.ts';
import { experienceScore } from './experience-score.ts';
import { ownValue } from './own-record.ts';
import { notApplicableCount } from './unit-score.ts';
import type { ScoringMatrix } from './scoring-matrix.ts';

/** The weights and policies one scheme applies. */
export interface SchemeWeights {
  /** Method id -> weight; methods absent or weighted 0 do not count. */
  methods: Readonly<Record<string, number>>;
  leadWeight: number;
  notApplicable: NotApplicablePolicy;
}

/** Unrounded scores of every experience, unit and department under one scheme. */
export interface SchemeScores {
  /** `composites[e * units + u]`: c(e,u); NaN when not applicable or no method counts. */
  composites: Float64Array;
  /** `counted[e * units + u]`: what U(u) counted for e; NaN when left out. */
  counted: Float64Array;
  /** Mean composite over applicable units, per experience. */
  unitMeans: Float64Array;
  /** Lowest composite of an applicable unit, per experience (NaN when none). */
  lowest: Float64Array;
  experiences: Float64Array;
  units: Float64Array;
  /** NaN for a department that leads nothing. */
  departments: Float64Array;
}

/**
 * Computes c(e,u), S(e), U(u) and D(d) under `weights` (see the contract's
 * Scoring section). A unit in an applicable experience whose every counted
 * method is missing is treated as not applicable for that scheme.
 *
 * @example
 * const baseline = scoreScheme(buildScoringMatrix(edition), {
 *   methods: { department: 0.4, unit: 0.6 }, leadWeight: 0.5, notApplicable: 'lowest' });
 * baseline.units[0] // U(first unit)
 */
export function scoreScheme(matrix: ScoringMatrix, weights: SchemeWeights): SchemeScores {
  const nU = matrix.unitIds.length;
  const nE = matrix.experienceIds.length;
  const nM = matrix.methodIds.length;
  const nD = matrix.departmentIds.length;
  const w = new Float64Array(nM);
  matrix.methodIds.forEach((id, m) => (w[m] = ownValue(weights.methods, id) ?? 0));

  // Composites, each experience's mean and lowest composite, then S(e).
  const composites = new Float64Array(nE * nU).fill(Number.NaN);
  const unitMeans = new Float64Array(nE);
  const lowest = new Float64Array(nE);
  const experiences = new Float64Array(nE);
  for (let e = 0; e < nE; e++) {
    let sum = 0;
    let n = 0;
    let low = Number.POSITIVE_INFINITY;
    for (let u = 0; u < nU; u++) {
      if (matrix.applicable[e * nU + u] === 0) continue;
      const base = (e * nU + u) * nM;
      const c = composite(matrix.scores, w, base);
      composites[e * nU + u] = c;
      if (!Number.isNaN(c)) {
        sum += c;
        n++;
        if (c < low) low = c;
      }
    }
    unitMeans[e] = n === 0 ? Number.NaN : sum / n;
    lowest[e] = n === 0 ? Number.NaN : low;
    experiences[e] = experienceScore(matrix.leadTotals[e]!, unitMeans[e]!, weights.leadWeight);
  }

  // U(u): the mean over experiences, the policy filling in where e does not apply.
  const counted = new Float64Array(nE * nU);
  const unitSums = new Float64Array(nU);
  const unitCounts = new Float64Array(nU);
  for (let e = 0; e < nE; e++) {
    const fill = notApplicableCount(weights.notApplicable, lowest[e]!);
    for (let u = 0; u < nU; u++) {
      const c = composites[e * nU + u]!;
      const value = Number.isNaN(c) ? (fill ?? Number.NaN) : c;
      counted[e * nU + u] = value;
      if (!Number.isNaN(value)) {
        unitSums[u] = unitSums[u]! + value;
        unitCounts[u] = unitCounts[u]! + 1;
      }
    }
  }
  const units = new Float64Array(nU);
  for (let u = 0; u < nU; u++) units[u] = unitCounts[u] === 0 ? Number.NaN : unitSums[u]! / unitCounts[u]!;

  // D(d): the mean lead assessment over the experiences each department leads.
  const departmentSums = new Float64Array(nD);
  const departmentCounts = new Float64Array(nD);
  for (let e = 0; e < nE; e++) {
    const d = matrix.leadOf[e]!;
    if (d < 0) continue;
    departmentSums[d] = departmentSums[d]! + matrix.leadTotals[e]!;
    departmentCounts[d] = departmentCounts[d]! + 1;
  }
  const departments = new Float64Array(nD);
  for (let d = 0; d < nD; d++) departments[d] = departmentCounts[d] === 0 ? Number.NaN : departmentSums[d]! / departmentCounts[d]!;

  return { composites, counted, unitMeans, lowest, experiences, units, departments };
}
