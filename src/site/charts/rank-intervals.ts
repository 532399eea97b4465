import type { ChartKey, ChartSpec, RankIntervalBar } from '../../model/chart-spec.ts';
import { rankRangeText, rankText, TIE_MARK } from '../../model/text/rank-text.ts';
import type { RankInterval, Report } from '../../model/types.ts';
import { formatPercent } from '../../scoring/format.ts';

/** The views an uncertainty analysis ranks. */
export type IntervalView = 'units' | 'departments' | 'experiences';

/** What each view's chart is called and how its items are named and counted. */
const VIEWS: Readonly<Record<IntervalView, { id: string; noun: string; counter: string }>> = {
  units: { id: 'unit-intervals', noun: '单位', counter: '个' },
  departments: { id: 'department-intervals', noun: '牵头部门', counter: '个' },
  experiences: { id: 'experience-intervals', noun: '创新改革经验', counter: '项' },
};

/**
 * What the marks of an interval chart mean, as its legend says.
 *
 * @example
 * INTERVAL_KEYS[0] // { mark: 'range', text: '横条：90%区间' }
 */
export const INTERVAL_KEYS: readonly ChartKey[] = [
  { mark: 'range', text: '横条：90%区间' },
  { mark: 'median', text: '圆点：中位排名' },
  { mark: 'base', text: '竖线：报告排名' },
];

/** An item's printed name in a view: a unit's or department's name, an experience's title. */
function namesOf(report: Report, view: IntervalView): Map<string, string> {
  if (view === 'experiences') return new Map(report.experiences.map((e) => [e.id, e.title]));
  return new Map(report[view].map((item) => [item.id, item.name]));
}

/** Tied base ranks, so the table's 并列 column marks them as the annexes do. */
function tiedOf(report: Report, view: IntervalView): Map<string, boolean> {
  return new Map<string, boolean>(report[view].map((item) => [item.id, item.tied]));
}

/**
 * The rank-interval chart of one view of the report's uncertainty
 * analysis: one horizontal bar per item in base-rank order, spanning its
 * 90% interval, with its median rank as a dot and its base rank as a tick;
 * the data table lists the base rank and its 并列 column, the name, the median, the
 * interval and the share of draws at rank 1. The value axis runs over the
 * ranks, 1 to the number ranked. The aria-label says what the marks are and
 * names the widest interval (the first, by base rank, of equally wide
 * ones). Null when the report has no analysis or the view ranks nothing.
 *
 * @example
 * const spec = rankIntervalsChart(report, 'experiences')!;
 * spec.intervals![0] // { low: 1, high: 2, median: 1, base: 1 }
 * spec.valueTexts[0] // '1～2'
 * spec.rows[0]       // ['1', '推广“爱工惠”…', '1', '1～2', '52%']
 */
export function rankIntervalsChart(report: Report, view: IntervalView): ChartSpec | null {
  const items = report.uncertainty?.[view] ?? [];
  if (items.length === 0) return null;
  const { id, noun, counter } = VIEWS[view];
  const names = namesOf(report, view);
  const tied = tiedOf(report, view);
  const name = (item: RankInterval) => names.get(item.id) ?? item.id;
  const intervals: RankIntervalBar[] = items.map((item) => ({ low: item.low, high: item.high, median: item.median, base: item.rank }));
  const title = `各${noun}排名的90%区间`;
  return {
    id,
    title,
    ariaLabel: describeIntervals({ title, noun, counter, items, name }),
    type: 'bar',
    orientation: 'horizontal',
    labels: items.map(name),
    values: items.map((item) => item.median),
    valueTexts: items.map((item) => rankRangeText(item)),
    unit: '名',
    valueName: '排名',
    columns: ['排名', TIE_MARK, noun, '中位排名', '90%区间', '排名第一的比例'],
    rows: items.map((item) => [
      rankText({ rank: item.rank, tied: tied.get(item.id) }, 'cell'),
      rankText({ rank: item.rank, tied: tied.get(item.id) }, 'tie'),
      name(item),
      rankText({ rank: item.median }, 'number'),
      rankRangeText(item),
      formatPercent(item.top, 0),
    ]),
    labelColumn: 2,
    numericColumns: [3, 4, 5],
    highlight: [],
    suggestedMin: 1,
    suggestedMax: Math.max(items.length, ...items.map((item) => item.high)),
    intervals,
    keys: [...INTERVAL_KEYS],
  };
}

/** The canvas's description: what the chart shows, how many items, and the widest interval. */
function describeIntervals(input: {
  title: string;
  noun: string;
  counter: string;
  items: readonly RankInterval[];
  name: (item: RankInterval) => string;
}): string {
  const { title, noun, counter, items, name } = input;
  const widest = items.reduce((best, item) => (item.high - item.low > best.high - best.low ? item : best), items[0]!);
  const head = `区间图：${title}，共${items.length}${counter}${noun}，横条为90%区间，圆点为中位排名，竖线为报告排名`;
  if (widest.high === widest.low) return `${head}；各${noun}的90%区间都只含一个名次。`;
  return `${head}；区间最宽的是${name(widest)}（${rankRangeText(widest, 'label')}）。`;
}
