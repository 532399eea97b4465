/**
 * The notice that an annex's scores are illustrative (示意) rather than
 * published, for the Word and Excel downloads. Worded as the site words it
 * under each annex (the `illustrativeNote` macro of
 * `templates/_includes/macros.njk`), and kept in this one function so the
 * wording can move into the data without touching the downloads.
 */
import type { Report } from '../model/types.ts';

/**
 * The notice for annex `n` when the report's provenance says its scores
 * are illustrative (annex 1: unit scores, 2: department scores, 3:
 * experience scores), else null.
 *
 * @example
 * annexNotice(report, 1)
 * // → '说明：附件1所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。'
 */
export function annexNotice(report: Pick<Report, 'provenance'>, n: 1 | 2 | 3): string | null {
  const { unitScores, departmentScores, experienceScores } = report.provenance;
  const illustrative = [unitScores, departmentScores, experienceScores][n - 1];
  return illustrative ? `说明：附件${n}所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。` : null;
}
