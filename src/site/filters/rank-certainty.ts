import { drawnAssumptions, rankCertainty as certaintyPhrase, type CertainItem, type RankedKind } from '../../model/rank-certainty.ts';
import type { Uncertainty } from '../../model/types.ts';

const KINDS: readonly RankedKind[] = ['unit', 'department', 'experience'];

/**
 * A filter's `kind` argument checked: `unit`, `department` or `experience`;
 * anything else throws, in Chinese, naming the filter.
 *
 * @example
 * rankedKind('unit', 'rankCertainty') // 'unit'
 */
export function rankedKind(kind: string, filter: string): RankedKind {
  if (!KINDS.includes(kind as RankedKind)) {
    throw new Error(`${filter}：第三个参数应为 unit、department 或 experience (expected unit, department or experience, found ${String(kind)})`);
  }
  return kind as RankedKind;
}

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
  const known = rankedKind(kind, 'rankCertainty');
  if (!uncertainty) return '';
  return certaintyPhrase(item, { kind: known, drawn: drawnAssumptions(uncertainty) });
}
