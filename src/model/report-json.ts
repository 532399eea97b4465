/**
 * The JSON published as `_site/data/report.json`: the computed model in a
 * stable shape for other tools (contract, *Outputs*). Lists are sorted by
 * rank (ties in source order); keys come in a fixed order so two builds of
 * the same data give the same bytes; NaN becomes null.
 */
import { roundHalfUp } from '../scoring/round-half-up.ts';
import type { RankInterval, Report, Stat } from './types.ts';

/**
 * Version of this JSON's shape; bumped when a field changes meaning.
 *
 * @example
 * reportJson(report).format === REPORT_JSON_FORMAT // true
 */
export const REPORT_JSON_FORMAT = 'pinggu-report/1';

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
const stat = (s: Stat | undefined) => (s ? { value: num(s.value), text: s.text } : null);

/**
 * Builds the report.json object from a computed report. Items carry `id`,
 * `name` (units, departments) or `title` (experiences), `score` as the
 * printed number, `text` as printed, `exact` unrounded, `rank` and `tied`;
 * experiences also `lead`, `spread` (printed number), `awareness` (a
 * fraction, or null when not surveyed) and `status`. `uncertainty` is
 * `{draws, seed, units, departments, experiences}`, each a list by base
 * rank of `{id, rank, median, low, high, top}`, or null when the scheme
 * has no `uncertainty` block.
 *
 * @example
 * const json = reportJson(report);
 * json.units[0] // { id: 'zhangdian', name: '张店区', score: 97.26, text: '97.26', exact: 97.2568…, rank: 1, tied: false, … }
 * json.scenarios[0].units[0] // { id: 'zhangdian', score: 97.1, rank: 1 }
 */
