/**
 * A rank as printed in a chart's data table: the number, followed by
 * 并列 in brackets when another item shares it.
 *
 * @example
 * rankText(2, true)  // => '2（并列）'
 * rankText(1, false) // => '1'
 */
export function rankText(rank: number, tied: boolean): string {
  return tied ? `${rank}（并列）` : String(rank);
}
