/**
 * The Word download `downloads/report.docx`, set as GB/T 9704-2012 sets an
 * official document as far as a report can be (docs/official-format.md):
 * the title, the chapters with their numbered headings, the list of
 * annexes (附件说明), the evaluator's name and the date (署名, 成文日期), a
 * note of where the report was published (附注), then each annex on a page
 * of its own as a real Word table. WordprocessingML from `wordml.ts`,
 * measures from `official-format.ts`, styles from `official-styles.ts`,
 * zipped by `zip.ts`.
 *
 * The file is byte-identical from one build to the next: the document's
 * created/modified dates come from the data (the publication date) and
 * the zip entries carry that same date instead of the time of the build.
 */
import { cnDate } from '../model/cn-date.ts';
import type { Report } from '../model/types.ts';
import { annexTables, readerColumns, type AnnexTable } from './annex-tables.ts';
import type { ChapterSource } from '../model/chapter-source.ts';
import { inlineText } from '../model/text/clean-text.ts';
import { displayWidth } from '../model/text/display-width.ts';
import { headingLevel } from './heading-level.ts';
import { annexNotice } from './illustrative-notice.ts';
import { breakLines } from '../model/text/line-breaks.ts';
import { characters, documentGrid, GRID, PAGE, SIZE, TEXT_HEIGHT, TEXT_WIDTH } from './official-format.ts';
import { DEFAULT_RUN, HEADING_LEVELS, officialFontTable, officialStyles, STYLE, TABLE_SIZE } from './official-styles.ts';
import { cellLines, columnWidths } from './table-layout.ts';
import { fixedDate, w3cDate, zipTime } from './zip-date.ts';
import { zipFiles } from './zip.ts';
import { chapterBlocks, sourceLine } from './text.ts';
import {
  CELL_MARGINS,
  corePropertiesXml,
  documentXmlPieces,
  FOOTER_IDS,
  fontTableXml,
  footerXml,
  packageParts,
  pageNumberRuns,
  paragraph,
  PART_PATHS,
  stylesXml,
  table,
} from './wordml.ts';

/** Display columns a line of a 二号 title holds, one CJK character (two columns) kept free so no face wraps it again. */
const TITLE_COLUMNS = Math.floor(TEXT_WIDTH / (SIZE.erhao * 5)) - 2;

/**
 * A title as the lines it is set in: broken only between words, the lines
 * as even as those breaks allow (GB/T 9704 7.3.3: 回行时词意完整，排列对称),
 * joined by newlines (line breaks in the paragraph).
 *
 * @example
 * titleLines('各区县对2017年20项创新改革经验推广推介情况综合排名表') // → '各区县对2017年20项创新改革\n经验推广推介情况综合排名表'
 */
export function titleLines(title: string): string {
  return breakLines(title, { width: TITLE_COLUMNS, mode: 'balance' }).join('\n');
}

/**
 * A table as a Word table: column widths from its content
 * ({@link columnWidths}), each text cell broken between words to fit its
 * column, the header row repeated on every page.
 */
function wordTable(annex: Pick<AnnexTable, 'columns' | 'rows' | 'numeric'>, { keepWithNext = false } = {}): string {
  const rows = annex.rows.map((row) => row.map((c) => inlineText(c)));
  const measure = { width: TEXT_WIDTH, unit: TABLE_SIZE * 5, margins: CELL_MARGINS };
  const widths = columnWidths([annex.columns, ...rows], annex.numeric, measure);
  const lines = (text: string, c: number) => cellLines(text, widths[c] ?? 0, { ...measure, numeric: annex.numeric[c] ?? false }).join('\n');
  return table({
    columns: annex.columns.map(lines),
    rows: rows.map((row) => row.map(lines)),
    numeric: annex.numeric,
    widths,
    headerStyle: STYLE.tableHeading,
    cellStyle: STYLE.tableText,
    keepWithNext,
  });
}

/**
 * The Word heading style of a heading: by its own number when it has one
 * (一、 → Heading1, （一） → Heading2, 1. → Heading3, （1） → Heading4),
 * else by its depth under the chapter title (the chapter title is depth
 * 0), the deepest levels sharing Heading6.
 *
 * @example
 * headingStyle('（一）以制度建设打底', 1) // → 'Heading2'
 * headingStyle('评估依据和原则', 1)       // → 'Heading2'
 */
export function headingStyle(text: string, depth: number): string {
  const level = headingLevel(text) ?? depth + 1;
  return `Heading${Math.min(level, HEADING_LEVELS)}`;
}

/**
 * Word content for one chapter: the title and the Markdown headings as
 * Word headings ({@link headingStyle}), paragraphs and list items as body
 * text, code as flush lines, Markdown tables as Word tables.
 */
function* chapterContent(chapter: ChapterSource): Generator<string> {
  const blocks = chapterBlocks(chapter);
  let top = Number.POSITIVE_INFINITY;
  for (let i = 1; i < blocks.length; i++) if (blocks[i]!.kind === 'heading') top = Math.min(top, blocks[i]!.level);
  for (const [i, block] of blocks.entries()) {
    if (i === 0 && block.kind === 'heading') yield paragraph(block.text, { style: headingStyle(block.text, 0) });
    else if (block.kind === 'heading') yield paragraph(block.text, { style: headingStyle(block.text, block.level - top + 1) });
    else if (block.kind === 'table' && block.cells) {
      const [columns = [], ...rows] = block.cells;
      yield wordTable({ columns, rows, numeric: columns.map(() => false) });
    } else if (block.kind === 'code') {
      for (const line of block.text.split('\n')) yield paragraph(line, { indent: { firstLine: { twips: 0, chars: 0 } }, align: 'left' });
    } else for (const line of block.text.split('\n')) yield paragraph(line);
  }
}

