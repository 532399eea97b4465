import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHalfUp, roundHalfUp } from '../../src/scoring/round-half-up.ts';

describe('formatHalfUp(value, decimals)', () => {
  it.each([
    [92.555, 2, '92.56'],
    [73.57499999999999, 2, '73.58'],
    [73.575, 2, '73.58'],
    [1.005, 2, '1.01'],
    [94.2449, 2, '94.24'],
    [94.245, 2, '94.25'],
    [94, 2, '94.00'],
    [0.5, 0, '1'],
    [2.5, 0, '3'],
    [99.995, 2, '100.00'],
    [9.96, 1, '10.0'],
    [0.0001, 2, '0.00'],
    [0.005, 2, '0.01'],
    [1e-7, 2, '0.00'],
    [-1.005, 2, '-1.01'],
    [-92.555, 2, '-92.56'],
    [-0.001, 2, '0.00'],
    [123456.785, 2, '123456.79'],
    [18.5, 1, '18.5'],
  ])('prints %d at %i decimals as %s', (value, decimals, text) => {
    expect(formatHalfUp(value, decimals)).toBe(text);
  });

  it('prints a mean whose decimal value is 73.575 as 73.58', () => {
    const mean = (73.5 + 73.65) / 2; // 73.575 in decimal
    expect(formatHalfUp(mean, 2)).toBe('73.58');
  });

  it.each([NaN, Infinity, -Infinity])('prints %d as a dash', (value) => {
    expect(formatHalfUp(value, 2)).toBe('—');
  });
});

describe('roundHalfUp(value, decimals)', () => {
  it.each([
    [92.555, 2, 92.56],
    [73.57499999999999, 2, 73.58],
    [1.005, 2, 1.01],
    [94.2449, 2, 94.24],
    [-1.005, 2, -1.01],
    [88.75, 1, 88.8],
  ])('rounds %d at %i decimals to %d', (value, decimals, rounded) => {
    expect(roundHalfUp(value, decimals)).toBe(rounded);
  });

  it('keeps NaN as NaN', () => expect(roundHalfUp(NaN, 2)).toBeNaN());

  it('agrees with the printed text for any score (the fast path never differs)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        expect(roundHalfUp(value, decimals)).toBe(Number(formatHalfUp(value, decimals)));
      }),
    );
  });

  it('agrees with the printed text for exact halves and their binary neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const half = (n + 0.5) / 10 ** decimals;
        for (const value of [half, half * (1 + 1e-15), half * (1 - 1e-15)]) {
          expect(roundHalfUp(value, decimals)).toBe(Number(formatHalfUp(value, decimals)));
        }
      }),
    );
  });
});
