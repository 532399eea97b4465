import type { ChartData, ChartSpec } from '../../model/chart-spec.ts';

/** The spec fields the browser script draws from (see {@link ChartData}). */
const DRAWN = [
  'id',
  'title',
  'orientation',
  'labels',
  'values',
  'valueTexts',
  'unit',
  'valueName',
  'highlight',
  'highlightLabel',
  'suggestedMin',
  'suggestedMax',
  'axisNote',
] as const satisfies readonly (keyof ChartData)[];

/**
 * What a chart's JSON block carries: only what `src/client/charts.ts` draws
 * from, not the table rows and columns (they are in the HTML table beside
 * the chart, or in the page table it refers to) nor the aria-label (an
 * attribute of the canvas). Optional fields absent from the spec stay absent.
 *
 * @example
 * const data = chartData(chartSpec(report, 'unit-ranking')!);
 * 'rows' in data  // => false
 * data.labels     // => the spec's labels
 */
export function chartData(spec: ChartSpec): ChartData {
  const data: Partial<Record<keyof ChartData, unknown>> = {};
  for (const key of DRAWN) if (spec[key] !== undefined) data[key] = spec[key];
  return data as ChartData;
}
