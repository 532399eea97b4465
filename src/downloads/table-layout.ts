/**
 * How wide each column of a Word table is, and where its cells break, from
 * the text they hold: numbers keep one line, and the columns of names and
 * titles share the rest so that the table needs as few lines as it can,
 * each cell broken between words ({@link breakLines}).
 */
import { displayWidth } from '../model/text/display-width.ts';
import { breakLines, lineBreaker } from '../model/text/line-breaks.ts';

/** The measures of a table: the width it fills and the size of its text, in twentieths of a point. */
export interface TableMeasure {
  /** Width of the whole table. */
  width: number;
  /** Width of one display column: half the font size (a CJK character is two). */
  unit: number;
  /** A cell's left and right margins together. */
  margins: number;
}

/** A text column is never narrowed below this many display columns (four CJK characters), nor below its header. */
const MIN_TEXT_COLUMNS = 8;

/** Rows measured when choosing widths: enough to see the shape of any table, few enough for one of 200,000 rows. */
const SAMPLE_ROWS = 400;

/** Beyond this many lines a cell's line count is estimated from its width, so a huge cell costs no more than a short one. */
const LONG_CELL_LINES = 8;

/** Display columns of room beyond the widest cell, so a bold or wider font never wraps it. */
const SPARE = 1;

/**
 * Column widths for a table whose first row is its header, in twentieths
 * of a point, summing to exactly `measure.width`.
 *
 * Each column wants its widest cell on one line, plus one display column
 * of room. When all fit, the spare width is shared in proportion. When
 * they do not, numeric columns (ranks, scores) keep their width and the
 * text columns share the rest so that the tallest row is as short as it
 * can be, then the whole table (cells broken between words, as
 * {@link cellLines} will break them), never below {@link MIN_TEXT_COLUMNS}
 * or its header. Only when that is not enough are all columns narrowed to
 * equal shares of what is left, the narrowest keeping theirs. An empty
 * table has no columns.
 *
 * @example
 * columnWidths([['排名', '单位', '得分'], ['1', '桓台县', '94.22']], [true, false, true], { width: 8845, unit: 140, margins: 216 })
 * // → [2657, 3521, 2667]: all fit, so each grows in proportion
 */
export function columnWidths(
  rows: ReadonlyArray<readonly string[]>,
  numeric: readonly boolean[],
  { width, unit, margins }: TableMeasure,
): number[] {
  // Loops, not Math.max(...rows): a table of 200,000 rows would overflow the stack as arguments.
  let count = 0;
  for (const row of rows) count = Math.max(count, row.length);
  if (count === 0) return [];
  const widest = new Array<number>(count).fill(4);
  for (const row of rows) for (let c = 0; c < row.length; c++) widest[c] = Math.max(widest[c]!, displayWidth(row[c]!));
  const wanted = widest.map((w) => (w + SPARE) * unit + margins);
  const total = wanted.reduce((a, b) => a + b, 0);
  if (total <= width) return fillTo(width, wanted.map((w) => Math.floor((w / total) * width)));

  const header = rows[0] ?? [];
  const columns = widest.map((w) => w + SPARE);
  const floor = widest.map((w, c) => (numeric[c] ? w + SPARE : Math.min(w, Math.max(MIN_TEXT_COLUMNS, displayWidth(header[c] ?? ''))) + SPARE));
  const room = Math.floor((width - count * margins) / unit);
  const text = columns.map((_, c) => c).filter((c) => !numeric[c]);
  const narrowed = narrowTextColumns({ columns, floor, text, room, lines: lineCounter(sampleRows(rows.slice(1))) });
  if (!narrowed) return waterFill(wanted, width);
  // Whatever the whole display columns leave over goes to the widest text column.
  let into = -1;
  columns.forEach((w, c) => {
    if (!numeric[c] && (into < 0 || w > columns[into]!)) into = c;
  });
  return fillTo(
    width,
    columns.map((w) => w * unit + margins),
    into,
  );
}

/** The lines of a table at some widths: its tallest row first, then all its lines. */
interface TableLines {
  tallest: number;
  total: number;
}

const fewer = (a: TableLines, b: TableLines) => a.tallest < b.tallest || (a.tallest === b.tallest && a.total < b.total);

/**
 * Narrows the text columns (in place) until all columns fit in `room`:
 * with two text columns every split of their room is tried; with more,
 * one display column at a time from the column whose narrowing costs
 * least. The cost is the tallest row, then the total lines; on a tie the
 * first text column stays the wider. False when the floors leave no way.
 */
