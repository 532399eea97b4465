/**
 * The plain-text downloads in newspaper style: `downloads/report.txt` (the
 * whole report) and one `downloads/<chapter>.txt` per chapter. UTF-8
 * without a byte order mark (no hidden characters at all), CRLF line ends
 * so that every Windows editor shows the lines.
 */
import { cnDate } from '../model/cn-date.ts';
import type { Report } from '../model/types.ts';
import { alignedTable } from '../model/text/aligned-table.ts';
import { annexTables, readerColumns } from './annex-tables.ts';
import { annexNotice } from './illustrative-notice.ts';
import type { ChapterSource } from '../model/chapter-source.ts';
import { inlineText } from '../model/text/clean-text.ts';
import { blocksPieces, markdownBlocks, type TextBlock } from './markdown-text.ts';

/**
 * The closing source line every copied or downloaded piece ends with.
 *
 * @example
 * sourceLine(report) // → '来源：中共淄博市委党校第三方评估项目组《关于全市…的第三方评估报告》'
 */
export function sourceLine(report: Report): string {
  return `来源：${inlineText(report.meta.evaluator)}《${inlineText(report.meta.title)}》`;
}

/**
 * Blocks as newspaper text with every line ended by CRLF, in pieces (one
 * per block), so that a chapter of any length is never one string.
 */
function* crlfPieces(blocks: TextBlock[]): Generator<string> {
  for (const piece of blocksPieces(blocks)) yield piece.replace(/\n/g, '\r\n');
  yield '\r\n';
}

/** A block of plain text that is not from Markdown. */
function plain(text: string): TextBlock {
  return { kind: 'paragraph', level: 0, text };
}

/**
 * A chapter's blocks: its title as a level-2 heading, then its body; a
 * first body heading that repeats the title is dropped so the title
 * appears once.
 *
 * @example
 * chapterBlocks({ slug: 'a', title: '一、主要特点', order: 1, markdown: '正文。' }).map((b) => b.text)
 * // → ['一、主要特点', '正文。']
 */
export function chapterBlocks(chapter: ChapterSource): TextBlock[] {
  const title = inlineText(chapter.title);
  const body = markdownBlocks(chapter.markdown);
  if (body[0]?.kind === 'heading' && body[0].text === title) body.shift();
  return title ? [{ kind: 'heading', level: 2, text: title }, ...body] : body;
}

/**
 * One chapter as plain text: its numbered title, its paragraphs separated
 * by blank lines, and the closing source line.
 *
 * @example
 * chapterText(report, { slug: 'features', title: '一、主要特点', order: 1, markdown: '市直…' })
 * // → '一、主要特点\r\n\r\n市直…\r\n\r\n来源：…《…》\r\n'
 */
export function chapterText(report: Report, chapter: ChapterSource): string {
  return [...chapterTextPieces(report, chapter)].join('');
}

/**
 * {@link chapterText} in pieces, for writing a file of any size.
 *
 * @example
 * [...chapterTextPieces(report, chapter)].join('') === chapterText(report, chapter) // true
 */
export function chapterTextPieces(report: Report, chapter: ChapterSource): Iterable<string> {
  const blocks = chapterBlocks(chapter);
  blocks.push(plain(sourceLine(report)));
  return crlfPieces(blocks);
}

/**
 * The annexes as plain text: a `附件：` line, then each annex as
 * `附件N　<title>` followed by its table aligned in columns (a 并列 column
 * after the rank) and, when its scores are illustrative, the 示意 notice.
 *
 * @example
 * annexesBlocks(report)[1].text // → '附件1　各区县对2017年20项创新改革经验推广推介情况综合排名表'
 */
export function annexesBlocks(report: Report): TextBlock[] {
  const blocks: TextBlock[] = [{ kind: 'heading', level: 2, text: '附件：' }];
  for (const annex of annexTables(report)) {
    const { columns, rows, numeric } = readerColumns(annex);
    blocks.push({ kind: 'heading', level: 3, text: `附件${annex.number}　${annex.title}` });
    blocks.push({
      kind: 'table',
      level: 0,
      text: alignedTable(columns, rows, numeric).join('\n'),
      cells: [columns, ...rows],
    });
    if (annex.interval) blocks.push(plain(annex.interval.note));
    const notice = annexNotice(report, annex.number);
    if (notice) blocks.push(plain(notice));
  }
  return blocks;
}

/**
 * The whole report as plain text: the title block (title, evaluator, outlet
 * and date), every chapter in order, the annex tables, and the source line.
 *
 * @example
 * reportText(report, chapters).split('\r\n').slice(0, 3)
 * // → ['关于全市…的第三方评估报告', '中共淄博市委党校第三方评估项目组', '淄博日报　2018年7月6日']
 */
export function reportText(report: Report, chapters: ChapterSource[]): string {
  return [...reportTextPieces(report, chapters)].join('');
}

/**
 * {@link reportText} in pieces, for writing a file of any size.
 *
 * @example
 * [...reportTextPieces(report, chapters)].join('') === reportText(report, chapters) // true
 */
export function reportTextPieces(report: Report, chapters: ChapterSource[]): Iterable<string> {
  const { meta } = report;
  const titleBlock = [
    inlineText(meta.title),
    inlineText(meta.evaluator),
    `${inlineText(meta.published.outlet)}　${cnDate(inlineText(meta.published.date))}`,
  ].join('\n');
  const ordered = [...chapters].sort((a, b) => a.order - b.order);
  // Appended block by block: spreading a chapter of 200,000 paragraphs into push() would overflow the stack.
  const blocks: TextBlock[] = [plain(titleBlock)];
  for (const chapter of ordered) for (const block of chapterBlocks(chapter)) blocks.push(block);
  for (const block of annexesBlocks(report)) blocks.push(block);
  blocks.push(plain(sourceLine(report)));
  return crlfPieces(blocks);
}
