/**
 * Lighthouse 12.2.3 (pinned in devDependencies) against a built site, with
 * Debian's `/usr/bin/chromium`: the home page and one experience page, at
 * desktop settings and at Lighthouse's default mobile settings, for
 * performance, accessibility, best practices and SEO.
 *
 *   npm run build && node --import ./scripts/loader/register.mjs bench/lighthouse.ts [--site _site] [--write] [--runs 1]
 *     [--page /units/x/ …] [--save dir]   (--save keeps every Lighthouse JSON report)
 *
 * The site is served from localhost by a small static server that
 * compresses text with gzip, as any production web server would. With
 * `--runs N` each page is audited N times and the median score is kept
 * (Lighthouse's own advice for noisy performance scores). `--write`
 * replaces the `lighthouse` section of bench/README.md. Budgets: 100 in
 * every category at desktop; at least 95 in performance on mobile.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { markdownTable } from './markdown-table.ts';
import { replaceSection } from './doc-section.ts';
import { chromiumArgs } from '../tests/helpers/browser.ts';
import { contentType } from '../scripts/lib/mime-types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest|javascript)|image\/svg)/;

/**
 * Serve `siteDir` on an ephemeral localhost port: `/x/` serves
 * `/x/index.html`, text is gzipped when the browser accepts it, assets are
 * cacheable for a year, a missing file is a 404 (the site's 404.html when it
 * has one).
 *
 * @example
 * const { server, origin } = await serveSite('_site'); // origin 'http://127.0.0.1:40123'
 */
export async function serveSite(siteDir: string): Promise<{ server: Server; origin: string }> {
  const base = path.resolve(siteDir);
  const server = createServer(async (req, res) => {
    try {
      let pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (pathname.endsWith('/')) pathname += 'index.html';
      let file = path.join(base, pathname);
      if (!file.startsWith(base)) throw new Error('outside');
      let status = 200;
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = path.join(file, 'index.html');
      else if (!info) {
        status = 404;
        file = path.join(base, '404.html');
      }
      let body: Buffer = await readFile(file);
      const type = contentType(file);
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000' : 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(status, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Scores (0–100) of one page at one setting, with the audits that cost points. */
export interface LighthouseRow {
  page: string;
  formFactor: 'desktop' | 'mobile';
  scores: Record<Category, number>;
  /** Audits scored below 1 that carry weight in a category: `category: audit-id (score)`. */
  failing: string[];
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
}

/**
 * Audit each URL at desktop and mobile settings and return one row per
 * page and setting (medians over `runs`).
 *
 * @example
 * await auditPages('http://127.0.0.1:40123', ['/', '/experiences/x/'], 1);
 * // [{ page: '/', formFactor: 'desktop', scores: { performance: 100, … }, failing: [] }, …]
 */
export async function auditPages(origin: string, pages: string[], runs: number, saveDir?: string): Promise<LighthouseRow[]> {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      for (const formFactor of ['desktop', 'mobile'] as const) {
        const results: LighthouseRow[] = [];
        for (let run = 0; run < runs; run++) {
          const result = await lighthouse(
            origin + page,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
          if (saveDir) {
            const name = `${page.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${formFactor}-${run + 1}.json`;
            await mkdir(saveDir, { recursive: true });
            await writeFile(path.join(saveDir, name), JSON.stringify(result.lhr, null, 1));
          }
          results.push(toRow(page, formFactor, result.lhr as unknown as Lhr));
        }
        results.sort((a, b) => a.scores.performance - b.scores.performance);
        rows.push(results[results.length >> 1]!);
      }
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

interface Lhr {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string }>;
}

function toRow(page: string, formFactor: 'desktop' | 'mobile', lhr: Lhr): LighthouseRow {
  if (lhr.runtimeError) throw new Error(`Lighthouse ${page} ${formFactor}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const failing: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
      if (audit.score < 1 && (ref.weight > 0 || c !== 'performance')) {
        failing.push(`${c}: ${ref.id} (${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
      }
    }
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    page,
    formFactor,
    scores,
    failing,
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
    },
  };
}

/**
 * The rows as Markdown, with the budget verdict per row and the audits
 * that cost points listed below the table.
 *
 * @example
 * lighthouseTable(rows); // '| page | setting | performance | … | verdict |\n…'
 */
export function lighthouseTable(rows: LighthouseRow[]): string {
  const table = markdownTable(
    ['page', 'setting', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'verdict'],
    rows.map((r) => {
      const ok =
        r.formFactor === 'desktop' ? CATEGORIES.every((c) => r.scores[c] === 100) : r.scores.performance >= 95;
      return [
        r.page,
        r.formFactor,
        r.scores.performance,
        r.scores.accessibility,
        r.scores['best-practices'],
        r.scores.seo,
        Math.round(r.metrics.fcp),
        Math.round(r.metrics.lcp),
        Math.round(r.metrics.tbt),
        Number(r.metrics.cls.toFixed(3)),
        ok ? '达标 met' : '**未达标 not met**',
      ];
    }),
  );
  const failing = rows.filter((r) => r.failing.length > 0).map((r) => `- ${r.page} (${r.formFactor}): ${r.failing.join('; ')}`);
  return failing.length ? `${table}\n\nAudits below full marks:\n\n${failing.join('\n')}` : table;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: path.join(root, '_site') },
      write: { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
      page: { type: 'string', multiple: true },
      save: { type: 'string' },
    },
  });
  const siteDir = path.resolve(values.site!);
  let pages = values.page;
  if (!pages?.length) {
    const report = JSON.parse(await readFile(path.join(siteDir, 'data', 'report.json'), 'utf8')) as { experiences: Array<{ id: string }> };
    pages = ['/', `/experiences/${report.experiences[0]!.id}/`];
  }
  const { server, origin } = await serveSite(siteDir);
  try {
    const rows = await auditPages(origin, pages, Math.max(1, Number(values.runs)), values.save && path.resolve(values.save));
    const table = lighthouseTable(rows);
    const stamp = `Lighthouse 12.2.3 · ${(await import('node:child_process')).execFileSync(CHROMIUM, ['--version']).toString().trim()} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · median of ${values.runs} run(s)`;
    console.log(`${stamp}\n\n${table}`);
    if (values.write) {
      const file = path.join(root, 'bench', 'README.md');
      const doc = await readFile(file, 'utf8').catch(() => '# Performance\n');
      await writeFile(file, replaceSection(doc, 'lighthouse', `${stamp}\n\n${table}`));
      console.log(`已写入 ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
