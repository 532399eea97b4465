import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedMeanBounds } from '../../src/scoring/weighted-mean-bounds.ts';

describe('weightedMeanBounds(scores, low, high)', () => {
  it.each([
    ['two scores, weights 0.5..1.5', [90, 80], [0.5, 0.5], [1.5, 1.5], 82.5, 87.5],
    ['fixed weights', [90, 80], [1, 3], [1, 3], 82.5, 82.5],
    ['one score', [77], [0.1], [0.9], 77, 77],
    ['equal scores', [85, 85, 85], [0.1, 0.2, 0.3], [1, 2, 3], 85, 85],
    // min: only 60 heavy, (120 + 80 + 100) / 4 = 75, lower than 60 and 80 heavy, (120 + 160 + 100) / 5 = 76;
    // max: only 100 heavy, (60 + 80 + 200) / 4 = 85
    ['three scores', [100, 60, 80], [1, 1, 1], [2, 2, 2], 75, 85],
    ['a weight that may reach 0', [90, 50], [0, 1], [1, 1], 50, 70],
  ])('bounds %s', (_, scores, low, high, min, max) => {
    const bounds = weightedMeanBounds(scores, low, high);
    expect(bounds.min).toBeCloseTo(min, 10);
    expect(bounds.max).toBeCloseTo(max, 10);
  });

  it('gives NaN for no scores', () => {
    expect(weightedMeanBounds([], [], [])).toEqual({ min: Number.NaN, max: Number.NaN });
  });

  const boxes = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true })), {
      minLength: 1,
      maxLength: 6,
    })
    .map((rows) => ({
      scores: rows.map(([s]) => s),
      low: rows.map(([, w, h]) => w * (1 - h)),
      high: rows.map(([, w, h]) => w * (1 + h)),
    }));

  it('holds every weighted mean with weights in range, and reaches both ends', () => {
    fc.assert(
      fc.property(boxes, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), ({ scores, low, high }, t) => {
        const { min, max } = weightedMeanBounds(scores, low, high);
        const w = scores.map((_, i) => low[i]! + t[i]! * (high[i]! - low[i]!));
        const mean = scores.reduce((s, x, i) => s + w[i]! * x, 0) / w.reduce((a, b) => a + b, 0);
        expect(mean).toBeGreaterThanOrEqual(min - 1e-9);
        expect(mean).toBeLessThanOrEqual(max + 1e-9);
        // Both ends are weighted means of some corner of the box.
        const corners = Array.from({ length: 2 ** scores.length }, (_, bits) => {
          const cw = scores.map((__, i) => ((bits >> i) & 1 ? high[i]! : low[i]!));
          return scores.reduce((s, x, i) => s + cw[i]! * x, 0) / cw.reduce((a, b) => a + b, 0);
        });
        expect(Math.min(...corners)).toBeCloseTo(min, 9);
        expect(Math.max(...corners)).toBeCloseTo(max, 9);
      }),
    );
  });
});
