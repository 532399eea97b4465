/**
 * The report's statistics (means, shares, extremes, counts) and the value
 * behind each `reported` key. Part of `computeReport`.
 */
import { formatLike, formatPercent, formatScore } from '../scoring/format.ts';
import { mean } from '../scoring/mean.ts';
import { roundHalfUp } from '../scoring/round-half-up.ts';
import { ownValue } from '../scoring/own-record.ts';
import type { SchemeScores } from '../scoring/score-scheme.ts';
import type { ScoringMatrix } from '../scoring/scoring-matrix.ts';
import { share } from '../scoring/share.ts';
import type { Edition } from '../schema/edition.ts';
import { parseReportedKey } from '../schema/reported-keys.ts';
import type { RankedDepartment, RankedExperience, Stat, Stats } from './types.ts';

function stat(value: number, text: string): Stat {
  return { value, text };
}

/** What the statistics are computed from: the baseline scores, the ranked views and the scenarios kept. */
export interface StatsInputs {
  edition: Edition;
  matrix: ScoringMatrix;
  base: SchemeScores;
  experiences: readonly RankedExperience[];
  departments: readonly RankedDepartment[];
  /** How many scenarios the sensitivity analysis kept. */
  scenarioCount: number;
}

/**
 * Computes the statistics of the contract from unrounded scores; a
 * statistic with a printed figure is printed at its precision, others at
 * the scheme's decimals (scores) or as a percentage with one decimal
 * (shares). Extremes go to the earlier experience on ties.
 *
 * @example
 * reportStats({ edition, matrix, base, experiences, departments, scenarioCount: 5 }).satisfaction.text // '91%'
 */
export function reportStats({ edition, matrix, base, experiences, departments, scenarioCount }: StatsInputs): Stats {
  const decimals = edition.scheme.decimals;
  const reported = edition.report.reported;
  const scoreText = (key: string, value: number) => {
    const printed = ownValue(reported, key);
    return printed !== undefined ? formatLike(value, printed) : formatScore(value, decimals);
  };
  const shareText = (key: string, value: number) => {
    const printed = ownValue(reported, key);
    return printed !== undefined ? formatLike(value, printed) : formatPercent(value, 1);
  };
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
  const pick = (list: readonly RankedExperience[], value: (e: RankedExperience) => number, better: (a: number, b: number) => boolean) =>
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
      scenarios: scenarioCount,
      surveyed: surveyed.length,
      unsurveyed: experiences.length - surveyed.length,
    },
  };
}

/**
 * The computed value behind a `reported` key, or undefined for a key with
 * nothing behind it (an unknown experience, an experience not surveyed).
 *
 * @example
 * reportedValue('spread:minor-criminal-cases', stats, experienceById) // 18.5
 * reportedValue('count:departments', stats, experienceById)          // 17 (ranked departments only)
 */
export function reportedValue(key: string, stats: Stats, experienceById: Record<string, RankedExperience>): number | undefined {
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
      return ownValue(experienceById, parsed.experience)?.spread.value;
    case 'awareness':
      return ownValue(experienceById, parsed.experience)?.awareness?.value;
    case 'count':
      return { experiences: stats.counts.experiences, units: stats.counts.units, departments: stats.counts.rankedDepartments }[parsed.count];
    default:
      return undefined;
  }
}

/**
 * The surveyed experiences, best known first by their printed share (so
 * two shares that print alike keep source order rather than be reordered
 * by digits nobody sees), ties in source order. `experiences` must be in
 * source order; those not surveyed are left out.
 *
 * @example
 * awarenessOrder(experiencesInSourceOrder).map((e) => e.awareness!.text) // ['73.6%', '73.6%', '41.2%', …]
 */
export function awarenessOrder(experiences: readonly RankedExperience[]): RankedExperience[] {
  const printed = (e: RankedExperience) => {
    const text = e.awareness!.text.trim();
    return text.endsWith('%') ? Number(text.slice(0, -1)) : roundHalfUp(e.awareness!.value * 100, 1);
  };
  return experiences
    .filter((e) => e.awareness !== undefined)
    .map((e) => ({ e, share: printed(e) }))
    .sort((a, b) => b.share - a.share)
    .map(({ e }) => e);
}
