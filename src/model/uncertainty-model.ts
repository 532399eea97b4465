/**
 * How sure each rank is: the Monte Carlo draws of scheme.yaml's
 * `uncertainty` block, summed up per unit, department and experience,
 * with what each assumption does alone and which neighbours overlap.
 * Part of `computeReport`.
 */
import type { AssumptionRanges } from '../scoring/draw-assumptions.ts';
import { buildDrawMatrix } from '../scoring/draw-matrix.ts';
import { indistinctNeighbours } from '../scoring/indistinct-neighbours.ts';
import { meanIntervalWidth } from '../scoring/mean-interval-width.ts';
import { rankShiftSum } from '../scoring/rank-shift-sum.ts';
import { mostInfluential } from '../scoring/most-influential.ts';
import type { RankSpread } from '../scoring/rank-interval.ts';
import type { ScoringMatrix } from '../scoring/scoring-matrix.ts';
import { rankSpreads, simulateRanks, type RankCounts } from '../scoring/simulate-ranks.ts';
import type { SchemeFile } from '../schema/scheme-file.ts';
import type {
  AssumptionEffect,
  RankedDepartment,
  RankedExperience,
  RankedUnit,
  RankInterval,
  UncertainAssumption,
  Uncertainty,
  ViewMeasure,
} from './types.ts';

const ASSUMPTIONS: readonly UncertainAssumption[] = ['weights', 'leadWeight', 'notApplicable'];

/**
 * Most units and experiences together an uncertainty analysis ranks. The
 * rank counts take items² numbers per view and run (about 50 MB at this
 * size) and the draws time grows with items · log(items); the benchmark's
 * 50× edition has 1,450.
 *
 * @example
 * MAX_UNCERTAINTY_ITEMS // 2000
 */
export const MAX_UNCERTAINTY_ITEMS = 2000;

/**
 * Why an edition is too large for its uncertainty block, in Chinese with
 * expected and found, or undefined when it is not.
 *
 * @example
 * uncertaintySizeProblem(1500, 900)
 * // '单位和经验合计过多，无法做排名不确定性分析；请删去 uncertainty 或拆分版本 (expected at most 2000 units and experiences together, found 2400)'
 */
export function uncertaintySizeProblem(units: number, experiences: number): string | undefined {
  const items = units + experiences;
  if (items <= MAX_UNCERTAINTY_ITEMS) return undefined;
  return `单位和经验合计过多，无法做排名不确定性分析；请删去 uncertainty 或拆分版本 (expected at most ${MAX_UNCERTAINTY_ITEMS} units and experiences together, found ${items})`;
}

/** The ranked views, as `computeReport` built them (each by base rank). */
export interface RankedViews {
  units: readonly RankedUnit[];
  departments: readonly RankedDepartment[];
  experiences: readonly RankedExperience[];
}

/**
 * Runs the scheme's uncertainty analysis (undefined when it has none):
 * `draws` draws of every assumption at once for the intervals, and of each
 * assumption alone (same seed, the others at the scheme's values) for its
 * effect: the mean width of the intervals it leaves (what a reader sees of
 * it), ties broken by the mean distance from the base rank. An assumption
 * held at one value is not drawn and has no effect. Department scores use
 * no drawn assumption (D(d) is a mean of lead assessments), so each
 * department's interval is its base rank without drawing. Also sets
 * `uncertainty` on every ranked item of `views`.
 *
 * @example
 * const uncertainty = uncertaintyModel(edition.scheme, matrix, { units, departments, experiences });
 * uncertainty?.units[0] // { id: 'alpha', rank: 1, median: 1, low: 1, high: 2, top: 0.93 }
 */
