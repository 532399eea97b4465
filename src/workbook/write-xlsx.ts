/**
 * The template's sheets → .xlsx bytes, with write-excel-file: header row
 * frozen and bold, ids kept as text, scores as numbers, columns wide
 * enough for their Chinese text.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import writeExcelFile from 'write-excel-file/node';
import type { Cell } from 'write-excel-file/node';
import { displayWidth } from '../model/text/display-width.ts';
import type { TemplateSheet } from './template-sheets.ts';

/**
 * A column's width in Excel's character units: the widest cell's display
 * width (a Chinese character counts two) plus room for the filter arrow,
 * between 6 and 60.
 *
 * @example
 * columnWidth(['单位', '张店区']) // 8
 */
function columnWidth(texts: ReadonlyArray<string | number | null>): number {
  const widest = texts.reduce<number>((w, t) => Math.max(w, t === null ? 0 : displayWidth(String(t))), 0);
  return Math.min(60, Math.max(6, widest + 2));
}

/** The multi-sheet form of the writer (its last overload): its sheets and its features. */
type WrittenSheets = Parameters<typeof writeExcelFile>[0];
type Feature = NonNullable<NonNullable<Parameters<typeof writeExcelFile>[1]>['features']>[number];

/**
 * Freezes the header row the way Excel writes it: the library's pane names
 * the bottom-right pane even when only rows are frozen, which Excel
 * accepts but the file format reserves for a split in both directions.
 */
const rowOnlyPane: Feature = {
  files: {
    transform: {
      'xl/worksheets/sheet{id}.xml': {
        transform: (xml) =>
          xml.replace(
            /<pane ySplit="(\d+)" xSplit="0" topLeftCell="(A\d+)" activePane="bottomRight" state="frozen"\/>/,
            '<pane ySplit="$1" topLeftCell="$2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="$2" sqref="$2"/>',
          ),
      },
    },
  },
};

/**
 * Writes the sheets as an .xlsx file's bytes. The header row is bold on a
 * light fill and frozen; id columns are text (`@`), so Excel never turns
 * an id into a number or a date; numbers are numbers with the General
 * format, shown as typed; empty cells stay empty. Every part of the zip
 * is dated `date` (the edition's publication date), so the same edition
 * always gives the same bytes.
 *
 * @example
 * await writeFile('scores.xlsx', await templateWorkbook(templateSheets(edition), { date: '2018-07-06' }));
 */
export async function templateWorkbook(sheets: readonly TemplateSheet[], options: { date: string }): Promise<Uint8Array> {
  const written: WrittenSheets = sheets.map((sheet) => ({
    sheet: sheet.name,
    stickyRowsCount: 1,
    columns: sheet.columns.map((_, c) => ({ width: columnWidth(sheet.rows.map((r) => r[c] ?? null)) })),
    data: sheet.rows.map((row, r) =>
      row.map((value, c): Cell => {
        if (r === 0) return { value: String(value ?? ''), type: String, fontWeight: 'bold', backgroundColor: '#E8EEF4' };
        if (value === null) return null;
        if (typeof value === 'number') return { value, type: Number };
        return sheet.columns[c] === 'id' ? { value, type: String, format: '@' } : { value, type: String };
      }),
    ),
  }));
  const buffer = await writeExcelFile(written, { features: [rowOnlyPane] }).toBuffer();
  // The writer dates each part with the clock; the same parts again, dated by the edition.
  const parts = unzipSync(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  const mtime = new Date(`${options.date}T00:00:00`);
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { level: 6, mtime }];
  return zipSync(files);
}
