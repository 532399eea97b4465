import type { ChartSpec } from '../../model/chart-spec.ts';

/**
 * The bar counts a chart's reserved height is rounded up to: every count up
 * to 40, then steps of 10 to 100, of 50 to 500 and of 100 to 1,000.
 * `assets/css/charts.css` has one `.chart--bars-N` rule per bucket (a test
 * checks it), because the Content-Security-Policy forbids `style=`.
 */
export const CHART_BAR_BUCKETS: readonly number[] = [
  ...Array.from({ length: 40 }, (_, i) => i + 1),
  ...[50, 60, 70, 80, 90, 100],
  ...[150, 200, 250, 300, 350, 400, 450, 500],
  ...[600, 700, 800, 900, 1000],
];

/**
 * The class that lets the stylesheet reserve a chart's height before the
 * script draws it, so nothing below the chart moves when it appears. A
 * horizontal chart is as tall as its bars (one line of label each, see
 * `chartHeight` in `src/client/charts-labels.ts`): its bar count is rounded
 * up to the next of {@link CHART_BAR_BUCKETS} (the largest for more bars);
 * a vertical chart has a fixed height.
 *
 * @example
 * chartSizeClass({ orientation: 'horizontal', labels: ['甲', '乙', '丙'] }) // => 'chart--bars-3'
 * chartSizeClass({ orientation: 'horizontal', labels: Array(42).fill('甲') }) // => 'chart--bars-50'
 * chartSizeClass({ orientation: 'vertical', labels: ['甲'] })             // => 'chart--vertical'
 */
export function chartSizeClass(spec: Pick<ChartSpec, 'orientation' | 'labels'>): string {
  if (spec.orientation === 'vertical') return 'chart--vertical';
  const count = Math.max(1, spec.labels.length);
  const bucket = CHART_BAR_BUCKETS.find((b) => b >= count) ?? CHART_BAR_BUCKETS[CHART_BAR_BUCKETS.length - 1]!;
  return `chart--bars-${bucket}`;
}
