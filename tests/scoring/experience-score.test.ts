import { describe, expect, it } from 'vitest';
import { experienceScore } from '../../src/scoring/experience-score.ts';

describe('experienceScore(leadTotal, unitMean, leadWeight)', () => {
  it.each([
    [95, 93.5, 0.5, 94.25],
    [95, 88.4, 0.3, 0.3 * 95 + 0.7 * 88.4],
    [95, 93.5, 1, 95],
    [95, 93.5, 0, 93.5],
    [95, NaN, 1, 95],
  ])('blends L=%d and mean=%d at lead weight %d into %d', (lead, unitMean, weight, expected) => {
    expect(experienceScore(lead, unitMean, weight)).toBeCloseTo(expected, 10);
  });

  it('gives NaN when no unit is scored and the units carry weight', () => {
    expect(experienceScore(95, NaN, 0.5)).toBeNaN();
  });
});
