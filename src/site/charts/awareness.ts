import type { Report } from '../../model/types.ts';
import { formatScore } from '../../scoring/format.ts';
import { horizontalBars } from './horizontal-bars.ts';
import type { ChartSpec } from '../../model/chart-spec.ts';
import { DISCONTINUED_LABEL } from './experience-scores.ts';

/**
 * Awareness by experience: the share of valid questionnaires whose
 * respondents knew each surveyed experience, one horizontal bar per
 * experience, in the model's order (`byAwareness`: best known first, equal
 * printed shares in source order).
 * Values are percentages (0.736 → 73.6); the printed text is the model's,
 * at the precision of the published figure. Experiences not surveyed get no
 * bar and are counted in the note; discontinued ones are flagged as in the
 * scores chart.
 *
 * @example
 * const spec = awarenessChart(report);
 * spec.unit       // => '%'
 * spec.valueTexts // => ['73.6', …] best known first
 * spec.ariaLabel  // => '横向柱状图：各项经验群众知晓率，最高为…（73.6%），最低为…，共20项经验。'
 */
export function awarenessChart(report: Report): ChartSpec {
  // The model prints shares as percentages (`73.6%`); should a text come
  // without `%`, fall back to the fraction at one decimal.
  const percentText = (stat: { value: number; text: string }): string =>
    /%\s*$/.test(stat.text) ? stat.text.replace(/\s*%\s*$/, '') : formatScore(stat.value * 100, 1);
  const surveyed = report.byAwareness.map((e) => ({ experience: e, printed: percentText(e.awareness!) }));
  const sortedExperiences = report.byAwareness;
  const spec = horizontalBars({
    id: 'awareness',
    title: '各项经验群众知晓率',
    noun: '项经验',
    unit: '%',
    valueName: '知晓率',
    ceiling: 100,
    bars: surveyed.map((s) => ({ label: s.experience.title, value: Number(s.printed), valueText: s.printed })),
    columns: ['创新改革经验', '知晓人数', '知晓率'],
    rows: sortedExperiences.map((e) => [
      e.status === 'discontinued' ? `${e.title}（${DISCONTINUED_LABEL}）` : e.title,
      String(e.awareness!.count),
      `${percentText(e.awareness!)}%`,
    ]),
    labelColumn: 0,
    numericColumns: [1, 2],
    highlight: { indexes: sortedExperiences.flatMap((e, index) => (e.status === 'discontinued' ? [index] : [])), label: DISCONTINUED_LABEL },
  });
  const missing = report.stats.counts.unsurveyed;
  if (missing > 0) spec.note = `另有${missing}项经验未纳入问卷调查。`;
  return spec;
}
