import { rankRangeText, type RankRange } from '../../model/text/rank-text.ts';

/**
 * Prints a range of ranks for a table cell through the one rank printer:
 * `2～5`, a single rank alone (`3`), and `—` for no range (an item the
 * uncertainty analysis did not rank).
 *
 * @example
 * rankRange({ low: 2, high: 5 }) // '2～5'
 * rankRange({ low: 3, high: 3 }) // '3'
 * rankRange(undefined)           // '—'
 */
export function rankRange(range: RankRange | null | undefined): string {
  return rankRangeText(range, 'cell');
}
