import type { Report } from '../../model/types.ts';
import { describeBars } from './aria-label.ts';
import { axisBounds, axisNote } from './axis.ts';
import { rankText } from './rank-text.ts';
import type { ChartSpec } from './types.ts';

/**
 * The units' overall ranking (附件1 as a chart): one horizontal bar per
 * unit, in rank order (ties in source order, as in the model), its printed
 * unit score as the value. The table repeats rank (并列 when shared), name
 * and score.
 *
 * @example
 * const spec = unitRankingChart(report);
 * spec.labels     // => ['张店区', '淄川区', …] best first
 * spec.valueTexts // => ['96.12', '95.40', …]
 * spec.ariaLabel  // => '横向柱状图：各单位综合得分排名，最高为张店区（96.12分），最低为高新区（88.40分），共9个单位。'
 */
export function unitRankingChart(report: Report): ChartSpec {
  const units = report.units;
  const bars = units.map((unit) => ({ label: unit.name, value: unit.score, valueText: unit.text }));
  const { min, max } = axisBounds(bars.map((bar) => bar.value), { floor: 0, ceiling: report.scheme.scale });
  const title = '各单位综合得分排名';
  const spec: ChartSpec = {
    id: 'unit-ranking',
    title,
    ariaLabel: describeBars({ kind: '横向柱状图', subject: title, noun: '个单位', unit: '分', bars }),
    type: 'bar',
    orientation: 'horizontal',
    labels: bars.map((bar) => bar.label),
    values: bars.map((bar) => bar.value),
    valueTexts: bars.map((bar) => bar.valueText),
    unit: '分',
    valueName: '综合得分',
    columns: ['排名', '单位', '综合得分（分）'],
    rows: units.map((unit) => [rankText(unit.rank, unit.tied), unit.name, unit.text]),
    labelColumn: 1,
    numericColumns: [2],
    highlight: [],
    suggestedMin: min,
    suggestedMax: max,
  };
  const note = axisNote(min, '分', 'horizontal');
  if (note) spec.axisNote = note;
  return spec;
}
