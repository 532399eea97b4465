/**
 * Page weight of a built site against the budgets of issue 7:
 * the home page and everything it loads ≤ 150 KB gzipped; chart code on a
 * chart page ≤ 60 KB gzipped; pages without charts load no chart code; the
 * search script (Pagefind) is not loaded until the search box is used.
 *
 *   node --import ./scripts/loader/register.mjs bench/measure-weight.ts [_site]      (exit 1 when a budget is broken)
 *
 * Sizes are gzip at zlib's default level 6, what a server compressing on
 * the fly sends; byte counts are deterministic, so tests can assert them.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cssAssetRefs, htmlAssetRefs, jsAssetRefs } from './page-assets.ts';
import { markdownTable } from './markdown-table.ts';

/** The issue's limits, in bytes (1 KB = 1024 bytes). */
export const WEIGHT_BUDGET = { homeGzip: 150 * 1024, chartCodeGzip: 60 * 1024 };

/** One file as the browser receives it. */
export interface WeighedFile {
  /** Site-relative URL path (`/assets/js/site.js`). */
  url: string;
  bytes: number;
  gzip: number;
}

/** A page and everything it loads at once. */
export interface PageWeight {
  page: string;
  files: WeighedFile[];
  totalGzip: number;
  /** Gzipped size of the chart code it loads (0 when none). */
  chartGzip: number;
  /** URLs imported only on demand. */
  lazy: string[];
}

/** The whole site's verdicts. */
export interface SiteWeight {
  home: PageWeight;
  /** A typical page of each kind, when the site has one. */
  samples: PageWeight[];
  /** The page that, with everything it loads, weighs most (gzipped). */
  heaviest: PageWeight;
  /** The heaviest chart code any chart page loads, gzipped. */
  maxChartGzip: number;
  chartPages: number;
  plainPages: number;
  /** Pages without a chart that load chart code. */
  chartCodeWithoutChart: string[];
  /** Pages with a chart that load no chart code. */
  chartWithoutCode: string[];
  /** Pages that load Pagefind as soon as they open. */
  eagerSearch: string[];
  /** Pages whose eager loads point at a file missing from the site. */
  missing: string[];
  budgets: { home: boolean; chartCode: boolean; noChartCodeWithoutCharts: boolean; lazySearch: boolean };
}

const isChartCode = (url: string) => /chart/i.test(path.posix.basename(url));
const isSearchCode = (url: string) => url.includes('/pagefind/');
/** A page carries a chart when it draws on a canvas or holds a chart's data block. */
const hasChart = (html: string) => /<canvas\b/i.test(html) || /data-chart\b/i.test(html);

/**
 * Weigh every HTML page of a built site and judge the budgets.
 *
 * @example
 * const weight = await measureSiteWeight('_site');
 * weight.home.totalGzip; // e.g. 41234
 * weight.budgets; // { home: true, chartCode: true, noChartCodeWithoutCharts: true, lazySearch: true }
 */
export async function measureSiteWeight(siteDir: string): Promise<SiteWeight> {
  const cache = new Map<string, WeighedFile & { text: string } | null>();
  const load = async (url: string) => {
    if (!cache.has(url)) {
      try {
        const buffer = await readFile(path.join(siteDir, decodeURIComponent(url)));
        cache.set(url, { url, bytes: buffer.length, gzip: gzipSync(buffer).length, text: buffer.toString('utf8') });
      } catch {
        cache.set(url, null);
      }
    }
    return cache.get(url)!;
  };

  const weighPage = async (page: string, html: string): Promise<PageWeight & { missing: string[] }> => {
    const pageUrl = `/${page}`;
    const bytes = Buffer.byteLength(html);
    const files: WeighedFile[] = [{ url: pageUrl, bytes, gzip: gzipSync(html).length }];
    const lazy: string[] = [];
    const missing: string[] = [];
    const seen = new Set<string>();
    const queue = htmlAssetRefs(html).eager.map((ref) => resolveUrl(pageUrl, ref)).filter((u): u is string => u !== null);
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const file = await load(url);
      if (!file) {
        missing.push(url);
        continue;
      }
      files.push({ url: file.url, bytes: file.bytes, gzip: file.gzip });
      const refs = url.endsWith('.js') || url.endsWith('.mjs') ? jsAssetRefs(file.text) : url.endsWith('.css') ? cssAssetRefs(file.text) : { eager: [], lazy: [] };
      for (const ref of refs.eager) {
        const next = resolveUrl(url, ref);
        if (next) queue.push(next);
      }
      for (const ref of refs.lazy) {
        const next = resolveUrl(url, ref);
        if (next) lazy.push(next);
      }
    }
    const totalGzip = files.reduce((s, f) => s + f.gzip, 0);
    const chartGzip = files.filter((f) => f.url !== pageUrl && isChartCode(f.url)).reduce((s, f) => s + f.gzip, 0);
    return { page, files, totalGzip, chartGzip, lazy, missing };
  };

  const pages = (await listHtml(siteDir)).filter((p) => !p.startsWith('pagefind/'));
  if (!pages.includes('index.html')) throw new Error(`${siteDir} 中没有首页 (expected index.html)`);
  let home: PageWeight | undefined;
  let heaviest: PageWeight | undefined;
  const samples = new Map<string, PageWeight>();
  const result = { chartPages: 0, plainPages: 0, maxChartGzip: 0, chartCodeWithoutChart: [] as string[], chartWithoutCode: [] as string[], eagerSearch: [] as string[], missing: [] as string[] };
  for (const page of pages) {
    const html = await readFile(path.join(siteDir, page), 'utf8');
    const weight = await weighPage(page, html);
    if (page === 'index.html') home = weight;
    if (!heaviest || weight.totalGzip > heaviest.totalGzip) heaviest = { ...weight, files: [] };
    const kind = page.split('/')[0]!;
    if (page !== 'index.html' && !samples.has(kind) && page.split('/').length > 2) samples.set(kind, weight);
    const chart = hasChart(html);
    if (chart) {
      result.chartPages++;
      result.maxChartGzip = Math.max(result.maxChartGzip, weight.chartGzip);
      if (weight.chartGzip === 0) result.chartWithoutCode.push(page);
    } else {
      result.plainPages++;
      if (weight.chartGzip > 0) result.chartCodeWithoutChart.push(page);
    }
    if (weight.files.some((f) => isSearchCode(f.url))) result.eagerSearch.push(page);
    for (const url of weight.missing) result.missing.push(`${page} → ${url}`);
  }
  return {
    home: home!,
    samples: [...samples.values()],
    heaviest: heaviest!,
    ...result,
    budgets: {
      home: home!.totalGzip <= WEIGHT_BUDGET.homeGzip,
      chartCode: result.maxChartGzip <= WEIGHT_BUDGET.chartCodeGzip,
      noChartCodeWithoutCharts: result.chartCodeWithoutChart.length === 0,
      lazySearch: result.eagerSearch.length === 0,
    },
  };
}

