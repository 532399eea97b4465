/**
 * The pinggu Eleventy plugin: everything the report site adds to Eleventy,
 * from the options it is given. `.eleventy.js` adds it after loading and
 * computing the edition; `npm run build` and `npm start` add it the same
 * way through Eleventy's programmatic API (`scripts/lib/render-site.ts`).
 *
 *   siteFolders(eleventyConfig);
 *   eleventyConfig.addPlugin(pinggu, { report, chapters });
 *
 * The plugin keeps no state between builds: each Eleventy run gets the
 * report, the chapters and the slice of pages it writes as options, and
 * hands them to templates as global data, which only place text.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import nunjucks from 'nunjucks';
import type { Report } from '../model/types.ts';
import { assetUrls, bundleAssets, siteEntries, writeAssets, type BundledAsset } from './bundle.ts';
import type { CompileCache } from './compile-cache.ts';
import { filters, safeFilters } from './filters/index.ts';
import { cacheNunjucksCompiles } from './nunjucks-compile-cache.ts';
import { batchPages, type RenderBatch } from './render-batches.ts';
import type { Chapter } from './render-chapters.ts';
import { views } from './views/index.ts';

/** The project root: browser code and stylesheet are bundled from its `src/client/` and `assets/`. */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Options of the {@link pinggu} plugin. */
export interface PingguOptions {
  /** The computed report of the edition (`computeReport`). */
  report: Report;
  /** Its chapters, rendered from the report (`renderChapters`). */
  chapters: Chapter[];
  /**
   * The slice of pages this Eleventy run writes (`planRenderBatches`); absent,
   * every page. The shared files (bundled assets, then `whenWritten`) are
   * written by the last batch.
   */
  batch?: RenderBatch;
  /** Where compiled templates and bundled browser code are kept for the next build; absent, memory only. */
  cache?: CompileCache;
  /**
   * Folders whose change runs the config again under `--serve` (the
   * edition's data and chapters), so the report is computed afresh. The
   * browser code and the stylesheet are watched the same way.
   */
  watch?: string[];
  /**
   * What to do once the pages and assets of the site are written, given its
   * folder: `.eleventy.js` writes the downloads and the search index there;
   * `npm run build` does that itself, beside Pagefind, so passes nothing.
   */
  whenWritten?: (siteDir: string) => Promise<unknown>;
  /**
   * Whether this build prints `downloads/report.pdf` (`planReportPdf`
   * decides, where Chromium exists): pages link it only then. Default false.
   */
  reportPdf?: boolean;
  /**
   * Called with every HTML page as Eleventy renders it, before it is
   * written: its output path (as Eleventy names it) and its final HTML.
   * `npm run build` hands each page to Pagefind here, so the search index
   * grows while the next pages render. It must return at once and must not
   * change the page.
   */
  onPage?: (outputPath: string, html: string) => void;
  /**
   * Called once per Eleventy run, before any page renders, with the output
   * path of every HTML page the run will write, relative to the output
   * folder (`experiences/E01/index.html`), as the pages' URLs give them.
   */
  onPages?: (pages: string[]) => void;
}

/**
 * Puts the site's templates in place: `input` (default `templates`,
 * relative to the working directory) as Eleventy's input, `_includes` and
 * `_includes/layouts` inside it, Nunjucks templates only. Not part of the
 * plugin because Eleventy lets only the config itself, not a plugin, set
 * its folders.
 *
 * @example
 * siteFolders(eleventyConfig); // in .eleventy.js, before addPlugin(pinggu, …)
 */
export function siteFolders(eleventyConfig: UserConfig, input = 'templates'): void {
  eleventyConfig.setInputDirectory(input);
  eleventyConfig.setIncludesDirectory('_includes');
  eleventyConfig.setLayoutsDirectory('_includes/layouts');
  eleventyConfig.setDataDirectory('_data');
  eleventyConfig.setTemplateFormats(['njk']);
}

