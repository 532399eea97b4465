/**
 * The Eleventy step of the build: renders `templates/` with the project's
 * `.eleventy.js` into a given folder, programmatically, in one run or, for
 * a large edition, in several runs that each write a slice of the pages
 * (`src/site/render-batches.ts`).
 */
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { defaultBatchRows, planRenderBatches, type RenderBatch } from '../../src/site/render-batches.ts';
import { currentReport, forgetReport, useBatch } from '../../src/site/report-source.ts';

/** Options for {@link renderSite}. */
export interface RenderOptions {
  /** Project root holding `templates/` and `.eleventy.js`. */
  root: string;
  /** Folder to write the pages into (the build's staging folder). */
  outDir: string;
  /** Suppress Eleventy's own console output. */
  quiet?: boolean;
  /**
   * Eleventy config file to use (default `PINGGU_ELEVENTY_CONFIG`, set by
   * `scripts/run.mjs` to its bundled copy, else `<root>/.eleventy.js`).
   */
  configPath?: string;
  /**
   * Render in batches when the output is large (`npm run build`); the rows
   * per batch are `PINGGU_BATCH_ROWS` when set, else `defaultBatchRows`.
   * Off (one run, every page) by default, as `npm start` renders.
   */
  batched?: boolean;
}

/** What the render step reports back. */
export interface RenderResult {
  /** Output paths (relative to `outDir`) of every page Eleventy wrote. */
  pages: string[];
  /** How many Eleventy runs wrote them. */
  batches: number;
}

/**
 * Runs Eleventy 3, writing into `outDir`: once, or once per batch when
 * `batched` and the edition's pages exceed one batch (each run is a new
 * `Eleventy` instance with the same config and the same report; the config
 * reads the batch from `useBatch`). A template error rejects (Eleventy's
 * `write()` rethrows after logging), so a broken template fails the build
 * instead of leaving a page out; so does a page written by two runs (a
 * template that does not paginate over the config's `batch` data).
 * Eleventy resolves its input and config relative to the working
 * directory, so the project root is passed as absolute paths. Under
 * `scripts/run.mjs` the config is its bundled, precompiled copy, and no
 * TypeScript loader is registered.
 *
 * @example
 * await renderSite({ root: '/repo', outDir: '/repo/_site.tmp-3f9a1c2b', quiet: true, batched: true });
 * // { pages: ['index.html', 'method/index.html', …], batches: 1 }
 */
export async function renderSite({ root, outDir, quiet = true, configPath: config, batched = false }: RenderOptions): Promise<RenderResult> {
  const configFile = path.resolve(config ?? process.env.PINGGU_ELEVENTY_CONFIG ?? path.join(root, '.eleventy.js'));
  // A source config imports TypeScript; the bundled one (`scripts/run.mjs`) is plain JavaScript.
  const bundled = process.env.PINGGU_ELEVENTY_CONFIG;
  if (bundled === undefined || configFile !== path.resolve(bundled)) await ensureTypeScriptImports();
  const { default: Eleventy } = await import('@11ty/eleventy');
  const input = path.relative(process.cwd(), path.join(root, 'templates')) || '.';
  const configPath = path.relative(process.cwd(), configFile);
  const output = path.resolve(outDir);
  const plan: (RenderBatch | undefined)[] = batched ? planRenderBatches(await currentReport(), batchRows()) : [undefined];

  const pages: string[] = [];
  const writtenBy = new Map<string, number>();
  try {
    const collect = plan.length > 1 ? garbageCollector() : undefined;
    for (const batch of plan) {
      // Release the previous runs' pages (and what loading and scoring left) before the next run allocates its own.
      collect?.();
      useBatch(plan.length > 1 ? batch : undefined);
      const elev = new Eleventy(input, output, { configPath, quietMode: quiet });
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
  } finally {
    useBatch(undefined);
    // A failed run leaves no chapters or assets behind for the next build (the config forgets them after a good one).
    forgetReport();
  }
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

/** Rows per render batch: `PINGGU_BATCH_ROWS` (a positive integer) when set, else the default. */
function batchRows(): number {
  const raw = process.env.PINGGU_BATCH_ROWS;
  if (raw === undefined || raw === '') return defaultBatchRows;
  const rows = Number(raw);
  if (!Number.isInteger(rows) || rows < 1) {
    throw new Error(`环境变量 PINGGU_BATCH_ROWS 须为正整数，现为 ${JSON.stringify(raw)} (PINGGU_BATCH_ROWS must be a positive integer)`);
  }
  return rows;
}

let tsxRegistered = false;

/**
 * `.eleventy.js` imports the site's TypeScript modules with Node's own
 * loader. Under `tsx` (the CLI, the bench) that already works; inside a
 * Vitest worker it does not, so tsx's loader is registered once for the
 * process. The config then gets its own copy of `report-source.ts`, which
 * keeps its state on `globalThis` so it still sees the injected report.
 */
async function ensureTypeScriptImports(): Promise<void> {
  if (tsxRegistered || process.execArgv.some((arg) => arg.includes('tsx'))) return;
  const { register } = await import('tsx/esm/api');
  register();
  tsxRegistered = true;
}
