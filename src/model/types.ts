/**
 * The computed report model: what one build of an edition hands to every
 * template, download and JSON output. Produced once per build by
 * `computeReport(edition)` in `src/model/compute-report.ts`; templates and
 * downloads only format it and never compute a score.
 *
 * Conventions used throughout:
 * - `score` is the printed (rounded at `scheme.decimals`, half up) number;
 *   `exact` is the unrounded value that aggregates are computed from;
 *   `text` is the printed string (`"92.56"`).
 * - Lists of ranked items are sorted by rank, ties in source order.
 * - `rank` is a competition rank on printed scores (1, 2, 2, 4); `tied`
 *   is true when another item shares it (shown as 并列).
 * - `illustrative` lists the fields of an item whose values were chosen by
 *   the editors to agree with the published text rather than printed in it
 *   (empty when everything is published).
 */

import type { Assumption } from '../scoring/draw-assumptions.ts';
import type { Mover } from '../scoring/biggest-mover.ts';
import type { RankSpread } from '../scoring/rank-interval.ts';
import type { Reconciliation } from '../scoring/reconcile.ts';
import type { ScenarioDefinition } from '../scoring/scenarios.ts';
import type { SensitivityRow } from '../scoring/sensitivity.ts';
import type { NotApplicablePolicy } from '../scoring/unit-score.ts';

// Types the scoring layer defines and the model hands on: a type two layers share lives in the lower one.
export type { NotApplicablePolicy, RankSpread, Reconciliation, ScenarioDefinition, SensitivityRow };

/** A reconciliation row with what the figure measures, in Chinese (`20项经验平均得分`), for readers. */
export interface LabelledReconciliation extends Reconciliation {
  label: string;
}

/** A statistic with its unrounded value and its printed text. */
export interface Stat {
  /** Unrounded value; a share is a fraction (0.91), not a percentage. */
  value: number;
  /** Printed text at the precision of the published figure when there is one (`"91%"`, `"94.24"`). */
  text: string;
}

export type ExperienceStatus = 'active' | 'discontinued';

export interface Criterion {
  id: string;
  name: string;
  max: number;
}

export interface Method {
  id: string;
  name: string;
  /** Weight as typed in scheme.yaml (weights sum to 1). */
  weight: number;
}

export interface SchemeModel {
  scale: number;
  decimals: number;
  criteria: Criterion[];
  methods: Method[];
  leadWeight: number;
  notApplicable: NotApplicablePolicy;
  spreadMethod: string;
  /** The spread method's name as printed (its id when the scheme does not name it). */
  spreadMethodName: string;
  /** Scheme fields (e.g. `methods`, `criteria`) whose values the editors chose rather than the report printed. */
  illustrative: string[];
}

export interface BasisDocument {
  code: string;
  title: string;
}

export interface ReportMeta {
  title: string;
  year: number;
  evaluator: string;
  commissionedBy: string;
  published: { outlet: string; date: string };
  basis: BasisDocument[];
  principles: string[];
  /** How long the evaluation took, as printed (e.g. `两个多月`), when given. */
  duration?: string;
  /** Printed fieldwork figures, keys as in report.yaml (`questionnaires_issued: "910"`). */
  fieldwork: Record<string, string>;
  /** Chinese names of the fieldwork keys the site does not name itself (report.yaml's `fieldwork_labels`). */
  fieldworkLabels: Record<string, string>;
  illustrative: string[];
}

export interface UnitModel {
  id: string;
  name: string;
  illustrative: string[];
}

/** One unit's result inside one experience. */
export interface ExperienceUnitResult {
  unit: string;
  unitName: string;
  /** Composite c(e,u) over the methods present. */
  composite: Stat & { score: number };
  /** Method id -> score as typed (a criterion map is summed). Missing methods are absent. */
  methods: Record<string, number>;
  /** Rank of this unit's composite within the experience. */
  rank: number;
  tied: boolean;
}

export interface NotApplicableEntry {
  unit: string;
  unitName: string;
  reason: string;
}

/** One experience that does not apply to one unit, for the report-wide list. */
export interface NotApplicableRow extends NotApplicableEntry {
  experience: string;
  /** The experience's title. */
  title: string;
}

