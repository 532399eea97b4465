/**
 * The charts of the site, one pure builder a file, each turning the computed
 * `Report` into a `ChartSpec`. Templates reach them through `chartSpec`
 * (registered as the Nunjucks filter of the same name) and render them with
 * the `chart` macro in `templates/_includes/chart.njk`.
 */
import type { Report } from '../../model/types.ts';
import { awarenessChart } from './awareness.ts';
import { departmentScoresChart } from './department-scores.ts';
import { experienceScoresChart } from './experience-scores.ts';
import { experienceUnitsChart } from './experience-units.ts';
import { chartSizeClass } from './size-class.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';
import { unitRankingChart } from './unit-ranking.ts';

export type { ChartData, ChartSpec, ChartUnit } from '../../model/chart-spec.ts';
export { chartData } from './chart-data.ts';
export { chartTable } from './chart-table.ts';
export { awarenessChart } from './awareness.ts';
export { departmentScoresChart } from './department-scores.ts';
export { experienceScoresChart, DISCONTINUED_LABEL } from './experience-scores.ts';
export { experienceUnitsChart } from './experience-units.ts';
export { unitRankingChart } from './unit-ranking.ts';
export { describeBars, withUnit } from './aria-label.ts';
export { axisBounds } from './axis.ts';
export { chartSizeClass, CHART_BAR_BUCKETS } from './size-class.ts';

/** The charts a template can ask for by name. */
export const CHART_NAMES = ['unit-ranking', 'department-scores', 'experience-scores', 'experience-units', 'awareness'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/**
 * One chart by name, for templates: `report | chartSpec('unit-ranking')`,
 * `report | chartSpec('experience-units', experience.id)`. The awareness
 * chart is `null` when no experience was surveyed (so a template can leave
 * it out). Every spec carries its `sizeClass`. Throws on an unknown name, listing the known ones, and when
 * `experience-units` lacks or names an unknown experience.
 *
 * @example
 * chartSpec(report, 'unit-ranking').id                       // => 'unit-ranking'
 * chartSpec(report, 'experience-units', 'minor-criminal-cases').id // => 'experience-units-minor-criminal-cases'
 */
export function chartSpec(report: Report, name: string, experienceId?: string): ChartSpec | null {
  const spec = buildChart(report, name, experienceId);
  return spec && { ...spec, sizeClass: chartSizeClass(spec) };
}

/** The builder of `name` applied to the report (see {@link chartSpec}). */
function buildChart(report: Report, name: string, experienceId?: string): ChartSpec | null {
  switch (name as ChartName) {
    case 'unit-ranking':
      return unitRankingChart(report);
    case 'department-scores':
      return departmentScoresChart(report);
    case 'experience-scores':
      return experienceScoresChart(report);
    case 'awareness':
      return report.experiences.some((e) => e.awareness) ? awarenessChart(report) : null;
    case 'experience-units':
      if (!experienceId) throw new Error('图表：experience-units 需要经验 id（experience id）');
      return experienceUnitsChart(report, experienceId);
    default:
      throw new Error(`图表：未知图表 "${name}"，可用：${CHART_NAMES.join(', ')}`);
  }
}

/** The home page's charts whose numbers an annex table lists row for row: the chart links there instead of listing them twice. */
const HOME_ANNEX: Readonly<Record<string, { tableRef: string; tableName: string }>> = {
  'unit-ranking': { tableRef: 'annex-1-table', tableName: '附件1' },
  'experience-scores': { tableRef: 'annex-3-table', tableName: '附件3' },
};

/**
 * The charts on the home page, in reading order: unit ranking, department
 * scores, experience scores and, when the survey asked about any
 * experience, awareness. The unit ranking and the experience scores point
 * at annexes 1 and 3 (`tableRef`, `tableName`), which hold their numbers.
 *
 * @example
 * homeCharts(report).map((spec) => spec.id)
 * // => ['unit-ranking', 'department-scores', 'experience-scores', 'awareness']
 * homeCharts(report)[0].tableRef // => 'annex-1-table'
 */
export function homeCharts(report: Report): ChartSpec[] {
  return ['unit-ranking', 'department-scores', 'experience-scores', 'awareness']
    .map((name) => chartSpec(report, name))
    .filter((spec): spec is ChartSpec => spec !== null)
    .map((spec) => (Object.hasOwn(HOME_ANNEX, spec.id) ? { ...spec, ...HOME_ANNEX[spec.id] } : spec));
}
