/**
 * The keys `report.yaml` may use under `reported`: a whole-report
 * statistic, a per-experience one written `<kind>:<experience id>`, or a
 * count of the edition's items written `count:<list>`.
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

/**
 * Lists whose length the published text may quote, written
 * `count:<list>`: the experiences (the title's 20项), the units and the
 * ranked departments.
 *
 * @example
 * REPORTED_COUNTS // ['experiences', 'units', 'departments']
 */
export const REPORTED_COUNTS = ['experiences', 'units', 'departments'] as const;

export type ReportedCount = (typeof REPORTED_COUNTS)[number];
export type ReportedStatistic = (typeof REPORTED_STATISTICS)[number];
export type ReportedPerExperience = (typeof REPORTED_PER_EXPERIENCE)[number];

/** A `reported` key taken apart. */
export type ReportedKey =
  | { kind: 'statistic'; statistic: ReportedStatistic }
  | { kind: ReportedPerExperience; experience: string }
  | { kind: 'count'; count: ReportedCount }
  | { kind: 'unknown' };

/**
 * Splits a `reported` key into what it refers to.
 *
 * @example
 * parseReportedKey('satisfaction')          // { kind: 'statistic', statistic: 'satisfaction' }
 * parseReportedKey('spread:minor-criminal') // { kind: 'spread', experience: 'minor-criminal' }
 * parseReportedKey('count:units')           // { kind: 'count', count: 'units' }
 * parseReportedKey('count:pages')           // { kind: 'unknown' }
 * parseReportedKey('median')                // { kind: 'unknown' }
 */
export function parseReportedKey(key: string): ReportedKey {
  if ((REPORTED_STATISTICS as readonly string[]).includes(key)) {
    return { kind: 'statistic', statistic: key as ReportedStatistic };
  }
  const count = /^count:(.+)$/.exec(key);
  if (count) {
    return (REPORTED_COUNTS as readonly string[]).includes(count[1]!) ? { kind: 'count', count: count[1] as ReportedCount } : { kind: 'unknown' };
  }
  const match = /^(spread|awareness):(.+)$/.exec(key);
  if (match) return { kind: match[1] as ReportedPerExperience, experience: match[2]! };
  return { kind: 'unknown' };
}
