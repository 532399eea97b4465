import { rankText, type Placing } from '../../model/text/rank-text.ts';

/**
 * Prints a rank among the items ranked with it, through the one rank
 * printer: `3/9`; an item without a rank prints `—`.
 *
 * @example
 * rankAmong({ rank: 3, among: 9 })    // '3/9'
 * rankAmong({ rank: null, among: 9 }) // '—'
 */
export function rankAmong(item: Placing | null | undefined): string {
  return rankText(item, 'among');
}
