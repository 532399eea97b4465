/**
 * Render rows as a GitHub-flavoured Markdown table, the format the
 * benchmark prints and keeps in `bench/README.md`.
 */

/**
 * A Markdown table with a header row; numbers are right-aligned, text is
 * left-aligned, and a `|` inside a cell is escaped. No rows gives a table
 * with only its header; a row shorter than the header is padded with
 * empty cells.
 *
 * @example
 * markdownTable(['size', 'ms'], [['default', 812]]);
 * // '| size | ms |\n|:--|--:|\n| default | 812 |'
 */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const cell = (value: string | number | undefined) => String(value ?? '').replace(/\|/g, '\\|');
  const line = (cells: ReadonlyArray<string | number | undefined>) => `| ${header.map((_, i) => cell(cells[i])).join(' | ')} |`;
  return [line(header), `|${numeric.map((n) => (n ? '--:' : ':--')).join('|')}|`, ...rows.map(line)].join('\n');
}