export function uncertaintyModel(scheme: SchemeFile, matrix: ScoringMatrix, views: RankedViews): Uncertainty | undefined {
  const block = scheme.uncertainty;
  if (!block) return undefined;
  const weights = scheme.methods.map((m) => m.weight);
  const lead = block.lead_weight ?? scheme.lead_weight;
  const ranges: AssumptionRanges = {
    weights,
    weightSpread: block.weights ?? 0,
    leadWeight: typeof lead === 'number' ? { low: lead, high: lead } : { low: lead[0], high: lead[1] },
    notApplicable: block.not_applicable ?? [scheme.not_applicable],
    baseline: { leadWeight: scheme.lead_weight, notApplicable: scheme.not_applicable },
  };
  const draw = buildDrawMatrix(matrix, { weights, weightSpread: ranges.weightSpread });
  const run = simulateRanks(draw, { draws: block.draws, seed: block.seed, decimals: scheme.decimals, ranges });

  // Units and experiences come in source order from the matrix; the lists go by base rank.
  const unitIndex = new Map(matrix.unitIds.map((id, i) => [id, i]));
  const experienceIndex = new Map(matrix.experienceIds.map((id, i) => [id, i]));
  const intervalsOf = (
    items: ReadonlyArray<{ id: string; rank: number }>,
    index: Map<string, number>,
    counts: RankCounts | null,
  ): RankInterval[] => {
    const spreads = counts ? rankSpreads(counts, block.draws) : null;
    return items.map((item) => ({ id: item.id, rank: item.rank, ...(spreads?.[index.get(item.id)!] ?? fixed(item.rank)) }));
  };
  const units = intervalsOf(views.units, unitIndex, run.all.units);
  const experiences = intervalsOf(views.experiences, experienceIndex, run.all.experiences);
  const departments = views.departments.filter((d) => d.ranked).map((d) => ({ id: d.id, rank: d.rank!, ...fixed(d.rank!) }));

  // What each assumption does alone: the mean interval width, ties broken by the mean shift.
  const counts = { units: units.length, departments: departments.length, experiences: experiences.length };
  const unitBase = baseRanks(matrix.unitIds, views.units);
  const experienceBase = baseRanks(matrix.experienceIds, views.experiences);
  const effects: AssumptionEffect[] = ASSUMPTIONS.map((assumption) => {
    const alone = run.alone[assumption];
    if (!alone) return { assumption, varied: false, width: measure(counts, 0, 0), shift: measure(counts, 0, 0) };
    const widthSum = (items: ReadonlyArray<{ id: string; rank: number }>, index: Map<string, number>, view: RankCounts | null) =>
      meanIntervalWidth(intervalsOf(items, index, view)) * items.length;
    const shiftSum = (view: RankCounts | null, base: Int32Array) => (view ? rankShiftSum(view, base) / block.draws : 0);
    return {
      assumption,
      varied: true,
      width: measure(counts, widthSum(views.units, unitIndex, alone.units), widthSum(views.experiences, experienceIndex, alone.experiences)),
      shift: measure(counts, shiftSum(alone.units, unitBase), shiftSum(alone.experiences, experienceBase)),
    };
  });
  const influence = (view: keyof ViewMeasure) =>
    mostInfluential(effects.map((e) => ({ assumption: e.assumption, width: e.width[view], shift: e.shift[view] })));

  attach(views.units, units);
  attach(views.departments.filter((d) => d.ranked), departments);
  attach(views.experiences, experiences);
  return {
    draws: block.draws,
    seed: block.seed,
    assumptions: { weights: ranges.weightSpread, leadWeight: { ...ranges.leadWeight }, notApplicable: [...ranges.notApplicable] },
    units,
    departments,
    experiences,
    effects,
    mostInfluential: {
      units: influence('units'),
      departments: influence('departments'),
      experiences: influence('experiences'),
      overall: influence('overall'),
    },
    indistinct: {
      units: indistinctNeighbours(units),
      departments: indistinctNeighbours(departments),
      experiences: indistinctNeighbours(experiences),
    },
  };
}

/** A rank no draw moves: every percentile is the base rank. */
function fixed(rank: number): RankSpread {
  return { median: rank, low: rank, high: rank, top: rank === 1 ? 1 : 0 };
}

/**
 * Means per view and overall from sums over the units and the experiences
 * (departments move under no drawn assumption, so they add 0 to a sum but
 * count in the overall mean).
 */
function measure(counts: { units: number; departments: number; experiences: number }, units: number, experiences: number): ViewMeasure {
  const mean = (sum: number, n: number) => (n === 0 ? 0 : sum / n);
  return {
    units: mean(units, counts.units),
    departments: 0,
    experiences: mean(experiences, counts.experiences),
    overall: mean(units + experiences, counts.units + counts.departments + counts.experiences),
  };
}

/** Base ranks in source (matrix) order. */
function baseRanks(ids: readonly string[], items: ReadonlyArray<{ id: string; rank: number }>): Int32Array {
  const rank = new Map(items.map((item) => [item.id, item.rank]));
  return Int32Array.from(ids, (id) => rank.get(id)!);
}

/** Sets each item's `uncertainty` from the interval with its id. */
function attach(items: ReadonlyArray<{ id: string; uncertainty?: RankSpread }>, intervals: readonly RankInterval[]): void {
  const byId = new Map(intervals.map((i) => [i.id, i]));
  for (const item of items) {
    const { median, low, high, top } = byId.get(item.id)!;
    (item as { uncertainty?: RankSpread }).uncertainty = { median, low, high, top };
  }
}
