import { describe, expect, it } from 'vitest';
import { lineColumnFinder, skipToContent } from '../../src/data/positions.ts';

describe('lineColumnFinder(text)', () => {
  const at = lineColumnFinder('ab\ncd\n\nef');
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [3, 2, 1],
    [6, 3, 1],
    [7, 4, 1],
    [8, 4, 2],
  ])('puts offset %i at line %i, column %i', (offset, line, column) => {
    expect(at(offset)).toEqual({ line, column });
  });
});

describe('skipToContent(text, offset)', () => {
  it.each([
    ['  # c\n  x', 0, 8],
    [': 96', 0, 2],
    ['- item', 0, 2],
    ['---', 0, 0],
    ['x', 0, 0],
    [', unit: 95', 0, 2],
  ])('skips blanks, comments and indicators in %j from %i to %i', (text, offset, expected) => {
    expect(skipToContent(text, offset)).toBe(expected);
  });
});
