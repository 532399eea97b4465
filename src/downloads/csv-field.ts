/**
 * One CSV field, escaped for RFC 4180 and made inert for spreadsheets.
 */
import { inertCell } from '../model/text/inert-cell.ts';

/** Characters that force a field to be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Escapes one CSV field.
 *
 * A cell is first made inert by `inertCell` (the rule the copy buttons
 * use too): a text cell (a name or title typed in YAML) that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
 * spreadsheet shows it instead of evaluating it; a number cell that is a
 * plain number is never touched, so a negative number stays a number. A
 * field holding `,`, `"`, CR or LF is then wrapped in double quotes with
 * inner quotes doubled. The empty string stays empty.
 *
 * @example
 * csvField('=cmd|calc', { text: true }) // → "'=cmd|calc"
 * csvField('张店区,高新区', { text: true }) // → '"张店区,高新区"'
 * csvField('-1.5', { text: false }) // → '-1.5'
 */
export function csvField(value: string, { text }: { text: boolean }): string {
  const inert = inertCell(value, { figure: !text });
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
