/**
 * Test helper: fast-check arbitraries for scoring matrices of any shape,
 * with missing methods, units an experience does not apply to, zero
 * weights and departments that lead nothing.
 */
import fc from 'fast-check';
import type { ScoringMatrix } from '../../src/scoring/scoring-matrix.ts';

/** A matrix and baseline weights (some may be 0, at least one positive). */
export interface ArbitraryScheme {
  matrix: ScoringMatrix;
  weights: number[];
}

/**
 * Matrices of 1..`maxUnits` units, 1..`maxExperiences` experiences and 1..4
 * methods. Scores are halves in 60..100, so printed ties and exact halves
 * at two decimals both happen.
 *
 * @example
 * fc.assert(fc.property(arbitraryScheme(), ({ matrix, weights }) => { … }))
 */
export function arbitraryScheme(size: { maxUnits?: number; maxExperiences?: number } = {}): fc.Arbitrary<ArbitraryScheme> {
  return fc
    .record({
      units: fc.integer({ min: 1, max: size.maxUnits ?? 6 }),
      experiences: fc.integer({ min: 1, max: size.maxExperiences ?? 6 }),
      methods: fc.integer({ min: 1, max: 4 }),
      departments: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ units, experiences, methods, departments }) =>
      fc.record({
        weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: methods, maxLength: methods }).filter((w) => w.some((x) => x > 0)),
        cells: fc.array(
          fc.record({
            missing: fc.array(fc.boolean(), { minLength: methods, maxLength: methods }),
            scores: fc.array(fc.integer({ min: 120, max: 200 }).map((n) => n / 2), { minLength: methods, maxLength: methods }),
          }),
          { minLength: experiences * units, maxLength: experiences * units },
        ),
        notApplicable: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: experiences * units, maxLength: experiences * units }),
        leadTotals: fc.array(fc.integer({ min: 140, max: 200 }).map((n) => n / 2), { minLength: experiences, maxLength: experiences }),
        leadOf: fc.array(fc.integer({ min: 0, max: departments - 1 }), { minLength: experiences, maxLength: experiences }),
      }).map(({ weights, cells, notApplicable, leadTotals, leadOf }) => {
        const scores = new Float64Array(experiences * units * methods).fill(Number.NaN);
        // About one cell in four does not apply; a unit with most methods flagged missing lacks those methods.
        const applicable = Uint8Array.from(notApplicable, (n) => (n === 0 ? 0 : 1));
        cells.forEach((cell, i) => {
          if (applicable[i] === 0) return;
          cell.scores.forEach((s, m) => {
            if (!(cell.missing[m] && cell.missing.filter(Boolean).length > methods / 2)) scores[i * methods + m] = s;
          });
        });
        const matrix: ScoringMatrix = {
          unitIds: Array.from({ length: units }, (_, i) => `u${i}`),
          experienceIds: Array.from({ length: experiences }, (_, i) => `e${i}`),
          methodIds: Array.from({ length: methods }, (_, i) => `m${i}`),
          departmentIds: Array.from({ length: departments }, (_, i) => `d${i}`),
          scores,
          applicable,
          leadTotals: Float64Array.from(leadTotals),
          leadOf: Int32Array.from(leadOf),
        };
        const total = weights.reduce((a, b) => a + b, 0);
        return { matrix, weights: weights.map((w) => w / total) };
      }),
    );
}
