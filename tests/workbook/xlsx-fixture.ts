/**
 * Test helper: .xlsx files written by hand with fflate, the way Excel,
 * WPS and other clients write them, so each fixture is readable code
 * rather than an opaque binary. A sheet is given as rows of `XmlCell`s,
 * each saying how its cell is stored.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { cellAddress } from '../../src/workbook/cell-address.ts';

/** XML-escapes text. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** How one cell is stored. */
export type XmlCell =
  | null
  /** A shared string (`t="s"`), optionally as rich-text runs, or with a phonetic guide as WPS adds. */
  | { shared: string; runs?: string[]; phonetic?: string }
  /** An inline string (`t="inlineStr"`). */
  | { inline: string }
  /** A number, optionally with a style index (see `STYLES`). */
  | { number: number | string; style?: number }
  /** A formula with its saved value (`cached`, a number or a string), or without one. */
  | { formula: string; cached?: number | string }
  /** An error value such as `#DIV/0!`, from a formula. */
  | { error: string }
  /** A cell with a style and no value, as clients leave behind. */
  | { styleOnly: number };

/**
 * Style indexes of `STYLES_XML`: 0 General, 1 `0.00`, 2 a date (built-in
 * 14), 3 a percentage (built-in 10), 4 a custom percentage `0.0%`, 5 bold text.
 */
export const STYLE = { general: 0, twoDecimals: 1, date: 2, percent: 3, customPercent: 4, bold: 5 } as const;

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs></styleSheet>';

/** One sheet of a fixture. */
export interface FixtureSheet {
  name: string;
  /** Rows from row 1; `undefined` rows are left out of the XML, as clients do for empty rows. */
  rows: Array<XmlCell[] | undefined>;
  /** Extra XML before `<sheetData>` (`<cols>` with hidden columns…) and after it (`<mergeCells>`…). */
  before?: string;
  after?: string;
  hidden?: boolean;
}

/**
 * Builds an .xlsx file. `flavor` adds what that client writes besides the
 * sheets: Excel its app properties, WPS its custom KSO properties.
 *
 * @example
 * buildXlsx({ flavor: 'excel', sheets: [{ name: '问卷', rows: [[{ shared: '项目' }, { shared: '人数' }]] }] })
 */
export function buildXlsx(options: { flavor: 'excel' | 'wps'; sheets: FixtureSheet[]; parts?: Record<string, string> }): Uint8Array {
  const strings: string[] = [];
  const sharedXml: string[] = [];
  const shared = (cell: { shared: string; runs?: string[]; phonetic?: string }): number => {
    const key = JSON.stringify(cell);
    let index = strings.indexOf(key);
    if (index === -1) {
      index = strings.push(key) - 1;
      const space = (t: string) => (t !== t.trim() ? ' xml:space="preserve"' : '');
      const body = cell.runs
        ? cell.runs.map((t, i) => `<r>${i === 0 ? '<rPr><b/><sz val="11"/></rPr>' : ''}<t${space(t)}>${esc(t)}</t></r>`).join('')
        : `<t${space(cell.shared)}>${esc(cell.shared)}</t>`;
      const phonetic = cell.phonetic ? `<rPh sb="0" eb="1"><t>${esc(cell.phonetic)}</t></rPh><phoneticPr fontId="1" type="noConversion"/>` : '';
      sharedXml.push(`<si>${body}${phonetic}</si>`);
    }
    return index;
  };
  const cellXml = (cell: XmlCell, ref: string): string => {
    if (cell === null) return '';
    if ('shared' in cell) return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
    if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
    if ('number' in cell) return `<c r="${ref}"${cell.style ? ` s="${cell.style}"` : ''}><v>${cell.number}</v></c>`;
    if ('formula' in cell) {
      if (cell.cached === undefined) return `<c r="${ref}"><f>${esc(cell.formula)}</f></c>`;
      const type = typeof cell.cached === 'string' ? ' t="str"' : '';
      return `<c r="${ref}"${type}><f>${esc(cell.formula)}</f><v>${esc(String(cell.cached))}</v></c>`;
    }
    if ('error' in cell) return `<c r="${ref}" t="e"><f>1/0</f><v>${esc(cell.error)}</v></c>`;
    return `<c r="${ref}" s="${cell.styleOnly}"/>`;
  };

  const files: Zippable = {};
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  options.sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((row, r) => (row === undefined ? '' : `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, cellAddress(r, c))).join('')}</row>`))
      .join('');
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheetViews><sheetView workbookViewId="0"/></sheetViews>${sheet.before ?? ''}<sheetData>${rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    );
    sheetEntries.push(`<sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`);
    relEntries.push(`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  });
  const n = options.sheets.length;
  relEntries.push(
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`,
  );
  files['xl/workbook.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<bookViews><workbookView/></bookViews><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relEntries.join('')}</Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedXml.length}" uniqueCount="${sharedXml.length}">${sharedXml.join('')}</sst>`,
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  files['docProps/app.xml'] = strToU8(
    options.flavor === 'wps'
      ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>WPS 表格</Application></Properties>'
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion></Properties>',
  );
  if (options.flavor === 'wps') {
    files['docProps/custom.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16250</vt:lpwstr></property></Properties>',
    );
  }
  for (const [name, text] of Object.entries(options.parts ?? {})) files[name] = strToU8(text);
  return zipSync(files, { mtime: new Date('2018-07-06T00:00:00Z') });
}

/**
 * A sheet's plain values as fixture rows, each value stored as `store`
 * says (by default: text shared, numbers as numbers, empty cells absent).
 *
 * @example
 * fixtureRows([['项目', '人数'], ['发放', 120]]) // [[{ shared: '项目' }, { shared: '人数' }], [{ shared: '发放' }, { number: 120 }]]
 */
export function fixtureRows(
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  store: (value: string | number | null, row: number, column: number) => XmlCell = (value) =>
    value === null ? null : typeof value === 'number' ? { number: value } : { shared: value },
): XmlCell[][] {
  return rows.map((row, r) => row.map((value, c) => store(value, r, c)));
}
