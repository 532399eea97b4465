/**
 * The one place an edition becomes a report: every score, rank, statistic,
 * scenario and reconciliation, computed once. Pure: a typed `Edition` in,
 * a `Report` out (see src/model/types.ts and the contract's Scoring section).
 */
import { EditionError, type Issue } from '../data/errors.ts';
import { biggestMover } from '../ranking/biggest-mover.ts';
import { extremes } from '../ranking/extremes.ts';
import { formatLike, formatPercent } from '../ranking/format.ts';
import { mean } from '../ranking/mean.ts';
import { competitionRank, rankOrder, type Placing } from '../ranking/rank.ts';
import { reconcile } from '../ranking/reconcile.ts';
import { formatHalfUp } from '../ranking/round-half-up.ts';
import { buildScenarios } from '../ranking/scenarios.ts';
import { scoreScheme, type SchemeScores, type SchemeWeights } from '../ranking/score-scheme.ts';
import { scoreStat, type ScoreStat } from '../ranking/score-stat.ts';
import { buildScoringMatrix, type ScoringMatrix } from '../ranking/scoring-matrix.ts';
import { sensitivityRows } from '../ranking/sensitivity.ts';
import { share } from '../ranking/share.ts';
import { spread } from '../ranking/spread.ts';
import type { Edition } from '../schema/edition.ts';
import { parseReportedKey } from '../schema/reported-keys.ts';
import type {
  ActivityItem,
  ExperienceUnitResult,
  RankedDepartment,
  RankedExperience,
  RankedUnit,
  Report,
  ScenarioRank,
  ScenarioResult,
  SchemeModel,
  Stat,
  Stats,
  UnitExperienceEntry,
} from './types.ts';

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
  };
  const reported = edition.report.reported;
  const matrix = buildScoringMatrix(edition);
  const baselineWeights: SchemeWeights = {
    methods: Object.fromEntries(scheme.methods.map((m) => [m.id, m.weight])),
    leadWeight: scheme.leadWeight,
    notApplicable: scheme.notApplicable,
  };
  const base = scoreScheme(matrix, baselineWeights);

  const unitName = new Map(edition.units.map((u) => [u.id, u.name]));
  const departmentName = new Map(edition.departments.map((d) => [d.id, d.name]));
  // Printed composites, shared by the experience and unit views: [e * units + u].
  const compositeStats = new Array<ScoreStat | undefined>(matrix.experienceIds.length * matrix.unitIds.length);
  const experiences = rankExperiences(edition, matrix, base, unitName, departmentName, decimals, compositeStats);
  const experienceById = Object.fromEntries(experiences.map((e) => [e.id, e]));
  const units = rankUnits(edition, matrix, base, experiences, decimals, compositeStats);
  const unitById = Object.fromEntries(units.map((u) => [u.id, u]));
  const warnings: string[] = [];
  const departments = rankDepartments(edition, base, decimals, warnings);
  const departmentById = Object.fromEntries(departments.map((d) => [d.id, d]));

  // Statistics, printed at the published precision where there is a printed figure.
  const stats = computeStats(edition, matrix, base, experiences, departments, decimals);

  // Scenarios and sensitivity.
  const definitions = buildScenarios(
    { methods: scheme.methods, leadWeight: scheme.leadWeight, notApplicable: scheme.notApplicable },
    schemeFile.scenarios,
  );
  const unitItems = edition.units.map((u) => ({ id: u.id, name: u.name }));
  const departmentItems = edition.departments.map((d) => ({ id: d.id, name: d.name }));
  const experienceItems = edition.experiences.map((e) => ({ id: e.id, name: e.title }));
  const ranksOf = (scores: Float64Array) => competitionRank(Array.from(scores, (s) => scoreStat(s, decimals).score)).map((p) => p.rank);
  const unitRanks: Record<string, number[]> = {};
  const departmentRanks: Record<string, number[]> = {};
  const experienceRanks: Record<string, number[]> = {};
  const scenarios: ScenarioResult[] = definitions.map((definition) => {
    const scored = scoreScheme(matrix, definition);
    const result: ScenarioResult = {
      ...definition,
      units: scenarioRanks(unitItems, scored.units, decimals),
      departments: scenarioRanks(departmentItems, scored.departments, decimals).filter((r) => !Number.isNaN(r.score)),
      experiences: scenarioRanks(experienceItems, scored.experiences, decimals),
    };
    unitRanks[definition.id] = ranksOf(scored.units);
    departmentRanks[definition.id] = ranksOf(scored.departments).map((r, d) => (Number.isNaN(scored.departments[d]!) ? Number.NaN : r));
    experienceRanks[definition.id] = ranksOf(scored.experiences);
    return result;
  });
  // Departments that lead nothing have no rank anywhere: they stay out of the sensitivity rows.
  const isRanked = departmentItems.map((d) => departmentById[d.id]!.ranked);
  const rankedDepartmentItems = departmentItems.filter((_, d) => isRanked[d]);
  const keepRanked = (ranks: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(ranks).map(([k, list]) => [k, list.filter((_, d) => isRanked[d])]));
  const sensitivity = {
    units: sensitivityRows(unitItems, edition.units.map((u) => unitById[u.id]!.rank), unitRanks),
    departments: sensitivityRows(
      rankedDepartmentItems,
      rankedDepartmentItems.map((d) => departmentById[d.id]!.rank!),
      keepRanked(departmentRanks),
    ),
    experiences: sensitivityRows(experienceItems, edition.experiences.map((e) => experienceById[e.id]!.rank), experienceRanks),
    biggestMover: undefined as Report['sensitivity']['biggestMover'],
  };
  const mover = biggestMover(sensitivity.units, definitions, {
    baseline: baselineWeights,
    methodNames: Object.fromEntries(scheme.methods.map((m) => [m.id, m.name])),
    decimals,
    notApplicableCount: (unitId) => unitById[unitId]!.experiences.filter((x) => x.composite === null).length,
    methodMeans: (unitId, methodId) => methodMeans(matrix, unitId, methodId),
  });
  if (mover) sensitivity.biggestMover = mover;

  // Reconciliation of every printed figure.
  const reconciliation = reconcile(reported, (key) => reportedValue(key, stats, experienceById));

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
      fieldwork: { ...edition.report.fieldwork },
      illustrative: [...edition.report.illustrative],
    },
    scheme,
    units,
    departments,
    experiences,
    unitById,
    departmentById,
    experienceById,
    stats,
    survey: {
      issued: edition.survey.issued,
      valid: edition.survey.valid,
      satisfied: edition.survey.satisfied,
      illustrative: [...edition.survey.illustrative],
    },
    activity: Object.fromEntries(
      edition.activity.map((a): [string, ActivityItem] => [
        a.id,
        { id: a.id, label: a.label, count: a.count, unit: a.unit, by: a.by, illustrative: [...a.illustrative] },
      ]),
    ),
    reconciliation,
    scenarios,
    sensitivity,
    provenance: {
      unitScores: edition.experiences.some((e) => e.illustrative.includes('scores')),
      experienceScores: edition.experiences.some((e) => e.illustrative.includes('scores') || e.illustrative.includes('lead_assessment')),
      departmentScores: edition.experiences.some((e) => e.illustrative.includes('lead_assessment')),
      survey: edition.survey.illustrative.length > 0,
    },
    warnings,
  };

  const mismatches = reconciliation.filter((r) => !r.ok);
  if (mismatches.length > 0 && (options.reconcile ?? 'throw') === 'throw') {
    const issues: Issue[] = mismatches.map((r) => {
      const at = edition.source?.locate('report', ['reported', r.key]) ?? { file: 'report.yaml', line: 1, column: 1 };
      return {
        ...at,
        path: `reported.${r.key}`,
        message: `印刷数字与计算结果不符 (expected "${r.computed}" as computed, found "${r.printed}" as printed)`,
      };
    });
    throw new ReconciliationError(issues, report);
  }
  return report;
}

