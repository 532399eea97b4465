import { rankText, TIE_MARK } from '../../model/text/rank-text.ts';
import { formatScore } from '../../scoring/format.ts';
import type { Report } from '../../model/types.ts';
import { horizontalBars } from './horizontal-bars.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';

/**
 * One experience's unit composites: one horizontal bar per applicable unit
 * in composite rank order (ties in source order), the printed composite
 * c(e,u) as the value. Units where the experience does not apply get no bar
 * and are named, with the reason, in the note. The table adds each method's
 * score at the scheme's decimals, as the unit table prints it, in the scheme's
 * method order (— where a method is missing).
 *
 * Throws when the experience id is unknown, naming it.
 *
 * @example
 * const spec = experienceUnitsChart(report, 'minor-criminal-cases');
 * spec.id     // => 'experience-units-minor-criminal-cases'
 * spec.labels // => applicable unit names, best composite first
 * spec.note   // => '不适用：高新区（不适合在高新区推广推介）。' (only when some unit is excluded)
 */
export function experienceUnitsChart(report: Report, experienceId: string): ChartSpec {
  const experience = report.experienceById[experienceId];
  if (!experience) {
    throw new Error(`图表：找不到创新改革经验 experience "${experienceId}"`);
  }
  const methods = report.scheme.methods;
  const spec = horizontalBars({
    id: `experience-units-${experience.id}`,
    title: `${experience.title}：各单位得分`,
    noun: '个单位',
    unit: '分',
    valueName: '综合得分',
    ceiling: report.scheme.scale,
    bars: experience.units.map((u) => ({ label: u.unitName, value: u.composite.score, valueText: u.composite.text })),
    columns: ['排名', TIE_MARK, '单位', '综合得分（分）', ...methods.map((m) => `${m.name}（分）`)],
    rows: experience.units.map((u) => [
      rankText(u, 'cell'),
      rankText(u, 'tie'),
      u.unitName,
      u.composite.text,
      ...methods.map((m) => {
        const score = Object.hasOwn(u.methods, m.id) ? u.methods[m.id] : undefined;
        return score === undefined ? '—' : formatScore(score, report.scheme.decimals);
      }),
    ]),
    labelColumn: 2,
    numericColumns: [3, ...methods.map((_, i) => 4 + i)],
  });
  if (experience.notApplicable.length > 0) {
    const excluded = experience.notApplicable.map((na) => `${na.unitName}（${na.reason}）`).join('、');
    spec.note = `不适用：${excluded}。`;
  }
  return spec;
}