export interface RankedExperience {
  id: string;
  title: string;
  /** Position in source order (file prefix order), from 1. */
  order: number;
  batch: number;
  lead: string;
  leadName: string;
  origin?: string;
  originName?: string;
  internetPlus: boolean;
  status: ExperienceStatus;
  statusNote?: string;
  notApplicable: NotApplicableEntry[];
  /** Criterion id -> points for the lead department's work. */
  leadAssessment: Record<string, number>;
  /** L(e), the sum of the lead assessment. */
  leadTotal: number;
  /** Mean composite over applicable units. */
  unitMean: Stat;
  exact: number;
  score: number;
  text: string;
  rank: number;
  tied: boolean;
  /** Applicable units, sorted by composite rank. */
  units: ExperienceUnitResult[];
  /** max - min of the spread method's scores over applicable units. */
  spread: Stat & { best?: string; worst?: string };
  /** Share of valid respondents aware of the experience (fraction), when surveyed. */
  awareness?: Stat & { count: number };
  illustrative: string[];
  /** How sure the rank is, when the scheme has `uncertainty` (departments: ranked ones only). */
  uncertainty?: RankSpread;
}

export interface UnitExperienceEntry {
  experience: string;
  title: string;
  status: ExperienceStatus;
  /** Composite in this experience, or null when the experience does not apply. */
  composite: (Stat & { score: number }) | null;
  /** What the unit score counted for this experience under the policy (null when excluded). */
  counted: number | null;
  /** Rank among the units in this experience (null when not applicable). */
  rank: number | null;
  /** How many units the experience ranks: the rank is among them. */
  among: number;
  notApplicableReason?: string;
}

export interface RankedUnit {
  id: string;
  name: string;
  exact: number;
  score: number;
  text: string;
  rank: number;
  tied: boolean;
  /** Every experience in source order. */
  experiences: UnitExperienceEntry[];
  /** The unit's entries with the highest composites (up to 3, best first; the same objects as in `experiences`). */
  strongest: UnitExperienceEntry[];
  /** The unit's entries with the lowest composites (up to 3, worst first). */
  weakest: UnitExperienceEntry[];
  illustrative: string[];
  /** How sure the rank is, when the scheme has `uncertainty` (departments: ranked ones only). */
  uncertainty?: RankSpread;
}

export interface RankedDepartment {
  id: string;
  name: string;
  /** False for a department that leads no experience: listed, not ranked. */
  ranked: boolean;
  exact: number | null;
  score: number | null;
  text: string | null;
  rank: number | null;
  tied: boolean;
  /** Experience ids it leads, in source order. */
  experiences: string[];
  /** How many experiences it leads. */
  experienceCount: number;
  rectificationPlan?: boolean;
  illustrative: string[];
  /** How sure the rank is, when the scheme has `uncertainty` (departments: ranked ones only). */
  uncertainty?: RankSpread;
}

export interface Stats {
  experienceMean: Stat;
  unitMean: Stat;
  departmentMean: Stat;
  satisfaction: Stat;
  internetPlusShare: Stat;
  rectificationShare: Stat;
  /** The best-known experience in the survey. */
  awarenessMax?: Stat & { experience: string };
  /** The least-known experience in the survey. */
  awarenessMin?: Stat & { experience: string };
  /** The experience with the largest spread. */
  spreadMax?: Stat & { experience: string };
  counts: {
    experiences: number;
    units: number;
    departments: number;
    rankedDepartments: number;
    internetPlus: number;
    discontinued: number;
    methods: number;
    criteria: number;
    /** Scenarios of the sensitivity analysis (those left out with a warning not counted). */
    scenarios: number;
    /** Experiences the survey asked about, and those it did not. */
    surveyed: number;
    unsurveyed: number;
  };
}

export interface ScenarioRank {
  id: string;
  score: number;
  rank: number;
}

export interface ScenarioResult extends ScenarioDefinition {
  units: ScenarioRank[];
  departments: ScenarioRank[];
  experiences: ScenarioRank[];
}

/** Each item's rank under every scenario; every list runs by base rank, ties in source order. */
export interface Sensitivity {
  units: SensitivityRow[];
  departments: SensitivityRow[];
  experiences: SensitivityRow[];
  /** The unit whose rank moves most across scenarios, with the scenario that moves it most. */
  biggestMover?: BiggestMover;
}

/** The unit whose rank moves most across scenarios, and the sentence that says where and why. */
export interface BiggestMover extends Omit<Mover, 'rose' | 'causes'> {
  kind: 'unit';
  /** A Chinese sentence generated from the data, naming the mover and why (`moverSentence`). */
  sentence: string;
}

/** An assumption the uncertainty analysis draws: `weights`, `leadWeight` or `notApplicable`. */
export type UncertainAssumption = Assumption;

/** One item's base rank and how sure it is (see `RankSpread`). */
export interface RankInterval extends RankSpread {
  id: string;
  /** The rank in the report (the baseline scheme). */
  rank: number;
}

