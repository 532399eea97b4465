/**
 * One sheet as a table: the header row found, each expected column
 * located by its header, merged cells resolved, and the rows that hold
 * anything. Problems with the sheet's shape become issues with a cell.
 */
import { describeValue } from '../data/errors.ts';
import { cellAddress, parseCellRange } from './cell-address.ts';
import { isEmptyCell, readTextCell, type CellFact, type CellValue, type SheetInput } from './cell-value.ts';
import { normalizeLabel, sharedHeaders } from './layout.ts';
import type { WorkbookIssue } from './workbook-issue.ts';

/** A column of the sheet: its header, whether its cells hold numbers (which may not be merged), and whether it may be left out. */
export interface ColumnSpec {
  header: string;
  numeric: boolean;
  /** A column only people read (a name, 备注): deleting it loses nothing. */
  optional?: boolean;
}

/** A sheet read as a table. */
export interface SheetTable {
  sheet: string;
  headerRow: number;
  /** 0-based column of each expected header found (every required one is). */
  columns: ReadonlyMap<string, number>;
  /** 0-based rows below the header that hold anything, in order. */
  dataRows: readonly number[];
  /** The value shown at a cell: a merged range shows its top-left value in every cell. */
  value(row: number, column: number): CellValue;
  fact(row: number, column: number): CellFact | undefined;
}

/**
 * Reads a sheet as a table. The header row is the first row holding
 * anything; every expected header must be there once, an optional one at
 * most once (compared without spaces and with full-width forms folded),
 * and no other header may be.
 * A merged range over text cells shows its value in each of its cells; a
 * merged range over a number column or over headers is an issue. Rows
 * holding nothing are skipped wherever they are. Returns undefined (with
 * issues) when the header row is unusable.
 *
 * @example
 * const issues: WorkbookIssue[] = [];
 * readSheetTable({ name: '问卷', rows: [['项目', '人数'], ['发放', 910]] },
 *   [{ header: '项目', numeric: false }, { header: '人数', numeric: true }], issues)?.dataRows // [1]
 */
export function readSheetTable(sheet: SheetInput, specs: readonly ColumnSpec[], issues: WorkbookIssue[]): SheetTable | undefined {
  const name = sheet.name;
  const raw = (row: number, column: number): CellValue => sheet.rows[row]?.[column] ?? null;
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const rowIsEmpty = (row: number, value: (r: number, c: number) => CellValue) => {
    for (let c = 0; c < width; c++) if (!isEmptyCell(value(row, c))) return false;
    return true;
  };

  const headerRow = sheet.rows.findIndex((_, r) => !rowIsEmpty(r, raw));
  if (headerRow === -1) {
    issues.push({ sheet: name, message: `工作表是空的，第一行应为列标题 (expected a header row ${specs.map((s) => s.header).join(' | ')}, found nothing)` });
    return undefined;
  }

  // Headers → columns; the edition's own headers must tell its columns apart.
  const shared = sharedHeaders(specs.map((s) => s.header));
  if (shared.length > 0) {
    issues.push({ sheet: name, message: `评估方式或指标的名称重复（或与固定列同名），无法区分这些列，请在 scheme.yaml 中改名 (expected distinct column headers, found ${shared.join(', ')} twice)` });
    return undefined;
  }
  const wanted = new Map(specs.map((s) => [normalizeLabel(s.header), s]));
  const columns = new Map<string, number>();
  const issuesBefore = issues.length;
  const headerless: number[] = [];
  for (let c = 0; c < width; c++) {
    const text = readTextCell(raw(headerRow, c));
    if (text === undefined) {
      headerless.push(c);
      continue;
    }
    const spec = text === null ? undefined : wanted.get(normalizeLabel(text));
    if (!spec) {
      issues.push({ sheet: name, row: headerRow, column: c, message: `未知的列标题；多余的列请删除，说明可写在备注中 (expected one of ${specs.map((s) => s.header).join(', ')}, found ${describeValue(String(raw(headerRow, c)))})` });
    } else if (columns.has(spec.header)) {
      issues.push({ sheet: name, row: headerRow, column: c, message: `列标题重复，与 ${cellAddress(headerRow, columns.get(spec.header)!)} 相同 (expected each header once, found "${spec.header}" again)` });
    } else columns.set(spec.header, c);
  }
  const missing = specs.filter((s) => !s.optional && !columns.has(s.header));
  if (missing.length > 0) {
    issues.push({ sheet: name, row: headerRow, column: 0, message: `缺少列：${missing.map((s) => `“${s.header}”`).join('、')}；列标题须与模板一致 (expected headers ${specs.map((s) => s.header).join(' | ')}, found ${missing.length} missing)` });
  }

  // Merged ranges: text shows in every cell of its range; numbers and headers may not be merged.
  const numericColumns = new Set(specs.filter((s) => s.numeric).map((s) => columns.get(s.header)).filter((c) => c !== undefined));
  const filled = new Map<string, CellValue>();
  for (const text of sheet.merges ?? []) {
    const range = parseCellRange(text);
    if (!range || (range.top === range.bottom && range.left === range.right)) continue;
    const at = { sheet: name, row: range.top, column: range.left };
    if (range.top <= headerRow) {
      issues.push({ ...at, message: `列标题不能合并单元格，请取消合并 ${text} (expected one header per column, found merged cells)` });
      continue;
    }
    let numeric = false;
    for (let c = range.left; c <= range.right; c++) if (numericColumns.has(c)) numeric = true;
    if (numeric) {
      issues.push({ ...at, message: `分数单元格不能合并，请取消合并 ${text} 并逐格填写 (expected one number per cell, found merged cells)` });
      continue;
    }
    const shown = raw(range.top, range.left);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) filled.set(`${r}:${c}`, shown);
    }
  }
  const value = (row: number, column: number): CellValue => filled.get(`${row}:${column}`) ?? raw(row, column);

  const dataRows: number[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) if (!rowIsEmpty(r, value)) dataRows.push(r);

  // Content under no header would be lost silently: say so.
  for (const c of headerless) {
    const row = dataRows.find((r) => !isEmptyCell(value(r, c)));
    if (row !== undefined) {
      issues.push({ sheet: name, row, column: c, message: `此列没有列标题，内容不会被导入；请删除此列或移到备注 (expected a cell under a header, found ${describeValue(String(value(row, c)))})` });
    }
  }

  if (issues.length > issuesBefore && missing.length > 0) return undefined;
  return {
    sheet: name,
    headerRow,
    columns,
    dataRows,
    value,
    fact: (row, column) => sheet.facts?.get(cellAddress(row, column)),
  };
}
