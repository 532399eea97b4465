import { describe, expect, it } from 'vitest';
import { share } from '../../src/scoring/share.ts';

describe('share(part, whole)', () => {
  it.each([
    [805, 885, 805 / 885],
    [18, 20, 0.9],
    [0, 5, 0],
  ])('divides %i by %i', (part, whole, expected) => expect(share(part, whole)).toBe(expected));

  it('gives NaN for a whole of 0', () => expect(share(0, 0)).toBeNaN());
});
