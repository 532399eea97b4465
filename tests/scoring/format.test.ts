import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLike, formatPercent, formatScore, formatWeight, printedPrecision } from '../../src/scoring/format.ts';
import { formatHalfUp } from '../../src/scoring/round-half-up.ts';

describe('formatScore(value, decimals)', () => {
  it.each([
    [1.005, 2, '1.01'],
    [73.57499999999999, 2, '73.58'],
    [92.555, 2, '92.56'],
    [95, 2, '95.00'],
    [18.5, 1, '18.5'],
    [0.5, 0, '1'],
    [99.995, 2, '100.00'],
    [-1.005, 2, '-1.01'],
    [-0.001, 2, '0.00'],
    [-0, 2, '0.00'],
    [1e20, 2, '100000000000000000000.00'],
  ])('prints %d at %i decimals as %s', (value, decimals, text) => {
    expect(formatScore(value, decimals)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('prints %d as a dash', (value) => {
    expect(formatScore(value, 2)).toBe('—');
  });

  it.each([-1, 1.5, 21, 1000, NaN])('refuses %d decimals, in Chinese', (decimals) => {
    expect(() => formatScore(1, decimals)).toThrow(/^小数位数应为 0～20 的整数 \(expected decimals from 0 to 20, found/);
  });

  it('prints the same digits as formatHalfUp, the rule it implements, for any value and precision', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        expect(formatScore(value, decimals)).toBe(formatHalfUp(value, decimals));
      }),
      { numRuns: 5000 },
    );
  });

  it('prints the same digits as formatHalfUp for decimal halves, where toFixed goes wrong', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 5 }), (digits, decimals) => {
        // digits followed by a 5 one place past the printed precision: 1.005, 73.575, …
        const value = Number(`${digits * 10 + 5}e-${decimals + 1}`);
        expect(formatScore(value, decimals)).toBe(formatHalfUp(value, decimals));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formatWeight(fraction)', () => {
  it.each([
    [0.4, '40%'],
    [0.125, '12.5%'],
    [4 / 17, '23.53%'],
    [1 / 3, '33.33%'],
    [1, '100%'],
    [0, '0%'],
    [0.00001, '0%'],
    [0.10005, '10.01%'],
  ])('prints %d as %s', (fraction, text) => {
    expect(formatWeight(fraction)).toBe(text);
  });
});

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
