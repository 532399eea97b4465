/**
 * Pure formatting of a copied section, in the two clipboard flavours a
 * word processor reads: plain text, and HTML built from a short list of
 * structural elements (headings, paragraphs, lists, tables) with every
 * text escaped and no attribute at all, so Word and WPS paste headings as
 * headings and paragraphs as paragraphs, and nothing from the data can
 * carry a style, a link or a script.
 */
import { escapeHtml, normalizeBlock, sheetCell, tableRowsHtml, tableTsv, type CopyCell } from './copy-format.ts';

/** One block of a section as the page shows it, in reading order. */
export type SectionBlock =
  /** A heading, `level` 1–6 as its `h1`–`h6`. */
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  /** A list; an ordered one numbers from `start` (default 1). */
  | { kind: 'list'; ordered: boolean; start?: number; items: string[] }
  /** A table with its caption (the figure's title), if it has one. */
  | { kind: 'table'; caption?: string; rows: CopyCell[][] };

/**
 * The only elements the HTML flavour contains, besides the leading
 * `<meta charset="utf-8">` that tells the receiving program the encoding.
 */
export const SECTION_ELEMENTS: readonly string[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'tr', 'th', 'td'];

/** What the HTML flavour starts with. */
export const HTML_PREFIX = '<meta charset="utf-8">';

/** A block with its texts normalised and its empty parts dropped; null when nothing is left. */
type CleanBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] }
  | { kind: 'table'; caption: string; rows: CopyCell[][] };

/** True for text a reader can see: not only spaces, the ideographic space U+3000 included. */
function hasText(text: string): boolean {
  return text.trim() !== '';
}

function clean(block: SectionBlock): CleanBlock | null {
  switch (block.kind) {
    case 'heading': {
      const text = normalizeBlock(block.text);
      const level = Math.min(6, Math.max(1, Math.trunc(Number.isFinite(block.level) ? block.level : 2)));
      return hasText(text) ? { kind: 'heading', level, text } : null;
    }
    case 'paragraph': {
      const text = normalizeBlock(block.text);
      return hasText(text) ? { kind: 'paragraph', text } : null;
    }
    case 'list': {
      const items = block.items.map(normalizeBlock).filter(hasText);
      const start = Number.isSafeInteger(block.start) ? block.start! : 1;
      return items.length ? { kind: 'list', ordered: block.ordered, start, items } : null;
    }
    case 'table': {
      const rows = block.rows.filter((row) => row.some((cell) => hasText(sheetCell(cell))));
      const caption = normalizeBlock(block.caption ?? '');
      return rows.length ? { kind: 'table', caption: hasText(caption) ? caption : '', rows } : null;
    }
  }
}

/** The blocks of a section that have text, normalised, with the source line as a last paragraph. */
function cleanBlocks(blocks: readonly SectionBlock[], source: string): CleanBlock[] {
  const all = [...blocks, { kind: 'paragraph', text: source } as const];
  return all.map(clean).filter((b): b is CleanBlock => b !== null);
}

/** A list item's plain-text marker: `- `, or its number in an ordered list. */
function marker(block: { ordered: boolean; start: number }, index: number): string {
  return block.ordered ? `${block.start + index}. ` : '- ';
}

/**
 * A copied section as plain text: blocks separated by one blank line, the
 * items of a list on consecutive lines (`- 甲`, or `1. 甲` in an ordered
 * list), a table as its caption and tab-separated rows, then the source
 * line. Texts are normalised (so no line break survives inside a block),
 * empty blocks and rows dropped; no two blank lines in a row, and no
 * trailing newline.
 *
 * @example
 * sectionPlain([{ kind: 'heading', level: 3, text: '（一）标题' }, { kind: 'list', ordered: false, items: ['甲', '乙'] }], '来源：甲《乙》')
 * // → '（一）标题\n\n- 甲\n- 乙\n\n来源：甲《乙》'
 */
export function sectionPlain(blocks: readonly SectionBlock[], source: string): string {
  return cleanBlocks(blocks, source)
    .map((block) => {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          return block.text;
        case 'list':
          return block.items.map((item, i) => marker(block, i) + item).join('\n');
        case 'table':
          return [block.caption, tableTsv(block.rows)].filter(Boolean).join('\n');
      }
    })
    .join('\n\n');
}

/**
 * A copied section as HTML for word processors: each heading as its `h1`–`h6`,
 * each paragraph as a `p`, lists as `ul`/`ol` with `li`, a table as its
 * caption in a `p` and a `table` of `tr`, `th` (the table head's cells) and
 * `td`, then the source line in a `p`. Only {@link SECTION_ELEMENTS} occur,
 * none with an attribute; every text is normalised and escaped, table cells
 * made inert for spreadsheets as the table copy does ({@link sheetCell}).
 * Empty blocks are dropped, so Word gets no empty paragraph. An ordered list
 * that does not start at 1 is written as numbered paragraphs, because the
 * start number would need an attribute.
 *
 * @example
 * sectionHtml([{ kind: 'heading', level: 2, text: '一、特点' }, { kind: 'paragraph', text: '<b>甲</b>' }], '来源：甲')
 * // → '<meta charset="utf-8"><h2>一、特点</h2><p>&lt;b&gt;甲&lt;/b&gt;</p><p>来源：甲</p>'
 */
export function sectionHtml(blocks: readonly SectionBlock[], source: string): string {
  const body = cleanBlocks(blocks, source)
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'list': {
          if (block.ordered && block.start !== 1) return block.items.map((item, i) => `<p>${escapeHtml(marker(block, i) + item)}</p>`).join('');
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`;
        }
        case 'table': {
          const caption = block.caption ? `<p>${escapeHtml(block.caption)}</p>` : '';
          return `${caption}<table>${tableRowsHtml(block.rows)}</table>`;
        }
      }
    })
    .join('');
  return HTML_PREFIX + body;
}
