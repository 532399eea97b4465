/**
 * The annex CSV downloads (`downloads/annex-1.csv` … `annex-3.csv`) as the
 * data contract fixes them: UTF-8 with a byte order mark so that Excel and
 * WPS detect the encoding, CRLF line ends, header then one row per ranked
 * item in rank order. Below the ranked rows, note rows whose first field
 * starts with `说明：` or `注：` carry what a reader of the file must know:
 * the 示意 notice when the annex's scores are illustrative, and the tie
 * convention when two rows share a rank. A note row has as many fields as
 * the header, so strict parsers read it, and its first field is not a
 * number, so a reader that keeps ranked rows drops it.
 */
import type { Report } from '../model/types.ts';
import { annexTable, type AnnexTable } from './annex-tables.ts';
import { csvField } from './csv-field.ts';
import { annexNotice } from './illustrative-notice.ts';

/** The UTF-8 byte order mark, written as the first character. */
export const BOM = '\uFEFF';

/** The note row that states the tie convention, written when a rank is shared. */
export const CSV_TIE_NOTE = '注：排名数字相同者为并列，并列者按数据中的顺序排列。';

/**
 * The note rows under annex `n`'s ranked rows: the annex's 示意 notice if
 * its scores are illustrative, then {@link CSV_TIE_NOTE} if any rank is
 * shared; none for an annex of published, untied figures.
 *
 * @example
 * csvNotes(report, annexTable(report, 1)) // → ['说明：附件1所列得分系……示意值，非原报告公布数值。']
 */
export function csvNotes(report: Report, table: AnnexTable): string[] {
  const notice = annexNotice(report, table.number);
  return [...(notice ? [notice] : []), ...(table.tied.some(Boolean) ? [CSV_TIE_NOTE] : [])];
}

/**
 * Builds the CSV text of annex `n`, BOM included, every line ended by CRLF
 * (the last one too). Text cells are escaped and made formula-inert by
 * `csvField`; header cells are written exactly as the contract gives them.
 *
 * @example
 * annexCsv(report, 1)
 * // → '\uFEFF排名,单位,得分\r\n1,张店区,95.12\r\n2,淄川区,94.80\r\n…说明：附件1所列得分系……,,\r\n'
 */
export function annexCsv(report: Report, n: 1 | 2 | 3): string {
  const table = annexTable(report, n);
  const lines = [
    table.columns.join(','),
    ...table.rows.map((row) =>
      row.map((cell, i) => csvField(cell, { text: !table.numeric[i] })).join(','),
    ),
    ...csvNotes(report, table).map((note) => [csvField(note, { text: true }), ...table.columns.slice(1).map(() => '')].join(',')),
  ];
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}
