/**
 * The site's views by name: functions that turn the computed report into
 * the lists a page template places (charts, the method page's fieldwork,
 * scenarios, sensitivity tables and uncertainty section, the annexes'
 * interval notes), registered as Nunjucks filters for
 * page templates only. Unlike `filters`, which format one value into text
 * (also in chapters), a view returns structured values; neither computes a
 * score, a mean or a rank.
 */
import { chartData, chartSpec, chartTable, homeCharts } from '../charts/index.ts';
import { figureTerms } from './figure-terms.ts';
import { fieldworkItems } from './fieldwork-items.ts';
import { scenarioItems } from './scenario-items.ts';
import { sensitivityTables } from './sensitivity-tables.ts';
import { intervalNote, uncertaintySection } from './uncertainty-section.ts';

/**
 * View name → function.
 *
 * @example
 * views.homeCharts(report).map((spec) => spec.id) // ['unit-ranking', 'department-scores', 'experience-scores', 'awareness']
 */
export const views = {
  chartSpec,
  homeCharts,
  chartData,
  chartTable,
  figureTerms,
  fieldworkItems,
  scenarioItems,
  sensitivityTables,
  uncertaintySection,
  intervalNote,
};
