import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, parseCellAddress, parseCellRange } from '../../src/workbook/cell-address.ts';

describe('columnLetters(column)', () => {
  it.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('names column %i %s', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });
});

describe('cellAddress(row, column) and parseCellAddress(address)', () => {
  it('names row 6, column 5 F7', () => {
    expect(cellAddress(6, 5)).toBe('F7');
  });

  it('reads back every address it writes', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(16383), (row, column) => {
        expect(parseCellAddress(cellAddress(row, column))).toEqual({ row, column });
      }),
    );
  });

  it.each([['$f$7', { row: 6, column: 5 }], ['7F', undefined], ['A0', undefined], ['', undefined]])('reads %j as %j', (text, place) => {
    expect(parseCellAddress(text)).toEqual(place);
  });
});

describe('parseCellRange(range)', () => {
  it('reads a range with its corners in any order, and a single cell', () => {
    expect(parseCellRange('A2:A5')).toEqual({ top: 1, left: 0, bottom: 4, right: 0 });
    expect(parseCellRange('C5:A2')).toEqual({ top: 1, left: 0, bottom: 4, right: 2 });
    expect(parseCellRange('B3')).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    expect(parseCellRange('A2:?')).toBeUndefined();
  });
});
