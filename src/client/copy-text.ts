/**
 * Reads what a copy button copies out of the page: the blocks of a section
 * (headings, paragraphs, lists and tables, down to the next heading of the
 * same or a higher level) and the cells of a table. Decoration is left out:
 * buttons, the `#` heading links, download links, visually hidden helper
 * text, charts, and anything hidden.
 */
import { escapeHtml, normalizeBlock, sheetCell, sourceLine, tableHtml, tableTsv, type HtmlCell } from './copy-format.ts';
import { sectionHtml, sectionPlain, type SectionBlock } from './copy-section.ts';

/** Never part of copied text. */
export const EXCLUDED = 'button, .copy-button, .heading-anchor, .visually-hidden, [hidden], [aria-hidden="true"], canvas, script, style, template, nav';
/** Never part of a copied section: copied with their own buttons, decoration, or links to elsewhere. */
const SKIPPED_IN_SECTION = `${EXCLUDED}, figure.chart, .chart, details, aside, .annex-links, .chapter-links, [data-no-copy]`;
/** Elements read as one block of a section. */
const SECTION_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, pre, ul, ol, li, dl, dt, dd, figure.table-figure, table';
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
 * The blocks of the section a heading opens, in document order: the heading,
 * then every heading, paragraph, list, definition list and table after it,
 * until a heading of the same or a higher level (or the end of `main`).
 * A nested list is read as part of its item's text; a definition list gives
 * one paragraph per term, `术语：说明`; a table figure gives a table with its
 * caption, and any note in the figure after it. Charts, details, asides, download links, buttons, the `#` links
 * and hidden text are left out.
 *
 * @example
 * sectionBlocks(h3) // [{ kind: 'heading', level: 3, text: '（一）以“制度”为先…' }, { kind: 'paragraph', text: '市直牵头部门…' }]
 */
export function sectionBlocks(heading: HTMLElement): SectionBlock[] {
  const doc = heading.ownerDocument;
  const scope = heading.closest('main') ?? doc.body;
  const mine = level(heading);
  const blocks: SectionBlock[] = [{ kind: 'heading', level: mine, text: visibleText(heading) }];
  const walker = doc.createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = heading;
  let taken: Element | null = heading;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (taken && taken.contains(el)) continue;
    const isHeading = /^H[1-6]$/.test(el.tagName);
    if (isHeading && level(el) <= mine && !within(el, EXCLUDED, scope)) break;
    if (!el.matches(SECTION_BLOCKS) || within(el, SKIPPED_IN_SECTION, scope)) continue;
    taken = el;
    blocks.push(...readBlock(el, isHeading));
  }
  return blocks;
}

/** One element of a section as its blocks. */
function readBlock(el: Element, isHeading: boolean): SectionBlock[] {
  if (isHeading) return [{ kind: 'heading', level: level(el), text: visibleText(el) }];
  switch (el.tagName) {
    case 'UL':
    case 'OL': {
      const items = Array.from(el.children).filter((li) => li.tagName === 'LI' && !li.matches(SKIPPED_IN_SECTION));
      const start = el instanceof HTMLOListElement ? el.start : 1;
      return [{ kind: 'list', ordered: el.tagName === 'OL', start, items: items.map(visibleText) }];
    }
    case 'DL':
      return definitions(el);
    case 'FIGURE':
    case 'TABLE': {
      const table = el.tagName === 'TABLE' ? el : el.querySelector('table');
      if (!(table instanceof HTMLTableElement)) return [];
      const title = el.tagName === 'FIGURE' ? el.querySelector('figcaption') : table.caption;
      const caption = title && !title.matches(EXCLUDED) ? visibleText(title) : '';
      // A note inside the figure (below its table) travels with the table.
      const notes = Array.from(el.querySelectorAll('p'))
        .filter((p) => !table.contains(p) && !within(p, SKIPPED_IN_SECTION, el))
        .map((p): SectionBlock => ({ kind: 'paragraph', text: visibleText(p) }));
      return [{ kind: 'table', caption, rows: tableCells(table) }, ...notes];
    }
    default:
      return [{ kind: 'paragraph', text: visibleText(el) }];
  }
}

/** A definition list as paragraphs `术语：说明；说明`, one per term; a description without a term stands alone. */
function definitions(dl: Element): SectionBlock[] {
  const entries: Array<{ term: string; details: string[] }> = [];
  for (const item of Array.from(dl.querySelectorAll('dt, dd'))) {
    if (item.closest('dl') !== dl || item.matches(SKIPPED_IN_SECTION)) continue;
    const text = normalizeBlock(visibleText(item));
    if (item.tagName === 'DT' || entries.length === 0) entries.push({ term: item.tagName === 'DT' ? text : '', details: [] });
    if (item.tagName === 'DD') entries[entries.length - 1]!.details.push(text);
  }
  return entries.map(({ term, details }) => {
    const said = details.filter(Boolean).join('；');
    return { kind: 'paragraph', text: term && said ? `${term}：${said}` : term || said };
  });
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
 * What a section's copy button puts on the clipboard: the section as plain
 * text and as structural HTML ({@link sectionPlain}, {@link sectionHtml}),
 * both ending with `来源：<evaluator>《<title>》`.
 *
 * @example
 * sectionFlavours(h3).plain // '（一）以“制度”为先…\n\n市直牵头部门…\n\n来源：…《…》'
 * sectionFlavours(h3).html  // '<meta charset="utf-8"><h3>（一）以“制度”为先…</h3><p>市直牵头部门…</p><p>来源：…《…》</p>'
 */
export function sectionFlavours(heading: HTMLElement): { plain: string; html: string } {
  const blocks = sectionBlocks(heading);
  const note = copyNote(heading);
  // The annexes print their notice inside the section already; a page prints it above its sections.
  const shown = (block: SectionBlock) => block.kind === 'paragraph' && normalizeBlock(block.text) === normalizeBlock(note ?? '');
  if (note && !blocks.some(shown)) blocks.push({ kind: 'paragraph', text: note });
  const source = pageSource(heading.ownerDocument);
  return { plain: sectionPlain(blocks, source), html: sectionHtml(blocks, source) };
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
