/**
 * `node --import ./scripts/loader/register.mjs bench/screenshots.ts [siteDir] [outDir]`: looks at a built site the
 * way readers do. Serves `siteDir` (default `_site`) locally, and writes to
 * `outDir` (default `/tmp/shots`) full-page PNGs of the home, method, one
 * experience, one unit and one department page at 390px and 1280px, light
 * and dark, the home page with 大字, and an A4 PDF of the home and method
 * pages (plus PNGs of its pages when `pdftoppm` is installed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/browser.ts';
import { serveSite } from '../tests/helpers/serve-site.ts';

const siteDir = path.resolve(process.argv[2] ?? '_site');
const outDir = path.resolve(process.argv[3] ?? '/tmp/shots');

/** The first page of each kind, found from the built folders. */
async function pagesToShoot(): Promise<Array<{ name: string; url: string }>> {
  const first = async (folder: string) => (await readdir(path.join(siteDir, folder)).catch(() => [])).sort()[0];
  const pages = [
    { name: 'home', url: '/' },
    { name: 'method', url: '/method/' },
  ];
  for (const kind of ['experiences', 'units', 'departments']) {
    const id = await first(kind);
    if (id) pages.push({ name: kind.slice(0, -1), url: `/${kind}/${id}/` });
  }
  return pages;
}

async function main(): Promise<void> {
  await mkdir(path.join(outDir, 'slices'), { recursive: true });
  const site = await serveSite(siteDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs],
  });
  try {
    const pages = await pagesToShoot();
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        for (const { name, url } of pages) {
          await page.goto(site.origin + url, { waitUntil: 'networkidle' });
          await page.screenshot({ path: path.join(outDir, `${name}-${width}-${colorScheme}.png`), fullPage: true });
          // Viewable slices of the long page, one scrolled screenful of 1400px each (at most 16).
          // Scrolling (not clipping a full-page capture) keeps Chart.js canvases where a reader sees them.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height: 1400 });
          for (let i = 0, y = 0; y < height && i < 16; i++, y += 1400) {
            await page.evaluate((top) => window.scrollTo(0, top), y);
            await page.waitForTimeout(150);
            await page.screenshot({ path: path.join(outDir, 'slices', `${name}-${width}-${colorScheme}-${String(i + 1).padStart(2, '0')}.png`) });
          }
          await page.setViewportSize({ width, height: 900 });
        }
        await context.close();
      }
    }

    // 大字, remembered across pages: set on the home page, seen on the method page.
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    await page.click('[data-text-size-toggle]');
    await page.goto(site.origin + '/method/', { waitUntil: 'networkidle' });
    await page.screenshot({ path: path.join(outDir, 'method-390-large.png') });

    await context.close();

    // Printed as from a desktop browser: charts laid out for the paper's width.
    const printing = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const paper = await printing.newPage();
    for (const name of ['home', 'method']) {
      const url = name === 'home' ? '/' : '/method/';
      await paper.goto(site.origin + url, { waitUntil: 'networkidle' });
      await paper.emulateMedia({ media: 'print' });
      // Let the charts redraw for the print layout before the PDF is taken.
      await paper.waitForTimeout(500);
      const pdf = path.join(outDir, `${name}.pdf`);
      await paper.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      if (existsSync('/usr/bin/pdftoppm')) {
        execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(outDir, `${name}-print`)]);
      }
      await paper.emulateMedia({ media: 'screen' });
    }
    await printing.close();
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`截图已写入 ${outDir}`);
}

await main();
