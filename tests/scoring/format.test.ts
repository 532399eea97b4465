import { describe, expect, it } from 'vitest';
import { formatLike, formatPercent, printedPrecision } from '../../src/scoring/format.ts';

describe('printedPrecision(printed)', () => {
  it.each([
    ['94.24', 2, false],
    ['91%', 0, true],
    ['88.2%', 1, true],
    ['18.5', 1, false],
    ['16', 0, false],
  ])('reads %s as %i decimals, percent %s', (printed, decimals, percent) => {
    expect(printedPrecision(printed)).toEqual({ decimals, percent });
  });
});

describe('formatPercent(fraction, decimals)', () => {
  it.each([
    [0.736, 1, '73.6%'],
    [651 / 885, 1, '73.6%'],
    [805 / 885, 0, '91%'],
    [0.9, 0, '90%'],
    [15 / 17, 1, '88.2%'],
    [0.5, 1, '50.0%'],
  ])('formats %d at %i decimals as %s', (fraction, decimals, text) => {
    expect(formatPercent(fraction, decimals)).toBe(text);
  });
});

describe('formatLike(value, printed)', () => {
  it.each([
    [94.24227, '94.24', '94.24'],
    [805 / 885, '91%', '91%'],
    [15 / 17, '88.2%', '88.2%'],
    [18.5, '18.5', '18.5'],
    [16, '16', '16'],
    [92.555, '92.56', '92.56'],
    [0.75, '75%', '75%'],
  ])('formats %d like %s as %s', (value, printed, text) => {
    expect(formatLike(value, printed)).toBe(text);
  });
});
