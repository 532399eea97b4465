/**
 * `npm run build`: validates an edition, renders the site with Eleventy
 * while Pagefind indexes each page rendered, checks it is complete and only
 * then swaps it into place. A failed build leaves the previous site untouched.
 *
 * The pipeline is `.eleventy.js`'s (load and validate, compute, render
 * with the pinggu plugin), each step timed, with what a publication adds
 * around it: the output folder checked first, rendering into a staging
 * folder (in batches for a large edition) with Pagefind indexing the
 * pages as they come, the downloads written while Pagefind finishes, a
 * completeness check and the atomic swap.
 *
 * CLI: `npm run build -- [--out <dir>] [--data <dir>] [--content <dir>] [--quiet] [--no-pdf]`;
 * environment `REPORT_DATA`, `REPORT_CONTENT`, `SITE_DIR` and `REPORT_PDF=0` set the same.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeReport } from '../src/model/compute-report.ts';
import type { Report } from '../src/model/types.ts';
import { loadEdition } from '../src/model/load-report.ts';
import { writeDownloads } from '../src/downloads/index.ts';
import { defaultBatchRows } from '../src/site/render-batches.ts';
import { renderChapters } from '../src/site/render-chapters.ts';
import { openCompileCache, projectCacheDir } from './loader/compile-cache.mjs';
import { renderSite } from './lib/render-site.ts';
import { openSearchIndex, writeSearchIndex, type SearchIndex } from './lib/search-index.ts';
import { createStagingDir, discardStagingDir, publishStagingDir, removeStaleStagingDirs } from './lib/staging-dir.ts';
import { requiredSiteFiles, verifySite } from './lib/verify-site.ts';
import { formatBuildError } from './lib/format-build-error.ts';
import { checkOutputFolder } from './lib/output-folder.ts';
import { checkEditionFolders, folderSetting } from './lib/edition-folders.ts';
import { startGuardian } from './lib/guardian.ts';
import { planReportPdf, pdfWanted, writeReportPdf } from './lib/report-pdf.ts';
import { watchParent } from './lib/processes.ts';

/**
 * The project root (the folder holding `templates/` and `.eleventy.js`).
 *
 * @example
 * path.join(projectRoot, '_site'); // the default output folder
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Options for {@link buildSite}; relative paths resolve from the working directory. */
export interface BuildOptions {
  /** Edition data folder (default `REPORT_DATA` or `data/`). */
  dataDir?: string;
  /** Narrative chapters folder (default `REPORT_CONTENT` or `content/`). */
  contentDir?: string;
  /** Where the finished site goes (default `SITE_DIR` or `_site/`). */
  outDir?: string;
  /** Keep Eleventy and Pagefind quiet (default true). */
  quiet?: boolean;
  /**
   * Start a guardian process that cleans up if this process dies mid-build
   * (`scripts/lib/guardian.ts`); the CLI does, callers in-process need not.
   */
  guard?: boolean;
  /**
   * Table rows one Eleventy run may write before the rest goes to another
   * run (`src/site/render-batches.ts`; default `defaultBatchRows`, so the
   * default edition and 10× are one run).
   */
  batchRows?: number;
  /**
   * Print the whole report to `downloads/report.pdf` with Chromium (default
   * true unless `REPORT_PDF=0`). Without Chromium the site is published
   * without it, and a warning says so.
   */
  pdf?: boolean;
}

/** Milliseconds spent in each stage of one build. */
export interface BuildTimings {
  /** Reading, parsing and validating the edition files (`loadEdition`). */
  load: number;
  /** Scoring, ranking, scenarios and reconciliation (`computeReport`). */
  score: number;
  /** The chapters (Liquid, then Markdown) and Eleventy rendering: pages and the bundled browser assets; Pagefind indexes the pages meanwhile. */
  render: number;
  /** Pagefind indexing the pages it has not yet indexed and writing its index, with the downloads (CSV, TXT, DOCX, XLSX, report.json) written at the same time. */
  search: number;
  /** Printing `downloads/report.pdf` with Chromium; 0 when the build made none. */
  pdf: number;
  /** Completeness check and the swap into place. */
  publish: number;
  total: number;
  /** Peak resident memory of the process so far, in MiB. */
  peakMemoryMiB: number;
}

