import { annexTable } from '../../downloads/annex-tables.ts';
import type { Report } from '../../model/types.ts';

/**
 * The caption of annex `n` (1, 2 or 3), the same one the CSV, text and Word
 * downloads print, so the page and the downloads cannot name it differently.
 *
 * @example
 * annexTitle(report, 2) // '20项创新改革经验牵头部门得分及排名'
 */
export function annexTitle(report: Report, n: 1 | 2 | 3): string {
  return annexTable(report, n).title;
}
