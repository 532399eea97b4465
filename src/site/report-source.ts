/**
 * Where the site gets its one computed `Report` per build: either the
 * report the build script already computed and injected with `useReport`,
 * or one loaded from `REPORT_DATA` (default `data/`) on first use.
 */
import { loadReport } from '../model/load-report.ts';
import type { Report } from '../model/types.ts';

let injected: Report | undefined;
let loaded: Promise<Report> | undefined;

/**
 * Hands the site a report computed elsewhere (by `scripts/build.ts`), so a
 * build computes it once; pass `undefined` to go back to loading from disk.
 *
 * @example
 * useReport(report); await currentReport() === report // true
 */
export function useReport(report: Report | undefined): void {
  injected = report;
  loaded = undefined;
}

/**
 * The report for the current build: the injected one, else the edition in
 * `REPORT_DATA` (default `data`), loaded once and kept until `forgetReport()`.
 * A broken edition rejects with the loader's `EditionError` (file:line:col).
 *
 * @example
 * process.env.REPORT_DATA = 'tests/fixtures/small/data';
 * (await currentReport()).units.length // the fixture's unit count
 */
export function currentReport(): Promise<Report> {
  if (injected) return Promise.resolve(injected);
  loaded ??= Promise.resolve().then(() => loadReport({ dataDir: process.env.REPORT_DATA ?? 'data' }));
  return loaded;
}

/**
 * Drops a loaded (not injected) report so the next build in watch mode
 * reads the data again.
 *
 * @example
 * forgetReport(); // next currentReport() reloads REPORT_DATA
 */
export function forgetReport(): void {
  loaded = undefined;
}
