import type { ChartSpec } from './types.ts';

/**
 * The part of a chart the browser draws from, carried in the figure's
 * `<script type="application/json" class="chart-data">` block. The caption,
 * aria-label, note and table are already in the HTML and are not repeated.
 */
export type ClientChart = Pick<
  ChartSpec,
  | 'id'
  | 'title'
  | 'orientation'
  | 'labels'
  | 'values'
  | 'valueTexts'
  | 'unit'
  | 'valueName'
  | 'highlight'
  | 'highlightLabel'
  | 'suggestedMin'
  | 'suggestedMax'
>;

/**
 * Picks from a spec what `src/client/charts.ts` needs to draw it.
 *
 * @example
 * Object.keys(clientChart(spec))
 * // => ['id', 'title', 'orientation', 'labels', 'values', 'valueTexts', 'unit', 'valueName', 'highlight', 'highlightLabel', 'suggestedMin', 'suggestedMax']
 */
export function clientChart(spec: ChartSpec): ClientChart {
  return {
    id: spec.id,
    title: spec.title,
    orientation: spec.orientation,
    labels: spec.labels,
    values: spec.values,
    valueTexts: spec.valueTexts,
    unit: spec.unit,
    valueName: spec.valueName,
    highlight: spec.highlight,
    highlightLabel: spec.highlightLabel,
    suggestedMin: spec.suggestedMin,
    suggestedMax: spec.suggestedMax,
  };
}
