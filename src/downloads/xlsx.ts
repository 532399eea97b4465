/**
 * The Excel download `downloads/annexes.xlsx`: the three annexes, a sheet
 * each (附件1、附件2、附件3), and a sheet of notes (说明). Spreadsheets
 * read the CSVs' `99.10` as the number 99.1 and show it so; here scores
 * are numbers shown with the scheme's decimals and ranks are numbers, so
 * sorting and sums work and nothing is lost.
 *
 * The rows come from `annexTables` (the CSVs' own rows), the notice from
 * `annexNotice`. write-excel-file makes the workbook's parts
 * (`workbook-parts.ts`); this file then adds what it does not write
 * (filter, print setup, document properties) and zips every part, once,
 * with the publication date, so the same data gives the same bytes.
 */
import type { Cell } from 'write-excel-file/node';
import { cnDate } from '../model/cn-date.ts';
import type { Report } from '../model/types.ts';
import { annexTables, INTERVAL_COLUMN, readerColumns } from './annex-tables.ts';
import { TIE_MARK } from '../model/text/rank-text.ts';
import { inlineText } from '../model/text/clean-text.ts';
import { displayWidth } from '../model/text/display-width.ts';
import { annexNotice } from './illustrative-notice.ts';
import { breakLines } from '../model/text/line-breaks.ts';
import { sourceLine } from './text.ts';
import { corePropertiesXml, xmlText } from './wordml.ts';
import { fixedDate, w3cDate, zipTime } from './zip-date.ts';
import { zipFiles } from './zip.ts';
import { workbookParts, type WorkbookSheets } from './workbook-parts.ts';

/** What a column of an annex sheet holds, which decides its cells' type and format. */
export type ColumnKind = 'rank' | 'tie' | 'text' | 'score';

/** One annex as a sheet: its name, a title row, a header row, body rows and the notes under them. */
export interface AnnexSheet {
  /** `附件1` …, as the report names the annex. */
  name: string;
  title: string;
  columns: string[];
  kinds: ColumnKind[];
  /** Body rows: ranks and scores as numbers, 并列 or null in the tie column, text as given. */
  rows: Array<Array<string | number | null>>;
  notice: string | null;
  /** How to read the 90%区间 column (`intervalNote`), or null without one. */
  intervalNote: string | null;
}

/**
 * The annexes as sheets, in the columns every format for people prints
 * ({@link readerColumns}: a 并列 column after the rank, the 90%区间 column
 * last when there is one); ranks and scores become numbers (a cell that is
 * not one stays text), an interval stays text (`2～5`, and a single rank
 * too, so the column reads alike); the notice is the site's when the
 * scores are illustrative.
 *
 * @example
 * annexSheets(report)[0].rows[0] // → [1, null, '桓台县', 94.22]
 */
export function annexSheets(report: Report): AnnexSheet[] {
  return annexTables(report).map((annex) => {
    const reader = readerColumns(annex);
    const kinds: ColumnKind[] = reader.columns.map((header, c) =>
      c === 0 ? 'rank' : c === 1 ? 'tie' : header === INTERVAL_COLUMN || !reader.numeric[c] ? 'text' : 'score',
    );
    const number = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);
    return {
      name: `附件${annex.number}`,
      title: annex.title,
      columns: reader.columns,
      kinds,
      rows: reader.rows.map((row) =>
        row.map((cell, c) => (kinds[c] === 'tie' ? cell || null : kinds[c] === 'text' ? inlineText(cell) : number(cell))),
      ),
      notice: annexNotice(report, annex.number),
      intervalNote: annex.interval?.note ?? null,
    };
  });
}

/**
 * The notes sheet (说明) as rows of a label and its text: the report, the
 * evaluator, where and when it was published, what each annex sheet holds,
 * how scores and ranks are written, how to read each annex's 90%区间
 * column when there is one, the 示意 notices when there are any,
 * and the source line to quote.
 *
 * @example
 * notesRows(report, annexSheets(report))[0] // → ['报告', '关于全市2017年…的第三方评估报告']
 */
