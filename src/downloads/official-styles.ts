/**
 * The paragraph styles of the Word download, set as GB/T 9704-2012 sets an
 * official document: body in 三号仿宋, justified, its first line indented
 * two characters; the title in 二号小标宋, centred; headings in 黑体, 楷体
 * and 仿宋 by level (7.3.3); annex numbers in 三号黑体 and annex titles
 * like the document's title (8); page numbers in 四号宋体 (7.5). Word's
 * own style names (`Title`, `heading 1` …) are kept, so Word's navigation
 * pane and WPS's outline list the headings.
 */
import { CHARACTER_SPACING, characters, documentGrid, FONTS, SIZE, TEXT_HEIGHT, TEXT_WIDTH, type OfficialFont } from './official-format.ts';
import type { FontEntry, Indent, ParagraphStyle, RunFont } from './wordml.ts';

/** Style ids the document uses, besides `Normal` and `Heading1` … `Heading6`. */
export const STYLE = {
  title: 'Title',
  annexNumber: 'AnnexNumber',
  annexTitle: 'AnnexTitle',
  annexNote: 'AnnexNote',
  tableHeading: 'TableHeading',
  tableText: 'TableText',
  signature: 'Signature',
  date: 'Date',
  footer: 'Footer',
} as const;

/** How many heading levels the styles define (Word's built-in `heading 1` … `heading 6`). */
export const HEADING_LEVELS = 6;

/** Size of the text in tables (小四, 12 pt): a 28-character line of 三号 holds about 37 of them. */
export const TABLE_SIZE = SIZE.xiaosi;

const face = (font: OfficialFont): RunFont => ({ eastAsia: font.name });

/** The grid's line pitch, which body text keeps to by exact line spacing (22 lines a page). */
const LINE_PITCH = documentGrid({ width: TEXT_WIDTH, height: TEXT_HEIGHT, bodySize: SIZE.sanhao }).linePitch;

/** Single lines of the text's own height, for text set off the grid (tables, footers). */
const SINGLE = { line: 240, lineRule: 'auto' } as const;

/** No first-line indent, for paragraphs that are not body text. */
const FLUSH: Indent = { firstLine: { twips: 0, chars: 0 } };

/**
 * The faces of headings by level (1-based): 一、 in 黑体, （一） in 楷体,
 * 1. and （1） and deeper in 仿宋, all in 三号 like the body.
 *
 * @example
 * headingFont(2) // → { eastAsia: '楷体_GB2312' }
 */
export function headingFont(level: number): RunFont {
  if (level <= 1) return face(FONTS.heiti);
  if (level === 2) return face(FONTS.kaiti);
  return face(FONTS.fangsong);
}

/**
 * Every paragraph style of the document, Normal first.
 *
 * @example
 * officialStyles().map((s) => s.id) // → ['Normal', 'Title', 'Heading1', …, 'Footer']
 */
export function officialStyles(): ParagraphStyle[] {
  const body = { font: face(FONTS.fangsong), size: SIZE.sanhao };
  const headings = Array.from(
    { length: HEADING_LEVELS },
    (_, i): ParagraphStyle => ({
      id: `Heading${i + 1}`,
      name: `heading ${i + 1}`,
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { keepNext: true, keepLines: true, outlineLevel: i },
      run: { font: headingFont(i + 1), size: SIZE.sanhao },
    }),
  );
  const displayTitle = { font: face(FONTS.xiaobiaosong), size: SIZE.erhao };
  return [
    {
      id: 'Normal',
      name: 'Normal',
      run: { ...body, characterSpacing: CHARACTER_SPACING },
      paragraph: { snapToGrid: false, spacing: { line: LINE_PITCH, lineRule: 'exact' }, indent: { firstLine: characters(2) }, align: 'both' },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { keepNext: true, keepLines: true, spacing: { line: 720, lineRule: 'exact' }, indent: FLUSH, align: 'center' },
      run: { ...displayTitle, characterSpacing: 0 },
    },
    ...headings,
    {
      id: STYLE.annexNumber,
      name: 'Annex Number',
      basedOn: 'Normal',
      next: STYLE.annexTitle,
      paragraph: { keepNext: true, pageBreakBefore: true, indent: FLUSH, align: 'left', outlineLevel: 0 },
      run: { font: face(FONTS.heiti), size: SIZE.sanhao },
    },
    {
      id: STYLE.annexTitle,
      name: 'Annex Title',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: {
        keepNext: true,
        keepLines: true,
        spacing: { after: 240, line: 720, lineRule: 'exact' },
        indent: FLUSH,
        align: 'center',
        outlineLevel: 1,
      },
      run: { ...displayTitle, characterSpacing: 0 },
    },
    {
      id: STYLE.annexNote,
      name: 'Annex Note',
      basedOn: 'Normal',
      paragraph: { spacing: { before: 120, ...SINGLE }, indent: FLUSH },
      run: { size: TABLE_SIZE, characterSpacing: 0 },
    },
    {
      id: STYLE.tableHeading,
      name: 'Table Heading',
      basedOn: 'Normal',
      paragraph: { spacing: SINGLE, indent: FLUSH, align: 'center' },
      run: { font: face(FONTS.heiti), size: TABLE_SIZE, characterSpacing: 0 },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      paragraph: { spacing: SINGLE, indent: FLUSH, align: 'left' },
      run: { size: TABLE_SIZE, characterSpacing: 0 },
    },
    { id: STYLE.signature, name: 'Signature', basedOn: 'Normal', paragraph: { keepNext: true, indent: FLUSH, align: 'right' } },
    { id: STYLE.date, name: 'Date', basedOn: 'Normal', next: 'Normal', paragraph: { indent: FLUSH, align: 'left' } },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      paragraph: { spacing: SINGLE, indent: FLUSH },
      run: { font: face(FONTS.songti), size: SIZE.sihao, characterSpacing: 0 },
    },
  ];
}

/** The document's default run: 三号仿宋. */
export const DEFAULT_RUN = { font: face(FONTS.fangsong), size: SIZE.sanhao };

/**
 * The font table: every official face the styles name, with its
 * alternative name and family.
 *
 * @example
 * officialFontTable()[0] // → { name: '仿宋_GB2312', altName: '仿宋', family: 'roman' }
 */
export function officialFontTable(): FontEntry[] {
  return Object.values(FONTS).map(({ name, altName, family }) => ({ name, altName, family }));
}