/** Resolve a reference against the URL of the file holding it; null for other hosts. */
function resolveUrl(from: string, ref: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const clean = ref.split('#')[0]!.split('?')[0]!;
  if (clean === '') return null;
  const url = clean.startsWith('/') ? clean : path.posix.join(path.posix.dirname(from), clean);
  return url.endsWith('/') ? `${url}index.html` : url;
}

async function listHtml(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listHtml(dir, rel)));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * The weights as Markdown: the home page file by file, sample pages, and
 * the budget verdicts.
 *
 * @example
 * weightTable(await measureSiteWeight('_site')); // '| file | bytes | gzip KB |\n…'
 */
export function weightTable(weight: SiteWeight): string {
  const verdict = (ok: boolean) => (ok ? '达标 met' : '**未达标 not met**');
  const home = markdownTable(
    ['home page loads', 'bytes', 'gzip KB'],
    [...weight.home.files.map((f) => [f.url, f.bytes, Number(kb(f.gzip))]), ['**total**', weight.home.files.reduce((s, f) => s + f.bytes, 0), Number(kb(weight.home.totalGzip))]],
  );
  const samples = markdownTable(
    ['sample page', 'files loaded', 'total gzip KB', 'chart code gzip KB', 'lazy on use'],
    weight.samples.map((p) => [p.page, p.files.length, Number(kb(p.totalGzip)), Number(kb(p.chartGzip)), p.lazy.join(' ') || '—']),
  );
  const budgets = markdownTable(
    ['budget', 'measured', 'verdict'],
    [
      ['home page + everything it loads ≤ 150 KB gzip', `${kb(weight.home.totalGzip)} KB`, verdict(weight.budgets.home)],
      ['chart code on a chart page ≤ 60 KB gzip', `${kb(weight.maxChartGzip)} KB (${weight.chartPages} chart pages)`, verdict(weight.budgets.chartCode)],
      ['pages without charts load no chart code', `${weight.chartCodeWithoutChart.length} of ${weight.plainPages} do${weight.chartCodeWithoutChart.length ? `: ${weight.chartCodeWithoutChart.slice(0, 5).join(', ')}` : ''}`, verdict(weight.budgets.noChartCodeWithoutCharts)],
      ['search script loads only when used', `${weight.eagerSearch.length} pages load Pagefind at once`, verdict(weight.budgets.lazySearch)],
    ],
  );
  const notes = [
    weight.chartWithoutCode.length ? `Pages with a chart but no chart code: ${weight.chartWithoutCode.slice(0, 5).join(', ')}` : '',
    weight.missing.length ? `Missing files referenced: ${weight.missing.slice(0, 5).join(', ')}` : '',
  ].filter(Boolean);
  return [budgets, home, samples, ...notes].join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const siteDir = path.resolve(process.argv[2] ?? '_site');
  const weight = await measureSiteWeight(siteDir);
  console.log(weightTable(weight));
  if (!Object.values(weight.budgets).every(Boolean)) process.exit(1);
}
