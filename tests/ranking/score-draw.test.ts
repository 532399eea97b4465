import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAssumptions, type AssumptionRanges } from '../../src/ranking/draw-assumptions.ts';
import { buildDrawMatrix } from '../../src/ranking/draw-matrix.ts';
import { createDrawScores, scoreDraw } from '../../src/ranking/score-draw.ts';
import { scoreScheme } from '../../src/ranking/score-scheme.ts';
import { buildScoringMatrix } from '../../src/ranking/scoring-matrix.ts';
import type { NotApplicablePolicy } from '../../src/model/types.ts';
import { smallEdition } from '../model/small-edition.ts';
import { arbitraryScheme } from './arbitrary-matrix.ts';

const BOTH = { units: true, experiences: true };

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

describe('scoreDraw(draw, drawn, out, views)', () => {
  const matrix = buildScoringMatrix(smallEdition());
  const draw = buildDrawMatrix(matrix, { weights: [0.5, 0.3, 0.2], weightSpread: 0 });

  it.each([
    ['lowest', [88.75, 88.75, 84.65]],
    ['exclude', [88.75, 88.75, 248 / 3]],
    ['zero', [88.75, 88.75, 248 / 4]],
  ] as const)('scores the small edition’s units under %s as scoreScheme does', (policy, units) => {
    const out = scoreDraw(draw, { weights: Float64Array.from([0.5, 0.3, 0.2]), leadWeight: 0.5, notApplicable: policy }, createDrawScores(draw), BOTH);
    expectSame(out.units, units);
    expectSame(out.experiences, [91.716666666666667, 91.1, 90.266666666666667, 79.45]);
  });

  it('leaves a view it is not asked for untouched', () => {
    const out = createDrawScores(draw);
    out.units.fill(-1);
    scoreDraw(draw, { weights: Float64Array.from([0.5, 0.3, 0.2]), leadWeight: 0.5, notApplicable: 'lowest' }, out, { units: false, experiences: true });
    expect(Array.from(out.units)).toEqual([-1, -1, -1]);
    expect(out.experiences[0]).toBeCloseTo(91.716667, 5);
  });

  it('gives the scores of scoreScheme for any weights in range, lead weight and policy', () => {
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
          const drawn = drawAssumptions(() => randoms[i++ % randoms.length]!, ranges, { weights: true, leadWeight: true, notApplicable: true }, {
            weights: new Float64Array(weights.length),
            leadWeight: 0,
            notApplicable: policy,
          });
          const expected = scoreScheme(m, {
            methods: Object.fromEntries(m.methodIds.map((id, k) => [id, drawn.weights[k]!])),
            leadWeight: drawn.leadWeight,
            notApplicable: policy,
          });
          const out = scoreDraw(built, drawn, createDrawScores(built), BOTH);
          expectSame(out.experiences, expected.experiences);
          expectSame(out.units, expected.units);
        },
      ),
      { numRuns: 300 },
    );
  });
});
