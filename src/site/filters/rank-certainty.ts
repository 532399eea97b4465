import { drawnAssumptions, rankCertainty as certaintyPhrase, type CertainItem, type RankedKind } from '../../model/rank-certainty.ts';
import type { Uncertainty } from '../../model/types.ts';

const KINDS: readonly RankedKind[] = ['unit', 'department', 'experience'];

/**
 * Prints an item's rank with how sure it is, from the report's uncertainty
 * analysis (`kind` says which formula scored it: `unit`, `department` or
 * `experience`): `第3名（90%的情形下在第2～5名之间）`. Without an analysis,
 * or for an item it did not rank, prints ''. Throws, in Chinese, on an
 * unknown kind.
 *
 * @example
 * rankCertainty(report.unitById.zichuan, report.uncertainty, 'unit')      // '第3名（90%的情形下在第2～5名之间）'
 * rankCertainty(report.departmentById.health, report.uncertainty, 'department')
 * // '第2名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受各评估方式权重影响）'
 * rankCertainty(report.unitById.zichuan, undefined, 'unit')               // ''
 */
export function rankCertainty(item: CertainItem | null | undefined, uncertainty: Pick<Uncertainty, 'effects'> | null | undefined, kind: string): string {
  if (!KINDS.includes(kind as RankedKind)) {
    throw new Error(`rankCertainty：第三个参数应为 unit、department 或 experience (expected unit, department or experience, found ${String(kind)})`);
  }
  if (!uncertainty) return '';
  return certaintyPhrase(item, { kind: kind as RankedKind, drawn: drawnAssumptions(uncertainty) });
}