/** An empty line of body text (空一行). */
const EMPTY_LINE = '<w:p/>';

/**
 * 附件说明 (GB/T 9704 7.3.4): 附件：1.名称, one annex a paragraph, every
 * name starting at the same place and a long name's next line under its
 * first character.
 */
function* annexList(annexes: readonly AnnexTable[]): Generator<string> {
  const label = '附件：';
  let number = 0;
  for (const annex of annexes) number = Math.max(number, displayWidth(`${annex.number}.`) / 2);
  const nameStart = 2 + displayWidth(label) / 2 + number;
  for (const [i, annex] of annexes.entries()) {
    const hanging = (i === 0 ? displayWidth(label) / 2 : 0) + number;
    // A long name breaks between words, its lines no wider than the room after the numbers, one character to spare.
    const name = breakLines(annex.title, { width: (GRID.characters - nameStart - 1) * 2 }).join('\n');
    yield paragraph(`${i === 0 ? label : ''}${annex.number}.${name}`, {
      indent: { left: characters(nameStart), hanging: characters(hanging) },
    });
  }
}

/**
 * 署名 and 成文日期 of a document without a seal (GB/T 9704 7.3.5.2): the
 * name two characters from the right, the date on the next line starting
 * two characters right of the name's start; a date longer than the name
 * ends two characters from the right and pushes the name left.
 */
function* signature(name: string, date: string): Generator<string> {
  const nameWidth = displayWidth(name) / 2;
  const dateWidth = displayWidth(date) / 2;
  const nameRight = dateWidth > nameWidth ? 2 + dateWidth + 2 - nameWidth : 2;
  const dateStart = Math.max(0, GRID.characters - nameRight - nameWidth + 2);
  yield paragraph(name, { style: STYLE.signature, indent: { right: characters(nameRight) } });
  yield paragraph(date, { style: STYLE.date, indent: { left: characters(dateStart) } });
}

/**
 * The body of the report's `word/document.xml`, in pieces (a paragraph or
 * a table each, so that a chapter of any length is neither one string nor
 * spread as arguments): the title, the chapters in order, the list of
 * annexes, the evaluator and the publication date, a note of the outlet,
 * then each annex on a new page (附件N, its title, its table, and the
 * notice when its scores are illustrative).
 *
 * @example
 * [...reportBodyPieces(report, chapters)][0] // '<w:p><w:pPr><w:pStyle w:val="Title"/>…'
 */
export function* reportBodyPieces(report: Report, chapters: ChapterSource[]): Generator<string> {
  const { meta } = report;
  const date = cnDate(inlineText(meta.published.date));
  const annexes = annexTables(report);
  yield paragraph(titleLines(inlineText(meta.title)), { style: STYLE.title });
  yield EMPTY_LINE;
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) yield* chapterContent(chapter);
  yield EMPTY_LINE;
  yield* annexList(annexes);
  yield EMPTY_LINE;
  yield* signature(inlineText(meta.evaluator), date);
  yield paragraph(`（本报告由《${inlineText(meta.published.outlet)}》于${date}刊发）`);
  for (const annex of annexes) {
    yield paragraph(`附件${annex.number}`, { style: STYLE.annexNumber });
    yield paragraph(titleLines(annex.title), { style: STYLE.annexTitle });
    const notice = annexNotice(report, annex.number);
    yield wordTable(readerColumns(annex), { keepWithNext: notice !== null || annex.interval !== null });
    if (annex.interval) yield paragraph(annex.interval.note, { style: STYLE.annexNote, keepNext: notice !== null });
    if (notice) yield paragraph(notice, { style: STYLE.annexNote });
  }
}

/** The footers: the page number `— N —` in 四号宋体, one character of its size in from the outer edge (right on odd pages, left on even ones). */
function footers(): { odd: string; even: string } {
  const oneCharacter = { twips: SIZE.sihao * 10 };
  return {
    odd: footerXml(paragraph({ runs: pageNumberRuns() }, { style: STYLE.footer, align: 'right', indent: { right: oneCharacter } })),
    even: footerXml(paragraph({ runs: pageNumberRuns() }, { style: STYLE.footer, align: 'left', indent: { left: oneCharacter } })),
  };
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
  const footer = footers();
  const grid = documentGrid({ width: TEXT_WIDTH, height: TEXT_HEIGHT, bodySize: DEFAULT_RUN.size });
  const parts: Record<string, string | Iterable<string>> = {
    ...packageParts(),
    [PART_PATHS.document]: documentXmlPieces(reportBodyPieces(report, chapters), { page: PAGE, grid, footers: FOOTER_IDS }),
    [PART_PATHS.styles]: stylesXml({ defaults: DEFAULT_RUN, styles: officialStyles() }),
    [PART_PATHS.fontTable]: fontTableXml(officialFontTable()),
    [PART_PATHS.oddFooter]: footer.odd,
    [PART_PATHS.evenFooter]: footer.even,
    [PART_PATHS.core]: corePropertiesXml({
      title: inlineText(meta.title),
      creator: inlineText(meta.evaluator),
      description: sourceLine(report),
      date: w3cDate(date),
    }),
  };
  const mtime = zipTime(date);
  return zipFiles(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, utf8(xml)])), { mtime });
}