/** One measure of rank movement, per view and over every ranked item. */
export interface ViewMeasure {
  units: number;
  /** Department scores use no drawn assumption, so 0 under the contract's rules. */
  departments: number;
  experiences: number;
  /** Over every ranked unit, department and experience together. */
  overall: number;
}

/**
 * What one assumption does alone: the draws rerun with only it drawn (the
 * same seed, so the same numbers) and the others at the scheme's values.
 */
export interface AssumptionEffect {
  assumption: UncertainAssumption;
  /** False when its range is a single value (weights: 0 or one weighted method; one lead weight; one policy): every measure is then 0. */
  varied: boolean;
  /** Mean width `high − low` of the 90% rank intervals, in ranks: the measure of "moves ranks most". */
  width: ViewMeasure;
  /** Mean distance `|rank − base rank|` over draws and items, in ranks: breaks exact ties in width. */
  shift: ViewMeasure;
}

/** The assumption with the widest intervals (ties: larger shift), per view; null when no assumption moves any rank there. */
export interface MostInfluential {
  units: UncertainAssumption | null;
  departments: UncertainAssumption | null;
  experiences: UncertainAssumption | null;
  overall: UncertainAssumption | null;
}

/** Two items next to each other by base rank whose 90% intervals overlap: the data cannot tell them apart. */
export interface IndistinctPair {
  /** The better-ranked item's id. */
  higher: string;
  /** The next item's id. */
  lower: string;
}

export interface Uncertainty {
  draws: number;
  seed: number;
  /** The assumptions as drawn. */
  assumptions: {
    /** Relative half-width of each method weight's range (0: fixed). */
    weights: number;
    leadWeight: { low: number; high: number };
    notApplicable: NotApplicablePolicy[];
  };
  /** Each a list by base rank, ties in source order. */
  units: RankInterval[];
  departments: RankInterval[];
  experiences: RankInterval[];
  /** One per assumption, in the order weights, leadWeight, notApplicable. */
  effects: AssumptionEffect[];
  mostInfluential: MostInfluential;
  /** Neighbours by base rank that cannot be told apart, best first. */
  indistinct: {
    units: IndistinctPair[];
    departments: IndistinctPair[];
    experiences: IndistinctPair[];
  };
}

export interface SurveyModel {
  issued: number;
  valid: number;
  /** Valid questionnaires as printed: report.yaml's `fieldwork.questionnaires_valid`, else the count. */
  validText: string;
  satisfied: number;
  illustrative: string[];
}

export interface ActivityItem {
  id: string;
  label: string;
  /** Printed count (`"183"`, `"200余"`). */
  count: string;
  unit: string;
  by: string;
  illustrative: string[];
}

export interface Provenance {
  /** True when any score behind this ranking is illustrative. */
  unitScores: boolean;
  departmentScores: boolean;
  experienceScores: boolean;
  survey: boolean;
  /** report.yaml's `illustrative_notice` when some score is illustrative, else null. */
  notice: string | null;
  /** The note under annex 1 (units), 2 (departments), 3 (experiences): `说明：附件1所列得分…`, null where its scores are published. */
  annexNotices: { units: string | null; departments: string | null; experiences: string | null };
  /** The note at the top of a unit, department or experience page (`说明：本页所列得分…`), and over the home page's charts (`说明：以下图表所列得分…`). */
  pageNotices: { units: string | null; departments: string | null; experiences: string | null; charts: string | null };
  /** The note on the downloads page, naming every annex whose scores are illustrative. */
  downloadsNotice: string | null;
}

export interface Report {
  meta: ReportMeta;
  scheme: SchemeModel;
  units: RankedUnit[];
  departments: RankedDepartment[];
  experiences: RankedExperience[];
  unitById: Record<string, RankedUnit>;
  departmentById: Record<string, RankedDepartment>;
  experienceById: Record<string, RankedExperience>;
  /** Every experience that does not apply to a unit, experiences in source order, units as listed in each. */
  notApplicable: NotApplicableRow[];
  /** The surveyed experiences, best known first by printed share (ties in source order). */
  byAwareness: RankedExperience[];
  stats: Stats;
  survey: SurveyModel;
  /** Activity counts by id, in file order. */
  activity: Record<string, ActivityItem>;
  /** Every `reported` figure against its computed statistic, in report.yaml's order, each named in Chinese (`label`). */
  reconciliation: LabelledReconciliation[];
  scenarios: ScenarioResult[];
  sensitivity: Sensitivity;
  /** Rank intervals under uncertain assumptions, when scheme.yaml has `uncertainty`. */
  uncertainty?: Uncertainty;
  provenance: Provenance;
  /** Non-fatal notices (a department that leads nothing). */
  warnings: string[];
}