function stat(value: number, text: string): Stat {
  return { value, text };
}

function rankExperiences(
  edition: Edition,
  matrix: ScoringMatrix,
  base: SchemeScores,
  unitName: Map<string, string>,
  departmentName: Map<string, string>,
  decimals: number,
  compositeStats: Array<ScoreStat | undefined>,
): RankedExperience[] {
  const nU = matrix.unitIds.length;
  const nM = matrix.methodIds.length;
  const spreadIndex = matrix.methodIds.indexOf(edition.scheme.spread_method);
  const survey = edition.survey;
  const reported = edition.report.reported;
  const scores = Array.from(base.experiences, (s) => scoreStat(s, decimals));
  const placings = competitionRank(scores.map((s) => s.score));

  const list = edition.experiences.map((experience, e): RankedExperience => {
    // Applicable units with their composites, ranked within the experience.
    const applicable: number[] = [];
    const printed: number[] = [];
    const spreadScores: number[] = [];
    const spreadIds: string[] = [];
    for (let u = 0; u < nU; u++) {
      if (matrix.applicable[e * nU + u] === 0) continue;
      const c = scoreStat(base.composites[e * nU + u]!, decimals);
      compositeStats[e * nU + u] = c;
      applicable.push(u);
      printed.push(c.score);
      spreadScores.push(spreadIndex >= 0 ? matrix.scores[(e * nU + u) * nM + spreadIndex]! : Number.NaN);
      spreadIds.push(matrix.unitIds[u]!);
    }
    const order = rankOrder(printed);
    const unitPlacings = competitionRank(printed, order);
    const units = order.map((i): ExperienceUnitResult => {
      const u = applicable[i]!;
      const unit = matrix.unitIds[u]!;
      const offset = (e * nU + u) * nM;
      const methods: Record<string, number> = {};
      for (let m = 0; m < nM; m++) {
        const s = matrix.scores[offset + m]!;
        if (!Number.isNaN(s)) methods[matrix.methodIds[m]!] = s;
      }
      const placing = unitPlacings[i]!;
      return {
        unit,
        unitName: unitName.get(unit) ?? unit,
        composite: compositeStats[e * nU + u]!,
        methods,
        rank: placing.rank,
        tied: placing.tied,
      };
    });

    const gap = spread(spreadScores, spreadIds);
    const spreadKey = `spread:${experience.id}`;
    const spreadText = spreadKey in reported ? formatLike(gap.value, reported[spreadKey]!) : formatHalfUp(gap.value, decimals);
    const surveyed = Object.prototype.hasOwnProperty.call(survey.awareness, experience.id);
    const awareCount = survey.awareness[experience.id] ?? 0;
    const awareValue = share(awareCount, survey.valid);
    const awareKey = `awareness:${experience.id}`;

    const s = scores[e]!;
    return {
      id: experience.id,
      title: experience.title,
      order: e + 1,
      batch: experience.batch,
      lead: experience.lead,
      leadName: departmentName.get(experience.lead) ?? experience.lead,
      ...(experience.origin !== undefined ? { origin: experience.origin, originName: unitName.get(experience.origin) ?? experience.origin } : {}),
      internetPlus: experience.internet_plus,
      status: experience.status,
      ...(experience.status_note !== undefined ? { statusNote: experience.status_note } : {}),
      notApplicable: Object.entries(experience.not_applicable).map(([unit, reason]) => ({
        unit,
        unitName: unitName.get(unit) ?? unit,
        reason,
      })),
      leadAssessment: { ...experience.lead_assessment },
      leadTotal: matrix.leadTotals[e]!,
      unitMean: stat(base.unitMeans[e]!, formatHalfUp(base.unitMeans[e]!, decimals)),
      exact: s.value,
      score: s.score,
      text: s.text,
      rank: placings[e]!.rank,
      tied: placings[e]!.tied,
      units,
      spread: {
        value: gap.value,
        text: spreadText,
        ...(gap.best !== undefined ? { best: gap.best } : {}),
        ...(gap.worst !== undefined ? { worst: gap.worst } : {}),
      },
      ...(surveyed
        ? {
            awareness: {
              value: awareValue,
              text: awareKey in reported ? formatLike(awareValue, reported[awareKey]!) : formatPercent(awareValue, 1),
              count: awareCount,
            },
          }
        : {}),
      illustrative: [...experience.illustrative],
    };
  });
  return rankOrder(scores.map((s) => s.score)).map((i) => list[i]!);
}

