import { describe, expect, it } from 'vitest';
import { indistinctNeighbours } from '../../src/scoring/indistinct-neighbours.ts';

const item = (id: string, low: number, high: number) => ({ id, low, high });

describe('indistinctNeighbours(items)', () => {
  it.each([
    ['no items', [], []],
    ['one item', [item('a', 1, 3)], []],
    ['intervals that share a rank', [item('a', 1, 2), item('b', 2, 3)], [['a', 'b']]],
    ['intervals apart', [item('a', 1, 1), item('b', 2, 2)], []],
    ['a tie at one rank', [item('a', 1, 1), item('b', 1, 1)], [['a', 'b']]],
    ['one interval inside another', [item('a', 1, 5), item('b', 2, 3)], [['a', 'b']]],
    ['a chain with a gap', [item('a', 1, 2), item('b', 2, 3), item('c', 4, 4), item('d', 4, 6)], [['a', 'b'], ['c', 'd']]],
    // Only neighbours by base rank are compared: a and c overlap but are not next to each other.
    ['overlap two places apart', [item('a', 1, 3), item('b', 4, 4), item('c', 3, 5)], [['b', 'c']]],
  ])('pairs %s', (_, items, pairs) => {
    expect(indistinctNeighbours(items).map((p) => [p.higher, p.lower])).toEqual(pairs);
  });
});