export function notesRows(report: Report, sheets: readonly AnnexSheet[]): Array<[string, string]> {
  const { meta, scheme, stats } = report;
  const counts = stats.counts;
  const unranked = counts.departments - counts.rankedDepartments;
  const rows: Array<[string, string]> = [
    ['报告', inlineText(meta.title)],
    ['评估单位', inlineText(meta.evaluator)],
    ['刊发', `《${inlineText(meta.published.outlet)}》${cnDate(inlineText(meta.published.date))}`],
    ...sheets.map((sheet, i): [string, string] => [
      sheet.name,
      `${sheet.title}（${sheet.rows.length}行）${i === 1 && unranked > 0 ? `；未牵头经验的${unranked}个部门不排名、不列入` : ''}`,
    ]),
    [
      '数字',
      `得分为数值，保留${scheme.decimals}位小数；排名为名次数字，得分相同者名次相同，并在“${TIE_MARK}”列注明。`,
    ],
  ];
  for (const sheet of sheets) {
    if (sheet.intervalNote) rows.push([`${INTERVAL_COLUMN}（${sheet.name}）`, sheet.intervalNote.replace(/^90%区间：/, '')]);
  }
  const notices = sheets.map((s) => s.notice).filter((n): n is string => n !== null);
  for (const [i, notice] of notices.entries()) rows.push([i === 0 ? '示意数据' : '', notice.replace(/^说明：/, '')]);
  rows.push(['来源', sourceLine(report).replace(/^来源：/, '')]);
  return rows;
}

/**
 * A column's width in Excel's character units: the widest cell's display
 * width (a Chinese character counts two) and room for the filter button,
 * between 6 and `most`.
 *
 * @example
 * sheetColumnWidth(['单位', '张店区']) // → 9
 */
export function sheetColumnWidth(texts: Iterable<string | number | null>, most = 60): number {
  let widest = 0;
  for (const t of texts) if (t !== null) widest = Math.max(widest, displayWidth(String(t)));
  return Math.min(most, Math.max(6, widest + 3));
}

/** The number format of a score with `decimals` places: `0.00` for 2. */
const scoreFormat = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/** The font of every cell: Chinese Excel's and WPS's own. */
const FONT = { fontFamily: '宋体', fontSize: 11 } as const;
/** The size of a sheet's title row. */
const TITLE_SIZE = 14;

/** An annex as write-excel-file's sheet: title row across the columns, bold header, typed cells, two rows frozen. */
function annexSheetData(sheet: AnnexSheet, decimals: number): WorkbookSheets[number] {
  const widths = sheet.columns.map((header, c) => sheetColumnWidth([header, ...sheet.rows.map((r) => r[c] ?? null)]));
  // The first text column grows until the title fits on two lines.
  const short = Math.ceil((displayWidth(sheet.title) * TITLE_SIZE) / FONT.fontSize / 2) + 2 - widths.reduce((a, b) => a + b, 0);
  const name = sheet.kinds.indexOf('text');
  if (short > 0 && name >= 0) widths[name]! += short;
  const across = widths.reduce((a, b) => a + b, 0);
  // Spreadsheets wrap Chinese anywhere: the title and the notice are broken between words here, the title in 14 pt.
  const title = breakLines(sheet.title, { width: Math.floor((across * FONT.fontSize) / TITLE_SIZE) - 2, mode: 'balance' });
  const notice = sheet.notice ? breakLines(sheet.notice, { width: across - 2 }) : [];
  const bordered = { borderColor: '#808080', borderStyle: 'thin' } as const;
  const body = sheet.rows.map((row) =>
    row.map((value, c): Cell => {
      const kind = sheet.kinds[c];
      if (value === null) return { value: '', type: String, ...bordered };
      if (typeof value === 'number') {
        return kind === 'score'
          ? { value, type: Number, format: scoreFormat(decimals), ...bordered }
          : { value, type: Number, format: '0', align: 'center', ...bordered };
      }
      return { value, type: String, align: kind === 'tie' ? 'center' : 'left', ...bordered };
    }),
  );
  const empty = sheet.columns.slice(1).map(() => null);
  return {
    sheet: sheet.name,
    stickyRowsCount: 2,
    columns: widths.map((width) => ({ width })),
    data: [
      [
        {
          value: title.join('\n'),
          type: String,
          columnSpan: sheet.columns.length,
          fontWeight: 'bold',
          fontSize: TITLE_SIZE,
          align: 'center',
          alignVertical: 'center',
          wrap: true,
          height: title.length * 20 + 8,
        },
        ...empty,
      ],
      sheet.columns.map((c): Cell => ({ value: c, type: String, fontWeight: 'bold', align: 'center', backgroundColor: '#E8EEF4', ...bordered })),
      ...body,
      ...(notice.length ? [[], [{ value: notice.join('\n'), type: String, columnSpan: sheet.columns.length, wrap: true, height: notice.length * 15 + 4 }, ...empty]] : []),
    ],
  };
}