function rankUnits(
  edition: Edition,
  matrix: ScoringMatrix,
  base: SchemeScores,
  experiences: RankedExperience[],
  decimals: number,
  compositeStats: Array<ScoreStat | undefined>,
): RankedUnit[] {
  const nU = matrix.unitIds.length;
  const nE = matrix.experienceIds.length;
  const scores = Array.from(base.units, (s) => scoreStat(s, decimals));
  const placings = competitionRank(scores.map((s) => s.score));
  // Rank of each unit inside each experience, looked up once: [e * units + u].
  const rankIn = new Float64Array(nE * nU).fill(Number.NaN);
  const experienceIndex = new Map(matrix.experienceIds.map((id, e) => [id, e]));
  const unitIndex = new Map(matrix.unitIds.map((id, u) => [id, u]));
  for (const x of experiences) {
    const e = experienceIndex.get(x.id)!;
    for (const r of x.units) rankIn[e * nU + unitIndex.get(r.unit)!] = r.rank;
  }

  const list = edition.units.map((unit, u): RankedUnit => {
    const composites = new Float64Array(nE);
    const entries = new Array<UnitExperienceEntry>(nE);
    for (let e = 0; e < nE; e++) {
      const experience = edition.experiences[e]!;
      const stat = compositeStats[e * nU + u];
      const applicable = stat !== undefined && !Number.isNaN(stat.value);
      composites[e] = applicable ? stat.value : Number.NaN;
      const counted = base.counted[e * nU + u]!;
      const entry: UnitExperienceEntry = {
        experience: experience.id,
        title: experience.title,
        composite: applicable ? stat : null,
        counted: Number.isNaN(counted) ? null : counted,
        rank: applicable ? rankIn[e * nU + u]! : null,
      };
      const reason = experience.not_applicable[unit.id];
      if (reason !== undefined) entry.notApplicableReason = reason;
      entries[e] = entry;
    }
    const { strongest, weakest } = extremes(composites, matrix.experienceIds, 3);
    const s = scores[u]!;
    return {
      id: unit.id,
      name: unit.name,
      exact: s.value,
      score: s.score,
      text: s.text,
      rank: placings[u]!.rank,
      tied: placings[u]!.tied,
      experiences: entries,
      strongest,
      weakest,
      illustrative: [...unit.illustrative],
    };
  });
  return rankOrder(scores.map((s) => s.score)).map((i) => list[i]!);
}