function narrowTextColumns({
  columns,
  floor,
  text,
  room,
  lines,
}: {
  columns: number[];
  floor: readonly number[];
  text: readonly number[];
  room: number;
  lines: (columns: readonly number[]) => TableLines;
}): boolean {
  const fixed = columns.reduce((sum, w, c) => (text.includes(c) ? sum : sum + w), 0);
  if (text.length === 0 || text.reduce((sum, c) => sum + floor[c]!, fixed) > room) return false;
  // No text column is wider than the room the others leave it, so the search below is bounded by the table's width.
  for (const c of text) columns[c] = Math.min(columns[c]!, room - fixed - text.reduce((sum, o) => (o === c ? sum : sum + floor[o]!), 0));
  if (text.length <= 2) {
    const [a, b = -1] = text as [number, number?];
    const natural = [...columns];
    const share = room - fixed;
    if (b < 0) {
      columns[a] = Math.min(natural[a]!, share);
      return true;
    }
    let best: { width: number; lines: TableLines } | null = null;
    for (let w = Math.min(natural[a]!, share - floor[b]!); w >= Math.max(floor[a]!, share - natural[b]!); w--) {
      columns[a] = w;
      columns[b] = share - w;
      const found = lines(columns);
      if (!best || fewer(found, best.lines)) best = { width: w, lines: found };
    }
    if (!best) return false;
    columns[a] = best.width;
    columns[b] = share - best.width;
    return true;
  }
  for (let excess = columns.reduce((x, y) => x + y, 0) - room; excess > 0; excess--) {
    let pick = -1;
    let pickLines: TableLines | null = null;
    for (const c of text) {
      if (columns[c]! <= floor[c]!) continue;
      columns[c]!--;
      const after = lines(columns);
      columns[c]!++;
      if (!pickLines || fewer(after, pickLines)) {
        pick = c;
        pickLines = after;
      }
    }
    if (pick < 0) return false;
    columns[pick]!--;
  }
  return true;
}

/** Every row when there are few, else rows spread evenly through the table, always the same ones. */
function sampleRows(rows: ReadonlyArray<readonly string[]>): Array<readonly string[]> {
  const step = Math.max(1, Math.ceil(rows.length / SAMPLE_ROWS));
  const sample: Array<readonly string[]> = [];
  for (let r = 0; r < rows.length; r += step) sample.push(rows[r]!);
  return sample;
}

/**
 * Counts the lines of the sampled rows at given column widths (display
 * columns, spare included), each cell broken between words as it will be
 * set; each cell is segmented once, however many widths are tried.
 */
function lineCounter(sample: Array<readonly string[]>): (columns: readonly number[]) => TableLines {
  const breakers = new Map<string, ReturnType<typeof lineBreaker>>();
  const widths = sample.map((row) => row.map(displayWidth));
  const cell = (text: string, width: number, room: number) => {
    if (width <= room) return 1;
    // A cell of many lines is counted, not broken: its words change the count by a line or two at most.
    if (width > LONG_CELL_LINES * room) return Math.ceil(width / room);
    let lines = breakers.get(text);
    if (!lines) {
      lines = lineBreaker(text);
      breakers.set(text, lines);
    }
    return lines({ width: room }).length;
  };
  return (columns) => {
    const lines = { tallest: 0, total: 0 };
    for (const [r, row] of sample.entries()) {
      let height = 1;
      for (let c = 0; c < row.length; c++) height = Math.max(height, cell(row[c]!, widths[r]![c]!, Math.max(1, columns[c]! - SPARE)));
      lines.tallest = Math.max(lines.tallest, height);
      lines.total += height;
    }
    return lines;
  };
}

/** Widths made to sum to `width`: what is left over (or missing) goes to column `into`, else the last. */
function fillTo(width: number, widths: number[], into = -1): number[] {
  const at = into >= 0 ? into : widths.length - 1;
  widths[at]! += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The narrowest columns first get what they want while it is at most an equal share of what is left; the rest share equally. */
function waterFill(wanted: readonly number[], width: number): number[] {
  const widths = [...wanted];
  let left = width;
  const order = wanted.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  order.forEach(([w, i], k) => {
    widths[i] = Math.floor(Math.min(w, left / (wanted.length - k)));
    left -= widths[i]!;
  });
  return fillTo(width, widths);
}

/**
 * A cell's text as the lines it is set in, at a column `width` wide (in
 * twentieths of a point): numbers and text that fit stay one line; longer
 * text breaks between words ({@link breakLines}), one display column of
 * room kept on every line.
 *
 * @example
 * cellLines('创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式', 4556, { unit: 140, margins: 216, numeric: false })
 * // → ['创新构建“淄川文化云”平台打造', '“互联网+公共文化服务”新模式']
 */
export function cellLines(text: string, width: number, { unit, margins, numeric }: Omit<TableMeasure, 'width'> & { numeric: boolean }): string[] {
  if (numeric) return [text];
  return breakLines(text, { width: Math.floor((width - margins) / unit) - SPARE, mode: 'balance' });
}
