/**
 * The annex CSV downloads (`downloads/annex-1.csv` … `annex-3.csv`) as the
 * data contract fixes them: UTF-8 with a byte order mark so that Excel and
 * WPS detect the encoding, CRLF line ends, header then one row per ranked
 * item in rank order.
 */
import type { Report } from '../model/types.ts';
import { annexTable } from './annex-tables.ts';
import { csvField } from './csv-field.ts';

/** The UTF-8 byte order mark, written as the first character. */
export const BOM = '\uFEFF';

/**
 * Builds the CSV text of annex `n`, BOM included, every line ended by CRLF
 * (the last one too). Text cells are escaped and made formula-inert by
 * `csvField`; header cells are written exactly as the contract gives them.
 *
 * @example
 * annexCsv(report, 1)
 * // → '\uFEFF排名,单位,得分\r\n1,张店区,95.12\r\n2,淄川区,94.80\r\n…'
 */
export function annexCsv(report: Report, n: 1 | 2 | 3): string {
  const table = annexTable(report, n);
  const lines = [
    table.columns.join(','),
    ...table.rows.map((row) =>
      row.map((cell, i) => csvField(cell, { text: !table.numeric[i] })).join(','),
    ),
  ];
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}
