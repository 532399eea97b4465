/**
 * The charts script, loaded only by pages that have a chart (front matter
 * `charts: true`). For every `figure.chart` rendered by
 * `templates/_includes/chart.njk` it reads the figure's JSON block and
 * draws a Chart.js bar chart (or a rank-interval chart, see
 * `charts-intervals.ts`) into the area the stylesheet reserved for it
 * (see `assets/css/charts.css`: with JavaScript on, the canvas area, the
 * 下载图片 button and the folded 数据表 toggle are laid out from the first
 * paint, so drawing moves nothing). Charts are drawn lazily, when they come
 * near the viewport, one per task, so the page stays responsive; printing
 * or 下载图片 draws a chart at once. Without JavaScript, or if a chart
 * fails, the figure is its caption and its table.
 *
 * Only the Chart.js parts a bar chart needs are imported, so esbuild leaves
 * the rest out (budget: 60 KB gzipped).
 */
import { CHARTS_READY } from './chart-fallback.ts';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';
import type { ChartData } from '../model/chart-spec.ts';
import { configureIntervals } from './charts-intervals.ts';
import { chartHeight, wrapBalanced } from './charts-labels.ts';
import { composePng, downloadPng } from './charts-png.ts';
import { hatch, readTheme, type ChartTheme } from './charts-theme.ts';
import { tickLabel, tickStep } from './charts-ticks.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A figure to draw: what it is drawn from and into. */
interface Pending {
  figure: HTMLElement;
  wrap: HTMLElement;
  canvas: HTMLCanvasElement;
  spec: ChartData;
}

/** A drawn chart and what it was drawn from. */
interface Mounted extends Pending {
  chart: Chart<'bar'>;
  theme: ChartTheme;
  /** Width the labels were last wrapped for. */
  wrappedFor: number;
}

/** Options of the value-label plugin below. */
interface ValueLabelOptions {
  texts: string[];
  color: string;
  font: string;
  horizontal: boolean;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    pingguValueLabels?: ValueLabelOptions;
  }
}

/** Draws each bar's printed value at its end, so the image carries the numbers. */
const valueLabels: Plugin<'bar', ValueLabelOptions> = {
  id: 'pingguValueLabels',
  afterDatasetsDraw(chart, _args, options) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = options.font;
    ctx.fillStyle = options.color;
    ctx.textAlign = options.horizontal ? 'left' : 'center';
    ctx.textBaseline = options.horizontal ? 'middle' : 'bottom';
    chart.getDatasetMeta(0).data.forEach((bar, index) => {
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      const text = options.texts[index] ?? '';
      if (options.horizontal) ctx.fillText(text, x + 4, y);
      else ctx.fillText(text, x, y - 4);
    });
    ctx.restore();
  },
};

const pixelRatio = (): number => Math.max(2, window.devicePixelRatio || 1);
const fontOf = (theme: ChartTheme, scale = 1, weight = 400): string =>
  `${weight} ${Math.round(theme.fontSize * scale)}px ${theme.fontFamily}`;

/** Reads a figure's spec from its JSON block; null when it is missing or malformed. */
function readSpec(figure: HTMLElement): ChartData | null {
  const block = figure.querySelector('script.chart-data');
  if (!block?.textContent) return null;
  const spec = JSON.parse(block.textContent) as ChartData;
  const n = spec.labels?.length;
  if (!n || spec.values?.length !== n || spec.valueTexts?.length !== n) return null;
  if (spec.intervals && spec.intervals.length !== n) return null;
  return spec;
}

/** Labels wrapped to the room a narrow or wide figure leaves them. */
function wrappedLabels(spec: ChartData, theme: ChartTheme, width: number): string[][] {
  const probe = document.createElement('canvas').getContext('2d');
  const measure = (text: string): number => {
    if (!probe) return text.length * theme.fontSize;
    probe.font = fontOf(theme, 0.9);
    return probe.measureText(text).width;
  };
  // Chart.js gives the label axis at most half the width; leave two
  // characters of that for closing punctuation that may not start a line.
  const slack = 2 * theme.fontSize * 0.9;
  const room =
    spec.orientation === 'horizontal' ? Math.min(320, Math.max(90, width * 0.45 - slack)) : Math.max(60, width / spec.labels.length - slack);
  return spec.labels.map((label) => wrapBalanced(label, room, measure, 3));
}

