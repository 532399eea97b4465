import { rankText, type Placing } from '../../model/text/rank-text.ts';

/**
 * Prints a rank in Chinese through the one rank printer: `第3名`, or
 * `并列第3名` when the item shares its rank; an item without a rank (a
 * department that leads nothing) prints `不排名`.
 *
 * @example
 * rankLabel({ rank: 3, tied: false }) // '第3名'
 * rankLabel({ rank: 2, tied: true })  // '并列第2名'
 * rankLabel({ rank: null })           // '不排名'
 */
export function rankLabel(item: Placing | null | undefined): string {
  return rankText(item, 'label');
}
