import { describe, expect, it } from 'vitest';
import { weight } from '../../../src/site/filters/weight.ts';

describe('weight(fraction)', () => {
  it.each([
    [0.4, '40%'],
    [0.15, '15%'],
    [0.125, '12.5%'],
    [1 / 3, '33.33%'],
    [4 / 17, '23.53%'],
    [0.1875, '18.75%'],
    [0, '0%'],
    [0.10005, '10.01%'],
  ])('prints %f as %s with at most two decimals and no floating-point noise', (value, expected) => {
    expect(weight(value)).toBe(expected);
  });
});
