/**
 * The one place an edition becomes a report: every score, rank, statistic,
 * scenario and reconciliation, computed once. Pure: a typed `Edition` in,
 * a `Report` out (see src/model/types.ts and the contract's Scoring section).
 * Each view is built in its own file; this one lays the steps out in order.
 */
import { EditionError, type Issue } from '../data/errors.ts';
import { ownRecord, ownValue } from '../scoring/own-record.ts';
import { reconcile } from '../scoring/reconcile.ts';
import { scoreScheme, type SchemeWeights } from '../scoring/score-scheme.ts';
import { buildScoringMatrix } from '../scoring/scoring-matrix.ts';
import type { Edition } from '../schema/edition.ts';
import { parseReportedKey } from '../schema/reported-keys.ts';
import { departmentModels } from './department-models.ts';
import { experienceModels } from './experience-models.ts';
import { provenance } from './illustrative-notice.ts';
import { reportedLabel } from './reported-label.ts';
import { awarenessOrder, reportedValue, reportStats } from './report-stats.ts';
import { scenarioModels } from './sensitivity-model.ts';
import type { ActivityItem, Report, SchemeModel } from './types.ts';
import { uncertaintyModel, uncertaintySizeProblem } from './uncertainty-model.ts';
import { unitModels } from './unit-models.ts';

/** What to do when a printed figure does not reconcile. */
export interface ComputeOptions {
  /** `throw` (default): throw an EditionError naming every mismatch. `record`: only record it in `report.reconciliation`. */
  reconcile?: 'throw' | 'record';
}

/**
 * An EditionError for reconciliation mismatches, carrying the computed report.
 *
 * @example
 * try { computeReport(edition); }
 * catch (e) { if (e instanceof ReconciliationError) e.report.reconciliation.filter((r) => !r.ok); }
 */
export class ReconciliationError extends EditionError {
  readonly report: Report;
  constructor(issues: Issue[], report: Report) {
    super(issues);
    this.name = 'ReconciliationError';
    this.report = report;
  }
}

/**
 * Computes the whole report model from a validated edition.
 * Throws a `ReconciliationError` (an `EditionError`) when a `reported`
 * figure does not match its computed statistic, naming report.yaml's line,
 * the printed and the computed text; the report is on `error.report`.
 * Throws an `EditionError` at scheme.yaml's `uncertainty` when the edition
 * has more units and experiences than the analysis ranks.
 *
 * @example
 * const report = computeReport(edition);
 * report.units[0].rank // 1
 * report.stats.satisfaction.text // '91%'
 */
