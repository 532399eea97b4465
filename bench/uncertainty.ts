/**
 * What scheme.yaml's `uncertainty` block costs a build: its Monte Carlo
 * draws (every assumption at once, then each alone) timed on a cold process,
 * as a build pays them, against `computeReport` of the same edition without
 * the block, in the same process.
 */
import { computeReport } from '../src/model/compute-report.ts';
import { loadEdition } from '../src/model/load-report.ts';
import { uncertaintyModel } from '../src/model/uncertainty-model.ts';
import { buildScoringMatrix } from '../src/scoring/scoring-matrix.ts';

/** One cold measurement, milliseconds. */
export interface UncertaintyBenchResult {
  experiences: number;
  units: number;
  draws: number;
  /** `computeReport` without the block: everything else the score stage does. */
  computeReportMs: number;
  /** The scoring matrix and `uncertaintyModel`: the draws, the runs per assumption, the intervals. */
  uncertaintyMs: number;
}

/**
 * Load the edition in `dataDir` (untimed), compute its report without the
 * uncertainty block, then the uncertainty model on its own. Both are the
 * first call in this process, as in a build; the uncertainty code shares
 * nothing with `computeReport` that could have been warmed but two small
 * helpers (rounding, the experience score).
 *
 * @example
 * await measureUncertainty({ dataDir: 'data' });
 * // { experiences: 20, units: 9, draws: 10000, computeReportMs: 9.1, uncertaintyMs: 31.4 }
 */
export async function measureUncertainty(options: { dataDir: string }): Promise<UncertaintyBenchResult> {
  const edition = await loadEdition({ dataDir: options.dataDir });
  const { uncertainty, ...scheme } = edition.scheme;
  if (!uncertainty) throw new Error(`${options.dataDir}/scheme.yaml has no uncertainty block to measure`);

  let started = performance.now();
  const report = computeReport({ ...edition, scheme }, { reconcile: 'record' });
  const computeReportMs = performance.now() - started;

  started = performance.now();
  const model = uncertaintyModel(edition.scheme, buildScoringMatrix(edition), report);
  const uncertaintyMs = performance.now() - started;
  if (!model) throw new Error('no uncertainty model computed');
  return { experiences: edition.experiences.length, units: edition.units.length, draws: uncertainty.draws, computeReportMs, uncertaintyMs };
}
