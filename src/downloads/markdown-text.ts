/**
 * A chapter's Markdown (already rendered by Nunjucks) as newspaper plain
 * text: headings on their own lines, paragraphs separated by blank lines,
 * emphasis and links reduced to their words, tables aligned.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { alignedTable } from '../model/text/aligned-table.ts';
import { cleanText, inlineText } from '../model/text/clean-text.ts';

/** The same parser settings as the site: no raw HTML, so tags stay text. */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A character that joins lines without a space in Chinese text. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/**
 * Text of an inline token's children: words of text, code, link text and
 * image alt text, without markup. A soft line break joins Chinese lines
 * directly and other text with a space; a hard break becomes a newline.
 */
function inlineContent(token: Token): string {
  // Pieces joined once at the end, and the last character kept aside: reading the end of a string
  // built by `+=` flattens it every time, which made a paragraph of 100,000 lines take minutes.
  const pieces: string[] = [];
  let last = '';
  const add = (text: string) => {
    if (text === '') return;
    pieces.push(text);
    last = text.charAt(text.length - 1);
  };
  const children = token.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'image':
        add(child.content);
        break;
      case 'softbreak': {
        const after = children[i + 1]?.content.charAt(0) ?? '';
        if (!CJK.test(last) && !CJK.test(after)) add(' ');
        break;
      }
      case 'hardbreak':
        add('\n');
        break;
      default:
        break;
    }
  }
  return cleanText(pieces.join('')).split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).join('\n');
}

/** Collects a Markdown table starting at `start` and returns its aligned lines and end index. */
function tableBlock(tokens: Token[], start: number): { lines: string[]; cells: string[][]; end: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let numeric: boolean[] = [];
  let i = start;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') rows.push(row);
    else if (t.type === 'inline') row.push(inlineText(inlineContent(t)));
    else if (t.type === 'th_open') numeric.push(String(t.attrGet('style') ?? '').includes('right'));
  }
  const [header = [], ...body] = rows;
  numeric = header.map((_, c) => numeric[c] ?? false);
  return { lines: alignedTable(header, body, numeric), cells: rows, end: i };
}

/** One block of a chapter as plain text. */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'code' | 'table';
  /** Heading level 1–6 for a heading, 0 otherwise. */
  level: number;
  /** The block's plain text (lines separated by `\n` for code and tables). */
  text: string;
  /** For a table: its header and body cells, cleaned. */
  cells?: string[][];
}

/**
 * Converts Markdown to plain text blocks, in order.
 *
 * Headings keep their text as written (they carry their own numbers, such
 * as `一、` or `（一）`); bullet items start with `- `, ordered items with
 * their number; block quotes and code keep their text; tables become
 * aligned text; rules are dropped. Hidden characters are removed and
 * entities such as `&lt;` come out as the character they stand for, so
 * the result is inert text. Empty Markdown gives an empty array.
 *
 * @example
 * markdownBlocks('## 一、主要特点\n\n市直牵头部门**紧紧围绕**部署。').map((b) => b.text)
 * // → ['一、主要特点', '市直牵头部门紧紧围绕部署。']
 */
export function markdownBlocks(markdown: string): TextBlock[] {
  const tokens = md.parse(markdown, {});
  const blocks: TextBlock[] = [];
  let level = 0;
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let prefix = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list) prefix = list.ordered ? `${list.next++}. ` : '- ';
        break;
      }
      case 'heading_open':
        level = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        level = 0;
        break;
      case 'inline': {
        const text = inlineContent(t);
        const kind = level ? 'heading' : prefix ? 'item' : 'paragraph';
        if (text) blocks.push({ kind, level, text: prefix + text });
        prefix = '';
        break;
      }
      case 'fence':
      case 'code_block': {
        const text = cleanText(t.content).replace(/\s+$/, '');
        if (text) blocks.push({ kind: 'code', level: 0, text });
        break;
      }
      case 'table_open': {
        const { lines, cells, end } = tableBlock(tokens, i);
        blocks.push({ kind: 'table', level: 0, text: lines.join('\n'), cells });
        i = end;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/**
 * Joins blocks as newspaper text: blank lines between blocks, a single
 * line break between consecutive list items.
 *
 * @example
 * blocksText([{ kind: 'item', level: 0, text: '- 甲' }, { kind: 'item', level: 0, text: '- 乙' }])
 * // → '- 甲\n- 乙'
 */
export function blocksText(blocks: TextBlock[]): string {
  return [...blocksPieces(blocks)].join('');
}

/**
 * The text of {@link blocksText} as pieces, one per block with the line
 * breaks before it, so a long chapter never has to be one string.
 *
 * @example
 * [...blocksPieces([{ kind: 'paragraph', level: 0, text: '甲' }, { kind: 'paragraph', level: 0, text: '乙' }])]
 * // → ['甲', '\n\n乙']
 */
export function* blocksPieces(blocks: readonly TextBlock[]): Generator<string> {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    yield (i === 0 ? '' : b.kind === 'item' && blocks[i - 1]?.kind === 'item' ? '\n' : '\n\n') + b.text;
  }
}
