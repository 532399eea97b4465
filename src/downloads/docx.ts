/**
 * The Word download `downloads/report.docx`, written as WordprocessingML
 * (`wordml.ts`) and zipped with fflate: title block, numbered headings,
 * paragraphs, and the three annexes as real Word tables. Body text in 宋体 (SimSun), headings in 黑体 (SimHei),
 * set as the East Asian font so that Word and WPS use them for Chinese.
 *
 * The file is byte-identical from one build to the next: the document's
 * created/modified dates come from the data (the publication date) and
 * the zip entries carry that same date instead of the time of the build.
 */
import { zipSync } from 'fflate';
import type { Report } from '../model/types.ts';
import { annexTables, type AnnexTable } from './annex-tables.ts';
import type { ChapterSource } from '../model/chapter-source.ts';
import { inlineText } from '../model/text/clean-text.ts';
import { displayWidth } from '../model/text/display-width.ts';
import { chapterBlocks, sourceLine } from './text.ts';
import {
  corePropertiesXml,
  documentXmlPieces,
  HEADING_LEVELS,
  packageParts,
  paragraph,
  stylesXml,
  table,
  TEXT_WIDTH,
} from './wordml.ts';

const BODY_FONT = { ascii: 'SimSun', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体' };

/** Twentieths of a point per display column (half a CJK character at 12 pt), and a cell's left and right margins. */
const TWIPS_PER_COLUMN = 120;
const CELL_MARGINS = 216;

/**
 * Column widths for a table across the text width, in twentieths of a
 * point. Each column wants its widest cell on one line (CJK characters
 * count double, as on screen). When they all fit, the spare width is shared
 * in proportion; when they do not, narrow columns (ranks, scores) keep
 * their width and the widest ones share what is left equally, wrapping
 * their text. The widths sum to exactly {@link TEXT_WIDTH}.
 *
 * @example
 * columnWidths([['排名', '单位', '得分'], ['1', '桓台县', '94.22']]) // → [2413, 3123, 2770]
 */
export function columnWidths(rows: ReadonlyArray<readonly string[]>): number[] {
  // Loops, not Math.max(...rows): a table of 200,000 rows would overflow the stack as arguments.
  let count = 0;
  for (const row of rows) count = Math.max(count, row.length);
  if (count === 0) return [];
  const widest = new Array<number>(count).fill(4);
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) widest[i] = Math.max(widest[i]!, displayWidth(row[i]!));
  }
  // One display column of room beyond the widest cell, so bold headers and rounding never wrap it.
  const wanted = widest.map((w) => (w + 1) * TWIPS_PER_COLUMN + CELL_MARGINS);
  const total = wanted.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (total <= TEXT_WIDTH) {
    widths = wanted.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  } else {
    // Water-filling: the narrowest columns first get what they want, while it is at most an equal share of what is left.
    widths = [...wanted];
    let left = TEXT_WIDTH;
    const order = wanted.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    order.forEach(([w, i], k) => {
      widths[i] = Math.floor(Math.min(w, left / (count - k)));
      left -= widths[i]!;
    });
  }
  widths[count - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A table as a Word table with a repeated header row. */
function wordTable(annex: Pick<AnnexTable, 'columns' | 'rows' | 'numeric'>): string {
  const rows = annex.rows.map((row) => row.map((c) => inlineText(c)));
  return table({ columns: annex.columns, rows, numeric: annex.numeric, widths: columnWidths([annex.columns, ...rows]) });
}

/**
 * Word content for one chapter: the title as Heading 1 and the Markdown
 * headings below it (the chapter's top Markdown level as Heading 2, the
 * next as Heading 3, …, the deepest levels sharing Heading 6), paragraphs
 * with a two-character first-line indent, list items as paragraphs,
 * Markdown tables as Word tables.
 */
function chapterContent(chapter: ChapterSource): string[] {
  const [title, ...body] = chapterBlocks(chapter);
  if (!title) return [];
  let top = Number.POSITIVE_INFINITY;
  for (const block of body) if (block.kind === 'heading') top = Math.min(top, block.level);
  if (top === Number.POSITIVE_INFINITY) top = 1;
  const heading = (text: string, depth: number) => paragraph(text, { style: `Heading${Math.min(depth, HEADING_LEVELS - 1) + 1}` });
  return [title, ...body].flatMap((block, i): string[] => {
    if (i === 0) return [heading(block.text, 0)];
    if (block.kind === 'heading') return [heading(block.text, block.level - top + 1)];
    if (block.kind === 'table' && block.cells) {
      const [columns = [], ...rows] = block.cells;
      return [wordTable({ columns, rows, numeric: columns.map(() => false) })];
    }
    const firstLineIndent = block.kind === 'paragraph';
    return block.text.split('\n').map((line) => paragraph(line, { firstLineIndent }));
  });
}

/**
 * The body of the report's `word/document.xml`: title block (title,
 * evaluator, outlet and date), chapters in order, the three annexes as
 * tables with their captions, and the closing source line.
 *
 * @example
 * reportBody(report, chapters) // '<w:p><w:pPr><w:pStyle w:val="Title"/>…'
 */
export function reportBody(report: Report, chapters: ChapterSource[]): string {
  return [...reportBodyPieces(report, chapters)].join('');
}

/**
 * {@link reportBody} in pieces (a paragraph or a table each), so that a
 * chapter of any length is neither one string nor spread as arguments.
 *
 * @example
 * [...reportBodyPieces(report, chapters)].join('') === reportBody(report, chapters) // true
 */
export function* reportBodyPieces(report: Report, chapters: ChapterSource[]): Generator<string> {
  const { meta } = report;
  yield paragraph(inlineText(meta.title), { style: 'Title', align: 'center' });
  yield paragraph(inlineText(meta.evaluator), { align: 'center' });
  yield paragraph(`${inlineText(meta.published.outlet)}　${inlineText(meta.published.date)}`, { align: 'center' });
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) yield* chapterContent(chapter);
  yield paragraph('附件：', { style: 'Heading1' });
  for (const annex of annexTables(report)) {
    yield paragraph(`附件${annex.number}　${annex.title}`, { style: 'Heading2' });
    yield wordTable(annex);
  }
  yield paragraph(sourceLine(report));
}

