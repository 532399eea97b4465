import { describe, expect, it } from 'vitest';
import { spread } from '../../src/scoring/spread.ts';

describe('spread(scores, ids)', () => {
  it.each([
    [[96, 90, 77.5], ['a', 'b', 'c'], { value: 18.5, best: 'a', worst: 'c' }],
    [[90, 96, 96, 80, 80], ['a', 'b', 'c', 'd', 'e'], { value: 16, best: 'b', worst: 'd' }],
    [[90, NaN, 95], ['a', 'b', 'c'], { value: 5, best: 'c', worst: 'a' }],
    [[88], ['a'], { value: 0, best: 'a', worst: 'a' }],
  ])('measures %j as max - min, ties to the first unit', (scores, ids, expected) => {
    expect(spread(scores, ids)).toEqual(expected);
  });

  it.each([[[]], [[NaN]]])('gives NaN and no ends for %j', (scores) => {
    expect(spread(scores, ['a'])).toEqual({ value: NaN });
  });
});
