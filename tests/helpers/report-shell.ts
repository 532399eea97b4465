/**
 * The part of a hand-built `Report` that test fixtures need not spell out:
 * the lookups and lists derived from the experiences, units and
 * departments (so they cannot disagree with them) and empty scenarios,
 * sensitivity, reconciliation, activity and warnings.
 */
import { notices } from '../../src/model/illustrative-notice.ts';
import { awarenessOrder } from '../../src/model/report-stats.ts';
import type { Report } from '../../src/model/types.ts';

/** What a fixture must give: everything a test looks at. */
export type ReportParts = Pick<Report, 'meta' | 'scheme' | 'units' | 'departments' | 'experiences' | 'stats' | 'survey'> & Partial<Report>;

/**
 * A complete `Report` from its parts; any other field given overrides the default.
 *
 * @example
 * reportFrom({ meta, scheme, units, departments, experiences, stats, survey }).unitById.alpha === units[0] // true
 */
export function reportFrom(parts: ReportParts): Report {
  const inOrder = [...parts.experiences].sort((a, b) => a.order - b.order);
  return {
    notApplicable: inOrder.flatMap((e) => e.notApplicable.map((na) => ({ experience: e.id, title: e.title, ...na }))),
    byAwareness: awarenessOrder(inOrder),
    unitById: Object.fromEntries(parts.units.map((u) => [u.id, u])),
    departmentById: Object.fromEntries(parts.departments.map((d) => [d.id, d])),
    experienceById: Object.fromEntries(parts.experiences.map((e) => [e.id, e])),
    activity: {},
    reconciliation: [],
    scenarios: [],
    sensitivity: { units: [], departments: [], experiences: [] },
    provenance: illustrativeProvenance({}),
    warnings: [],
    ...parts,
  };
}

/** The wording the test reports use for their 示意 notice, as an edition writes it in report.yaml. */
export const TEST_NOTICE = '所列得分为测试用示意值。';

/**
 * A report's provenance with the given scores illustrative and the notices
 * the model builds for them, worded `wording`.
 *
 * @example
 * illustrativeProvenance({ unitScores: true }).annexNotices.units // '说明：附件1所列得分为测试用示意值。'
 */
export function illustrativeProvenance(
  flags: Partial<Record<'unitScores' | 'departmentScores' | 'experienceScores', boolean>>,
  wording = TEST_NOTICE,
): Report['provenance'] {
  const all = { unitScores: false, departmentScores: false, experienceScores: false, ...flags };
  return { ...all, survey: false, ...notices({ ...all, wording }) };
}
