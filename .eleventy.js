/**
 * Eleventy 3 configuration for the report site. It imports `./src/…ts`, so
 * it runs bundled by `scripts/run.mjs` (the npm commands) or under tsx (tests,
 * the bench's TypeScript scripts). Reads top to bottom: libraries, data,
 * filters, passthrough, events. The report is computed once per build (or injected by
 * `scripts/build.ts` through `useReport`) and handed to templates, which
 * only format it.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import { assetUrls, bundleAssets, siteEntries, writeAssets } from './src/site/bundle.ts';
import { filters, safeFilters } from './src/site/filters/index.ts';
import { views } from './src/site/views/index.ts';
import { renderChapters } from './src/site/render-chapters.ts';
import { currentBatch, currentReport, forgetReport, handOverDownloads, sharedWork } from './src/site/report-source.ts';
import { batchPages } from './src/site/render-batches.ts';
import { cacheNunjucksCompiles } from './src/site/nunjucks-compile-cache.ts';
import { writeDownloads } from './src/downloads/index.ts';

/** @param {import('@11ty/eleventy').UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  const root = process.cwd();

  // --- Libraries -------------------------------------------------------
  // Page templates: Nunjucks only, autoescape on (also for Markdown files), never Eleventy's Liquid. Chapters are
  // rendered apart, in a Liquid set up for untrusted authors (src/site/chapter-liquid.ts).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Eleventy 3.1 recompiles a Nunjucks template for every paginated page; compile each once, and keep the
  // generated code for the next build (docs/performance.md).
  cacheNunjucksCompiles(nunjucks, { dir: path.join(root, 'node_modules', '.cache', 'pinggu', 'nunjucks') });

  // --- Data ------------------------------------------------------------
  // Frozen at the top: Eleventy then shares it as it is, instead of deep-copying it into every template's data
  // and wrapping it in a Proxy on every paginated page (each lookup through it cost a trap).
  eleventyConfig.addGlobalData('report', async () => Object.freeze({ ...(await currentReport()) }));
  // The pages this run writes: templates paginate over `batch.experiences`, `batch.units`, `batch.departments`
  // and the single pages over `batch.once`. One run writes all of them unless `scripts/build.ts` renders in batches.
  // Frozen at the top, as the report, so Eleventy shares it instead of copying it into every template's data.
  eleventyConfig.addGlobalData('batch', async () => Object.freeze(batchPages(await currentReport(), currentBatch())));
  // Chapters and bundled assets are computed once per build, shared by every run of a batched build.
  const chapters = () =>
    (sharedWork().chapters ??= currentReport().then((report) => renderChapters(process.env.REPORT_CONTENT ?? 'content', report)));
  const assets = () => (sharedWork().assets ??= bundleAssets(siteEntries, root));
  eleventyConfig.addGlobalData('chapters', chapters);
  eleventyConfig.addGlobalData('assets', async () => assetUrls(await assets()));
  // Whether this build prints downloads/report.pdf (scripts/build.ts decides, where Chromium exists): pages link it only then.
  eleventyConfig.addGlobalData('reportPdf', () => process.env.REPORT_PDF === '1');

  // --- Filters ---------------------------------------------------------
  for (const [name, fn] of Object.entries(filters)) {
    eleventyConfig.addNunjucksFilter(name, safeFilters.has(name) ? (...args) => new nunjucks.runtime.SafeString(fn(...args)) : fn);
  }
  // Views build the lists a page template places (charts, the method page's tables); page templates only.
  for (const [name, view] of Object.entries(views)) eleventyConfig.addNunjucksFilter(name, view);

  // --- Passthrough -----------------------------------------------------
  // CSS and scripts are bundled with content hashes (events below); only the icon is copied as is.
  eleventyConfig.addPassthroughCopy({ 'assets/favicon.svg': 'favicon.svg' });

  // --- Events ----------------------------------------------------------
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    // A batched build writes what the whole site shares once, after its last run.
    const batch = currentBatch();
    if (batch && batch.index < batch.count - 1) return;
    await writeAssets(await assets(), directories.output);
    // Newsroom downloads (CSV, TXT, DOCX) and data/report.json, from the same report and chapters as the pages;
    // `scripts/build.ts` takes them over to write them while Pagefind indexes.
    const job = { report: await currentReport(), chapters: await chapters(), outputDir: directories.output };
    if (!handOverDownloads(job)) await writeDownloads(job);
    // Next build (watch mode) reads the data, chapters and sources again.
    forgetReport();
  });

  return {
    dir: { input: 'templates', includes: '_includes', layouts: '_includes/layouts', data: '_data' },
    templateFormats: ['njk', 'md'],
    markdownTemplateEngine: 'njk',
    htmlTemplateEngine: 'njk',
  };
}
