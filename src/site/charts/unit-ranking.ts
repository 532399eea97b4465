import { rankText, TIE_MARK } from '../../model/text/rank-text.ts';
import type { Report } from '../../model/types.ts';
import { horizontalBars } from './horizontal-bars.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';

/**
 * The units' overall ranking (附件1 as a chart): one horizontal bar per
 * unit, in rank order (ties in source order, as in the model), its printed
 * unit score as the value. The table repeats rank, 并列 (in its own column,
 * when shared), name and score.
 *
 * @example
 * const spec = unitRankingChart(report);
 * spec.labels     // => ['张店区', '淄川区', …] best first
 * spec.valueTexts // => ['96.12', '95.40', …]
 * spec.ariaLabel  // => '横向柱状图：各单位综合得分排名，最高为张店区（96.12分），最低为高新区（88.40分），共9个单位。'
 */
export function unitRankingChart(report: Report): ChartSpec {
  return horizontalBars({
    id: 'unit-ranking',
    title: '各单位综合得分排名',
    noun: '个单位',
    unit: '分',
    valueName: '综合得分',
    ceiling: report.scheme.scale,
    bars: report.units.map((unit) => ({ label: unit.name, value: unit.score, valueText: unit.text })),
    columns: ['排名', TIE_MARK, '单位', '综合得分（分）'],
    rows: report.units.map((unit) => [rankText(unit, 'cell'), rankText(unit, 'tie'), unit.name, unit.text]),
    labelColumn: 2,
    numericColumns: [3],
  });
}
