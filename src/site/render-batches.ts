/**
 * Splitting a large site into render batches: several Eleventy runs, each
 * writing a slice of the per-item pages (experiences, units, departments),
 * so the build's memory follows one slice instead of the whole output.
 *
 * Eleventy 3.1 renders the body of every page before it writes any and
 * keeps every finished page until the run ends (docs/performance.md,
 * *Memory at 50×*); its memory grows with the output. The output of a
 * per-item page grows with the rows of its table: an experience page lists
 * every unit, a unit page every experience. A batch holds pages up to a
 * budget of rows; the single pages (home, method, downloads) are written by
 * the first batch only. An edition whose pages fit the budget is one batch,
 * exactly the unbatched run.
 *
 * Pure: knows the report's shape, nothing of files or Eleventy.
 */
import type { Report } from '../model/types.ts';

/**
 * The page families written one page per item, in the order batches cut them.
 *
 * @example
 * pagedFamilies.map((f) => report[f].length) // [experiences, units, departments]
 */
export const pagedFamilies = ['experiences', 'units', 'departments'] as const;

/** One family of per-item pages (`templates/<family>.njk`). */
export type PagedFamily = (typeof pagedFamilies)[number];

/** The parts of the report that decide the batches. */
export type BatchedReport = Pick<Report, PagedFamily>;

/** One Eleventy run of a batched build. */
export interface RenderBatch {
  /** 0-based position; batch 0 also writes the single pages. */
  index: number;
  /** How many batches the build has. */
  count: number;
  /** Per family, the half-open range `[start, end)` of `report[family]` this batch writes. */
  ranges: Readonly<Record<PagedFamily, readonly [number, number]>>;
}

/** What the templates paginate over in one run (Eleventy global data `batch`). */
export interface BatchPages {
  /** `[true]` when this run writes the single pages (home, method, downloads), else `[]`. */
  once: true[];
  experiences: Report['experiences'];
  units: Report['units'];
  departments: Report['departments'];
}

/**
 * Rows per batch: table rows (plus one per page) that one Eleventy run may
 * write. At 50× a row is ≈ 550 bytes of HTML, held twice (body and finished
 * page) as two-byte strings, so 100,000 rows are ≈ 200 MiB of strings at a
 * run's peak. The 10× edition (≈ 37,000 rows) is one batch.
 *
 * @example
 * planRenderBatches(report, defaultBatchRows).length // 1 up to ≈ 100,000 rows
 */
export const defaultBatchRows = 100_000;

/**
 * The cost of one per-item page in rows: one for the page, plus one per row
 * of its main table (an experience's units, a unit's experiences, a
 * department's experiences).
 *
 * @example
 * pageRows(report, 'experiences', 0) // 1 + report.experiences[0].units.length
 */
export function pageRows(report: BatchedReport, family: PagedFamily, index: number): number {
  if (family === 'experiences') return 1 + report.experiences[index]!.units.length;
  if (family === 'units') return 1 + report.units[index]!.experiences.length;
  return 1 + report.departments[index]!.experiences.length;
}

/**
 * The cost of the single pages in rows: the home page's annexes list every
 * unit, department and experience (method and downloads are small).
 *
 * @example
 * singlePagesRows(report) // units + departments + experiences + 3
 */
export function singlePagesRows(report: BatchedReport): number {
  return 3 + report.experiences.length + report.units.length + report.departments.length;
}

/**
 * Cuts the per-item pages, family after family in report order, into
 * batches of at most `rowsPerBatch` rows (a single page larger than the
 * budget gets a batch of its own). Batch 0 starts with the single pages.
 * Every page is in exactly one batch; an edition within the budget gets
 * one batch covering everything.
 *
 * @example
 * planRenderBatches({ experiences: [e1, e2], units: [u1], departments: [] }, 1_000_000)
 * // [{ index: 0, count: 1, ranges: { experiences: [0, 2], units: [0, 1], departments: [0, 0] } }]
 */
export function planRenderBatches(report: BatchedReport, rowsPerBatch: number = defaultBatchRows): RenderBatch[] {
  if (!Number.isFinite(rowsPerBatch) || rowsPerBatch < 1) {
    throw new RangeError(`每批行数必须是正数 (rows per batch must be a positive number, got ${rowsPerBatch})`);
  }
  const cuts: Record<PagedFamily, number>[] = [];
  let rows = singlePagesRows(report);
  let pagesInBatch = 0;
  const position: Record<PagedFamily, number> = { experiences: 0, units: 0, departments: 0 };
  for (const family of pagedFamilies) {
    for (let i = 0; i < report[family].length; i++) {
      const cost = pageRows(report, family, i);
      if (pagesInBatch > 0 && rows + cost > rowsPerBatch) {
        cuts.push({ ...position });
        rows = 0;
        pagesInBatch = 0;
      }
      rows += cost;
      pagesInBatch++;
      position[family] = i + 1;
    }
  }
  const ends = [...cuts, { experiences: report.experiences.length, units: report.units.length, departments: report.departments.length }];
  return ends.map((end, index) => {
    const start = index === 0 ? { experiences: 0, units: 0, departments: 0 } : ends[index - 1]!;
    const ranges = Object.fromEntries(pagedFamilies.map((f) => [f, [start[f], end[f]] as const])) as RenderBatch['ranges'];
    return { index, count: ends.length, ranges };
  });
}

/**
 * The pages one run writes: the slices of its batch, and the single pages
 * when it is the first. Without a batch (`npm start`, an unbatched build)
 * every page.
 *
 * @example
 * batchPages(report, undefined).experiences === report.experiences // true
 * batchPages(report, plan[1]).once // []
 */
export function batchPages(report: BatchedReport, batch: RenderBatch | undefined): BatchPages {
  if (!batch) return { once: [true], experiences: report.experiences, units: report.units, departments: report.departments };
  const slice = <F extends PagedFamily>(family: F) => report[family].slice(...batch.ranges[family]) as Report[F];
  return {
    once: batch.index === 0 ? [true] : [],
    experiences: slice('experiences'),
    units: slice('units'),
    departments: slice('departments'),
  };
}
