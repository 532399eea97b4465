/**
 * The Eleventy step of `npm run build` and `npm start`: renders the site's
 * templates with the pinggu plugin into a given folder, programmatically,
 * in one run or, for a large edition, in several runs that each write a
 * slice of the pages (`src/site/render-batches.ts`).
 */
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Report } from '../../src/model/types.ts';
import type { CompileCache } from '../../src/site/compile-cache.ts';
import { pinggu, siteFolders } from '../../src/site/plugin.ts';
import { loadEleventy } from './load-eleventy.ts';
import { planRenderBatches, type RenderBatch } from '../../src/site/render-batches.ts';
import type { Chapter } from '../../src/site/render-chapters.ts';

/** Options for {@link renderSite}. */
export interface RenderOptions {
  /** Whether the build prints `downloads/report.pdf`, so that pages link it (default false). */
  reportPdf?: boolean;
  /** The computed report. */
  report: Report;
  /** Its rendered chapters. */
  chapters: Chapter[];
  /** Folder to write the pages into (the build's staging folder). */
  outDir: string;
  /**
   * Table rows one Eleventy run may write (`planRenderBatches`): a larger
   * edition is rendered in batches (`npm run build`). Absent, every page
   * in one run, as `npm start` renders.
   */
  batchRows?: number;
  /** Where compiled templates and bundled browser code are kept for the next build. */
  cache?: CompileCache;
  /** Folder of the page templates (default `templates/` of the working directory, the project root). */
  input?: string;
  /** Suppress Eleventy's own console output (default true). */
  quiet?: boolean;
  /**
   * Called with every HTML page as it is rendered: its path inside
   * `outDir` (`experiences/E01/index.html`) and its HTML. Must return at
   * once (the build queues the page for Pagefind). Only when the site is
   * rendered in one run: a render in batches calls neither this nor
   * `onPages`, and the caller reads the pages from disk (`RenderResult.batches`).
   */
  onPage?: (page: string, html: string) => void;
  /** Called before the first page renders with every page the render will write, as paths inside `outDir`; as `onPage`, only in one run. */
  onPages?: (pages: string[]) => void;
}

/** What the render step reports back. */
export interface RenderResult {
  /** Output paths (relative to `outDir`) of every page Eleventy wrote. */
  pages: string[];
  /** How many Eleventy runs wrote them. */
  batches: number;
}

/**
 * Runs Eleventy 3 with the site's folders and the pinggu plugin, writing
 * into `outDir`: once, or once per batch when the pages exceed
 * `batchRows` (each run is a new `Eleventy` with the same report and
 * chapters and its own batch). No config file is read: the options here
 * are the whole configuration, as `.eleventy.js` gives them when Eleventy
 * is run by hand. A template error rejects (Eleventy's `write()` rethrows
 * after logging), so a broken template fails the build instead of leaving
 * a page out; so does a page written by two runs (a template that does not
 * paginate over the plugin's `batch` data).
 *
 * @example
 * await renderSite({ report, chapters, outDir: '/repo/_site.tmp-3f9a1c2b', batchRows: defaultBatchRows });
 * // { pages: ['index.html', 'method/index.html', …], batches: 1 }
 */
export async function renderSite({ report, chapters, outDir, batchRows, cache, input, quiet = true, reportPdf = false, onPage, onPages }: RenderOptions): Promise<RenderResult> {
  // Loaded here, not at the top: a build that fails validation never loads it.
  const Eleventy = await loadEleventy();
  const output = path.resolve(outDir);
  const plan: (RenderBatch | undefined)[] = batchRows === undefined ? [undefined] : planRenderBatches(report, batchRows);

  const pages: string[] = [];
  const writtenBy = new Map<string, number>();
  const collect = plan.length > 1 ? garbageCollector() : undefined;
  // Only a render in one run knows every page before the first renders.
  const pageWritten = plan.length === 1 && onPage ? (outputPath: string, html: string) => onPage(path.relative(output, path.resolve(outputPath)), html) : undefined;
  const pagesNamed = plan.length === 1 ? onPages : undefined;
  for (const batch of plan) {
    // Release the previous runs' pages (and what loading and scoring left) before the next run allocates its own.
    collect?.();
    const elev = new Eleventy(undefined, output, {
      configPath: false,
      quietMode: quiet,
      config: (eleventyConfig) => {
        siteFolders(eleventyConfig, input);
        eleventyConfig.addPlugin(pinggu, { report, chapters, batch: plan.length > 1 ? batch : undefined, cache, reportPdf, onPage: pageWritten, onPages: pagesNamed });
      },
    });
    if (quiet) elev.disableLogger();
    const [, templates] = await elev.write();
    for (const t of templates ?? []) {
      const p = t.outputPath;
      if (typeof p !== 'string' || !p.endsWith('.html')) continue;
      const page = path.relative(output, path.resolve(p));
      const earlier = writtenBy.get(page);
      if (earlier !== undefined) {
        throw new Error(
          `页面 ${page} 在第 ${earlier + 1} 批和第 ${(batch?.index ?? 0) + 1} 批渲染中都被写出：模板须按 batch 数据分页 ` +
            `(page written by two render batches: paginate its template over batch.once or batch.<family>, not over report)`,
        );
      }
      writtenBy.set(page, batch?.index ?? 0);
      pages.push(page);
    }
  }
  // The downloads that follow, while the Pagefind process holds its own index, start without the last runs' pages:
  // always collect here, so the build's memory (this process and Pagefind's together) peaks no higher than rendering.
  collect?.(true);
  return { pages: pages.sort(), batches: plan.length };
}

/**
 * Heap growth since the last full collection after which a batched render
 * collects before its next run: ≈ 1.5 batches of garbage at the default
 * budget (a 100,000-row run leaves ≈ 170 MiB).
 */
const collectAfterGrowth = 256 * 1024 * 1024;

/**
 * Returns a function that runs V8's full garbage collection when the heap
 * has grown by `collectAfterGrowth` since the last one (always on its
 * first call, and when called with `true`). Between batches the previous run's pages are garbage, but
 * V8 sets its heap limit from the peak of loading and scoring, so left to
 * itself it lets the runs' garbage pile up (measured at 50×: heap
 * +170 MiB per run, 1.3–2 GiB before its own major collection). Collecting
 * before every run kept the render at 600 MiB but cost ≈ 0.3 s per
 * collection (each marks the whole report); every other run, 750 MiB and
 * faster than one unbatched run.
 */
function garbageCollector(): (always?: boolean) => void {
  const gc = fullGarbageCollection();
  let usedAfterLast: number | undefined;
  return (always = false) => {
    const used = v8.getHeapStatistics().used_heap_size;
    if (!always && usedAfterLast !== undefined && used - usedAfterLast < collectAfterGrowth) return;
    gc();
    usedAfterLast = v8.getHeapStatistics().used_heap_size;
  };
}

/**
 * V8's full garbage collection: `globalThis.gc` when Node runs with
 * `--expose-gc`, else obtained through V8's flag for one lookup.
 */
function fullGarbageCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
