import { escapeHtml } from '../../model/text/escape-html.ts';
import { score } from './score.ts';

/**
 * The HTML of one table row's method-score cells, one `<td class="num">`
 * per method of the scheme in the scheme's order: the score with the
 * scheme's decimals, or `—` where the unit has no score by that method.
 * Returns markup (registered as a safe filter); the printed numbers are
 * escaped all the same.
 *
 * A filter rather than an inner `{% for %}` because it runs for every unit
 * row of every experience page (450 rows × 5 methods per page at 50×
 * scale), and each Nunjucks loop iteration sets seven `loop.*` variables.
 *
 * @example
 * methodCells({ forum: 95, survey: 90.5 }, { decimals: 2, methods: [{ id: 'forum' }, { id: 'field' }, { id: 'survey' }] })
 * // '<td class="num">95.00</td><td class="num">—</td><td class="num">90.50</td>'
 */
export function methodCells(
  scores: Readonly<Record<string, number | undefined>> | null | undefined,
  scheme: { decimals: number; methods: ReadonlyArray<{ id: string }> },
): string {
  let html = '';
  for (const method of scheme.methods) {
    // Own scores only: a method id such as constructor must not find an inherited member.
    const value = scores && Object.hasOwn(scores, method.id) ? scores[method.id] : undefined;
    html += `<td class="num">${value === undefined ? '—' : escapeHtml(score(value, scheme.decimals))}</td>`;
  }
  return html;
}

