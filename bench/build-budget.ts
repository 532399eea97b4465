/**
 * The build-time budgets of issue 7, judged on measured numbers: within 2×
 * of bare Eleventy writing the same number of pages, at most 1.5 ms per page
 * beyond start-up, peak memory under 1 GB.
 */

/** Measured numbers of one edition size. */
export interface BuildMeasurement {
  size: string;
  pages: number;
  /** Whole build wall time (load, render, search index, publish), ms. */
  buildMs: number;
  /** Bare Eleventy writing `pages` trivial pages in the same run, ms. */
  bareMs: number;
  /**
   * Build ÷ bare of each pair measured one right after the other, when the
   * size was built more than once: the ratio judged is their median. A
   * pair shares the machine's state of its few seconds, so its ratio
   * cancels what a busy machine does to both; one slow or fast run of
   * either side moves the median of three pairs far less than the ratio
   * of one build to one bare run.
   */
  pairRatios?: readonly number[];
  /** Peak resident memory, the build process and its Pagefind child together, MiB. */
  peakMiB: number;
}

/** The limits; defaults are the issue's. */
export interface BuildBudget {
  maxRatio: number;
  maxMsPerPage: number;
  maxPeakMiB: number;
}

export const BUILD_BUDGET: BuildBudget = { maxRatio: 2, maxMsPerPage: 1.5, maxPeakMiB: 1024 };

/** A size judged against the budget. */
export interface BuildVerdict extends BuildMeasurement {
  /** The median of `pairRatios`, or buildMs / bareMs when there is none. */
  ratio: number;
  /** (buildMs − start-up buildMs) / (pages − start-up pages); null for the start-up size itself. */
  msPerPage: number | null;
  ratioOk: boolean;
  perPageOk: boolean;
  memoryOk: boolean;
}

/**
 * Judge each size against the budget. Start-up is the build of the
 * smallest edition (`startup`): the cost per page is the build time beyond
 * it divided by the pages beyond it, so fixed costs (loading Eleventy,
 * bundling, Pagefind's start) are not charged to pages. A size with no more
 * pages than start-up has no per-page cost and passes that budget.
 *
 * @example
 * const [v] = judgeBuilds(
 *   [{ size: '10x', pages: 1050, buildMs: 3000, bareMs: 2000, peakMiB: 400 }],
 *   { pages: 10, buildMs: 1500 },
 * );
 * v.ratio; // 1.5
 * v.msPerPage; // (3000 - 1500) / (1050 - 10) ≈ 1.44
 * v.ratioOk && v.perPageOk && v.memoryOk; // true
 * judgeBuilds([{ size: 'default', pages: 49, buildMs: 1100, bareMs: 470, peakMiB: 180, pairRatios: [1.71, 2.34, 1.84] }], startup)[0].ratio; // 1.84
 */
export function judgeBuilds(
  sizes: readonly BuildMeasurement[],
  startup: { pages: number; buildMs: number },
  budget: BuildBudget = BUILD_BUDGET,
): BuildVerdict[] {
  return sizes.map((m) => {
    const extraPages = m.pages - startup.pages;
    const msPerPage = extraPages > 0 ? (m.buildMs - startup.buildMs) / extraPages : null;
    const ratio = m.pairRatios && m.pairRatios.length > 0 ? medianOf(m.pairRatios) : m.buildMs / m.bareMs;
    return {
      ...m,
      ratio,
      msPerPage,
      ratioOk: ratio <= budget.maxRatio,
      perPageOk: msPerPage === null || msPerPage <= budget.maxMsPerPage,
      memoryOk: m.peakMiB < budget.maxPeakMiB,
    };
  });
}

/**
 * The median of a non-empty list (the mean of the middle two for an even count).
 *
 * @example
 * medianOf([2.3, 1.7, 1.9]) // 1.9
 * medianOf([1, 2, 3, 4])    // 2.5
 */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
