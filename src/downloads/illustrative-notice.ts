/**
 * The 示意 notice under an annex table in the Word and Excel downloads:
 * the model's (`Report.provenance.annexNotices`), worded once in
 * report.yaml, exactly as the site prints it under the same annex.
 */
import type { Report } from '../model/types.ts';

/**
 * The notice for annex `n` when its scores are illustrative (annex 1: unit
 * scores, 2: department scores, 3: experience scores), else null.
 *
 * @example
 * annexNotice(report, 1)
 * // → '说明：附件1所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。'
 */
export function annexNotice(report: Pick<Report, 'provenance'>, n: 1 | 2 | 3): string | null {
  const { units, departments, experiences } = report.provenance.annexNotices;
  return [units, departments, experiences][n - 1] ?? null;
}
