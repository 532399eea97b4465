import { describe, expect, it } from 'vitest';
import { rankCell } from '../../../src/site/filters/rank-cell.ts';

describe('rankCell(item)', () => {
  const cells = (rank: string, tie: string) => `<td class="rank">${rank}</td><td class="tie">${tie}</td>`;
  it.each([
    [{ rank: 1, tied: false }, cells('1', '')],
    [{ rank: 3, tied: true }, cells('3', '并列')],
    [{ rank: 10 }, cells('10', '')],
    [{ rank: null, tied: true }, cells('—', '')],
    [{ rank: 0 }, cells('—', '')],
    [{}, cells('—', '')],
    [undefined, cells('—', '')],
  ])('writes %j as a rank cell holding a number and a 并列 cell', (item, expected) => {
    expect(rankCell(item)).toBe(expected);
  });
});
