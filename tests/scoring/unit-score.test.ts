import { describe, expect, it } from 'vitest';
import { notApplicableCount, unitScore } from '../../src/scoring/unit-score.ts';

describe('notApplicableCount(policy, lowestComposite)', () => {
  it.each([
    ['lowest', 88.4, 88.4],
    ['zero', 88.4, 0],
    ['exclude', 88.4, null],
    ['lowest', NaN, null],
  ] as const)('counts a not-applicable item under %s as %s', (policy, lowest, expected) => {
    expect(notApplicableCount(policy, lowest)).toBe(expected);
  });
});

describe('unitScore(composites, lowest, policy)', () => {
  const composites = [90, null, 80];
  const lowest = [85, 70, 75];
  it.each([
    ['lowest', (90 + 70 + 80) / 3, [90, 70, 80]],
    ['exclude', 85, [90, null, 80]],
    ['zero', 170 / 3, [90, 0, 80]],
  ] as const)('averages under the %s policy', (policy, exact, counted) => {
    const result = unitScore(composites, lowest, policy);
    expect(result.exact).toBeCloseTo(exact, 10);
    expect(result.counted).toEqual(counted);
  });

  it('gives NaN when nothing is counted', () => {
    expect(unitScore([null], [70], 'exclude').exact).toBeNaN();
  });

  it('does not mutate its input', () => {
    const frozen = Object.freeze([90, null, 80]);
    unitScore(frozen, Object.freeze([1, 2, 3]), 'zero');
    expect(frozen).toEqual([90, null, 80]);
  });
});
