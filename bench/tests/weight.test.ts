/**
 * Page-weight budgets of issue 7 on real builds. Byte counts do not depend
 * on the machine, so unlike build times they are fair to assert in a test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureSiteWeight, WEIGHT_BUDGET } from '../measure-weight.ts';
import { builtSite } from '../../tests/helpers/built-site.ts';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-weight-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const shell = (head: string, body = '') => `<!doctype html><html lang="zh-CN"><head>${head}</head><body>${body}</body></html>`;

describe('measureSiteWeight(siteDir) on a hand-made site', () => {
  it('counts the page, its stylesheet, its scripts and their static imports, but not lazy imports', async () => {
    const dir = await writeSite({
      'index.html': shell('<link rel="stylesheet" href="/a.css"><script type="module" src="/s.js"></script>'),
      'a.css': 'body{color:red}',
      's.js': 'import{x}from"./chunk.js";document.onclick=()=>import("/pagefind/pagefind.js")',
      'chunk.js': 'export const x=1',
      'pagefind/pagefind.js': 'x'.repeat(5000),
    });
    const weight = await measureSiteWeight(dir);
    expect(weight.home.files.map((f) => f.url)).toEqual(['/index.html', '/a.css', '/s.js', '/chunk.js']);
    expect(weight.home.lazy).toEqual(['/pagefind/pagefind.js']);
    expect(weight.budgets.lazySearch).toBe(true);
  });

  it('flags chart code on a page without a chart, and Pagefind loaded at once', async () => {
    const dir = await writeSite({
      'index.html': shell('<script src="/charts.js"></script><script src="/pagefind/pagefind.js"></script>'),
      'units/a/index.html': shell('<script src="/charts.js"></script>', '<canvas></canvas>'),
      'charts.js': 'x',
      'pagefind/pagefind.js': 'x',
    });
    const weight = await measureSiteWeight(dir);
    expect(weight.chartCodeWithoutChart).toEqual(['index.html']);
    expect(weight.eagerSearch).toEqual(['index.html']);
    expect(weight.chartPages).toBe(1);
    expect(weight.budgets).toMatchObject({ noChartCodeWithoutCharts: false, lazySearch: false });
  });

  it('fails the home budget for a home page heavier than 150 KB gzipped', async () => {
    // Incompressible text: a seeded xorshift stream of letters.
    let state = 1;
    const noise = Array.from({ length: 400_000 }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return String.fromCharCode(97 + ((state >>> 0) % 26));
    }).join('');
    const dir = await writeSite({ 'index.html': shell('', `<p>${noise}</p>`) });
    const weight = await measureSiteWeight(dir);
    expect(weight.home.totalGzip).toBeGreaterThan(WEIGHT_BUDGET.homeGzip);
    expect(weight.budgets.home).toBe(false);
  });
});

describe.each(['zibo', 'small'] as const)('the built %s edition', (edition) => {
  it('keeps the home page and everything it loads within 150 KB gzipped', async () => {
    const weight = await measureSiteWeight(await builtSite(edition));
    expect(weight.missing).toEqual([]);
    expect(weight.home.files.length).toBeGreaterThan(1);
    expect(weight.home.totalGzip).toBeLessThanOrEqual(WEIGHT_BUDGET.homeGzip);
  }, 300_000);

  it('loads at most 60 KB gzipped of chart code on chart pages and none elsewhere', async () => {
    const weight = await measureSiteWeight(await builtSite(edition));
    expect(weight.chartPages).toBeGreaterThan(0);
    expect(weight.maxChartGzip).toBeGreaterThan(0);
    expect(weight.maxChartGzip).toBeLessThanOrEqual(WEIGHT_BUDGET.chartCodeGzip);
    expect(weight.chartWithoutCode).toEqual([]);
    expect(weight.chartCodeWithoutChart).toEqual([]);
  }, 300_000);

  it('loads no search script until the search box is used', async () => {
    const weight = await measureSiteWeight(await builtSite(edition));
    expect(weight.eagerSearch).toEqual([]);
  }, 300_000);
});
