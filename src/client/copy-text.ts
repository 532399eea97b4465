/**
 * Reads what a copy button copies out of the page: the blocks of a section
 * (heading, paragraphs, list items, down to the next heading of the same
 * or a higher level) and the cells of a table. Decoration is left out:
 * buttons, the `#` heading links, visually hidden helper text, charts,
 * figures inside a section, and anything hidden.
 */
import { escapeHtml, normalizeBlock, sectionPlainText, sheetCell, sourceLine, tableHtml, tableTsv, type HtmlCell } from './copy-format.ts';

/** Never part of copied text. */
export const EXCLUDED = 'button, .copy-button, .heading-anchor, .visually-hidden, [hidden], [aria-hidden="true"], canvas, script, style, template, nav';
/** Blocks of section text. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, pre';
/** Inside a section, these are copied with their own buttons, not as prose. */
const SKIPPED_IN_SECTION = `${EXCLUDED}, figure, table, details, .table-scroll, .chart, aside, .annex-links, [data-no-copy]`;
/** Elements whose boundaries separate words in a cell or block. */
const SPACED = /^(BR|P|DIV|LI|TD|TH|DT|DD|UL|OL|SECTION)$/;

/** True when `el` or an ancestor up to `stop` matches `selector`. */
function within(el: Element, selector: string, stop: Element | null): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (node.matches(selector)) return true;
  }
  return false;
}

/**
 * The text of an element as a reader sees it, without excluded parts; a
 * space marks the edge of a block element, a `<br>` or a `.flag` note.
 *
 * @example
 * visibleText(cell) // '市档案局 未牵头经验，不排名'
 */
export function visibleText(root: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    if (node !== root && node.matches(EXCLUDED)) return;
    const spaced = SPACED.test(node.tagName) || node.classList.contains('flag') || node.classList.contains('table-note');
    if (spaced) out += ' ';
    node.childNodes.forEach(walk);
    if (spaced) out += ' ';
  };
  walk(root);
  return out;
}

/** Heading level of an h1–h6 element. */
function level(el: Element): number {
  return Number(el.tagName.slice(1));
}

/**
 * The blocks of the section a heading opens: the heading's text, then the
 * text of every paragraph, list item or definition after it, in document
 * order, until a heading of the same or a higher level (or the end of
 * `main`). List items start with `- `. Blocks nested in another block are
 * read once, as part of the outer block.
 *
 * @example
 * sectionBlocks(h3) // ['（一）以“制度”为先，完善工作机制', '市直牵头部门…']
 */
export function sectionBlocks(heading: HTMLElement): string[] {
  const doc = heading.ownerDocument;
  const scope = heading.closest('main') ?? doc.body;
  const mine = level(heading);
  const blocks = [visibleText(heading)];
  const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = heading;
  let taken: Element | null = heading;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (taken && taken.contains(el)) continue;
    if (/^H[1-6]$/.test(el.tagName) && level(el) <= mine && !within(el, EXCLUDED, scope)) break;
    if (!el.matches(BLOCKS) || within(el, SKIPPED_IN_SECTION, scope)) continue;
    taken = el;
    const prefix = el.tagName === 'LI' ? '- ' : '';
    blocks.push(prefix + visibleText(el));
  }
  return blocks;
}

/**
 * The 来源 line of the page, from its `<meta name="pinggu:evaluator">` and
 * `<meta name="pinggu:title">` tags (the layout writes them); empty when
 * both are missing.
 *
 * @example
 * pageSource(document) // '来源：中共淄博市委党校第三方评估项目组《关于…的第三方评估报告》'
 */
export function pageSource(doc: Document): string {
  const meta = (name: string) => doc.querySelector(`meta[name="pinggu:${name}"]`)?.getAttribute('content') ?? '';
  return sourceLine(meta('evaluator'), meta('title'));
}

/**
 * What a section's copy button puts on the clipboard: the section's blocks
 * separated by blank lines, then `来源：<evaluator>《<title>》`.
 *
 * @example
 * sectionText(h3) // '（一）以“制度”为先…\n\n市直牵头部门…\n\n来源：…《…》'
 */
export function sectionText(heading: HTMLElement): string {
  const blocks = sectionBlocks(heading);
  const note = copyNote(heading);
  // The annexes print their notice inside the section already; a page prints it above its sections.
  if (note && !blocks.some((block) => normalizeBlock(block) === normalizeBlock(note))) blocks.push(note);
  return sectionPlainText(blocks, pageSource(heading.ownerDocument));
}

/**
 * The 示意 notice that travels with whatever is copied from inside an
 * element marked `data-copy-note` (an annex, a page of illustrative
 * scores): the nearest mark's text, or null.
 *
 * @example
 * copyNote(table) // '说明：附件1所列得分系……示意值，非原报告公布数值。'
 */
export function copyNote(el: Element): string | null {
  const note = el.closest('[data-copy-note]')?.getAttribute('data-copy-note')?.trim();
  return note ? note : null;
}

/**
 * The rows of a table as cells, in the order shown: each cell's visible
 * text, whether it is a header cell of the table head, and whether it is a
 * figure. Rows inside a hidden part are left out; an empty table gives no rows.
 *
 * @example
 * tableCells(table)[0] // [{ text: '排名', header: true, figure: false }, { text: '单位', header: true, figure: false }, …]
 */
export function tableCells(table: HTMLTableElement): HtmlCell[][] {
  return Array.from(table.rows)
    .filter((row) => !within(row, '[hidden]', table))
    .map((row) =>
      Array.from(row.cells).map((cell) => ({
        text: visibleText(cell),
        header: cell.tagName === 'TH' && within(cell, 'thead', table),
        figure: isFigureCell(cell),
      })),
    );
}

/**
 * True for a cell of a column of figures: the templates mark those cells
 * `class="num"`, and a Markdown table in a chapter marks a number column
 * by aligning it right (as the downloads read it too).
 */
function isFigureCell(cell: HTMLTableCellElement): boolean {
  return cell.classList.contains('num') || /text-align:\s*right/i.test(cell.getAttribute('style') ?? '');
}

/**
 * Both clipboard flavours of a table: tab-separated rows for `text/plain`
 * and a clean HTML table for `text/html`, each followed by the 示意 notice
 * ({@link copyNote}) when the table shows illustrative scores, so the
 * notice is pasted with the figures.
 *
 * @example
 * tableFlavours(table).plain // '排名\t单位\t得分\n1\t张店区\t95.12\n…'
 */
export function tableFlavours(table: HTMLTableElement): { plain: string; html: string } {
  const cells = tableCells(table);
  const note = copyNote(table);
  if (!note) return { plain: tableTsv(cells), html: tableHtml(cells) };
  return { plain: `${tableTsv(cells)}\n\n${sheetCell({ text: note })}`, html: `${tableHtml(cells)}<p>${escapeHtml(note)}</p>` };
}
