import type { ChartUnit } from '../../model/chart-spec.ts';

/** A bar as the description needs it: its label and printed value. */
export interface DescribedBar {
  label: string;
  value: number;
  valueText: string;
}

/**
 * A value as read aloud: the printed text followed by its unit
 * (`96.12分`, `73.6%`).
 *
 * @example
 * withUnit('96.12', '分') // => '96.12分'
 * withUnit('73.6', '%')   // => '73.6%'
 */
export function withUnit(valueText: string, unit: ChartUnit): string {
  return `${valueText}${unit}`;
}

/** Bars sharing the extreme value, named together (ties are all named, in display order). */
function extreme(bars: readonly DescribedBar[], pick: (a: number, b: number) => number): string {
  const target = bars.reduce((best, bar) => pick(best, bar.value), bars[0]!.value);
  const named = bars.filter((bar) => bar.value === target);
  const names = named.map((bar) => bar.label).join('、');
  return named.length > 1 ? `${names}（并列，均为${named[0]!.valueText}` : `${names}（${named[0]!.valueText}`;
}

/**
 * The Chinese sentence a screen reader announces for a bar chart, generated
 * from its data: the kind of chart, its subject, the highest and the lowest
 * bar with their printed values, and how many bars there are. Bars sharing
 * the highest (or lowest) value are all named, marked 并列; when every bar
 * has the same value the sentence says so. One bar is described on its own;
 * no bars say 暂无数据.
 *
 * @example
 * describeBars({
 *   kind: '横向柱状图', subject: '各区县综合得分', noun: '个单位', unit: '分',
 *   bars: [
 *     { label: '张店区', value: 96.12, valueText: '96.12' },
 *     { label: '高新区', value: 88.4, valueText: '88.40' },
 *   ],
 * })
 * // => '横向柱状图：各区县综合得分，最高为张店区（96.12分），最低为高新区（88.40分），共2个单位。'
 */
export function describeBars(input: {
  kind: string;
  subject: string;
  /** Counter and noun for the count (`个单位`, `项经验`). */
  noun: string;
  unit: ChartUnit;
  bars: readonly DescribedBar[];
}): string {
  const { kind, subject, noun, unit, bars } = input;
  const head = `${kind}：${subject}`;
  if (bars.length === 0) return `${head}，暂无数据。`;
  if (bars.length === 1) {
    const only = bars[0]!;
    return `${head}，共1${noun}：${only.label}（${withUnit(only.valueText, unit)}）。`;
  }
  const highest = extreme(bars, Math.max);
  const lowest = extreme(bars, Math.min);
  if (highest === lowest) {
    return `${head}，共${bars.length}${noun}，数值相同，均为${withUnit(bars[0]!.valueText, unit)}。`;
  }
  return `${head}，最高为${highest}${unit}），最低为${lowest}${unit}），共${bars.length}${noun}。`;
}
