import { rankText, TIE_MARK, type Placing } from '../../model/text/rank-text.ts';

/**
 * The HTML of a table's rank cell: the rank as the one rank printer prints
 * it in a cell, with its `（并列）` marked up when the item shares it, or
 * `—` for an item without a rank (a department that leads nothing).
 * Returns markup, so it is registered as a safe filter; the only data in it
 * is an integer.
 *
 * A filter rather than a macro because it runs once per table row (1,450
 * rows on the home page at 50× scale, a unit's experiences on every unit
 * page), and a Nunjucks macro call builds a new frame each time.
 *
 * @example
 * rankCell({ rank: 3, tied: false }) // '3'
 * rankCell({ rank: 2, tied: true })  // '2<span class="tie">（并列）</span>'
 * rankCell({ rank: null })           // '—'
 */
export function rankCell(item: Placing | null | undefined): string {
  const cell = rankText(item, 'cell');
  return cell.endsWith(TIE_MARK) ? `${cell.slice(0, -TIE_MARK.length)}<span class="tie">${TIE_MARK}</span>` : cell;
}
