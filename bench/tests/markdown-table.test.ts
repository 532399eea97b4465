import { describe, expect, it } from 'vitest';
import { markdownTable } from '../markdown-table.ts';

describe('markdownTable(header, rows)', () => {
  it.each([
    {
      name: 'right-aligns a column of numbers and left-aligns text',
      header: ['size', 'ms'],
      rows: [['default', 812], ['10x', 4000]],
      expected: '| size | ms |\n|:--|--:|\n| default | 812 |\n| 10x | 4000 |',
    },
    {
      name: 'left-aligns a column that mixes numbers and text',
      header: ['a'],
      rows: [[1], ['—']],
      expected: '| a |\n|:--|\n| 1 |\n| — |',
    },
    {
      name: 'gives a header-only table for no rows',
      header: ['a', 'b'],
      rows: [],
      expected: '| a | b |\n|:--|:--|',
    },
    {
      name: 'escapes a pipe inside a cell and pads a short row',
      header: ['a', 'b'],
      rows: [['x|y']],
      expected: '| a | b |\n|:--|:--|\n| x\\|y |  |',
    },
  ])('$name', ({ header, rows, expected }) => {
    expect(markdownTable(header, rows)).toBe(expected);
  });
});
