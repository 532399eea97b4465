import type { ChartSpec } from '../../model/chart-spec.ts';
import type { Report } from '../../model/types.ts';
import { uncertaintyText, type UncertaintyText, type UncertaintyViewText } from '../../model/uncertainty-text.ts';
import { chartSpec } from '../charts/index.ts';

export { intervalNote } from '../../model/uncertainty-text.ts';

/** What the method page places for one view: the model's text and, when its intervals say something, its chart. */
export interface UncertaintyViewSection extends Omit<UncertaintyViewText, 'chart'> {
  /** Its interval chart (with the table behind it), or null when every interval is its base rank. */
  chart: ChartSpec | null;
}

/** The method page's section on how sure the ranks are. */
export interface UncertaintySection extends Omit<UncertaintyText, 'views'> {
  views: UncertaintyViewSection[];
  /** True when some view has a chart (the page then loads the charts script). */
  hasCharts: boolean;
}

/**
 * The method page's section on the uncertainty analysis: the model's
 * sentences (`uncertaintyText`) with the rank-interval chart of every view
 * whose intervals are informative. Null when the report has no analysis,
 * so the page shows none of it.
 *
 * @example
 * uncertaintySection(report)!.views[0].chart?.id // 'unit-intervals'
 * uncertaintySection(reportWithoutUncertainty)   // null
 */
export function uncertaintySection(report: Report): UncertaintySection | null {
  const text = uncertaintyText(report);
  if (!text) return null;
  const views = text.views.map(({ chart, ...view }) => ({ ...view, chart: view.informative ? chartSpec(report, chart) : null }));
  return { ...text, views, hasCharts: views.some((view) => view.chart !== null) };
}
