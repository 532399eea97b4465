/**
 * Prints a rank in Chinese: `第3名`, or `并列第3名` when the item shares its
 * rank; an item without a rank (a department that leads nothing) prints `不排名`.
 *
 * @example
 * rankLabel({ rank: 3, tied: false }) // '第3名'
 * rankLabel({ rank: 2, tied: true })  // '并列第2名'
 * rankLabel({ rank: null })           // '不排名'
 */
export function rankLabel(item: { rank?: number | null; tied?: boolean } | null | undefined): string {
  if (!item || item.rank === null || item.rank === undefined) return '不排名';
  return `${item.tied ? '并列' : ''}第${item.rank}名`;
}
