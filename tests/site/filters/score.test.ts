import { describe, expect, it } from 'vitest';
import { formatScore } from '../../../src/scoring/format.ts';
import { score } from '../../../src/site/filters/score.ts';

describe('score(value, decimals)', () => {
  it.each([
    [{ text: '92.56', value: 92.555 }, 2, '92.56'],
    [95, 2, '95.00'],
    [88.5, 1, '88.5'],
    [0, 2, '0.00'],
    [1.005, 2, '1.01'],
    [73.57499999999999, 2, '73.58'],
    [NaN, 2, '—'],
    [null, 2, '—'],
    [undefined, 2, '—'],
  ])('prints %j at %i decimals as %s', (value, decimals, expected) => {
    expect(score(value, decimals)).toBe(expected);
  });

  it('prints a bare number half up, as the model prints its scores, where toFixed would print 0.01 less', () => {
    expect(score(1.005, 2)).toBe(formatScore(1.005, 2));
    expect((1.005).toFixed(2)).toBe('1.00');
  });

  it('prints a Stat by its own text and never re-rounds it', () => {
    expect(score({ value: 73.57499999999999, text: '73.58' }, 1)).toBe('73.58');
  });
});
