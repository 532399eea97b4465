import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchPages,
  defaultBatchRows,
  pagedFamilies,
  pageRows,
  planRenderBatches,
  singlePagesRows,
  type BatchedReport,
  type RenderBatch,
} from '../../src/site/render-batches.ts';

/** A report shape with `e` experiences over `u` units and `d` departments leading `led[i]` experiences each. */
function shape(e: number, u: number, led: number[] = []): BatchedReport {
  const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  return {
    experiences: ids(e, 'e').map((id) => ({ id, units: ids(u, 'u') })),
    units: ids(u, 'u').map((id) => ({ id, experiences: ids(e, 'e') })),
    departments: led.map((n, i) => ({ id: `d${i}`, experiences: ids(n, 'e') })),
  } as unknown as BatchedReport;
}

/** Every page of every family, as `family:index`, in the order the batches of `plan` write them. */
function pagesOf(plan: RenderBatch[]): string[] {
  return plan.flatMap((b) => pagedFamilies.flatMap((f) => Array.from({ length: b.ranges[f][1] - b.ranges[f][0] }, (_, k) => `${f}:${b.ranges[f][0] + k}`)));
}

function batchRows(report: BatchedReport, b: RenderBatch): number {
  let rows = b.index === 0 ? singlePagesRows(report) : 0;
  for (const f of pagedFamilies) for (let i = b.ranges[f][0]; i < b.ranges[f][1]; i++) rows += pageRows(report, f, i);
  return rows;
}

describe('planRenderBatches(report, rowsPerBatch)', () => {
  it('keeps an edition within the budget in one batch covering every page', () => {
    const report = shape(200, 90, [3, 5, 0]); // the 10× edition's size
    expect(planRenderBatches(report)).toEqual([{ index: 0, count: 1, ranges: { experiences: [0, 200], units: [0, 90], departments: [0, 3] } }]);
  });

  it('splits a 50×-sized edition into batches that each stay within the budget', () => {
    const report = shape(1000, 450, Array.from({ length: 40 }, () => 21));
    const plan = planRenderBatches(report);
    expect(plan.length).toBeGreaterThan(5);
    for (const b of plan) {
      expect(b.count).toBe(plan.length);
      expect(batchRows(report, b)).toBeLessThanOrEqual(defaultBatchRows);
    }
  });

  it('writes every page exactly once, in report order, and cuts across families', () => {
    const report = shape(8, 4, [2, 0, 3]);
    const plan = planRenderBatches(report, 14);
    const all = pagedFamilies.flatMap((f) => report[f].map((_, i) => `${f}:${i}`));
    expect(pagesOf(plan)).toEqual(all);
    expect(plan.map((b) => b.index)).toEqual(plan.map((_, i) => i));
    // Some batch ends in the experiences and goes on with the units.
    expect(plan.some((b) => b.ranges.experiences[1] > b.ranges.experiences[0] && b.ranges.units[1] > b.ranges.units[0])).toBe(true);
  });

  it('gives a page larger than the budget a batch of its own instead of dropping it', () => {
    const report = shape(3, 10);
    const plan = planRenderBatches(report, 5);
    expect(pagesOf(plan)).toHaveLength(3 + 10);
    for (const b of plan.slice(1)) {
      const pages = pagedFamilies.reduce((n, f) => n + b.ranges[f][1] - b.ranges[f][0], 0);
      expect(pages).toBe(1);
    }
  });

  it('for any edition and budget: every page once, every batch within the budget or a single page', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(12), fc.array(fc.nat(6), { maxLength: 8 }), fc.integer({ min: 1, max: 200 }), (e, u, led, rows) => {
        const report = Object.freeze(shape(e, u, led));
        const plan = planRenderBatches(report, rows);
        expect(pagesOf(plan)).toEqual(pagedFamilies.flatMap((f) => report[f].map((_, i) => `${f}:${i}`)));
        for (const b of plan) {
          const pages = pagedFamilies.reduce((n, f) => n + b.ranges[f][1] - b.ranges[f][0], 0);
          if (pages > 1) expect(batchRows(report, b)).toBeLessThanOrEqual(rows);
        }
      }),
    );
  });

  it('plans one batch for an edition with no per-item pages', () => {
    expect(planRenderBatches(shape(0, 0), 1)).toHaveLength(1);
  });

  it('rejects a budget that is not a positive number, in Chinese first', () => {
    expect(() => planRenderBatches(shape(1, 1), 0)).toThrow(/^每批行数必须是正数/);
    expect(() => planRenderBatches(shape(1, 1), Number.NaN)).toThrow(RangeError);
  });
});

describe('pageRows and singlePagesRows', () => {
  it('count one row per table row plus the page itself', () => {
    const report = shape(2, 3, [1]);
    expect(pageRows(report, 'experiences', 0)).toBe(4);
    expect(pageRows(report, 'units', 2)).toBe(3);
    expect(pageRows(report, 'departments', 0)).toBe(2);
    expect(singlePagesRows(report)).toBe(3 + 2 + 3 + 1);
  });
});

describe('batchPages(report, batch)', () => {
  it('gives every page and the single pages without a batch', () => {
    const report = shape(3, 2, [1]);
    const pages = batchPages(report, undefined);
    expect(pages.once).toEqual([true]);
    expect(pages.experiences).toBe(report.experiences);
    expect(pages.units).toBe(report.units);
    expect(pages.departments).toBe(report.departments);
  });

  it('gives each batch its slices, and the single pages to the first only', () => {
    const report = shape(6, 3, [2, 2]);
    const plan = planRenderBatches(report, 8);
    expect(plan.length).toBeGreaterThan(2);
    const slices = plan.map((b) => batchPages(report, b));
    expect(slices.map((s) => s.once.length)).toEqual(plan.map((_, i) => (i === 0 ? 1 : 0)));
    for (const f of pagedFamilies) expect(slices.flatMap((s) => s[f] as unknown[])).toEqual(report[f]);
  });
});