/** What a successful build returns. */
export interface BuildResult {
  /** Absolute path of the published site. */
  outDir: string;
  /** Number of HTML pages written. */
  pages: number;
  timings: BuildTimings;
  /** Non-fatal notices: leftovers of a killed build cleaned up, and the report's (e.g. a department that leads nothing). */
  warnings: string[];
}

/**
 * Builds one edition into `outDir`, atomically. Run it with the project
 * root as the working directory (Eleventy resolves its templates from
 * there; the CLI changes into it). Before any work, `outDir` must be
 * a folder the build may replace (absent, empty, or a site a pinggu build
 * marked, away from the project's sources, the edition and home folders:
 * `scripts/lib/output-folder.ts`) and the edition's folders must exist;
 * leftovers of a killed build beside `outDir` are cleaned. The site is
 * rendered into a staging folder next to `outDir`, indexed, verified,
 * marked, and renamed into place only when every step succeeded. On any
 * failure the staging folder is deleted, `outDir` is left byte-identical,
 * and the error is rethrown (an `EditionError` from the loader keeps its
 * `issues`; a refused output folder is an `OutputFolderError`).
 *
 * @example
 * const { outDir, pages, timings } = await buildSite({
 *   dataDir: 'tests/fixtures/small/data',
 *   contentDir: 'tests/fixtures/small/content',
 *   outDir: '/tmp/small-site',
 * });
 * // outDir '/tmp/small-site', pages 14, timings.render ≈ 900
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const dataDir = path.resolve(options.dataDir ?? folderSetting(process.env, 'REPORT_DATA') ?? path.join(projectRoot, 'data'));
  const contentDir = path.resolve(options.contentDir ?? folderSetting(process.env, 'REPORT_CONTENT') ?? path.join(projectRoot, 'content'));
  const outDir = path.resolve(options.outDir ?? folderSetting(process.env, 'SITE_DIR') ?? path.join(projectRoot, '_site'));
  const quiet = options.quiet ?? true;
  // Before any work: the output must be a folder this build may replace, the edition's folders must exist.
  const output = checkOutputFolder(outDir, { projectRoot, editionDirs: [dataDir, contentDir] });
  checkEditionFolders({ dataDir, contentDir });
  const cleaned = removeStaleStagingDirs(output);
  if (options.guard) startGuardian(output.path);

  // Validate and score before touching the disk: a bad edition, or a
  // printed figure that does not reconcile, fails here.
  const { report, load, score } = await loadAndScore(dataDir);
  let mark: number;
  // Whether the PDF is printed is known before rendering: the downloads page lists it only then.
  const pdf = await planReportPdf({ requested: options.pdf ?? pdfWanted(process.env) });

  const staging = await createStagingDir(output);
  let search: SearchIndex | undefined;
  try {
    mark = performance.now();
    const chapters = renderChapters(contentDir, report);
    const cache = openCompileCache(projectCacheDir(projectRoot));
    // Pagefind, a process of its own, indexes each page as soon as Eleventy has rendered it (and every page
    // before it: the index must not depend on the order of rendering), on the other core.
    const index = await openSearchIndex();
    search = index;
    const rendered = await renderSite({
      report,
      chapters,
      outDir: staging,
      quiet,
      cache,
      batchRows: options.batchRows ?? defaultBatchRows,
      reportPdf: pdf.build,
      onPages: (pages) => index.expect(pages),
      onPage: (page, html) => index.add(page, html),
    });
    const render = performance.now() - mark;

    mark = performance.now();
    // The downloads (the Word document is the slow one) are written while Pagefind indexes the last pages and
    // writes. A render in batches hands over no page: Pagefind reads them all from the staging folder now.
    const downloads = () => writeDownloads({ report, chapters, outputDir: staging });
    if (rendered.batches > 1) await writeSearchIndex(staging, { whileIndexing: downloads, index });
    else await index.write(staging, { whileIndexing: downloads });
    const searchTime = performance.now() - mark;

    mark = performance.now();
    if (pdf.build) await writeReportPdf(staging, { chromium: pdf.chromium });
    const printed = pdf.build ? performance.now() - mark : 0;

    mark = performance.now();
    await verifySite(staging, requiredSiteFiles(report, { pdf: pdf.build }));
    await publishStagingDir(staging, output);
    const publish = performance.now() - mark;

    return {
      outDir,
      pages: rendered.pages.length,
      warnings: [...cleanupNotes(cleaned), ...(!pdf.build && pdf.notice ? [pdf.notice] : []), ...report.warnings],
      timings: {
        load: round(load),
        score: round(score),
        render: round(render),
        search: round(searchTime),
        pdf: round(printed),
        publish: round(publish),
        total: round(performance.now() - started),
        peakMemoryMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
    };
  } catch (error) {
    await search?.close();
    await discardStagingDir(staging);
    throw error;
  }
}

/**
 * Loads and scores an edition, timing each step. The parsed edition keeps
 * every YAML value (≈ 93 MiB at 50x scale) and is not needed once the
 * report is computed, so it stays local here and is released before rendering.
 */
