/**
 * The Word download `downloads/report.docx`, made with the `docx` package:
 * title block, numbered headings, paragraphs, and the three annexes as
 * real Word tables. Body text in 宋体 (SimSun), headings in 黑体 (SimHei),
 * set as the East Asian font so that Word and WPS use them for Chinese.
 *
 * The file is byte-identical from one build to the next: the document's
 * created/modified dates come from the data (the publication date) and
 * the zip entries carry that same date instead of the time of the build.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { Report } from '../model/types.ts';
import { annexTables, type AnnexTable } from './annex-tables.ts';
import type { ChapterSource } from './chapter-source.ts';
import { inlineText } from './clean-text.ts';
import { chapterBlocks, sourceLine } from './text.ts';

const BODY_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const HEADING_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };

/** A table as a Word table with a repeated header row. */
function wordTable(annex: Pick<AnnexTable, 'columns' | 'rows' | 'numeric'>): Table {
  const cell = (text: string, numeric: boolean, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: annex.columns.map((c, i) => cell(c, annex.numeric[i] ?? false, true)),
      }),
      ...annex.rows.map(
        (row) =>
          new TableRow({ children: row.map((c, i) => cell(inlineText(c), annex.numeric[i] ?? false, false)) }),
      ),
    ],
  });
}

/** Word heading levels from the chapter title down. */
const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/**
 * Word content for one chapter: the title as Heading 1 and the Markdown
 * headings below it (the chapter's top Markdown level as Heading 2, the
 * next as Heading 3, …), paragraphs with a two-character first-line
 * indent, list items as paragraphs, Markdown tables as Word tables.
 */
function chapterContent(chapter: ChapterSource): Array<Paragraph | Table> {
  const [title, ...body] = chapterBlocks(chapter);
  if (!title) return [];
  const levels = body.filter((b) => b.kind === 'heading').map((b) => b.level);
  const top = levels.length ? Math.min(...levels) : 1;
  const heading = (text: string, depth: number) =>
    new Paragraph({ text, heading: HEADING_LEVELS[Math.min(depth, HEADING_LEVELS.length - 1)] });
  return [title, ...body].flatMap((block, i): Array<Paragraph | Table> => {
    if (i === 0) return [heading(block.text, 0)];
    if (block.kind === 'heading') return [heading(block.text, block.level - top + 1)];
    if (block.kind === 'table' && block.cells) {
      const [columns = [], ...rows] = block.cells;
      return [wordTable({ columns, rows, numeric: columns.map(() => false) })];
    }
    const indent = block.kind === 'paragraph' ? { firstLine: 480 } : undefined;
    return block.text.split('\n').map((line) => new Paragraph({ text: line, indent }));
  });
}

/**
 * Builds the Word document object of the report: title block (title,
 * evaluator, outlet and date), chapters in order, the three annexes as
 * tables with their captions, and the closing source line.
 *
 * @example
 * const doc = reportDocument(report, chapters); // a docx `Document`
 */
export function reportDocument(report: Report, chapters: ChapterSource[]): Document {
  const { meta } = report;
  const centered = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: inlineText(meta.title), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    centered(inlineText(meta.evaluator)),
    centered(`${inlineText(meta.published.outlet)}　${inlineText(meta.published.date)}`),
  ];
  for (const chapter of [...chapters].sort((a, b) => a.order - b.order)) children.push(...chapterContent(chapter));
  children.push(new Paragraph({ text: '附件：', heading: HeadingLevel.HEADING_1 }));
  for (const annex of annexTables(report)) {
    children.push(new Paragraph({ text: `附件${annex.number}　${annex.title}`, heading: HeadingLevel.HEADING_2 }));
    children.push(wordTable(annex));
  }
  children.push(new Paragraph({ text: sourceLine(report) }));
  const heading = (size: number) => ({ run: { font: HEADING_FONT, size, bold: true } });
  return new Document({
    creator: inlineText(meta.evaluator),
    lastModifiedBy: inlineText(meta.evaluator),
    title: inlineText(meta.title),
    description: sourceLine(report),
    revision: 1,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
        title: heading(36),
        heading1: heading(32),
        heading2: heading(28),
        heading3: heading(24),
      },
    },
    sections: [{ children }],
  });
}

/** The fixed timestamp of a build, from the report's publication date (`2018-07-06`). */
function fixedDate(date: string): Date {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? new Date('1980-01-01T00:00:00Z') : parsed;
}

/**
 * Makes a packed .docx byte-identical across builds: replaces the
 * `dcterms:created`/`dcterms:modified` values in `docProps/core.xml` by
 * `date` and re-zips every entry, in the same order, with `date` as its
 * modification time (the `docx` package writes the current time in both).
 *
 * @example
 * deterministicZip(await Packer.toBuffer(doc), new Date('2018-07-06T00:00:00Z'))
 */
export function deterministicZip(bytes: Uint8Array, date: Date): Uint8Array {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      `$1${iso}$3`,
    );
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  // zip dates are local time in DOS format: shift so every time zone writes the same bytes
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const entries = Object.fromEntries(
    Object.entries(files).map(([path, data]) => [path, [data, { mtime, level: 6 as const }]]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}

/**
 * Builds the bytes of `downloads/report.docx`, identical for identical data.
 *
 * @example
 * const bytes = await reportDocx(report, chapters); // PK… zip bytes
 */
export async function reportDocx(report: Report, chapters: ChapterSource[]): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(reportDocument(report, chapters));
  return deterministicZip(new Uint8Array(packed), fixedDate(report.meta.published.date));
}
