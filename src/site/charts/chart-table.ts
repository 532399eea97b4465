import type { ChartSpec } from '../../model/chart-spec.ts';

/** One header cell of a chart's data table. */
export interface ChartTableColumn {
  text: string;
  /** A column of figures, aligned right. */
  numeric: boolean;
}

/** One body cell of a chart's data table. */
export interface ChartTableCell {
  text: string;
  /** The cell naming the row's bar: a row header (`<th scope="row">`). */
  header: boolean;
  numeric: boolean;
}

/** A chart's data table as the chart macro places it. */
export interface ChartTable {
  columns: ChartTableColumn[];
  rows: Array<{ cells: ChartTableCell[]; highlighted: boolean }>;
}

/**
 * The data table of a chart with what each cell is named on it: the spec
 * keeps its rows as lists of text and says by index which column names
 * the bar, which hold figures and which rows are flagged; the table gives
 * every column and cell those facts itself, so the template only places
 * them.
 *
 * @example
 * chartTable({ columns: ['排名', '单位', '得分'], rows: [['1', '甲区', '96.12']], labelColumn: 1, numericColumns: [2], highlight: [] })
 * // { columns: [{ text: '排名', numeric: false }, { text: '单位', numeric: false }, { text: '得分', numeric: true }],
 * //   rows: [{ highlighted: false, cells: [{ text: '1', header: false, numeric: false }, { text: '甲区', header: true, numeric: false }, …] }] }
 */
export function chartTable(spec: Pick<ChartSpec, 'columns' | 'rows' | 'labelColumn' | 'numericColumns' | 'highlight'>): ChartTable {
  const numeric = new Set(spec.numericColumns);
  const highlighted = new Set(spec.highlight);
  return {
    columns: spec.columns.map((text, i) => ({ text, numeric: numeric.has(i) })),
    rows: spec.rows.map((row, r) => ({
      highlighted: highlighted.has(r),
      cells: row.map((text, i) => ({ text, header: i === spec.labelColumn, numeric: numeric.has(i) })),
    })),
  };
}
