/**
 * `downloads/report.pdf`: the whole report (the home page, which holds every
 * chapter, the charts and the three annexes) printed by Chromium with the
 * site's print stylesheet, as a tagged A4 PDF with bookmarks. The decision
 * whether to print it is pure ({@link pdfPlan}); {@link planReportPdf} looks
 * for the browser and its driver, {@link writeReportPdf} prints.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentType } from './mime-types.ts';
import { chromiumArgs } from './chromium-args.ts';

/**
 * Where the PDF goes, relative to the site folder.
 *
 * @example
 * path.join(siteDir, reportPdfFile); // '<site>/downloads/report.pdf'
 */
export const reportPdfFile = 'downloads/report.pdf';

/**
 * Where Debian installs Chromium, the browser that prints the PDF.
 *
 * @example
 * planReportPdf({ requested: true, chromium: defaultChromium });
 */
export const defaultChromium = '/usr/bin/chromium';

/**
 * The browser the environment names: `REPORT_CHROMIUM` (another
 * distribution's chromium-browser, or a Chrome) when set and not empty,
 * else {@link defaultChromium}.
 *
 * @example
 * chromiumSetting({ REPORT_CHROMIUM: '/usr/bin/chromium-browser' }); // '/usr/bin/chromium-browser'
 * chromiumSetting({});                                               // '/usr/bin/chromium'
 */
export function chromiumSetting(env: NodeJS.ProcessEnv): string {
  return env.REPORT_CHROMIUM?.trim() || defaultChromium;
}

/** Whether this build prints the PDF, with what, or why not. */
export type PdfPlan =
  | { build: true; chromium: string }
  | {
      build: false;
      /** One line for the person building (Chinese); absent when the PDF was turned off on purpose. */
      notice?: string;
    };

/**
 * Whether the environment asks for the PDF: `REPORT_PDF` unset, empty,
 * `1`, `true`, `yes` or `on` (any case) mean yes; `0`, `false`, `no` or
 * `off` mean no. Any other value is a typing slip, refused in Chinese
 * rather than read as yes.
 *
 * @example
 * pdfWanted({ REPORT_PDF: '0' }); // false
 * pdfWanted({});                  // true
 * pdfWanted({ REPORT_PDF: 'nope' }); // throws: 环境变量 REPORT_PDF 只能是 1 或 0 …
 */