/**
 * Sets the wrapper's height for the wrapped labels (horizontal charts grow
 * with their bars), never below the height the stylesheet reserved for it
 * (`chart--bars-N`), so drawing moves nothing unless labels had to wrap.
 */
function sizeWrap(wrap: HTMLElement, spec: ChartData, labels: string[][], theme: ChartTheme): void {
  const needed =
    spec.orientation === 'horizontal' ? chartHeight(labels.map((lines) => lines.length), theme.fontSize) : Math.round(theme.fontSize * 22);
  wrap.style.height = '';
  const reserved = wrap.getBoundingClientRect().height;
  wrap.style.height = `${Math.max(needed, reserved)}px`;
}

/** The Chart.js configuration of a spec in a theme. */
function configure(spec: ChartData, theme: ChartTheme, labels: string[][], width: number): ChartConfiguration<'bar'> {
  if (spec.intervals) return configureIntervals(spec, theme, { labels, width, ratio: pixelRatio() });
  const horizontal = spec.orientation === 'horizontal';
  const flagged = new Set(spec.highlight);
  const fill = hatch(theme, pixelRatio());
  // Round ticks that do not crowd: about one per 4.5 em of axis.
  const step = tickStep(spec.suggestedMin, spec.suggestedMax, Math.floor((horizontal ? width * 0.55 : theme.fontSize * 20) / (theme.fontSize * 4.5)));
  const valueAxis = {
    min: spec.suggestedMin,
    max: spec.suggestedMax,
    grid: { color: theme.grid },
    border: { color: theme.muted },
    ticks: {
      color: theme.text,
      font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.85) },
      stepSize: step,
      callback: (value: number | string) => tickLabel(Number(value), step),
    },
    title: {
      display: true,
      text: `${spec.valueName}（${spec.unit}）`,
      color: theme.text,
      font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.9) },
    },
  };
  const categoryAxis = {
    grid: { display: false },
    border: { color: theme.muted },
    ticks: { color: theme.text, autoSkip: false, font: { family: theme.fontFamily, size: Math.round(theme.fontSize * 0.9) } },
  };
  const widest = Math.max(...spec.valueTexts.map((t) => t.length));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: spec.valueName,
          data: spec.values,
          backgroundColor: spec.values.map((_, i) => (flagged.has(i) ? fill : theme.bar)),
          borderColor: spec.values.map((_, i) => (flagged.has(i) ? theme.flag : theme.bar)),
          borderWidth: 1,
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: pixelRatio(),
      // Drawn in one go: no animation frames competing with the page's first seconds.
      animation: false,
      // Room at the bar ends for the printed values.
      layout: { padding: horizontal ? { right: Math.round(widest * theme.fontSize * 0.62) + 8 } : { top: theme.fontSize + 6 } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const flag = flagged.has(item.dataIndex) && spec.highlightLabel ? `（${spec.highlightLabel}）` : '';
              return `${spec.valueName}：${spec.valueTexts[item.dataIndex]}${spec.unit}${flag}`;
            },
          },
        },
        pingguValueLabels: { texts: spec.valueTexts, color: theme.text, font: fontOf(theme, 0.85), horizontal },
      },
    },
    plugins: [valueLabels],
  };
}

/** The figure's parts and spec; null when it has no usable data. */
function prepare(figure: HTMLElement): Pending | null {
  const spec = readSpec(figure);
  const wrap = figure.querySelector<HTMLElement>('.chart-canvas-wrap');
  const canvas = wrap?.querySelector('canvas');
  if (!spec || !wrap || !canvas) return null;
  return { figure, wrap, canvas, spec };
}

