import { describe, expect, it } from 'vitest';
import { departmentScore } from '../../src/scoring/department-score.ts';

describe('departmentScore(leadTotals)', () => {
  it.each([
    [[95, 93], 94],
    [[85.8], 85.8],
  ])('averages %j to %d', (totals, expected) => expect(departmentScore(totals)).toBe(expected));

  it('gives NaN for a department that leads nothing', () => expect(departmentScore([])).toBeNaN());
});
