import { describe, expect, it } from 'vitest';
import { expandedSize, treeSize } from '../../src/data/expanded-size.ts';

describe('expandedSize(value, limit)', () => {
  it.each([
    ['a scalar', 1, 1],
    ['a flat mapping', { a: 1, b: 2 }, 3],
    ['a nested list', [[1, 2], [3]], 6],
  ])('counts every value of %s', (_, value, size) => {
    expect(expandedSize(value, 1000)).toBe(size);
  });

  it('counts a shared object once per place it is used', () => {
    const shared = [1, 2, 3];
    expect(expandedSize([shared, shared, shared], 1000)).toBe(13);
  });

  it('stops past the limit on an exponential structure without walking it all', () => {
    let level: unknown = ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'];
    for (let i = 0; i < 30; i++) level = Array(10).fill(level);
    const started = performance.now();
    expect(expandedSize(level, 10_000)).toBeGreaterThan(10_000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('treeSize(value, limit)', () => {
  it.each([
    ['a scalar', 1],
    ['a flat mapping', { a: 1, b: 2 }],
    ['a nested list', [[1, 2], [3]]],
    ['nulls and empty containers', { a: null, b: [], c: {}, d: [null, null] }],
    ['a deep mixed tree', { x: [{ y: [1, { z: 'w' }] }, 'v'], u: { t: [[[]]] } }],
  ])('counts %s as expandedSize does', (_, value) => {
    expect(treeSize(value, 1000)).toBe(expandedSize(value, 1000));
  });

  it('stops once the count passes the limit', () => {
    expect(treeSize(Array(100).fill(1), 10)).toBe(11);
    expect(treeSize(Array(10).fill(1), 11)).toBe(11);
  });
});
