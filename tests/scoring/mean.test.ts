import { describe, expect, it } from 'vitest';
import { mean } from '../../src/scoring/mean.ts';

describe('mean(values)', () => {
  it.each([
    [[94, 95, 96], 95],
    [[90, NaN], 90],
    [[92.5], 92.5],
    [Float64Array.from([1, 2]), 1.5],
  ])('averages %j to %d, skipping NaN', (values, expected) => expect(mean(values)).toBe(expected));

  it.each([[[]], [[NaN, NaN]]])('gives NaN for %j', (values) => expect(mean(values)).toBeNaN());
});
