/**
 * Dates as Chinese text prints them, shared by every output layer (site,
 * downloads), so that a date reads the same in a page, a Word file and a
 * workbook.
 */

/**
 * Prints an ISO date (`2018-07-06`) the Chinese way, `2018年7月6日`: year,
 * month and day as plain numbers without leading zeros. A value that does
 * not start with an ISO date prints as given (an empty value as `''`); a
 * `Date` prints its UTC date.
 *
 * @example
 * cnDate('2018-07-06') // → '2018年7月6日'
 * cnDate('2018年7月')  // → '2018年7月'
 */
export function cnDate(value: unknown): string {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}