export function reportJson(report: Report) {
  const decimals = report.scheme.decimals;
  return {
    format: REPORT_JSON_FORMAT,
    meta: {
      title: report.meta.title,
      year: report.meta.year,
      evaluator: report.meta.evaluator,
      commissionedBy: report.meta.commissionedBy,
      published: { outlet: report.meta.published.outlet, date: report.meta.published.date },
      duration: report.meta.duration ?? null,
      basis: report.meta.basis.map((b) => ({ code: b.code, title: b.title })),
      principles: [...report.meta.principles],
      fieldwork: { ...report.meta.fieldwork },
      fieldworkLabels: { ...report.meta.fieldworkLabels },
      illustrative: [...report.meta.illustrative],
    },
    scheme: {
      scale: report.scheme.scale,
      decimals,
      criteria: report.scheme.criteria.map((c) => ({ id: c.id, name: c.name, max: c.max })),
      methods: report.scheme.methods.map((m) => ({ id: m.id, name: m.name, weight: m.weight })),
      leadWeight: report.scheme.leadWeight,
      notApplicable: report.scheme.notApplicable,
      spreadMethod: report.scheme.spreadMethod,
      illustrative: [...report.scheme.illustrative],
    },
    provenance: {
      unitScores: report.provenance.unitScores,
      departmentScores: report.provenance.departmentScores,
      experienceScores: report.provenance.experienceScores,
      survey: report.provenance.survey,
      notice: report.provenance.notice,
      annexNotices: { ...report.provenance.annexNotices },
    },
    stats: {
      experienceMean: stat(report.stats.experienceMean),
      unitMean: stat(report.stats.unitMean),
      departmentMean: stat(report.stats.departmentMean),
      satisfaction: stat(report.stats.satisfaction),
      internetPlusShare: stat(report.stats.internetPlusShare),
      rectificationShare: stat(report.stats.rectificationShare),
      awarenessMax: report.stats.awarenessMax ? { ...stat(report.stats.awarenessMax), experience: report.stats.awarenessMax.experience } : null,
      awarenessMin: report.stats.awarenessMin ? { ...stat(report.stats.awarenessMin), experience: report.stats.awarenessMin.experience } : null,
      spreadMax: report.stats.spreadMax ? { ...stat(report.stats.spreadMax), experience: report.stats.spreadMax.experience } : null,
      counts: {
        experiences: report.stats.counts.experiences,
        units: report.stats.counts.units,
        departments: report.stats.counts.departments,
        rankedDepartments: report.stats.counts.rankedDepartments,
        internetPlus: report.stats.counts.internetPlus,
        discontinued: report.stats.counts.discontinued,
        methods: report.stats.counts.methods,
        criteria: report.stats.counts.criteria,
      },
    },
    units: report.units.map((u) => ({
      id: u.id,
      name: u.name,
      score: num(u.score),
      text: u.text,
      exact: num(u.exact),
      rank: u.rank,
      tied: u.tied,
      strongest: u.strongest.map((x) => x.experience),
      weakest: u.weakest.map((x) => x.experience),
      experiences: u.experiences.map((x) => ({
        experience: x.experience,
        composite: x.composite ? num(x.composite.score) : null,
        counted: num(x.counted),
        rank: x.rank,
        notApplicable: x.notApplicableReason ?? null,
      })),
      illustrative: [...u.illustrative],
    })),
    departments: report.departments.map((d) => ({
      id: d.id,
      name: d.name,
      ranked: d.ranked,
      score: num(d.score),
      text: d.text,
      exact: num(d.exact),
      rank: d.rank,
      tied: d.tied,
      experiences: [...d.experiences],
      rectificationPlan: d.rectificationPlan ?? null,
      illustrative: [...d.illustrative],
    })),
    experiences: report.experiences.map((e) => ({
      id: e.id,
      title: e.title,
      order: e.order,
      batch: e.batch,
      lead: e.lead,
      leadName: e.leadName,
      origin: e.origin ?? null,
      internetPlus: e.internetPlus,
      status: e.status,
      statusNote: e.statusNote ?? null,
      score: num(e.score),
      text: e.text,
      exact: num(e.exact),
      rank: e.rank,
      tied: e.tied,
      leadAssessment: { ...e.leadAssessment },
      leadTotal: num(e.leadTotal),
      unitMean: stat(e.unitMean),
      spread: num(roundHalfUp(e.spread.value, decimals)),
      spreadText: e.spread.text,
      spreadBest: e.spread.best ?? null,
      spreadWorst: e.spread.worst ?? null,
      awareness: e.awareness ? num(e.awareness.value) : null,
      awarenessText: e.awareness?.text ?? null,
      awarenessCount: e.awareness?.count ?? null,
      notApplicable: e.notApplicable.map((n) => ({ unit: n.unit, reason: n.reason })),
      units: e.units.map((r) => ({
        unit: r.unit,
        score: num(r.composite.score),
        text: r.composite.text,
        exact: num(r.composite.value),
        rank: r.rank,
        tied: r.tied,
        methods: { ...r.methods },
      })),
      illustrative: [...e.illustrative],
    })),
    scenarios: report.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      methods: { ...s.methods },
      notApplicable: s.notApplicable,
      leadWeight: s.leadWeight,
      units: s.units.map((r) => ({ id: r.id, score: num(r.score), rank: r.rank })),
      departments: s.departments.map((r) => ({ id: r.id, score: num(r.score), rank: r.rank })),
      experiences: s.experiences.map((r) => ({ id: r.id, score: num(r.score), rank: r.rank })),
    })),
    sensitivity: {
      units: report.sensitivity.units.map(row),
      departments: report.sensitivity.departments.map(row),
      experiences: report.sensitivity.experiences.map(row),
      biggestMover: report.sensitivity.biggestMover ? { ...report.sensitivity.biggestMover } : null,
    },
    uncertainty: report.uncertainty
      ? {
          draws: report.uncertainty.draws,
          seed: report.uncertainty.seed,
          units: report.uncertainty.units.map(interval),
          departments: report.uncertainty.departments.map(interval),
          experiences: report.uncertainty.experiences.map(interval),
        }
      : null,
    reconciliation: report.reconciliation.map((r) => ({ key: r.key, label: r.label, printed: r.printed, computed: r.computed, ok: r.ok })),
    survey: {
      issued: report.survey.issued,
      valid: report.survey.valid,
      satisfied: report.survey.satisfied,
      illustrative: [...report.survey.illustrative],
    },
    activity: Object.values(report.activity).map((a) => ({
      id: a.id,
      label: a.label,
      count: a.count,
      unit: a.unit,
      by: a.by,
      illustrative: [...a.illustrative],
    })),
    warnings: [...report.warnings],
  };
}

function row(r: Report['sensitivity']['units'][number]) {
  return {
    id: r.id,
    name: r.name,
    ranks: Object.fromEntries(Object.entries(r.ranks).map(([k, v]) => [k, num(v)])),
    min: num(r.min),
    max: num(r.max),
  };
}

function interval(i: RankInterval) {
  return { id: i.id, rank: i.rank, median: num(i.median), low: num(i.low), high: num(i.high), top: num(i.top) };
}
