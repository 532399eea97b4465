/**
 * Where the site gets its one computed `Report` per build: either the
 * report the build script already computed and injected with `useReport`,
 * or one loaded from `REPORT_DATA` (default `data/`) on first use. It also
 * lets the build script take over writing the downloads
 * (`receiveDownloads`), so it can write them while Pagefind indexes.
 *
 * The state lives on `globalThis` under a registered symbol, not in module
 * variables: inside a Vitest worker, `.eleventy.js` is imported by Node's
 * own loader and gets a second copy of this module, which must still see
 * the report the build injected (otherwise the report is computed twice).
 */
import { loadReport } from '../model/load-report.ts';
import type { Report } from '../model/types.ts';
import type { ChapterSource } from '../model/chapter-source.ts';
import type { BundledAsset } from './bundle.ts';
import type { Chapter } from './render-chapters.ts';
import type { RenderBatch } from './render-batches.ts';

/** What the downloads of one build are made from, and where they go. */
export interface DownloadsJob {
  report: Report;
  chapters: ChapterSource[];
  /** The folder Eleventy wrote the pages into. */
  outputDir: string;
}

/**
 * What one build computes once for all its Eleventy runs (a batched build
 * runs Eleventy several times): the rendered chapters and the bundled
 * browser code. The Eleventy config fills it on first use.
 */
export interface SharedWork {
  chapters?: Promise<Chapter[]>;
  assets?: Promise<BundledAsset[]>;
}

interface SourceState {
  injected: Report | undefined;
  loaded: Promise<Report> | undefined;
  receiver: ((job: DownloadsJob) => void) | undefined;
  batch: RenderBatch | undefined;
  shared: SharedWork;
}

const KEY = Symbol.for('pinggu.report-source');

function state(): SourceState {
  const holder = globalThis as { [KEY]?: SourceState };
  holder[KEY] ??= { injected: undefined, loaded: undefined, receiver: undefined, batch: undefined, shared: {} };
  return holder[KEY];
}

/**
 * Hands the site a report computed elsewhere (by `scripts/build.ts`), so a
 * build computes it once; pass `undefined` to go back to loading from disk.
 *
 * @example
 * useReport(report); await currentReport() === report // true
 */
export function useReport(report: Report | undefined): void {
  const s = state();
  s.injected = report;
  s.loaded = undefined;
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
  const s = state();
  if (s.injected) return Promise.resolve(s.injected);
  s.loaded ??= Promise.resolve().then(() => loadReport({ dataDir: process.env.REPORT_DATA ?? 'data' }));
  return s.loaded;
}

/**
 * Drops a loaded (not injected) report, and the build's shared work
 * (chapters, bundled assets), so the next build reads the data, the
 * chapters and the browser sources again.
 *
 * @example
 * forgetReport(); // next currentReport() reloads REPORT_DATA
 */
export function forgetReport(): void {
  const s = state();
  s.loaded = undefined;
  s.shared = {};
}

/**
 * The work the current build shares between its Eleventy runs, kept until
 * `forgetReport()`. The config memoises into it, so a batched build renders
 * the chapters and bundles the assets once.
 *
 * @example
 * const shared = sharedWork();
 * shared.chapters ??= render(); // later runs of the same build reuse it
 */
export function sharedWork(): SharedWork {
  return state().shared;
}

/**
 * Declares which batch the next Eleventy run writes (`scripts/lib/render-site.ts`
 * sets it before each run of a batched build); `undefined` means every page
 * in one run, as `npm start` renders.
 *
 * @example
 * useBatch(plan[1]); // the next run writes plan[1]'s slice only
 * useBatch(undefined);
 */
export function useBatch(batch: RenderBatch | undefined): void {
  state().batch = batch;
}

/**
 * The batch the current Eleventy run writes, or `undefined` for all pages.
 *
 * @example
 * const batch = currentBatch();
 * const last = !batch || batch.index === batch.count - 1;
 */
export function currentBatch(): RenderBatch | undefined {
  return state().batch;
}

/**
 * Declares that the caller writes the downloads itself: until called again
 * with `undefined`, `handOverDownloads` passes each build's job to
 * `receiver` instead of letting the Eleventy config write them.
 *
 * @example
 * let job; receiveDownloads((j) => { job = j; });
 * // … render with Eleventy …
 * receiveDownloads(undefined); await writeDownloads(job);
 */
export function receiveDownloads(receiver: ((job: DownloadsJob) => void) | undefined): void {
  state().receiver = receiver;
}

/**
 * Gives a build's downloads job to the receiver registered with
 * `receiveDownloads`; returns false when there is none (then the caller,
 * the Eleventy config, writes the downloads itself).
 *
 * @example
 * if (!handOverDownloads(job)) await writeDownloads(job);
 */
export function handOverDownloads(job: DownloadsJob): boolean {
  const { receiver } = state();
  if (!receiver) return false;
  receiver(job);
  return true;
}
