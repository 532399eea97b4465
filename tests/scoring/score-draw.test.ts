import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotApplicablePolicy } from '../../src/scoring/unit-score.ts';
import { drawAssumptions, type AssumptionRanges } from '../../src/scoring/draw-assumptions.ts';
import { buildDrawMatrix } from '../../src/scoring/draw-matrix.ts';
import { createCompositeSums, experienceScores, sumComposites, unitScores } from '../../src/scoring/score-draw.ts';
import { scoreScheme } from '../../src/scoring/score-scheme.ts';
import { buildScoringMatrix } from '../../src/scoring/scoring-matrix.ts';
import { smallEdition } from '../model/small-edition.ts';
import { arbitraryScheme } from './arbitrary-matrix.ts';

/** Equal within 1e-9 relative, NaN only where the other is NaN. */
function expectSame(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const b = expected[i]!;
    if (Number.isNaN(b)) expect(a).toBeNaN();
    else expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  }
}

// The small edition (see tests/model/compute-report.test.ts): weights 0.5 / 0.3 / 0.2.
const matrix = buildScoringMatrix(smallEdition());
const draw = buildDrawMatrix(matrix, { weights: [0.5, 0.3, 0.2], weightSpread: 0.5 });
const sums = sumComposites(draw, Float64Array.from([0.5, 0.3, 0.2]), createCompositeSums(draw), true);

describe('sumComposites(draw, weights, into, withLowest)', () => {
  it('gives each experience’s mean composite and each unit’s sum of composites', () => {
    expectSame(sums.unitMeans, [265.3 / 3, 92.2, 271.6 / 3, 236.7 / 3]);
    expectSame(sums.compositeSums, [94.2 + 90.6 + 90 + 80.2, 89.6 + 93.8 + 86.6 + 85, 81.5 + 95 + 71.5]);
    expectSame(sums.lowest, [90.6]);
  });

  it('gives the same composites for weights scaled by a constant', () => {
    const scaled = sumComposites(draw, Float64Array.from([5, 3, 2]), createCompositeSums(draw), true);
    expectSame(scaled.unitMeans, sums.unitMeans);
    expectSame(scaled.compositeSums, sums.compositeSums);
  });
});

describe('experienceScores(draw, sums, leadWeight, scores)', () => {
  it.each([
    [0.5, [91.716666666666667, 91.1, 90.266666666666667, 79.45]],
    [1, [95, 90, 90, 80]],
    [0, [265.3 / 3, 92.2, 271.6 / 3, 236.7 / 3]],
  ])('blends the lead assessment at lead weight %d', (leadWeight, expected) => {
    expectSame(experienceScores(draw, sums, leadWeight, new Float64Array(4)), expected);
  });
});

describe('unitScores(draw, sums, policy, scores)', () => {
  it.each([
    ['lowest', [88.75, 88.75, 84.65]],
    ['exclude', [88.75, 88.75, 248 / 3]],
    ['zero', [88.75, 88.75, 248 / 4]],
  ] as const)('counts gamma’s not-applicable experience under %s', (policy, expected) => {
    expectSame(unitScores(draw, sums, policy, new Float64Array(3)), expected);
  });
});

describe('the draw scores', () => {
  it('are the scores of scoreScheme for any weights in range, lead weight and policy', () => {
    fc.assert(
      fc.property(
        arbitraryScheme(),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom<NotApplicablePolicy>('lowest', 'exclude', 'zero'),
        ({ matrix: m, weights }, h, shrink, randoms, policy) => {
          const built = buildDrawMatrix(m, { weights, weightSpread: h });
          // Draw within the range the matrix was built for, or a narrower one.
          const ranges: AssumptionRanges = {
            weights,
            weightSpread: h * shrink,
            leadWeight: { low: 0, high: 1 },
            notApplicable: [policy],
            baseline: { leadWeight: 0.5, notApplicable: policy },
          };
          let i = 0;
          const drawn = drawAssumptions(() => randoms[i++ % randoms.length]!, ranges, {
            weights: new Float64Array(weights.length),
            leadWeight: 0,
            notApplicable: policy,
          });
          const expected = scoreScheme(m, {
            methods: Object.fromEntries(m.methodIds.map((id, k) => [id, drawn.weights[k]!])),
            leadWeight: drawn.leadWeight,
            notApplicable: policy,
          });
          const drawnSums = sumComposites(built, drawn.weights, createCompositeSums(built), policy === 'lowest');
          expectSame(experienceScores(built, drawnSums, drawn.leadWeight, new Float64Array(built.experiences)), expected.experiences);
          expectSame(unitScores(built, drawnSums, policy, new Float64Array(built.units)), expected.units);
        },
      ),
      { numRuns: 300 },
    );
  });
});
