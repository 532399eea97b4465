import { drawnAssumptions, rankCertaintyNote as certaintyNote, type CertainItem } from '../../model/rank-certainty.ts';
import type { Uncertainty } from '../../model/types.ts';
import { rankedKind } from './rank-certainty.ts';

/**
 * The sentence an item's page says about how sure its rank is, from the
 * report's uncertainty analysis (`kind`: `unit`, `department` or
 * `experience`): `排名：第3名（90%的情形下在第2～5名之间）。` and what 情形
 * means. Without an analysis, or for an item it did not rank, prints ''.
 * Throws, in Chinese, on an unknown kind.
 *
 * @example
 * rankCertaintyNote(report.unitById.zichuan, report.uncertainty, 'unit')
 * // '排名：第3名（90%的情形下在第2～5名之间）。“情形”指……的结果。'
 * rankCertaintyNote(report.unitById.zichuan, undefined, 'unit') // ''
 */
export function rankCertaintyNote(item: CertainItem | null | undefined, uncertainty: Pick<Uncertainty, 'effects'> | null | undefined, kind: string): string {
  const known = rankedKind(kind, 'rankCertaintyNote');
  if (!uncertainty) return '';
  return certaintyNote(item, { kind: known, drawn: drawnAssumptions(uncertainty) });
}
