/**
 * The one rule that keeps a table cell from running as a spreadsheet
 * formula, shared by the CSV downloads and both clipboard flavours of the
 * copy buttons (tab-separated text and the HTML table), so that a name
 * pastes the same way whichever door it leaves by.
 *
 * Pure and free of imports: the browser bundle uses it as it is.
 */

/** Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP's list). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A figure as the report prints it: optional sign, digits, optional decimals, optional `%`. */
export const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?%?$/;

/**
 * A cell made inert for spreadsheets: text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet
 * shows it instead of evaluating it (formula injection). A figure cell (a
 * column of numbers: scores, ranks, counts) is left alone when it is a
 * plain number, so `-3` stays the number −3; anything else in it is
 * treated as text. Cells that start otherwise, and the empty cell, are
 * returned unchanged.
 *
 * @example
 * inertCell('=HYPERLINK("http://x")') // → `'=HYPERLINK("http://x")`
 * inertCell('-3', { figure: true })    // → '-3'
 * inertCell('-3')                      // → "'-3" (a name that happens to look like a number stays text)
 * inertCell('张店区')                  // → '张店区'
 */
export function inertCell(text: string, { figure = false }: { figure?: boolean } = {}): string {
  if (!FORMULA_START.test(text)) return text;
  if (figure && PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
