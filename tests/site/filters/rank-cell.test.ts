import { describe, expect, it } from 'vitest';
import { rankCell } from '../../../src/site/filters/rank-cell.ts';

describe('rankCell(item)', () => {
  it.each([
    [{ rank: 1, tied: false }, '1'],
    [{ rank: 3, tied: true }, '3<span class="tie">（并列）</span>'],
    [{ rank: 10 }, '10'],
    [{ rank: null, tied: true }, '—'],
    [{ rank: 0 }, '—'],
    [{}, '—'],
    [undefined, '—'],
  ])('writes %j as %s', (item, expected) => {
    expect(rankCell(item)).toBe(expected);
  });
});
