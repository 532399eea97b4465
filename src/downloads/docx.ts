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
import type { ChapterSource } from './chapter-source.ts';
import { inlineText } from './clean-text.ts';
import { displayWidth } from './display-width.ts';
import { chapterBlocks, sourceLine } from './text.ts';
import {
  corePropertiesXml,
  documentXml,
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
  const count = Math.max(0, ...rows.map((r) => r.length));
  if (count === 0) return [];
  // One display column of room beyond the widest cell, so bold headers and rounding never wrap it.
  const wanted = Array.from(
    { length: count },
    (_, i) => (Math.max(4, ...rows.map((r) => displayWidth(r[i] ?? ''))) + 1) * TWIPS_PER_COLUMN + CELL_MARGINS,
  );
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
  const levels = body.filter((b) => b.kind === 'heading').map((b) => b.level);
  // A reduce, not Math.min(...levels): a chapter may have more headings than a call may take arguments.
  const top = levels.reduce((min, level) => Math.min(min, level), levels[0] ?? 1);
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
  const { meta } = report;
  const parts = [
    paragraph(inlineText(meta.title), { style: 'Title', align: 'center' }),
    paragraph(inlineText(meta.evaluator), { align: 'center' }),
    paragraph(`${inlineText(meta.published.outlet)}　${inlineText(meta.published.date)}`, { align: 'center' }),
  ];
  // One push per paragraph: a chapter of 200,000 paragraphs is more than a call may take as arguments.
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) for (const part of chapterContent(chapter)) parts.push(part);
  parts.push(paragraph('附件：', { style: 'Heading1' }));
  for (const annex of annexTables(report)) {
    parts.push(paragraph(`附件${annex.number}　${annex.title}`, { style: 'Heading2' }));
    parts.push(wordTable(annex));
  }
  parts.push(paragraph(sourceLine(report)));
  return parts.join('');
}

/** The fixed timestamp of a build, from the report's publication date (`2018-07-06`). */
function fixedDate(date: string): Date {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? new Date('1980-01-01T00:00:00Z') : parsed;
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
  const parts: Record<string, string> = {
    ...packageParts(),
    'word/document.xml': documentXml(reportBody(report, chapters)),
    'word/styles.xml': stylesXml({ body: BODY_FONT, heading: HEADING_FONT, bodySize: 24, titleSize: 36, headingSizes: [32, 28, 24] }),
    'docProps/core.xml': corePropertiesXml({
      title: inlineText(meta.title),
      creator: inlineText(meta.evaluator),
      description: sourceLine(report),
      date: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  };
  // zip dates are local time in DOS format: shift so every time zone writes the same bytes
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const encoder = new TextEncoder();
  const entries = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, [encoder.encode(xml), { mtime, level: 6 as const }]]));
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}
