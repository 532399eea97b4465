import { describe, expect, it } from 'vitest';
import { uncertaintyText } from '../../../src/model/uncertainty-text.ts';
import { intervalNote, uncertaintySection } from '../../../src/site/views/uncertainty-section.ts';
import { makeReport, makeUncertainty } from '../charts/report-fixture.ts';

describe('uncertaintySection(report)', () => {
  it('is null for an edition without an uncertainty analysis, so the method page shows none of it', () => {
    expect(uncertaintySection(makeReport({ uncertainty: undefined }))).toBeNull();
  });

  it('places the model’s sentences as they are', () => {
    const report = makeReport();
    const { views, hasCharts, ...rest } = uncertaintySection(report)!;
    const { views: textViews, ...text } = uncertaintyText(report)!;
    expect(rest).toEqual(text);
    expect(views.map(({ chart: _chart, ...view }) => view)).toEqual(textViews.map(({ chart: _chart, ...view }) => view));
    expect(hasCharts).toBe(true);
  });

  it('charts the views whose intervals say something, each with the table behind its chart, and not the departments, which cannot move', () => {
    const { views } = uncertaintySection(makeReport())!;
    expect(views.map((view) => [view.id, view.chart?.id ?? null])).toEqual([
      ['units', 'unit-intervals'],
      ['departments', null],
      ['experiences', 'experience-intervals'],
    ]);
    expect(views[0]!.chart!.rows).toHaveLength(3);
    expect(views[0]!.chart!.sizeClass).toMatch(/^chart--/);
  });

  it('loads no charts script when no view’s intervals leave its base ranks', () => {
    const u = makeUncertainty();
    for (const view of ['units', 'experiences'] as const) u[view] = u[view].map((item) => ({ ...item, median: item.rank, low: item.rank, high: item.rank }));
    const section = uncertaintySection(makeReport({ uncertainty: u }))!;
    expect(section.views.every((view) => view.chart === null)).toBe(true);
    expect(section.hasCharts).toBe(false);
  });

  it('hands the annexes the model’s note on the interval column', () => {
    expect(intervalNote(makeReport(), 'units')).toMatch(/^90%区间：/);
  });
});