export function pdfWanted(env: NodeJS.ProcessEnv): boolean {
  const value = (env.REPORT_PDF ?? '').trim().toLowerCase();
  if (['', '1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error(`环境变量 REPORT_PDF 只能是 1 或 0（生成或不生成 PDF 版） (REPORT_PDF must be 1 or 0, found ${JSON.stringify(env.REPORT_PDF)})`);
}

/**
 * Decides whether a build prints the PDF: only when it was requested, the
 * browser exists and its driver (playwright-core) can be loaded. A missing
 * browser or driver gives one line saying so; a PDF turned off on purpose
 * gives none.
 *
 * @example
 * pdfPlan({ requested: true, chromium: '/usr/bin/chromium', chromiumFound: false, driverFound: true });
 * // { build: false, notice: '未找到 Chromium（/usr/bin/chromium），本次构建不生成 PDF 版（report.pdf），下载页不列出它' }
 */
export function pdfPlan(given: { requested: boolean; chromium: string; chromiumFound: boolean; driverFound: boolean }): PdfPlan {
  if (!given.requested) return { build: false };
  const skipped = '本次构建不生成 PDF 版（report.pdf），下载页不列出它';
  if (!given.chromiumFound) return { build: false, notice: `未找到 Chromium（${given.chromium}），${skipped}` };
  if (!given.driverFound) return { build: false, notice: `未安装 playwright-core（npm ci 可安装），${skipped}` };
  return { build: true, chromium: given.chromium };
}

/**
 * Whether `file` is a browser this build can start: an absolute path to a
 * regular file (a symlink is followed) that this user may execute. A
 * folder, a relative path or a file without the execute bit is not.
 *
 * @example
 * chromiumUsable('/usr/bin/chromium'); // true where Debian's chromium is installed
 * chromiumUsable('/usr/bin');          // false
 */
export function chromiumUsable(file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * {@link pdfPlan} for this machine: looks for `chromium` (default
 * {@link chromiumSetting}) on disk ({@link chromiumUsable}) and for
 * playwright-core among the installed packages (resolved, not loaded: the
 * driver is imported only when the PDF is printed).
 *
 * @example
 * const plan = await planReportPdf({ requested: pdfWanted(process.env) });
 * if (!plan.build && plan.notice) console.warn(plan.notice);
 */
export async function planReportPdf(given: { requested: boolean; chromium?: string }): Promise<PdfPlan> {
  const chromium = given.chromium ?? chromiumSetting(process.env);
  if (!given.requested) return { build: false };
  const chromiumFound = chromiumUsable(chromium);
  return pdfPlan({ requested: true, chromium, chromiumFound, driverFound: chromiumFound && driverInstalled() });
}

/** Whether playwright-core can be found from here, without paying for loading it. */
function driverInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/**
 * The address the site is served at while it is printed. `.invalid` never
 * resolves, so a request the route below did not answer cannot leave the machine.
 */
const origin = 'http://pinggu.invalid';


/**
 * Options of Playwright's `page.pdf` for the report: A4 from the print
 * stylesheet's `@page` (margins and the "— N —" page numbers are its
 * margin boxes), backgrounds kept, tagged for screen readers, bookmarks from
 * the headings.
 *
 * @example
 * await page.pdf({ ...reportPdfOptions, path: 'report.pdf' });
 */
export const reportPdfOptions = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
} as const;

/** How long the page may take to load and draw its charts before the build gives up. */
const timeoutMs = 60_000;

/**
 * Prints `siteDir`'s home page to `siteDir/downloads/report.pdf` with the
 * Chromium at `chromium`. The page is served from `siteDir` alone: every
 * request to another address is refused. Charts are drawn at print size
 * first (the page is laid out for paper, then the charts script redraws
 * every chart and marks the page `data-print-ready`). Throws, with the
 * reason in Chinese, when the browser fails or the charts are not drawn
 * within a minute; a browser that started is always closed.
 *
 * @example
 * await writeReportPdf('/repo/_site.tmp-3f9a1c2b', { chromium: '/usr/bin/chromium' });
 */
export async function writeReportPdf(siteDir: string, given: { chromium: string }): Promise<void> {
  const { chromium } = await import('playwright-core');
  // Playwright's own signal handlers would turn a Ctrl-C or SIGTERM into a closed browser and a "PDF failed"
  // error; the build installs none (scripts/lib/guardian.ts), so the signal ends it at once and its guardian
  // kills the browser, a child of this process, and removes the staging folder.
  const browser = await chromium.launch({
    executablePath: given.chromium,
    headless: true,
    args: [...chromiumArgs],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: true });
    const refused: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) {
        refused.push(url.href);
        return route.abort('blockedbyclient');
      }
      const file = siteFile(siteDir, url.pathname);
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, body, contentType: contentType(file!) });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForFunction(() => document.documentElement.dataset.printReady === 'true' || !document.querySelector('figure.chart'));
    if (refused.length > 0) throw new Error(`报告页面请求了站外地址 (the page asked for another host): ${refused.slice(0, 3).join(', ')}`);
    await writeFile(path.join(siteDir, reportPdfFile), await page.pdf(reportPdfOptions));
  } catch (error) {
    throw new Error(`生成 PDF 版失败 (report.pdf could not be printed; REPORT_PDF=0 builds without it): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await browser.close();
  }
}

/**
 * The file a URL path (still percent-encoded) names inside `siteDir`
 * (`/x/` → `x/index.html`), with symlinks resolved; null when the path is
 * not valid percent-encoding, holds a NUL, names nothing, or would leave the
 * folder, by `..` (also `%2e%2e`, `%2f`) or by a symlink pointing out of it.
 *
 * @example
 * siteFile('/srv/site', '/downloads/');      // '/srv/site/downloads/index.html'
 * siteFile('/srv/site', '/%2e%2e/etc/passwd'); // null
 */
export function siteFile(siteDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  try {
    const root = realpathSync(siteDir);
    const file = realpathSync(path.resolve(siteDir, `.${relative}`));
    return file.startsWith(root + path.sep) ? file : null;
  } catch {
    return null;
  }
}
