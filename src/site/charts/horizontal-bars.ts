import { describeBars, type DescribedBar } from './aria-label.ts';
import { axisBounds, axisNote } from './axis.ts';
import type { ChartSpec, ChartUnit } from '../../model/chart-spec.ts';

/** What differs between the horizontal bar charts of the report. */
export interface HorizontalBars {
  id: string;
  title: string;
  /** Counting word for the aria-label's total (`个单位`, `项经验`). */
  noun: string;
  unit: ChartUnit;
  valueName: string;
  /** One bar per row, in display order. */
  bars: DescribedBar[];
  /** Highest value the axis may need (the scheme's scale, or 100 for a percentage). */
  ceiling: number;
  columns: string[];
  rows: string[][];
  labelColumn: number;
  numericColumns: number[];
  /** Flagged bars (discontinued experiences) and what the flag means. */
  highlight?: { indexes: number[]; label: string };
}

/**
 * Assembles a horizontal bar chart's spec: the axis range that keeps the
 * bars' differences visible (with the note that says the axis does not
 * start at zero), the aria-label sentence from the bars, and the flag
 * legend when some bars are flagged. Empty input gives an empty chart with
 * the sentence saying so.
 *
 * @example
 * horizontalBars({ id: 'u', title: '得分', noun: '个单位', unit: '分', valueName: '得分', ceiling: 100,
 *   bars: [{ label: '甲', value: 96, valueText: '96.00' }], columns: ['单位', '得分'], rows: [['甲', '96.00']],
 *   labelColumn: 0, numericColumns: [1] }).labels // ['甲']
 */
export function horizontalBars(chart: HorizontalBars): ChartSpec {
  const { bars } = chart;
  const { min, max } = axisBounds(bars.map((bar) => bar.value), { floor: 0, ceiling: chart.ceiling });
  const spec: ChartSpec = {
    id: chart.id,
    title: chart.title,
    ariaLabel: describeBars({ kind: '横向柱状图', subject: chart.title, noun: chart.noun, unit: chart.unit, bars }),
    type: 'bar',
    orientation: 'horizontal',
    labels: bars.map((bar) => bar.label),
    values: bars.map((bar) => bar.value),
    valueTexts: bars.map((bar) => bar.valueText),
    unit: chart.unit,
    valueName: chart.valueName,
    columns: chart.columns,
    rows: chart.rows,
    labelColumn: chart.labelColumn,
    numericColumns: chart.numericColumns,
    highlight: chart.highlight?.indexes ?? [],
    suggestedMin: min,
    suggestedMax: max,
  };
  const note = axisNote(min, chart.unit, 'horizontal');
  if (note) spec.axisNote = note;
  if (chart.highlight && chart.highlight.indexes.length > 0) spec.highlightLabel = chart.highlight.label;
  return spec;
}
