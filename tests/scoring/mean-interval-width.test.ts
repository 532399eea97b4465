import { describe, expect, it } from 'vitest';
import { meanIntervalWidth } from '../../src/scoring/mean-interval-width.ts';

describe('meanIntervalWidth(intervals)', () => {
  it.each([
    [[], 0],
    [[{ low: 3, high: 3 }], 0],
    [[{ low: 1, high: 3 }, { low: 2, high: 2 }], 1],
    [[{ low: 1, high: 9 }, { low: 4, high: 5 }, { low: 6, high: 6 }], 3],
  ])('gives %j a mean width of %d ranks', (intervals, width) => {
    expect(meanIntervalWidth(intervals)).toBe(width);
  });
});
