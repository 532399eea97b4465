/**
 * Spreadsheet cell addresses (`F7`, `A2:A5`) and the 0-based row and
 * column indexes the readers work with.
 */

/**
 * The letters of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
 *
 * @example
 * columnLetters(5) // 'F'
 */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The address of a cell from 0-based row and column indexes.
 *
 * @example
 * cellAddress(6, 5) // 'F7'
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * 0-based row and column of an address (`F7` → row 6, column 5); the
 * letters are case-insensitive and `$` signs are ignored. Undefined for
 * anything that is not an address.
 *
 * @example
 * parseCellAddress('$F$7') // { row: 6, column: 5 }
 * parseCellAddress('7F')   // undefined
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1) return undefined;
  return { row: row - 1, column: column - 1 };
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A range from `A2:B5` (or a single cell `C3`); undefined when malformed.
 * The corners may come in any order.
 *
 * @example
 * parseCellRange('A2:A5') // { top: 1, left: 0, bottom: 4, right: 0 }
 */
export function parseCellRange(range: string): CellRange | undefined {
  const [from, to = from] = range.split(':');
  const a = from === undefined ? undefined : parseCellAddress(from);
  const b = to === undefined ? undefined : parseCellAddress(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
