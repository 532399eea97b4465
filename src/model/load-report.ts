/**
 * The adapter from a data folder to a `Report`: read the files (the only
 * file I/O), validate them, compute the model. Every problem comes out at
 * once as an `EditionError`.
 */
import { EditionError, formatIssues, type Issue } from '../data/errors.ts';
import { loadEditionFiles } from '../data/load-edition-files.ts';
import { parseEdition, type Edition } from '../schema/edition.ts';
import { computeReport, type ComputeOptions } from './compute-report.ts';
import type { Report } from './types.ts';

export { EditionError, formatIssues, loadEditionFiles, type Issue };

/**
 * Reads and validates an edition folder and returns the typed `Edition`.
 * Throws an `EditionError` listing every issue (file:line:col field: 说明).
 *
 * @example
 * const edition = await loadEdition({ dataDir: 'tests/fixtures/small/data' });
 * edition.units.length // 3
 */
export async function loadEdition(opts: { dataDir: string; cwd?: string }): Promise<Edition> {
  const files = await loadEditionFiles(opts.dataDir, opts.cwd !== undefined ? { cwd: opts.cwd } : {});
  const result = parseEdition(files);
  if ('issues' in result) throw new EditionError(result.issues);
  return result.edition;
}

/**
 * Loads an edition folder and computes its report. Throws an `EditionError`
 * for bad input (every issue at once) or for printed figures that do not
 * reconcile.
 *
 * @example
 * const report = await loadReport({ dataDir: process.env.REPORT_DATA ?? 'data' });
 * report.units[0].name // the top-ranked unit
 */
export async function loadReport(opts: { dataDir: string; cwd?: string } & ComputeOptions): Promise<Report> {
  const edition = await loadEdition(opts);
  return computeReport(edition, opts.reconcile !== undefined ? { reconcile: opts.reconcile } : {});
}