export function computeReport(edition: Edition, options: ComputeOptions = {}): Report {
  const { scheme: schemeFile } = edition;
  const decimals = schemeFile.decimals;
  const scheme: SchemeModel = {
    scale: schemeFile.scale,
    decimals,
    criteria: schemeFile.criteria.map((c) => ({ id: c.id, name: c.name, max: c.max })),
    methods: schemeFile.methods.map((m) => ({ id: m.id, name: m.name, weight: m.weight })),
    leadWeight: schemeFile.lead_weight,
    notApplicable: schemeFile.not_applicable,
    spreadMethod: schemeFile.spread_method,
    spreadMethodName: schemeFile.methods.find((m) => m.id === schemeFile.spread_method)?.name ?? schemeFile.spread_method,
    illustrative: [...schemeFile.illustrative],
  };
  const reported = edition.report.reported;
  const matrix = buildScoringMatrix(edition);
  const baselineWeights: SchemeWeights = {
    methods: ownRecord(scheme.methods.map((m) => [m.id, m.weight])),
    leadWeight: scheme.leadWeight,
    notApplicable: scheme.notApplicable,
  };
  const base = scoreScheme(matrix, baselineWeights);

  // The three ranked views; the unit view reuses the experience view's printed composites.
  const unitName = new Map(edition.units.map((u) => [u.id, u.name]));
  const departmentName = new Map(edition.departments.map((d) => [d.id, d.name]));
  const { experiences, composites } = experienceModels({ edition, matrix, base, unitName, departmentName });
  const experienceById = ownRecord(experiences.map((e) => [e.id, e]));
  const units = unitModels({ edition, matrix, base, experiences, composites });
  const unitById = ownRecord(units.map((u) => [u.id, u]));
  const departmentView = departmentModels(edition, base);
  const { departments } = departmentView;
  const departmentById = ownRecord(departments.map((d) => [d.id, d]));

  // Scenarios and sensitivity.
  const scenarioView = scenarioModels(edition, matrix, baselineWeights, { unitById, departmentById, experienceById });
  const { scenarios, sensitivity } = scenarioView;
  const warnings = [...departmentView.warnings, ...scenarioView.warnings];

  // Statistics, printed at the published precision where there is a printed figure.
  const stats = reportStats({ edition, matrix, base, experiences, departments, scenarioCount: scenarios.length });

  // How sure each rank is, when the scheme states its uncertain assumptions (and the edition is not too large for it).
  const tooLarge = schemeFile.uncertainty && uncertaintySizeProblem(units.length, experiences.length);
  if (tooLarge) {
    const at = edition.source?.locate('scheme', ['uncertainty']) ?? { file: 'scheme.yaml', line: 1, column: 1 };
    throw new EditionError([{ ...at, path: 'uncertainty', message: tooLarge }]);
  }
  const uncertainty = uncertaintyModel(schemeFile, matrix, { units, departments, experiences });

  // Lists in source order, for the pages that follow the edition's order rather than a ranking.
  const experiencesInOrder = [...experiences].sort((a, b) => a.order - b.order);

  // Reconciliation of every printed figure.
  const labels = { counts: stats.counts, spreadMethodName: scheme.spreadMethodName, experienceTitle: (id: string) => ownValue(experienceById, id)?.title };
  const reconciliation = reconcile(reported, (key) => reportedValue(key, stats, experienceById)).map((r) => ({ ...r, label: reportedLabel(r.key, labels) }));

  const report: Report = {
    meta: {
      title: edition.report.title,
      year: edition.report.year,
      evaluator: edition.report.evaluator,
      commissionedBy: edition.report.commissioned_by,
      published: { outlet: edition.report.published.outlet, date: edition.report.published.date },
      basis: edition.report.basis.map((b) => ({ code: b.code, title: b.title })),
      principles: [...edition.report.principles],
      ...(edition.report.duration !== undefined ? { duration: edition.report.duration } : {}),
      fieldwork: ownRecord(Object.entries(edition.report.fieldwork)),
      fieldworkLabels: ownRecord(Object.entries(edition.report.fieldwork_labels)),
      illustrative: [...edition.report.illustrative],
    },
    scheme,
    units,
    departments,
    experiences,
    unitById,
    departmentById,
    experienceById,
    notApplicable: experiencesInOrder.flatMap((e) => e.notApplicable.map((na) => ({ experience: e.id, title: e.title, ...na }))),
    byAwareness: awarenessOrder(experiencesInOrder),
    stats,
    survey: {
      issued: edition.survey.issued,
      valid: edition.survey.valid,
      validText: ownValue(edition.report.fieldwork, 'questionnaires_valid') ?? String(edition.survey.valid),
      satisfied: edition.survey.satisfied,
      illustrative: [...edition.survey.illustrative],
    },
    activity: ownRecord(
      edition.activity.map((a): [string, ActivityItem] => [
        a.id,
        { id: a.id, label: a.label, count: a.count, unit: a.unit, by: a.by, illustrative: [...a.illustrative] },
      ]),
    ),
    reconciliation,
    scenarios,
    sensitivity,
    ...(uncertainty ? { uncertainty } : {}),
    provenance: provenance(edition),
    warnings,
  };

  const mismatches = reconciliation.filter((r) => !r.ok);
  if (mismatches.length > 0 && (options.reconcile ?? 'throw') === 'throw') {
    const issues: Issue[] = mismatches.map((r) => {
      const at = edition.source?.locate('report', ['reported', r.key]) ?? { file: 'report.yaml', line: 1, column: 1 };
      const message = parseReportedKey(r.key).kind === 'count'
        ? `原文所称数目与数据不符，请核对标题和正文中的数目，或数据是否多列、漏列 (expected "${r.computed}" as counted in the data, found "${r.printed}" as printed)`
        : `印刷数字与计算结果不符 (expected "${r.computed}" as computed, found "${r.printed}" as printed)`;
      return { ...at, path: `reported.${r.key}`, message };
    });
    throw new ReconciliationError(issues, report);
  }
  return report;
}
