import { rankText, type Placing } from '../../model/text/rank-text.ts';

/**
 * The HTML of a table's rank cell and the 并列 cell beside it: the rank as
 * a number (so the column sorts), then `并列` when the item shares it, or
 * `—` and an empty cell for an item without a rank (a department that
 * leads nothing). Returns markup, so it is registered as a safe filter;
 * the only data in it is an integer and a fixed word.
 *
 * A filter rather than a macro because it runs once per table row (1,450
 * rows on the home page at 50× scale, a unit's experiences on every unit
 * page), and a Nunjucks macro call builds a new frame each time.
 *
 * @example
 * rankCell({ rank: 3, tied: false }) // '<td class="rank">3</td><td class="tie"></td>'
 * rankCell({ rank: 2, tied: true })  // '<td class="rank">2</td><td class="tie">并列</td>'
 * rankCell({ rank: null })           // '<td class="rank">—</td><td class="tie"></td>'
 */
export function rankCell(item: Placing | null | undefined): string {
  return `<td class="rank">${rankText(item, 'cell')}</td><td class="tie">${rankText(item, 'tie')}</td>`;
}
