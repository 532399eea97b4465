/**
 * The HTML of a table's rank cell: the rank, with `（并列）` marked up when
 * the item shares it, or `—` for an item without a rank (a department that
 * leads nothing). Returns markup, so it is registered as a safe filter; the
 * only data in it is an integer.
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
export function rankCell(item: { rank?: number | null; tied?: boolean } | null | undefined): string {
  const rank = item?.rank;
  if (typeof rank !== 'number' || !Number.isFinite(rank) || rank === 0) return '—';
  return item?.tied ? `${rank}<span class="tie">（并列）</span>` : String(rank);
}
