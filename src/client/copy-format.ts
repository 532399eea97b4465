/**
 * Pure text formatting behind the copy buttons: whitespace and hidden
 * characters, the section's closing source line, and the two clipboard
 * flavours of a table (tab-separated text and a clean HTML table).
 */
import { inertCell } from '../model/text/inert-cell.ts';

/** Zero-width characters, soft hyphen, bidi controls and BOM: never copied. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/** Spaces that should paste as an ordinary space. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;
/** Chinese characters and full-width punctuation, between which a line break is no space. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;
/** A run of ASCII whitespace; U+3000 is text and not part of it. */
const WHITESPACE_RUN = /[ \t\n\r\f\v]+/g;

/**
 * Normalises the text of one block (a heading, a paragraph, a cell): hidden
 * characters removed, NBSP and typographic spaces made ordinary, a line
 * break next to a Chinese character dropped (HTML source wraps lines), any
 * other whitespace run collapsed to one space, both ends trimmed. The
 * ideographic space U+3000 is text and is kept inside the block. Linear in
 * the length of the text: each whitespace run is looked at once, so a
 * block of a million spaces copies at once.
 *
 * @example
 * normalizeBlock('  以“制度”为先，\n  完善工作机制\u200B ') // → '以“制度”为先，完善工作机制'
 */
export function normalizeBlock(text: string): string {
  const cleaned = text.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
  return cleaned
    .replace(WHITESPACE_RUN, (run: string, at: number) => {
      const breaks = run.includes('\n') || run.includes('\r');
      return breaks && (CJK.test(cleaned.charAt(at - 1)) || CJK.test(cleaned.charAt(at + run.length))) ? '' : ' ';
    })
    .trim();
}

/**
 * The closing line of a copied section: `来源：<evaluator>《<title>》`;
 * without a title, `来源：<evaluator>`; with neither, the empty string.
 *
 * @example
 * sourceLine('中共淄博市委党校第三方评估项目组', '关于…的第三方评估报告')
 * // → '来源：中共淄博市委党校第三方评估项目组《关于…的第三方评估报告》'
 */
export function sourceLine(evaluator: string, title: string): string {
  const who = normalizeBlock(evaluator);
  const what = normalizeBlock(title);
  if (!who && !what) return '';
  return `来源：${who}${what ? `《${what}》` : ''}`;
}

/**
 * One table cell as a spreadsheet receives it, in either clipboard
 * flavour: normalised (so no tab or line break survives inside it), then
 * made inert by the rule the CSV downloads use (`inertCell`): a cell
 * starting with `=`, `+`, `-` or `@` gets a leading `'`, except a plain
 * number in a figure cell, so `-1.50` there still pastes as a number.
 *
 * @example
 * sheetCell({ text: '=cmd|calc' })                // → "'=cmd|calc"
 * sheetCell({ text: ' -1.50\t', figure: true })   // → '-1.50'
 * sheetCell({ text: '-1.50' })                    // → "'-1.50"
 */
export function sheetCell(cell: Pick<CopyCell, 'text' | 'figure'>): string {
  return inertCell(normalizeBlock(cell.text), { figure: cell.figure === true });
}

/**
 * Rows of cells as tab-separated text, one row per line (`\n`, which Excel,
 * WPS and Word all accept), no trailing newline. Empty rows are dropped.
 *
 * @example
 * tableTsv([[{ text: '排名' }, { text: '单位' }], [{ text: '1', figure: true }, { text: '张店区' }]]) // → '排名\t单位\n1\t张店区'
 */
export function tableTsv(rows: ReadonlyArray<ReadonlyArray<Pick<CopyCell, 'text' | 'figure'>>>): string {
  return rows
    .filter((row) => row.length > 0)
    .map((row) => row.map(sheetCell).join('\t'))
    .join('\n');
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"甲&乙"</b>') // → '&lt;b&gt;&quot;甲&amp;乙&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A cell of a copied table. */
export interface CopyCell {
  text: string;
  /** A header cell of the table head (`th` inside `thead`). */
  header: boolean;
  /** A cell of a column of figures (scores, ranks, counts): a plain number in it stays a number. */
  figure?: boolean;
}

/** A cell of a table for the HTML clipboard flavour. */
export type HtmlCell = CopyCell;

/**
 * A clean HTML table for the `text/html` clipboard flavour: only `table`,
 * `tr`, `th` and `td`, every cell's text normalised, made inert for
 * spreadsheets exactly as in the tab-separated flavour ({@link sheetCell})
 * and escaped, no classes, links or scripts, so it pastes as a table into
 * Excel, WPS and Word and nothing from the data can run.
 *
 * @example
 * tableHtml([[{ text: '单位', header: true }], [{ text: '<b>', header: false }], [{ text: '=1+2', header: false }]])
 * // → '<meta charset="utf-8"><table><tr><th>单位</th></tr><tr><td>&lt;b&gt;</td></tr><tr><td>\'=1+2</td></tr></table>'
 */
export function tableHtml(rows: readonly HtmlCell[][]): string {
  return `<meta charset="utf-8"><table>${tableRowsHtml(rows)}</table>`;
}

/**
 * The rows of a clipboard table, without the `table` around them (the
 * copied section puts them in its own): a `tr` per non-empty row, a `th`
 * for a header cell and a `td` for any other, each cell's text made inert
 * ({@link sheetCell}) and escaped; no rows give ''.
 *
 * @example
 * tableRowsHtml([[{ text: '单位', header: true }], [{ text: '=1+2', header: false }]])
 * // → '<tr><th>单位</th></tr><tr><td>\'=1+2</td></tr>'
 */
export function tableRowsHtml(rows: readonly CopyCell[][]): string {
  return rows
    .filter((row) => row.length > 0)
    .map((row) => `<tr>${row.map((cell) => { const tag = cell.header ? 'th' : 'td'; return `<${tag}>${escapeHtml(sheetCell(cell))}</${tag}>`; }).join('')}</tr>`)
    .join('');
}