/** The notes sheet as write-excel-file's sheet. */
function notesSheetData(rows: ReadonlyArray<[string, string]>): WorkbookSheets[number] {
  const width = 80;
  return {
    sheet: '说明',
    columns: [{ width: sheetColumnWidth(rows.map((r) => r[0])) }, { width }],
    data: rows.map(([label, text]) => {
      const lines = breakLines(text, { width: width - 2 });
      return [
        { value: label, type: String, fontWeight: 'bold', alignVertical: 'top' },
        { value: lines.join('\n'), type: String, wrap: true, alignVertical: 'top', height: lines.length * 15 + 2 },
      ];
    }),
  };
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** Replaces `anchor` in `xml` once, refusing to go on when the writer's output has changed shape. */
function replaceOnce(xml: string, anchor: string | RegExp, replacement: string, part: string): string {
  const found = typeof anchor === 'string' ? xml.includes(anchor) : anchor.test(xml);
  if (!found) throw new Error(`annexes.xlsx: ${part} 中找不到 ${String(anchor)} (write-excel-file wrote an unexpected part)`);
  return xml.replace(anchor, replacement);
}

/**
 * An annex sheet's XML made ready to filter and to print: the frozen pane
 * names the bottom-left pane as Excel writes it for rows only, a filter on
 * the header row and the rows under it, and the page set up by
 * {@link pagedSheet}.
 *
 * @example
 * printableSheet(xml, { columns: 4, lastRow: 22 }) // '…<autoFilter ref="A2:D22"/>…<oddFooter>&amp;C— &amp;P —</oddFooter>…'
 */
export function printableSheet(xml: string, { columns, lastRow }: { columns: number; lastRow: number }): string {
  const part = 'worksheet';
  let out = replaceOnce(
    xml,
    /<pane ySplit="(\d+)" xSplit="0" topLeftCell="(A\d+)" activePane="bottomRight" state="frozen"\/>/,
    '<pane ySplit="$1" topLeftCell="$2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="$2" sqref="$2"/>',
    part,
  );
  out = replaceOnce(out, '</sheetData>', `</sheetData><autoFilter ref="A2:${columnLetters(columns)}${lastRow}"/>`, part);
  return pagedSheet(out);
}

/**
 * A sheet's XML set to print on A4 portrait, one page wide and centred,
 * the page number `— N —` centred in the footer.
 *
 * @example
 * pagedSheet(xml) // '<worksheet …><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>…<pageSetup paperSize="9" …/>…'
 */
export function pagedSheet(xml: string): string {
  const part = 'worksheet';
  const out = replaceOnce(xml, /(<worksheet [^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', part);
  return replaceOnce(
    out,
    '</worksheet>',
    '<printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' +
      '<headerFooter><oddFooter>&amp;C— &amp;P —</oddFooter></headerFooter></worksheet>',
    part,
  );
}

/**
 * The workbook's XML with the names Excel keeps for each annex sheet's
 * filter range and print titles (the title and header rows repeat on every
 * printed page).
 *
 * @example
 * namedRanges(xml, [{ sheet: '附件1', columns: 4, lastRow: 11 }]) // '…<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'附件1'!$A$2:$D$11</definedName>…'
 */
export function namedRanges(xml: string, sheets: ReadonlyArray<{ sheet: string; columns: number; lastRow: number }>): string {
  const names = sheets.flatMap(({ sheet, columns, lastRow }, i) => {
    const quoted = `'${sheet.replace(/'/g, "''")}'`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoted)}!$A$2:$${columnLetters(columns)}$${lastRow}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quoted)}!$1:$2</definedName>`,
    ];
  });
  return replaceOnce(xml, '<definedNames/>', `<definedNames>${names.join('')}</definedNames>`, 'workbook');
}

/** Document properties and their places in the package: content types and the package relationships. */
function withProperties(parts: Record<string, string>, core: string): Record<string, string> {
  const contentTypes = replaceOnce(
    parts['[Content_Types].xml'] ?? '',
    '</Types>',
    '<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" PartName="/docProps/core.xml"/>' +
      '<Override ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml" PartName="/docProps/app.xml"/></Types>',
    '[Content_Types].xml',
  );
  const rels = replaceOnce(
    parts['_rels/.rels'] ?? '',
    '</Relationships>',
    '<Relationship Id="rId-core" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId-app" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    '_rels/.rels',
  );
  return {
    ...parts,
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rels,
    'docProps/core.xml': core,
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      '<Application>pinggu</Application></Properties>',
  };
}

/**
 * Builds the bytes of `downloads/annexes.xlsx`, identical for identical
 * data: sheets 附件1–附件3 (title row, frozen and filterable header, ranks
 * and scores as numbers, scores shown with the scheme's decimals, a 并列
 * column, the 示意 notice under the table when it applies, printable on
 * A4 with page numbers) and 说明; document properties and every zip entry
 * dated from the publication date.
 *
 * @example
 * const bytes = annexesXlsx(report); // PK… zip bytes
 */
export function annexesXlsx(report: Report): Uint8Array {
  const sheets = annexSheets(report);
  const written: WorkbookSheets = [...sheets.map((s) => annexSheetData(s, report.scheme.decimals)), notesSheetData(notesRows(report, sheets))];
  let parts = workbookParts(written, FONT);
  const ranges = sheets.map((s) => ({ sheet: s.name, columns: s.columns.length, lastRow: s.rows.length + 2 }));
  const edit = (name: string, change: (xml: string) => string) => {
    parts[name] = change(parts[name] ?? '');
  };
  ranges.forEach((range, i) => edit(`xl/worksheets/sheet${i + 1}.xml`, (xml) => printableSheet(xml, range)));
  edit(`xl/worksheets/sheet${ranges.length + 1}.xml`, pagedSheet);
  edit('xl/workbook.xml', (xml) => namedRanges(xml, ranges));
  const date = fixedDate(report.meta.published.date);
  parts = withProperties(
    parts,
    corePropertiesXml({ title: `${inlineText(report.meta.title)}：附件`, creator: inlineText(report.meta.evaluator), description: sourceLine(report), date: w3cDate(date) }),
  );
  const mtime = zipTime(date);
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  // The content types first, as every writer puts them; the rest in the writer's order.
  for (const name of ['[Content_Types].xml', ...Object.keys(parts).filter((n) => n !== '[Content_Types].xml')]) files[name] = encoder.encode(parts[name]!);
  return zipFiles(files, { mtime });
}
