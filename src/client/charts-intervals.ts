/**
 * Rank-interval charts (`spec.intervals`, built by
 * `src/site/charts/rank-intervals.ts`): one floating bar per item over its
 * 90% interval, its median rank as a dot and its rank in the report as a
 * tick, drawn by Chart.js's bar controller and the marks plugin below, in
 * the colours and font of the page's theme, like every other chart.
 */
import type { ChartConfiguration, ChartType, Plugin } from 'chart.js';
import type { ChartData, RankIntervalBar } from '../model/chart-spec.ts';
import { rankRangeText, rankText } from '../model/text/rank-text.ts';
import type { ChartTheme } from './charts-theme.ts';
import { tickLabel } from './charts-ticks.ts';

/** How far a bar reaches either side of the ranks it covers, in ranks. */
const SLOT = 0.4;

/** Round steps between rank ticks, smallest first (then ten times each, and so on). */
const RANK_STEPS = [1, 2, 5];

/**
 * The ranks labelled on a rank axis from 1 to `count`: rank 1, then every
 * multiple of the smallest round step (1, 2, 5, 10, 20, 50, …) that keeps
 * the labels to at most `maxTicks` (never fewer than two: 1 and the step).
 * No ranks give [].
 *
 * @example
 * rankTicks(9, 10)  // [1, 2, 3, 4, 5, 6, 7, 8, 9]
 * rankTicks(20, 5)  // [1, 5, 10, 15, 20]
 * rankTicks(29, 4)  // [1, 10, 20]
 */
export function rankTicks(count: number, maxTicks: number): number[] {
  if (!(count >= 1)) return [];
  const limit = Math.max(2, Math.floor(maxTicks));
  let step = 1;
  for (let scale = 1; ; scale *= 10) {
    const fits = RANK_STEPS.map((s) => s * scale).find((s) => 1 + Math.floor(count / s) - (s === 1 ? 1 : 0) <= limit);
    if (fits !== undefined) {
      step = fits;
      break;
    }
  }
  const ticks = [1];
  for (let rank = step; rank <= count; rank += step) if (rank !== 1) ticks.push(rank);
  return ticks;
}

/** Options of the marks plugin: what to draw on each bar, and how. */
export interface IntervalMarkOptions {
  intervals: RankIntervalBar[];
  /** The printed interval at each bar's right end (`2～5`). */
  texts: string[];
  text: string;
  background: string;
  font: string;
  /** Largest radius of the median's dot, in CSS pixels (smaller where a rank's slot is narrower). */
  radius: number;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    pingguIntervalMarks?: IntervalMarkOptions;
  }
}

/**
 * Draws, over each bar, the base rank as a vertical tick taller than the
 * bar and the median as a dot (both in the text colour, ringed with the
 * background so they stand out on the bar in light and dark), then the
 * printed interval right of whichever mark is furthest right.
 */
export const intervalMarks: Plugin<'bar', IntervalMarkOptions> = {
  id: 'pingguIntervalMarks',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    const scale = chart.scales.x;
    if (!scale) return;
    ctx.save();
    ctx.font = options.font;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.lineCap = 'butt';
    chart.getDatasetMeta(0).data.forEach((bar, index) => {
      const mark = options.intervals[index];
      if (!mark) return;
      const { x, y, base, height } = bar.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number };
      const baseX = scale.getPixelForValue(mark.base);
      const medianX = scale.getPixelForValue(mark.median);
      const half = height / 2 + 4;
      // On a narrow axis a rank's slot is a few pixels: marks shrink with it so a neighbour's stays apart.
      const slot = Math.abs(scale.getPixelForValue(2) - scale.getPixelForValue(1));
      const radius = Math.max(2.5, Math.min(options.radius, slot * 0.4));
      const tick = radius < options.radius ? 2 : 2.5;
      for (const [width, colour] of [
        [tick + 2.5, options.background],
        [tick, options.text],
      ] as const) {
        ctx.lineWidth = width;
        ctx.strokeStyle = colour;
        ctx.beginPath();
        ctx.moveTo(baseX, y - half);
        ctx.lineTo(baseX, y + half);
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.arc(medianX, y, radius, 0, 2 * Math.PI);
      ctx.fillStyle = options.text;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = options.background;
      ctx.stroke();
      ctx.fillStyle = options.text;
      ctx.fillText(options.texts[index] ?? '', Math.max(x, base, baseX + 3, medianX + radius) + 6, y);
    });
    ctx.restore();
  },
};

/** What the configuration needs from the page beyond the spec and the theme. */
export interface IntervalLayout {
  /** Wrapped labels, one list of lines per bar. */
  labels: string[][];
  /** Width of the chart area, in CSS pixels. */
  width: number;
  /** Canvas pixels per CSS pixel. */
  ratio: number;
}

/**
 * The Chart.js configuration of a rank-interval chart: floating bars over
 * the slots of each interval's ranks, low to high (0.4 rank either side,
 * so an interval of one rank still shows), the rank axis from 1 to the number ranked with round
 * ticks, and the marks plugin for medians, base ranks and printed
 * intervals; the tooltip says all three as the rank printer prints them.
 *
 * @example
 * new Chart(canvas, configureIntervals(spec, readTheme(figure), { labels, width: 640, ratio: 2 }));
 */
export function configureIntervals(spec: ChartData, theme: ChartTheme, layout: IntervalLayout): ChartConfiguration<'bar'> {
  const intervals = spec.intervals ?? [];
  const count = Math.max(1, spec.suggestedMax);
  const font = (scale: number) => ({ family: theme.fontFamily, size: Math.round(theme.fontSize * scale) });
  const ticks = rankTicks(count, (layout.width * 0.55) / (theme.fontSize * 2.5));
  const widest = Math.max(...spec.valueTexts.map((t) => t.length));
  return {
    type: 'bar',
    data: {
      labels: layout.labels,
      datasets: [
        {
          label: '90%区间',
          // A rank is a slot on the axis: the bar covers the slots low..high, so an interval of one rank still shows.
          data: intervals.map((bar): [number, number] => [bar.low - SLOT, bar.high + SLOT]),
          backgroundColor: theme.bar,
          borderColor: theme.bar,
          borderWidth: 0,
          borderSkipped: false,
          barPercentage: 0.6,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: layout.ratio,
      animation: false,
      layout: { padding: { right: Math.round(widest * theme.fontSize * 0.62) + 12 } },
      scales: {
        x: {
          type: 'linear',
          min: 0.5,
          max: count + 0.5,
          grid: { color: theme.grid },
          border: { color: theme.muted },
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: { color: theme.text, font: font(0.85), autoSkip: false, callback: (value) => tickLabel(Number(value), 1) },
          title: { display: true, text: `${spec.valueName}（第1名在左）`, color: theme.text, font: font(0.9) },
        },
        y: {
          grid: { display: false },
          border: { color: theme.muted },
          ticks: { color: theme.text, autoSkip: false, font: font(0.9) },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const bar = intervals[item.dataIndex];
              if (!bar) return '';
              return [`90%区间：${rankRangeText(bar, 'label')}`, `中位排名：${rankText({ rank: bar.median })}`, `报告排名：${rankText({ rank: bar.base })}`];
            },
          },
        },
        pingguIntervalMarks: {
          intervals,
          texts: spec.valueTexts,
          text: theme.text,
          background: theme.background,
          font: `400 ${Math.round(theme.fontSize * 0.85)}px ${theme.fontFamily}`,
          radius: Math.max(3, Math.round(theme.fontSize * 0.33)),
        },
      },
    },
    plugins: [intervalMarks],
  };
}
