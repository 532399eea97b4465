/**
 * Eleventy config of the report site: the pipeline from an edition's files
 * to its pages. `npx @11ty/eleventy` builds the edition in REPORT_DATA and
 * REPORT_CONTENT (default `data/` and `content/`) into `_site/`, downloads
 * and search index included; `npx @11ty/eleventy --serve` previews it and
 * starts again from the top when a data file or chapter changes.
 *
 * `npm run build` runs the same steps with the same plugin
 * (`scripts/build.ts`), timed, and adds what publishing needs: a checked
 * output folder, a staging folder swapped in only when complete, render
 * batches for a large edition. Both write the same pages.
 */
// The project's TypeScript runs as it is: registered before anything imports it (scripts/loader/).
import './scripts/loader/register.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { loadEdition } = await import('./src/model/load-report.ts');
const { computeReport } = await import('./src/model/compute-report.ts');
const { renderChapters } = await import('./src/site/render-chapters.ts');
const { pinggu, siteFolders } = await import('./src/site/plugin.ts');
const { writeDownloads } = await import('./src/downloads/index.ts');
const { editionFolders } = await import('./scripts/lib/edition-folders.ts');
const { writeSearchIndex } = await import('./scripts/lib/search-index.ts');
const { openCompileCache, projectCacheDir } = await import('./scripts/loader/compile-cache.mjs');
const { planReportPdf, pdfWanted, writeReportPdf } = await import('./scripts/lib/report-pdf.ts');

/** @param {import('@11ty/eleventy').UserConfig} eleventyConfig */
export default async function (eleventyConfig) {
  const { dataDir, contentDir } = editionFolders(process.env);

  // Load and validate the edition: every bad value is refused with its file, line and field.
  const edition = await loadEdition({ dataDir });
  // Compute the report once: scores, ranks, scenarios, uncertainty; printed figures reconciled.
  const report = computeReport(edition);
  // The chapters are templates of the report, in a Liquid made for untrusted authors.
  const chapters = renderChapters(contentDir, report);
  // The PDF edition is printed by Chromium where it exists (REPORT_PDF=0 skips it); pages link it only then.
  const pdf = await planReportPdf({ requested: pdfWanted(process.env) });
  if (!pdf.build && pdf.notice) console.warn(pdf.notice);

  // Render: the site's templates, filters, charts, data and events.
  siteFolders(eleventyConfig);
  eleventyConfig.addPlugin(pinggu, {
    report,
    chapters,
    cache: openCompileCache(projectCacheDir(path.dirname(fileURLToPath(import.meta.url)))),
    watch: [dataDir, contentDir],
    reportPdf: pdf.build,
    // Then the downloads, written while Pagefind indexes the pages for search, and the PDF printed from the pages.
    whenWritten: async (siteDir) => {
      await writeSearchIndex(siteDir, { whileIndexing: () => writeDownloads({ report, chapters, outputDir: siteDir }) });
      if (pdf.build) await writeReportPdf(siteDir, { chromium: pdf.chromium });
    },
  });
}
