/**
 * What a workbook cell holds as the readers hand it over, and how a cell
 * is read as a number, an id or a label. Pure: the xlsx and CSV adapters
 * fill `SheetInput`; everything here only looks at values.
 */
import { describeValue } from '../data/errors.ts';

/** A cell's value: text, a number, a logical, a date (a date-formatted number), or empty. */
export type CellValue = string | number | boolean | Date | null;

/** What a reader knows about a cell beyond its value. */
export interface CellFact {
  /** The cell holds a formula: with its last computed value saved (`cached`), or without (`uncached`). */
  formula?: 'cached' | 'uncached';
  /** The cell shows an error value such as `#DIV/0!`. */
  errorValue?: string;
  /** The cell's number format is a percentage (`0%`, `0.0%`). */
  percent?: boolean;
}

/** One sheet as read: its name and a grid of values. */
export interface SheetInput {
  name: string;
  /** `rows[r][c]` is the cell at row r + 1, column c + 1; a short row ends in empty cells. */
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Facts by address (`F7`) for the cells that have any. */
  facts?: ReadonlyMap<string, CellFact>;
  /** Merged ranges (`A2:A5`); the value sits in the top-left cell. */
  merges?: readonly string[];
}

/** A cell read as a number. */
export type NumberCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'invalid'; message: string };

/**
 * A number without binary floating noise: rounded to 12 significant
 * digits, as the scoring rules do before rounding (0.1 + 0.2 → 0.3).
 *
 * @example
 * denoise(92.55499999999999) // 92.555
 */
export function denoise(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(12));
}

/**
 * True when a value is an empty cell: nothing, or only spaces (full-width too).
 *
 * @example
 * isEmptyCell('\u3000') // true
 */
export function isEmptyCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.normalize('NFKC').trim() === '');
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a cell as a number. Numbers stored as text count (`"95"`, and
 * full-width `９５．５` as a Chinese keyboard types it, with spaces around
 * ignored); any other text comes back as `text` for the caller to judge
 * (`不适用`, or an error). A formula without a saved value, an error
 * value, a logical, a date and a percentage-formatted number are invalid,
 * with a Chinese message saying so. Numbers lose floating noise.
 *
 * @example
 * readNumberCell('９５．５')            // { kind: 'number', value: 95.5 }
 * readNumberCell(0.955, { percent: true }).kind // 'invalid'
 * readNumberCell(null)                 // { kind: 'empty' }
 */
export function readNumberCell(value: CellValue, fact?: CellFact): NumberCell {
  if (fact?.formula === 'uncached') {
    return { kind: 'invalid', message: '公式没有保存计算结果，请在 Excel 或 WPS 中打开后保存一次，或把公式换成数值 (expected a number or a formula with its value saved, found a formula without one)' };
  }
  if (fact?.errorValue) {
    return { kind: 'invalid', message: `单元格显示错误值 ${fact.errorValue}，请改正公式或填写数值 (expected a number, found the error ${fact.errorValue})` };
  }
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'boolean') {
    return { kind: 'invalid', message: `应为数字 (expected a number, found the logical value ${value ? 'TRUE' : 'FALSE'})` };
  }
  if (value instanceof Date) {
    const shown = Number.isNaN(value.getTime()) ? 'a date' : value.toISOString().slice(0, 10);
    return { kind: 'invalid', message: `单元格是日期格式，请把单元格格式改为“常规”或“数值”后重新填写 (expected a number, found the date ${shown})` };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', message: `应为数字 (expected a finite number, found ${value})` };
    if (fact?.percent) {
      return { kind: 'invalid', message: `单元格是百分比格式（显示为 ${denoise(value * 100)}%），请改为“常规”或“数值”格式，填写不带 % 的数 (expected a plain number, found a percentage)` };
    }
    return { kind: 'number', value: denoise(value) };
  }
  const text = value.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (NUMBER_TEXT.test(text)) return { kind: 'number', value: denoise(Number(text)) };
  return { kind: 'text', text };
}

/**
 * The message for text where a number belongs: a percentage gets its own
 * advice, anything else is named as found.
 *
 * @example
 * textInsteadOfNumber('15%', '0～100 的数字') // '不能填写百分数，应填写 0～100 的数字 (expected a number, found "15%")'
 */
export function textInsteadOfNumber(text: string, expected: string): string {
  const found = describeValue(text);
  if (/%$/.test(text)) return `不能填写百分数，应填写${expected} (expected a number, found ${found})`;
  return `应填写${expected} (expected a number, found ${found})`;
}

/**
 * Reads a cell as an id or a label: text folded to its compatibility form
 * and trimmed; a number becomes its digits (`2017`). Undefined when empty;
 * `null` for a value that cannot be text (a date or a logical).
 *
 * @example
 * readTextCell(' zichuan ') // 'zichuan'
 * readTextCell(2017)        // '2017'
 */
export function readTextCell(value: CellValue): string | undefined | null {
  if (value === null) return undefined;
  if (typeof value === 'number') return String(denoise(value));
  if (typeof value === 'string') {
    const text = value.normalize('NFKC').trim();
    return text === '' ? undefined : text;
  }
  return null;
}
