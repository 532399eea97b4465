import { rankText, TIE_MARK } from '../../model/text/rank-text.ts';
import type { Report } from '../../model/types.ts';
import { horizontalBars } from './horizontal-bars.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';

/** What a discontinued experience is called in charts and their tables. */
export const DISCONTINUED_LABEL = '未持续推广';

/**
 * The experiences' scores (附件3 as a chart): one horizontal bar per
 * experience in rank order, its printed experience score as the value.
 * Discontinued experiences are scored and ranked like the rest; their bars
 * are flagged (`highlight`, drawn hatched) and their table rows say
 * 未持续推广, so the flag never rests on colour alone.
 *
 * @example
 * const spec = experienceScoresChart(report);
 * spec.labels         // => experience titles, best first
 * spec.highlight      // => [18, 19] when the last two are discontinued
 * spec.highlightLabel // => '未持续推广' (absent when none is)
 */
export function experienceScoresChart(report: Report): ChartSpec {
  const experiences = report.experiences;
  const highlight = experiences.flatMap((e, index) => (e.status === 'discontinued' ? [index] : []));
  const spec = horizontalBars({
    id: 'experience-scores',
    title: '创新改革经验得分排名',
    noun: '项经验',
    unit: '分',
    valueName: '得分',
    ceiling: report.scheme.scale,
    bars: experiences.map((e) => ({ label: e.title, value: e.score, valueText: e.text })),
    columns: ['排名', TIE_MARK, '创新改革经验', '牵头部门', '得分（分）', '状态'],
    rows: experiences.map((e) => [
      rankText(e, 'cell'),
      rankText(e, 'tie'),
      e.title,
      e.leadName,
      e.text,
      e.status === 'discontinued' ? DISCONTINUED_LABEL : '持续推广',
    ]),
    labelColumn: 2,
    numericColumns: [4],
    highlight: { indexes: highlight, label: DISCONTINUED_LABEL },
  });
  if (highlight.length > 0) spec.ariaLabel += `其中${highlight.length}项${DISCONTINUED_LABEL}（斜线标出）。`;
  return spec;
}
