import type { Report } from '../../model/types.ts';
import { formatWeight } from '../../scoring/format.ts';
import { naPolicy } from '../filters/na-policy.ts';

/** One scenario as the method page describes it. */
export interface ScenarioItem {
  name: string;
  /** Every method of the scheme with its weight under the scenario, or 不计 when it drops it (`部门评估50%、问卷评估不计`). */
  weights: string;
  /** What the scenario does with experiences that do not apply (`不计入该单位的平均分`). */
  notApplicable: string;
  /** The lead department's share of an experience score, only when the scenario changes it (`60%`). */
  leadWeight?: string;
}

/**
 * The sensitivity scenarios of the report, in its order, as the method
 * page lists them: weights through the one number formatter, the
 * not-applicable policy in words, and the lead weight only where it
 * differs from the scheme's.
 *
 * @example
 * scenarioItems(report)[0]
 * // { name: '不适用项不计入', weights: '部门评估40%、区县评估30%、问卷评估30%', notApplicable: '不计入该单位的平均分' }
 */
export function scenarioItems(report: Pick<Report, 'scheme' | 'scenarios'>): ScenarioItem[] {
  const { scheme } = report;
  return report.scenarios.map((s) => ({
    name: s.name,
    weights: scheme.methods
      .map((m) => `${m.name}${Object.hasOwn(s.methods, m.id) ? formatWeight(s.methods[m.id]!) : '不计'}`)
      .join('、'),
    notApplicable: naPolicy(s.notApplicable),
    ...(s.leadWeight !== scheme.leadWeight ? { leadWeight: formatWeight(s.leadWeight) } : {}),
  }));
}
