import { rankText, TIE_MARK } from '../../model/text/rank-text.ts';
import type { Report } from '../../model/types.ts';
import { horizontalBars } from './horizontal-bars.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';

/**
 * The lead departments' scores (附件2 as a chart): one horizontal bar per
 * ranked department in rank order, its printed department score as the
 * value. A department that leads no experience has no score: it gets no bar
 * and is named in the note instead.
 *
 * @example
 * const spec = departmentScoresChart(report);
 * spec.labels  // => ranked department names, best first
 * spec.note    // => '未牵头评估经验、不参与排名：市某局。' (only when there is one)
 */
export function departmentScoresChart(report: Report): ChartSpec {
  const ranked = report.departments.filter((d) => d.ranked && d.score !== null && d.text !== null);
  const unranked = report.departments.filter((d) => !ranked.includes(d));
  const spec = horizontalBars({
    id: 'department-scores',
    title: '市直牵头部门得分排名',
    noun: '个部门',
    unit: '分',
    valueName: '得分',
    ceiling: report.scheme.scale,
    bars: ranked.map((d) => ({ label: d.name, value: d.score as number, valueText: d.text as string })),
    columns: ['排名', TIE_MARK, '牵头部门', '得分（分）'],
    rows: ranked.map((d) => [rankText(d, 'cell'), rankText(d, 'tie'), d.name, d.text as string]),
    labelColumn: 2,
    numericColumns: [3],
  });
  if (unranked.length > 0) {
    spec.note = `未牵头评估经验、不参与排名：${unranked.map((d) => d.name).join('、')}。`;
  }
  return spec;
}