/**
 * The Eleventy plugin of the report site: Nunjucks set up for page
 * templates, the report, chapters, pages of this run and bundled assets as
 * global data, every filter and view (charts, the method page's tables), the icon, watch
 * targets, `onPage` for each page rendered, and the after-event that writes the assets and calls
 * `whenWritten`.
 *
 * @example
 * eleventyConfig.addPlugin(pinggu, { report, chapters, whenWritten: (dir) => writeDownloads({ report, chapters, outputDir: dir }) });
 */
export function pinggu(eleventyConfig: UserConfig, options: PingguOptions): void {
  const { report, chapters, batch, cache, watch = [], whenWritten, reportPdf = false, onPage, onPages } = options;

  // --- Libraries -------------------------------------------------------
  // Page templates: Nunjucks, autoescape on, never Eleventy's Liquid. Chapters are rendered apart, in a
  // Liquid set up for untrusted authors (chapter-liquid.ts), before the plugin is added.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Eleventy 3.1 recompiles a Nunjucks template for every paginated page; compile each once, and keep the
  // generated code for the next build.
  cacheNunjucksCompiles(nunjucks, cache ? { cache } : {});

  // --- Data ------------------------------------------------------------
  // Frozen at the top: Eleventy then shares it as it is, instead of deep-copying it into every template's data
  // and wrapping it in a Proxy on every paginated page (each lookup through it cost a trap).
  eleventyConfig.addGlobalData('report', () => Object.freeze({ ...report }));
  // The pages this run writes: templates paginate over `batch.experiences`, `batch.units`, `batch.departments`
  // and the single pages over `batch.once`.
  eleventyConfig.addGlobalData('batch', () => Object.freeze(batchPages(report, batch)));
  eleventyConfig.addGlobalData('chapters', () => chapters);
  eleventyConfig.addGlobalData('reportPdf', () => reportPdf);
  let assets: Promise<BundledAsset[]> | undefined;
  const bundled = () => (assets ??= bundleAssets(siteEntries, projectRoot, cache ? { cache } : {}));
  eleventyConfig.addGlobalData('assets', async () => assetUrls(await bundled()));

  // --- Filters ---------------------------------------------------------
  for (const [name, fn] of Object.entries(filters) as Array<[string, (...args: any[]) => string]>) {
    eleventyConfig.addNunjucksFilter(name, safeFilters.has(name) ? (...args: any[]) => new nunjucks.runtime.SafeString(fn(...args)) : fn);
  }
  // Views build the lists a page template places (charts, the method page's tables); page templates only.
  for (const [name, view] of Object.entries(views) as Array<[string, (...args: any[]) => unknown]>) eleventyConfig.addNunjucksFilter(name, view);

  // --- Passthrough -----------------------------------------------------
  // CSS and scripts are bundled with content hashes (events below); only the icon is copied as is.
  eleventyConfig.addPassthroughCopy({ 'assets/favicon.svg': 'favicon.svg' });

  // --- Watch (`npx @11ty/eleventy --serve`) ------------------------------
  // Eleventy matches the files it sees change, named relative to the working directory, against these.
  for (const folder of [...watch, path.join(projectRoot, 'assets'), path.join(projectRoot, 'src', 'client')]) {
    eleventyConfig.addWatchTarget(path.relative(process.cwd(), path.resolve(folder)) || '.', { resetConfig: true });
  }

  // --- Transforms ------------------------------------------------------
  // The only one, and the last: the page it sees is the page written.
  if (onPage) {
    eleventyConfig.addTransform('pinggu-on-page', function (content) {
      const { outputPath } = this.page;
      if (typeof outputPath === 'string' && outputPath.endsWith('.html')) onPage(outputPath, content);
      return content;
    });
  }

  // --- Events ----------------------------------------------------------
  if (onPages) {
    // Eleventy writes the page at a URL ending in / to its index.html, and any other URL to its own name.
    eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) =>
      onPages(
        Object.keys(urlToInputPath)
          .map((url) => `${url.replace(/^\//, '')}${url.endsWith('/') ? 'index.html' : ''}`)
          .filter((page) => page.endsWith('.html')),
      ),
    );
  }
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    // A run that writes one batch of several leaves what the whole site shares to the last.
    if (batch && batch.index < batch.count - 1) return;
    await writeAssets(await bundled(), directories.output);
    await whenWritten?.(directories.output);
  });
}
