import { describe, expect, it } from 'vitest';
import { chartData } from '../../../src/site/charts/chart-data.ts';
import { chartSpec, CHART_NAMES } from '../../../src/site/charts/index.ts';
import { makeReport } from './report-fixture.ts';

const specOf = (name: string) => chartSpec(makeReport(), name, name === 'experience-units' ? 'second' : undefined)!;

describe('chartData(spec)', () => {
  it.each([...CHART_NAMES])('keeps what the %s chart is drawn from, unchanged', (name) => {
    const spec = specOf(name);
    const data = chartData(spec);
    expect(data).toMatchObject({
      id: spec.id,
      title: spec.title,
      orientation: spec.orientation,
      labels: spec.labels,
      values: spec.values,
      valueTexts: spec.valueTexts,
      unit: spec.unit,
      valueName: spec.valueName,
      highlight: spec.highlight,
      suggestedMin: spec.suggestedMin,
      suggestedMax: spec.suggestedMax,
    });
    expect(data.axisNote).toBe(spec.axisNote);
    expect(data.highlightLabel).toBe(spec.highlightLabel);
    expect(data.intervals).toEqual(spec.intervals);
    expect(data.keys).toEqual(spec.keys);
  });

  it.each([...CHART_NAMES])('leaves the table and the aria-label of the %s chart out', (name) => {
    const data = chartData(specOf(name)) as Record<string, unknown>;
    for (const key of ['rows', 'columns', 'labelColumn', 'numericColumns', 'ariaLabel', 'note', 'sizeClass']) expect(data, key).not.toHaveProperty(key);
  });

  it('leaves an optional field out rather than writing it as undefined', () => {
    const spec = specOf('unit-ranking');
    const { axisNote: _dropped, ...rest } = spec;
    expect(Object.keys(chartData(rest))).not.toContain('axisNote');
    expect(Object.keys(chartData(spec))).toContain('axisNote');
  });
});
