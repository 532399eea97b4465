/**
 * The CSV adapter: a CSV file is the 得分 sheet alone, as Excel or WPS
 * saves it — UTF-8 with or without a byte-order mark, or GBK/GB18030
 * (what "CSV (逗号分隔)" gives on a Chinese Windows).
 */
import { parse } from 'csv-parse/sync';
import type { SheetInput } from './cell-value.ts';
import { SHEETS } from './layout.ts';
import { sniffFile, WORKBOOK_LIMITS, WorkbookFileError, type WorkbookLimits } from './xlsx-guard.ts';

/**
 * CSV bytes → text: a UTF-8 byte-order mark is dropped; bytes that are
 * valid UTF-8 are read as UTF-8, anything else as GB18030 (a superset of
 * GBK and GB2312). UTF-16 (Excel's "Unicode 文本") is refused with advice.
 *
 * @example
 * decodeCsv(new Uint8Array([0xd5, 0xc5])) // '张' (GBK)
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new WorkbookFileError('这是 UTF-16 编码的文本文件，请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx (expected UTF-8 or GBK CSV, found UTF-16)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Reads a CSV file's bytes as the 得分 sheet (every cell text; the core
 * reads numbers from text). Refuses a file that is too big or has too
 * many rows, an .xlsx or binary file named .csv, a file separated by
 * semicolons or tabs, and malformed quoting, each in Chinese.
 *
 * @example
 * readCsvSheet(new TextEncoder().encode('经验编号,单位编号\r\nx,y\r\n')).rows // [['经验编号', '单位编号'], ['x', 'y']]
 */
export function readCsvSheet(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): SheetInput {
  if (bytes.length > limits.maxFileBytes) {
    throw new WorkbookFileError(`文件过大，拒绝读取 (expected at most ${limits.maxFileBytes} bytes, found ${bytes.length})`);
  }
  if (sniffFile(bytes) !== 'other') throw new WorkbookFileError('这不是 CSV 文本，而是 Excel 工作簿；请把扩展名改为 .xlsx 再导入 (expected CSV text, found a workbook)');
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new WorkbookFileError('文件含有二进制内容，不是 CSV 文本 (expected CSV text, found NUL bytes)');
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 && ++lines > limits.maxRows + 1) break;
  if (lines > limits.maxRows + 1) throw new WorkbookFileError(`CSV 行数过多，拒绝读取 (expected at most ${limits.maxRows} rows, found more)`);

  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.includes(',') && /[;\t]/.test(firstLine)) {
    throw new WorkbookFileError('CSV 的分隔符应为英文逗号，此文件用的是分号或制表符；请另存为“CSV UTF-8（逗号分隔）” (expected commas, found semicolons or tabs)');
  }
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, max_record_size: 1024 * 1024 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new WorkbookFileError(`CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}，常见原因是引号没有成对 (expected well-formed CSV, found: ${(error as Error).message})`);
  }
  if (records.length > limits.maxRows + 1) throw new WorkbookFileError(`CSV 行数过多，拒绝读取 (expected at most ${limits.maxRows} rows, found more)`);
  for (const record of records) {
    if (record.length > limits.maxColumns) throw new WorkbookFileError(`CSV 列数过多，拒绝读取 (expected at most ${limits.maxColumns} columns, found ${record.length})`);
  }
  return { name: SHEETS.scores, rows: records.map((record) => record.map((cell) => (cell === '' ? null : cell))) };
}