function rankDepartments(
  edition: Edition,
  base: SchemeScores,
  decimals: number,
  warnings: string[],
): RankedDepartment[] {
  const scores = Array.from(base.departments, (s) => scoreStat(s, decimals));
  const ledIndexes = edition.departments.map((_, d) => d).filter((d) => !Number.isNaN(base.departments[d]!));
  const placings = competitionRank(ledIndexes.map((d) => scores[d]!.score));
  const led = new Map<string, string[]>();
  for (const e of edition.experiences) {
    const list = led.get(e.lead);
    if (list) list.push(e.id);
    else led.set(e.lead, [e.id]);
  }

  const make = (d: number, placing: Placing | undefined): RankedDepartment => {
    const department = edition.departments[d]!;
    const s = scores[d]!;
    return {
      id: department.id,
      name: department.name,
      ranked: placing !== undefined,
      exact: placing ? s.value : null,
      score: placing ? s.score : null,
      text: placing ? s.text : null,
      rank: placing ? placing.rank : null,
      tied: placing ? placing.tied : false,
      experiences: led.get(department.id) ?? [],
      ...(department.rectification_plan !== undefined ? { rectificationPlan: department.rectification_plan } : {}),
      illustrative: [...department.illustrative],
    };
  };
  const ranked = rankOrder(ledIndexes.map((d) => scores[d]!.score)).map((i) => make(ledIndexes[i]!, placings[i]!));
  const unranked = edition.departments
    .map((_, d) => d)
    .filter((d) => Number.isNaN(base.departments[d]!))
    .map((d) => {
      const department = edition.departments[d]!;
      warnings.push(`牵头部门“${department.name}”（${department.id}）没有牵头任何经验：列出但不参与排名。`);
      return make(d, undefined);
    });
  return [...ranked, ...unranked];
}