/** Draws one prepared figure's chart into its (already laid out) area. */
function mount(pending: Pending): Mounted {
  const { figure, wrap, canvas, spec } = pending;
  wrap.hidden = false;
  for (const shown of figure.querySelectorAll<HTMLElement>('.chart-axis-note, .chart-keys')) shown.hidden = false;
  const theme = readTheme(figure);
  const width = wrap.clientWidth;
  const labels = wrappedLabels(spec, theme, width);
  sizeWrap(wrap, spec, labels, theme);
  const chart = new Chart(canvas, configure(spec, theme, labels, width));
  figure.classList.add('chart--ready');
  return { ...pending, chart, theme, wrappedFor: width };
}

/** Shows a figure as its caption and table only: its chart could not be drawn. */
function fail(figure: HTMLElement): void {
  figure.classList.add('chart--failed');
  figure.querySelector<HTMLElement>('.chart-canvas-wrap')?.setAttribute('hidden', '');
  figure.querySelector<HTMLElement>('button.chart-download')?.setAttribute('hidden', '');
  const table = figure.querySelector('details.chart-table');
  if (table instanceof HTMLDetailsElement) table.open = true;
}

/** Re-reads the theme and re-wraps labels; redraws without animation. */
function refresh(mounted: Mounted): void {
  const { figure, wrap, spec, chart } = mounted;
  mounted.theme = readTheme(figure);
  mounted.wrappedFor = wrap.clientWidth;
  const labels = wrappedLabels(spec, mounted.theme, mounted.wrappedFor);
  sizeWrap(wrap, spec, labels, mounted.theme);
  const config = configure(spec, mounted.theme, labels, mounted.wrappedFor);
  chart.data = config.data;
  chart.options = config.options!;
  // Fit the canvas to the wrapper now: Chart.js's own resize waits for a ResizeObserver, which does not run while printing.
  chart.resize();
  chart.update('none');
}

/**
 * A length the stylesheet sets on <html> for print (`--print-text-width`,
 * `--print-chart-max-height`) in CSS pixels; 0 when it is not set.
 */
