/**
 * A table laid out as aligned plain text, for the `.txt` downloads and the
 * ranking diff in the terminal.
 */
import { displayWidth } from './display-width.ts';
import { inlineText } from './clean-text.ts';

/** Spaces between two columns. */
const GAP = '  ';

/**
 * Lays out a header and rows as lines of text whose columns line up in a
 * monospaced view, counting East Asian wide characters as two columns.
 * Numeric columns are right-aligned, text columns left-aligned; trailing
 * spaces are trimmed from each line. Cells are cleaned of hidden characters
 * and newlines first. An empty body gives the header line only.
 *
 * @example
 * alignedTable(['排名', '单位', '得分'], [['1', '张店区', '95.12']], [true, false, true])
 * // → ['排名  单位     得分', '   1  张店区  95.12']
 */
export function alignedTable(columns: string[], rows: string[][], numeric: boolean[]): string[] {
  const all = [columns, ...rows].map((row) => row.map(inlineText));
  // A loop, not Math.max(...cells): a table of 200,000 rows would overflow the stack as arguments.
  const widths = columns.map(() => 0);
  for (const row of all) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(row[i] ?? ''));
  }
  return all.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join(GAP)
      .trimEnd(),
  );
}
