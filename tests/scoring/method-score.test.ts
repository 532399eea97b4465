import { describe, expect, it } from 'vitest';
import { methodScore } from '../../src/scoring/method-score.ts';

describe('methodScore(score)', () => {
  it.each([
    [96, 96],
    [{ progress: 24, effect: 23.5 }, 47.5],
    [{}, 0],
  ])('reads %j as %d', (score, expected) => expect(methodScore(score)).toBe(expected));
});