function printLength(root: Document, property: string): number {
  const probe = root.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;height:0;width:var(${property}, 0)`;
  root.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

/**
 * How far a chart may be squeezed to fit its printed maximum height: one
 * that needs more (hundreds of bars) would print illegibly, so its table,
 * which holds the same numbers, prints instead.
 */
const PRINT_SQUEEZE = 1.6;

/** Lets the browser paint and handle input before the next chart is drawn. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How far outside the viewport a chart starts drawing, so it is ready when scrolled to. */
const LOOKAHEAD = '300px 0px';

/**
 * Draws the charts in `root` as they come near the viewport, one per task,
 * and keeps them in step with the page: dark mode, 大字, print and width
 * changes redraw them from the stylesheet. Each figure's data table is
 * folded into its 数据表 toggle at once (the stylesheet already shows it
 * folded) and its 下载图片 button works before the chart is drawn (it draws
 * it first). Printing (beforeprint, or print media) draws every chart not
 * yet drawn, at the printed width, and then sets `data-print-ready` on
 * <html>, which the PDF step waits for. A figure whose chart cannot be
 * drawn shows its table.
 *
 * @example
 * initCharts(document); // every figure.chart draws when scrolled near
 */
export function initCharts(root: Document): void {
  // Tells site.js's fallback that the figures are in this script's hands.
  root.documentElement.dataset.charts = CHARTS_READY;
  const waiting = new Map<HTMLElement, Pending>();
  const mounted = new Map<HTMLElement, Mounted>();
  let visible: IntersectionObserver | null = null;
  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const one = mounted.get(entry.target.closest<HTMLElement>('figure.chart')!);
      if (one && Math.abs(one.wrap.clientWidth - one.wrappedFor) > 1) refresh(one);
    }
  });

  /** The figure's chart, drawn now if it was not yet; null when it cannot be drawn. */
  const draw = (figure: HTMLElement): Mounted | null => {
    const done = mounted.get(figure);
    if (done) return done;
    const pending = waiting.get(figure);
    if (!pending) return null;
    waiting.delete(figure);
    visible?.unobserve(figure);
    try {
      const one = mount(pending);
      mounted.set(figure, one);
      resized.observe(one.wrap);
      return one;
    } catch {
      // Leave this figure as its table; the others still draw.
      fail(figure);
      return null;
    }
  };

  // Figures seen near the viewport, drawn one per task in page order.
  const queue: HTMLElement[] = [];
  let draining = false;
  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    while (queue.length > 0) {
      await nextTask();
      const figure = queue.shift()!;
      draw(figure);
    }
    draining = false;
  };
  const enqueue = (figure: HTMLElement): void => {
    if (!waiting.has(figure) || queue.includes(figure)) return;
    queue.push(figure);
    void drain();
  };
  if (typeof IntersectionObserver === 'function') {
    visible = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) enqueue(entry.target as HTMLElement);
      },
      { rootMargin: LOOKAHEAD },
    );
  }

  for (const figure of root.querySelectorAll<HTMLElement>('figure.chart[data-chart-id]')) {
    let pending: Pending | null = null;
    try {
      pending = prepare(figure);
    } catch {
      pending = null;
    }
    if (!pending) {
      fail(figure);
      continue;
    }
    waiting.set(figure, pending);
    const table = figure.querySelector('details.chart-table');
    if (table instanceof HTMLDetailsElement) {
      table.open = false;
      table.classList.add('chart-table--live');
    }
    const button = figure.querySelector<HTMLButtonElement>('button.chart-download');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => {
        const one = draw(figure);
        const footnote = one?.spec.axisNote ?? one?.spec.keys?.map((key) => key.text).join('　');
        if (one) downloadPng(composePng(one.chart.canvas, { title: one.spec.title, footnote, theme: one.theme, ratio: pixelRatio() }), one.spec.id);
      });
    }
    if (visible) visible.observe(figure);
    else enqueue(figure);
  }
  const ready = (value: boolean): void => {
    if (value) root.documentElement.dataset.printReady = 'true';
    else delete root.documentElement.dataset.printReady;
  };
  const printing = window.matchMedia?.('print');
  if (waiting.size === 0) {
    ready(true);
    return;
  }

  const refreshAll = (): void => mounted.forEach(refresh);
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', refreshAll);
  // 大字 (and any theme class) is a class on <html>.
  new MutationObserver(refreshAll).observe(root.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme'] });

  // Print in the light print colours with every chart drawn at the width of the paper and every table open.
  // beforeprint (and print media emulated for a PDF) come while the page still has the screen's width, so
  // each chart is first given the printed text block's. The page then says its charts are ready to print.
  const toPrint = (): void => {
    for (const figure of [...waiting.keys()]) draw(figure);
    const width = printLength(root, '--print-text-width');
    const maxHeight = printLength(root, '--print-chart-max-height');
    for (const one of mounted.values()) {
      one.figure.classList.add('chart--print');
      if (width > 0) one.wrap.style.width = `${width}px`;
      const table = one.figure.querySelector('details.chart-table');
      if (table instanceof HTMLDetailsElement) table.open = true;
    }
    refreshAll();
    // The height each chart asked for (before the print stylesheet's maximum): too many bars print as the table.
    for (const one of mounted.values()) {
      const needed = Number.parseFloat(one.wrap.style.height);
      one.figure.classList.toggle('chart--table-in-print', maxHeight > 0 && needed > maxHeight * PRINT_SQUEEZE);
    }
    ready(true);
  };
  const fromPrint = (): void => {
    ready(false);
    for (const one of mounted.values()) {
      one.figure.classList.remove('chart--print', 'chart--table-in-print');
      one.wrap.style.width = '';
    }
    refreshAll();
  };
  window.addEventListener('beforeprint', toPrint);
  window.addEventListener('afterprint', fromPrint);
  printing?.addEventListener?.('change', (event) => (event.matches ? toPrint() : fromPrint()));
  if (printing?.matches) toPrint();
}

initCharts(document);
