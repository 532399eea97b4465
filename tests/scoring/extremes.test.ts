import { describe, expect, it } from 'vitest';
import { extremes } from '../../src/scoring/extremes.ts';

describe('extremes(values, ids, limit)', () => {
  it.each([
    [[90, 95, 80, 95], 2, ['b', 'd'], ['c', 'a']],
    [[90, 95, 80, 95], 3, ['b', 'd', 'a'], ['c', 'a', 'b']],
    [[90, NaN, 80], 3, ['a', 'c'], ['c', 'a']],
    [[70, 70, 70, 70], 3, ['a', 'b', 'c'], ['a', 'b', 'c']],
    [[], 3, [], []],
  ])('picks from %j up to %i ids each way, ties in source order', (values, limit, strongest, weakest) => {
    expect(extremes(values, ['a', 'b', 'c', 'd'], limit)).toEqual({ strongest, weakest });
  });
});