function computeStats(
  edition: Edition,
  matrix: ScoringMatrix,
  base: SchemeScores,
  experiences: RankedExperience[],
  departments: RankedDepartment[],
  decimals: number,
): Stats {
  const reported = edition.report.reported;
  const scoreText = (key: string, value: number) => (key in reported ? formatLike(value, reported[key]!) : formatHalfUp(value, decimals));
  const shareText = (key: string, value: number) => (key in reported ? formatLike(value, reported[key]!) : formatPercent(value, 1));
  const ranked = departments.filter((d) => d.ranked);
  const internetPlus = edition.experiences.filter((e) => e.internet_plus).length;
  const withPlan = ranked.filter((d) => d.rectificationPlan === true).length;

  const experienceMean = mean(base.experiences);
  const unitMean = mean(base.units);
  const departmentMean = mean(base.departments);
  const satisfaction = share(edition.survey.satisfied, edition.survey.valid);
  const internetPlusShare = share(internetPlus, edition.experiences.length);
  const rectificationShare = share(withPlan, ranked.length);

  // Extremes in source order, so ties go to the earlier experience.
  const inOrder = [...experiences].sort((a, b) => a.order - b.order);
  const surveyed = inOrder.filter((e) => e.awareness);
  const pick = (list: RankedExperience[], value: (e: RankedExperience) => number, better: (a: number, b: number) => boolean) =>
    list.reduce<RankedExperience | undefined>((best, e) => (!best || better(value(e), value(best)) ? e : best), undefined);
  const most = pick(surveyed, (e) => e.awareness!.value, (a, b) => a > b);
  const least = pick(surveyed, (e) => e.awareness!.value, (a, b) => a < b);
  const widest = pick(inOrder.filter((e) => !Number.isNaN(e.spread.value)), (e) => e.spread.value, (a, b) => a > b);

  return {
    experienceMean: stat(experienceMean, scoreText('experience_mean', experienceMean)),
    unitMean: stat(unitMean, scoreText('unit_mean', unitMean)),
    departmentMean: stat(departmentMean, scoreText('department_mean', departmentMean)),
    satisfaction: stat(satisfaction, shareText('satisfaction', satisfaction)),
    internetPlusShare: stat(internetPlusShare, shareText('internet_plus_share', internetPlusShare)),
    rectificationShare: stat(rectificationShare, shareText('rectification_share', rectificationShare)),
    ...(most ? { awarenessMax: { value: most.awareness!.value, text: most.awareness!.text, experience: most.id } } : {}),
    ...(least ? { awarenessMin: { value: least.awareness!.value, text: least.awareness!.text, experience: least.id } } : {}),
    ...(widest ? { spreadMax: { value: widest.spread.value, text: widest.spread.text, experience: widest.id } } : {}),
    counts: {
      experiences: edition.experiences.length,
      units: edition.units.length,
      departments: edition.departments.length,
      rankedDepartments: ranked.length,
      internetPlus,
      discontinued: edition.experiences.filter((e) => e.status === 'discontinued').length,
      methods: matrix.methodIds.length,
      criteria: edition.scheme.criteria.length,
    },
  };
}

function scenarioRanks(items: ReadonlyArray<{ id: string }>, scores: Float64Array, decimals: number): ScenarioRank[] {
  const printed = Array.from(scores, (s) => scoreStat(s, decimals).score);
  const placings = competitionRank(printed);
  return rankOrder(printed).map((i) => ({ id: items[i]!.id, score: printed[i]!, rank: placings[i]!.rank }));
}

/** A unit's mean score under one method, and its mean over every other method, across the experiences it is scored in. */
function methodMeans(matrix: ScoringMatrix, unitId: string, methodId: string): { method: number; others: number } {
  const u = matrix.unitIds.indexOf(unitId);
  const m = matrix.methodIds.indexOf(methodId);
  const nU = matrix.unitIds.length;
  const nM = matrix.methodIds.length;
  const own: number[] = [];
  const others: number[] = [];
  for (let e = 0; e < matrix.experienceIds.length; e++) {
    const offset = (e * nU + u) * nM;
    for (let k = 0; k < nM; k++) {
      const s = matrix.scores[offset + k]!;
      if (Number.isNaN(s)) continue;
      (k === m ? own : others).push(s);
    }
  }
  return { method: mean(own), others: mean(others) };
}

/** The computed value behind a `reported` key (undefined for a key with nothing behind it). */
function reportedValue(key: string, stats: Stats, experienceById: Record<string, RankedExperience>): number | undefined {
  const parsed = parseReportedKey(key);
  switch (parsed.kind) {
    case 'statistic':
      return {
        experience_mean: stats.experienceMean,
        unit_mean: stats.unitMean,
        department_mean: stats.departmentMean,
        satisfaction: stats.satisfaction,
        rectification_share: stats.rectificationShare,
        internet_plus_share: stats.internetPlusShare,
      }[parsed.statistic].value;
    case 'spread':
      return experienceById[parsed.experience]?.spread.value;
    case 'awareness':
      return experienceById[parsed.experience]?.awareness?.value;
    default:
      return undefined;
  }
}
