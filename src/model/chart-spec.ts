/**
 * What a chart is, independent of Chart.js and of HTML: one series of bars
 * with its labels, printed values, accessible description and the data
 * table that shows the same numbers. Built from the `Report` by the pure
 * functions in `src/site/charts/`, rendered by `templates/_includes/chart.njk`
 * and drawn in the browser by `src/client/charts.ts`; declared here, below
 * both the site and the browser code, because both read it.
 */

/** The unit a chart's values are in: score points or a percentage. */
export type ChartUnit = '分' | '%';

/** One bar chart (a single series) and the table holding its numbers. */
export interface ChartSpec {
  /** Lowercase ASCII kebab-case, unique on a page: the DOM id suffix and the PNG file name. */
  id: string;
  /** Chinese caption shown above the chart and drawn into the PNG. */
  title: string;
  /** Chinese sentence generated from the data for the canvas `aria-label`. */
  ariaLabel: string;
  type: 'bar';
  /** `horizontal` for long Chinese labels (bars run left to right). */
  orientation: 'horizontal' | 'vertical';
  /** One label per bar, in display order, as printed. */
  labels: string[];
  /** One value per bar, in `unit` (a share is given as a percentage, 73.6 not 0.736). */
  values: number[];
  /** Each value as printed, without the unit (`"96.12"`, `"73.6"`). */
  valueTexts: string[];
  unit: ChartUnit;
  /** Name of the value axis (`得分`, `知晓率`). */
  valueName: string;
  /** Header cells of the data table. */
  columns: string[];
  /** Data table rows, one per bar in the same order, every cell as printed text. */
  rows: string[][];
  /** Index of the column naming the bar: its cells are the rows' headers (`<th scope="row">`). */
  labelColumn: number;
  /** Indexes of the columns holding figures (aligned right). */
  numericColumns: number[];
  /** Indexes of bars (and rows) that are flagged, e.g. discontinued experiences. */
  highlight: number[];
  /** What a flagged bar means (`未持续推广`), shown in the legend and the table; present when `highlight` is not empty. */
  highlightLabel?: string;
  /** A Chinese note under the chart: items left out and why. */
  note?: string;
  /** Lower end of the value axis. */
  suggestedMin: number;
  /** Upper end of the value axis. */
  suggestedMax: number;
  /** Shown with the chart (and in its PNG) when the value axis does not start at zero. */
  axisNote?: string;
  /** Id of a table elsewhere on the page holding the chart's numbers row for row; the chart then links to it instead of carrying its own. */
  tableRef?: string;
  /** What the link calls that table (`附件1`). */
  tableName?: string;
  /**
   * Class that reserves the chart's height before it is drawn
   * (`chart--bars-9`, `chart--vertical`; see `size-class.ts`). Set by
   * `chartSpec`; a spec without it still renders, its height then set by
   * the script alone.
   */
  sizeClass?: string;
}

/** The part of a {@link ChartSpec} the browser script draws from: the chart's JSON block (see `chart-data.ts`). */
export type ChartData = Pick<
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
  | 'axisNote'
>;
