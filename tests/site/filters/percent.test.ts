import { describe, expect, it } from 'vitest';
import { percent } from '../../../src/site/filters/percent.ts';

describe('percent(value, decimals)', () => {
  it.each([
    [{ value: 0.9096, text: '91%' }, undefined, '91%'],
    [0.4, undefined, '40.0%'],
    [0.25, 0, '25%'],
    [0.736, 1, '73.6%'],
    [null, undefined, '—'],
    [0.10005, 2, '10.01%'],
    [NaN, 1, '—'],
  ])('prints %j as %s', (value, decimals, expected) => {
    expect(percent(value, decimals)).toBe(expected);
  });
});