async function loadAndScore(dataDir: string): Promise<{ report: Report; load: number; score: number }> {
  let mark = performance.now();
  const edition = await loadEdition({ dataDir });
  const load = performance.now() - mark;
  mark = performance.now();
  const report = computeReport(edition);
  return { report, load, score: performance.now() - mark };
}

/** Notices about leftovers of a killed build beside the output folder: deleted, restored or kept. */
function cleanupNotes(cleaned: ReturnType<typeof removeStaleStagingDirs>): string[] {
  return [
    ...cleaned.removed.map((f) => `已删除上次被强行中止的构建留下的临时文件夹 ${f}`),
    ...(cleaned.restored ? [`已从上次中止的构建中恢复原网站 ${cleaned.restored}`] : []),
    ...cleaned.kept.map((f) => `${f} 看似构建临时文件夹，但无法证明由已结束的 pinggu 构建创建，未删除`),
  ];
}

function round(ms: number): number {
  return Math.round(ms);
}

/** A path as the reader typed it: relative inside the working directory, else absolute. */
function shownPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/** Reads `--out`, `--data`, `--content` and `--quiet` from the command line. */
function parseArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`参数 ${flag} 缺少路径 (missing value for ${flag})`);
      return v;
    };
    if (flag === '--out' || flag === '-o') options.outDir = value();
    else if (flag === '--data') options.dataDir = value();
    else if (flag === '--content') options.contentDir = value();
    else if (flag === '--quiet' || flag === '-q') options.quiet = true;
    else if (flag === '--verbose') options.quiet = false;
    else if (flag === '--no-pdf' && inline === undefined) options.pdf = false;
    else throw new Error(`未知参数 ${arg} (unknown argument)。用法: npm run build -- [--out <dir>] [--data <dir>] [--content <dir>] [--no-pdf]`);
  }
  return options;
}

async function main(): Promise<void> {
  // Ctrl-C or SIGTERM ends the build at once (no handler: see scripts/lib/guardian.ts); the guardian then
  // removes the staging folder. A build whose npm was killed ends the same way.
  watchParent(() => process.kill(process.pid, 'SIGTERM'));
  try {
    // Folders typed on the command line are relative to where the command
    // ran; Eleventy and its config then work from the project root.
    const options = parseArgs(process.argv.slice(2));
    for (const key of ['dataDir', 'contentDir', 'outDir'] as const) {
      const value = options[key] ?? folderSetting(process.env, { dataDir: 'REPORT_DATA', contentDir: 'REPORT_CONTENT', outDir: 'SITE_DIR' }[key]);
      if (value !== undefined) options[key] = path.resolve(value);
    }
    process.chdir(projectRoot);
    const result = await buildSite({ ...options, guard: true });
    const t = result.timings;
    for (const warning of result.warnings) console.warn(`提示: ${warning}`);
    console.log(
      `构建完成: ${result.pages} 页 → ${shownPath(result.outDir)}\n` +
        `用时 ${(t.total / 1000).toFixed(2)} 秒 (读取校验 ${t.load} ms, 计分 ${t.score} ms, 渲染 ${t.render} ms, 搜索索引 ${t.search} ms, ${t.pdf > 0 ? `PDF ${t.pdf} ms, ` : ''}发布 ${t.publish} ms; 内存峰值 ${t.peakMemoryMiB} MiB)`,
    );
  } catch (error) {
    process.stderr.write(`${formatBuildError(error)}\n`);
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
