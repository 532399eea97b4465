import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/site/charts/index.ts';
import { CHART_BAR_BUCKETS, chartSizeClass } from '../../../src/site/charts/size-class.ts';
import { makeReport } from './report-fixture.ts';

const bars = (count: number): string[] => Array.from({ length: count }, (_, i) => `单位${i}`);

describe('chartSizeClass(spec)', () => {
  it.each([
    [1, 'chart--bars-1'],
    [9, 'chart--bars-9'],
    [40, 'chart--bars-40'],
    [41, 'chart--bars-50'],
    [100, 'chart--bars-100'],
    [101, 'chart--bars-150'],
    [450, 'chart--bars-450'],
    [451, 'chart--bars-500'],
    [1000, 'chart--bars-1000'],
    [5000, 'chart--bars-1000'],
  ])('gives a horizontal chart of %i bars the class %s', (count, expected) => {
    expect(chartSizeClass({ orientation: 'horizontal', labels: bars(count) })).toBe(expected);
  });

  it('treats a chart without bars as one bar high', () => {
    expect(chartSizeClass({ orientation: 'horizontal', labels: [] })).toBe('chart--bars-1');
  });

  it('gives a vertical chart its fixed-height class whatever its bar count', () => {
    expect(chartSizeClass({ orientation: 'vertical', labels: bars(30) })).toBe('chart--vertical');
  });

  it('never reserves less than the bars need, up to the largest bucket', () => {
    for (let count = 1; count <= 1000; count += 1) {
      const reserved = Number(chartSizeClass({ orientation: 'horizontal', labels: bars(count) }).replace('chart--bars-', ''));
      expect(reserved).toBeGreaterThanOrEqual(count);
    }
  });

  it('has a rule in charts.css setting --chart-bars for every bucket', async () => {
    const css = await readFile(path.resolve(import.meta.dirname, '../../../assets/css/charts.css'), 'utf8');
    for (const bucket of CHART_BAR_BUCKETS) expect(css).toContain(`.chart--bars-${bucket} { --chart-bars: ${bucket}; }`);
    expect(css).toContain('.chart-canvas-wrap.chart--vertical');
  });
});

describe('chartSpec sizes every chart', () => {
  it.each(['unit-ranking', 'department-scores', 'experience-scores', 'awareness'])('gives the %s chart the class for its bar count', (name) => {
    const spec = chartSpec(makeReport(), name)!;
    expect(spec.sizeClass).toBe(chartSizeClass(spec));
  });
});