/** Text, or text in pieces, as UTF-8 bytes; pieces are encoded a megabyte at a time, never joined into one string. */
function utf8(text: string | Iterable<string>): Uint8Array {
  if (typeof text === 'string') return Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  let batch: string[] = [];
  let length = 0;
  for (const piece of text) {
    batch.push(piece);
    length += piece.length;
    if (length >= 1 << 20) {
      chunks.push(Buffer.from(batch.join(''), 'utf8'));
      batch = [];
      length = 0;
    }
  }
  chunks.push(Buffer.from(batch.join(''), 'utf8'));
  return Buffer.concat(chunks);
}

/** The dates a zip entry can carry (DOS time, as fflate writes it). */
const ZIP_DATES = { first: Date.UTC(1980, 0, 1), last: Date.UTC(2099, 11, 31) };

/** The fixed timestamp of a build, from the report's publication date (`2018-07-06`). */
function fixedDate(date: string): Date {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? new Date(ZIP_DATES.first) : parsed;
}

/**
 * The date every zip entry carries: the publication date, moved into the
 * years a zip can record (1980–2099), so a report dated 1978 or 2100 still
 * zips; the document's own properties keep the true date.
 */
function zipDate(date: Date): Date {
  return new Date(Math.min(Math.max(date.getTime(), ZIP_DATES.first), ZIP_DATES.last));
}

/**
 * Builds the bytes of `downloads/report.docx`, identical for identical data:
 * the document properties and every zip entry are dated from the report's
 * publication date, never from the time of the build, and the entries are
 * always in the same order.
 *
 * @example
 * const bytes = reportDocx(report, chapters); // PK… zip bytes
 */
export function reportDocx(report: Report, chapters: ChapterSource[]): Uint8Array {
  const { meta } = report;
  const date = fixedDate(meta.published.date);
  const parts: Record<string, string | Iterable<string>> = {
    ...packageParts(),
    'word/document.xml': documentXmlPieces(reportBodyPieces(report, chapters)),
    'word/styles.xml': stylesXml({ body: BODY_FONT, heading: HEADING_FONT, bodySize: 24, titleSize: 36, headingSizes: [32, 28, 24] }),
    'docProps/core.xml': corePropertiesXml({
      title: inlineText(meta.title),
      creator: inlineText(meta.evaluator),
      description: sourceLine(report),
      date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  };
  // zip dates are local time in DOS format: shift so every time zone writes the same bytes
  const inRange = zipDate(date);
  const mtime = new Date(inRange.getTime() + inRange.getTimezoneOffset() * 60_000);
  const entries = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, [utf8(xml), { mtime, level: 6 as const }]]));
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}
