import { describe, expect, it } from 'vitest';
import { rankAmong } from '../../../src/site/filters/rank-among.ts';

describe('rankAmong(item)', () => {
  it.each([
    [{ rank: 3, among: 9 }, '3/9'],
    [{ rank: 2, tied: true, among: 9 }, '2/9'],
    [{ rank: null, among: 9 }, '—'],
    [null, '—'],
  ])('prints %o as %s', (item, text) => {
    expect(rankAmong(item)).toBe(text);
  });
});
