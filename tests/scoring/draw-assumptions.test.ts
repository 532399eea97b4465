import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAssumptions, randomsPerDraw, type AssumptionRanges, type DrawnAssumptions } from '../../src/scoring/draw-assumptions.ts';

/** A source that yields the given numbers in turn and counts what it gave. */
function sequence(values: readonly number[]) {
  let i = 0;
  const random = () => values[i++ % values.length]!;
  return Object.assign(random, { taken: () => i });
}

const ranges: AssumptionRanges = {
  weights: [0.5, 0.3, 0.2],
  weightSpread: 0.5,
  leadWeight: { low: 0.4, high: 0.6 },
  notApplicable: ['lowest', 'exclude', 'zero'],
  baseline: { leadWeight: 0.5, notApplicable: 'lowest' },
};
const out = (): DrawnAssumptions => ({ weights: new Float64Array(3), leadWeight: Number.NaN, notApplicable: 'zero' });

describe('drawAssumptions(random, ranges, out)', () => {
  it.each([
    // randoms: one per method, then lead weight, then policy
    ['the middle of every range', [0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.3, 0.2], 0.5, 'exclude'],
    ['the low end of every range', [0, 0, 0, 0, 0], [0.5, 0.3, 0.2], 0.4, 'lowest'],
    // 0.5·1.5 = 0.75, 0.3·0.5 = 0.15, 0.2·1 = 0.2; sum 1.1
    ['one weight up, one down', [1, 0, 0.5, 0.25, 0.99], [0.75 / 1.1, 0.15 / 1.1, 0.2 / 1.1], 0.45, 'zero'],
    ['a policy just below the second third', [0.5, 0.5, 0.5, 0.999, 0.6666], [0.5, 0.3, 0.2], 0.5998, 'exclude'],
  ] as const)('draws %s', (_, randoms, weights, leadWeight, policy) => {
    const drawn = drawAssumptions(sequence(randoms), ranges, out());
    expect(Array.from(drawn.weights)).toEqual(weights.map((w) => expect.closeTo(w, 12)));
    expect(drawn.leadWeight).toBeCloseTo(leadWeight, 12);
    expect(drawn.notApplicable).toBe(policy);
  });

  it('takes one number per method, one for the lead weight and one for the policy, even for ranges of one value', () => {
    const random = sequence([1, 0, 1, 0.99, 0.99]);
    const drawn = drawAssumptions(random, { ...ranges, weightSpread: 0, leadWeight: { low: 0.5, high: 0.5 }, notApplicable: ['zero'] }, out());
    expect(Array.from(drawn.weights)).toEqual([0.5, 0.3, 0.2].map((w) => expect.closeTo(w, 12)));
    expect(drawn).toMatchObject({ leadWeight: 0.5, notApplicable: 'zero' });
    expect(random.taken()).toBe(randomsPerDraw(3));
  });

  it('fixes the lead weight to a range of one value', () => {
    const drawn = drawAssumptions(sequence([0.3]), { ...ranges, leadWeight: { low: 0.7, high: 0.7 } }, out());
    expect(drawn.leadWeight).toBe(0.7);
  });

  it('keeps a zero weight at zero', () => {
    const drawn = drawAssumptions(sequence([0.9]), { ...ranges, weights: [0.6, 0, 0.4] }, out());
    expect(drawn.weights[1]).toBe(0);
  });

  it('draws weights within w·(1±h), normalised, the lead weight in its range and a listed policy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (randoms, h) => {
          const drawn = drawAssumptions(sequence(randoms), { ...ranges, weightSpread: h }, out());
          const total = drawn.weights.reduce((a, b) => a + b, 0);
          expect(total).toBeCloseTo(1, 12);
          // Every ratio of two drawn weights stays within what the ranges allow.
          const ratio = drawn.weights[0]! / drawn.weights[1]! / (0.5 / 0.3);
          expect(ratio).toBeGreaterThanOrEqual((1 - h) / (1 + h) - 1e-12);
          expect(ratio).toBeLessThanOrEqual((1 + h) / (1 - h) + 1e-12);
          expect(drawn.leadWeight).toBeGreaterThanOrEqual(0.4);
          expect(drawn.leadWeight).toBeLessThanOrEqual(0.6);
          expect(ranges.notApplicable).toContain(drawn.notApplicable);
        },
      ),
    );
  });
});

describe('randomsPerDraw(methods)', () => {
  it('is one number per method plus two', () => {
    expect(randomsPerDraw(5)).toBe(7);
    expect(randomsPerDraw(1)).toBe(3);
  });
});
