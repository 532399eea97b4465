import { describe, expect, it } from 'vitest';
import { rankRange } from '../../../src/site/filters/rank-range.ts';

describe('rankRange(range)', () => {
  it.each([
    [{ low: 2, high: 5 }, '2～5'],
    [{ low: 3, high: 3 }, '3'],
    [{ median: 1, low: 1, high: 2, top: 0.52 }, '1～2'],
    [{ low: null, high: null }, '—'],
    [undefined, '—'],
  ])('prints %j as %s', (range, text) => {
    expect(rankRange(range)).toBe(text);
  });
});
