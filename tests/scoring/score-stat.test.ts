import { describe, expect, it } from 'vitest';
import { scoreStat } from '../../src/scoring/score-stat.ts';

describe('scoreStat(value, decimals)', () => {
  it.each([
    [92.555, 2, 92.56, '92.56'],
    [94, 2, 94, '94.00'],
    [73.57499999999999, 2, 73.58, '73.58'],
    [91.5, 1, 91.5, '91.5'],
  ])('prints %d at %i decimals as %d, %s', (value, decimals, score, text) => {
    expect(scoreStat(value, decimals)).toEqual({ value, score, text });
  });

  it('prints no score as a dash', () => {
    expect(scoreStat(NaN, 2)).toEqual({ value: NaN, score: NaN, text: '—' });
  });
});
