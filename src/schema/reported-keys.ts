/**
 * The keys `report.yaml` may use under `reported`: a whole-report
 * statistic, or a per-experience one written `<kind>:<experience id>`.
 */

/**
 * Whole-report statistics a printed figure can be reconciled with.
 *
 * @example
 * REPORTED_STATISTICS.includes('satisfaction') // true
 */
export const REPORTED_STATISTICS = [
  'experience_mean',
  'unit_mean',
  'department_mean',
  'satisfaction',
  'rectification_share',
  'internet_plus_share',
] as const;

/**
 * Per-experience statistics, written `spread:<id>` or `awareness:<id>`.
 *
 * @example
 * REPORTED_PER_EXPERIENCE // ['spread', 'awareness']
 */
export const REPORTED_PER_EXPERIENCE = ['spread', 'awareness'] as const;

export type ReportedStatistic = (typeof REPORTED_STATISTICS)[number];
export type ReportedPerExperience = (typeof REPORTED_PER_EXPERIENCE)[number];

/** A `reported` key taken apart. */
export type ReportedKey =
  | { kind: 'statistic'; statistic: ReportedStatistic }
  | { kind: ReportedPerExperience; experience: string }
  | { kind: 'unknown' };

/**
 * Splits a `reported` key into what it refers to.
 *
 * @example
 * parseReportedKey('satisfaction')          // { kind: 'statistic', statistic: 'satisfaction' }
 * parseReportedKey('spread:minor-criminal') // { kind: 'spread', experience: 'minor-criminal' }
 * parseReportedKey('median')                // { kind: 'unknown' }
 */
export function parseReportedKey(key: string): ReportedKey {
  if ((REPORTED_STATISTICS as readonly string[]).includes(key)) {
    return { kind: 'statistic', statistic: key as ReportedStatistic };
  }
  const match = /^(spread|awareness):(.+)$/.exec(key);
  if (match) return { kind: match[1] as ReportedPerExperience, experience: match[2]! };
  return { kind: 'unknown' };
}
