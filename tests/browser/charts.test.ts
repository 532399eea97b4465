/**
 * The charts in chromium, on real builds: every chart draws (non-blank
 * pixels in the page's own bar colour, light and dark), 下载图片 saves a
 * PNG, the tables carry the same numbers, a page without charts loads no
 * chart code, pages read fully without JavaScript, and a hostile edition's
 * names stay text.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { builtSite } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

/** What a test reads back from a drawn figure. */
interface DrawnFigure {
  id: string;
  ready: boolean;
  canvasVisible: boolean;
  ariaLabel: string | null;
  role: string | null;
  labels: number;
  /** Rows of the figure's own table, or of the page table its canvas refers to (`aria-details`). */
  rows: number;
  /** The text of each of those rows. */
  rowTexts: string[];
  valueTexts: string[];
  buttonVisible: boolean;
  tableOpen: boolean;
  /** Pixels that are not transparent. */
  inked: number;
  /** Pixels within a small distance of the figure's --chart-bar colour. */
  barColoured: number;
  barColour: string;
}

/** Reads every figure.chart of the page, counting drawn pixels in the browser. */
function drawnFigures(page: Page): Promise<DrawnFigure[]> {
  return page.evaluate(() => {
    const rgb = (css: string): number[] => {
      const probe = document.createElement('canvas').getContext('2d')!;
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    return Array.from(document.querySelectorAll<HTMLElement>('figure.chart')).map((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const wrap = figure.querySelector<HTMLElement>('.chart-canvas-wrap')!;
      const spec = JSON.parse(figure.querySelector('script.chart-data')!.textContent!) as { labels: string[]; valueTexts: string[] };
      const ref = canvas.getAttribute('aria-details');
      const table = ref ? document.getElementById(ref)! : figure;
      const rows = Array.from(table.querySelectorAll('table tbody tr'));
      const barColour = getComputedStyle(figure).getPropertyValue('--chart-bar').trim();
      const [r, g, b] = rgb(barColour);
      let inked = 0;
      let barColoured = 0;
      if (canvas.width > 0 && canvas.height > 0) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! > 0) inked += 1;
          if (data[i + 3]! > 250 && Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 12) barColoured += 1;
        }
      }
      return {
        id: figure.dataset.chartId ?? '',
        ready: figure.classList.contains('chart--ready'),
        canvasVisible: !wrap.hidden && wrap.getBoundingClientRect().height > 0,
        ariaLabel: canvas.getAttribute('aria-label'),
        role: canvas.getAttribute('role'),
        labels: spec.labels.length,
        rows: rows.length,
        rowTexts: rows.map((row) => row.textContent ?? ''),
        valueTexts: spec.valueTexts,
        buttonVisible: !figure.querySelector<HTMLButtonElement>('button.chart-download')!.hidden,
        tableOpen: figure.querySelector('details')?.open ?? false,
        inked,
        barColoured,
        barColour,
      };
    });
  });
}

describe.skipIf(skipBrowser())('charts in the browser', () => {
  let browser: Browser;
  let small: ServedSite;

  beforeAll(async () => {
    small = await serveSite(await builtSite('small'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await small?.close();
  });

  /** A fresh guarded context and a page in it, loaded. */
  async function open(
    server: ServedSite,
    url: string,
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; guard: Guard; page: Page; requests: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    const guard = await guardContext(context, server.origin);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(server.origin + url, { waitUntil: 'load' });
    return { context, guard, page, requests };
  }

  /**
   * Scrolls every chart of the page into view (they draw when near the
   * viewport), then waits until all are drawn.
   */
  async function waitForCharts(page: Page): Promise<void> {
    for (const figure of await page.locator('figure.chart').all()) {
      await figure.scrollIntoViewIfNeeded();
      await page.waitForTimeout(50);
    }
    await page.waitForFunction(() => {
      const figures = Array.from(document.querySelectorAll('figure.chart'));
      return figures.length > 0 && figures.every((f) => f.classList.contains('chart--ready'));
    }, undefined, { timeout: 10_000 });
    await page.waitForTimeout(100);
  }

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)('draws every home page chart in the %s scheme, in that scheme’s bar colour', async (_name, colorScheme) => {
    const { context, guard, page } = await open(small, '/', { colorScheme });
    await waitForCharts(page);
    const figures = await drawnFigures(page);
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['unit-ranking', 'department-scores', 'experience-scores']));
    for (const figure of figures) {
      expect(figure, figure.id).toMatchObject({ ready: true, canvasVisible: true, role: 'img', buttonVisible: true, tableOpen: false });
      expect(figure.ariaLabel, figure.id).toMatch(/^横向柱状图：.+，共\d+(个|项)/);
      expect(figure.rows, `${figure.id}: one table row per bar`).toBe(figure.labels);
      expect(figure.inked, `${figure.id}: canvas has drawn`).toBeGreaterThan(1000);
      expect(figure.barColoured, `${figure.id}: bars in ${figure.barColour}`).toBeGreaterThan(200);
    }
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('uses different bar colours in light and dark mode', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await open(small, '/', { colorScheme });
      await waitForCharts(page);
      colours.push((await drawnFigures(page))[0]!.barColour);
      await context.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  });

  it('saves a chart as a PNG named after it when 下载图片 is pressed', async () => {
    const { context, guard, page } = await open(small, '/');
    await waitForCharts(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-unit-ranking button.chart-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('unit-ranking.png');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width and height: a real image, not an empty canvas.
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(150);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('draws an experience page’s unit scores from the page’s own unit table: as many bars as rows, each row holding its bar’s value', async () => {
    const { context, guard, page } = await open(small, '/');
    const href = await page.locator('a[href^="/experiences/"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    await page.goto(small.origin + href!, { waitUntil: 'load' });
    await waitForCharts(page);
    const figures = await drawnFigures(page);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.id).toMatch(/^experience-units-/);
    expect(figures[0]!.inked).toBeGreaterThan(1000);
    expect(figures[0]!.rows).toBe(figures[0]!.labels);
    figures[0]!.valueTexts.forEach((value, i) => expect(figures[0]!.rowTexts[i]).toContain(value));
    expect(await page.locator('figure.chart details').count(), 'no second copy of the units').toBe(0);
    expect(await page.locator('figure.chart .chart-table-ref a').getAttribute('href')).toBe('#experience-units-table');
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it.each(['/method/', '/downloads/'])('loads no chart code on %s, a page without charts', async (url) => {
    const { context, page, requests } = await open(small, url);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('figure.chart').count()).toBe(0);
    expect(requests.filter((p) => /\/charts\.[^/]*\.js$/.test(p))).toEqual([]);
    await context.close();
  });

  it('shows the tables and hides canvas and button when JavaScript is off', async () => {
    const { context, page } = await open(small, '/', { javaScriptEnabled: false });
    const state = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((f) => ({
        canvasShown: f.querySelector<HTMLElement>('.chart-canvas-wrap')!.getBoundingClientRect().height > 0,
        buttonShown: f.querySelector<HTMLElement>('button.chart-download')!.getBoundingClientRect().height > 0,
        // Its own table, or the link to the annex table holding its numbers, and that table.
        tableShown: f.querySelector('.chart-table-ref')
          ? f.querySelector('.chart-table-ref a')!.getBoundingClientRect().height > 0 &&
            document.getElementById(f.querySelector('canvas')!.getAttribute('aria-details')!)!.querySelector('table')!.getBoundingClientRect().height > 0
          : f.querySelector('table')!.getBoundingClientRect().height > 0,
        axisNoteShown: (f.querySelector('.chart-axis-note')?.getBoundingClientRect().height ?? 0) > 0,
      })),
    );
    expect(state.length).toBeGreaterThan(0);
    for (const figure of state) expect(figure).toEqual({ canvasShown: false, buttonShown: false, tableShown: true, axisNoteShown: false });
    await context.close();
  });

  it('falls back to the tables when the chart script never arrives', async () => {
    const context = await browser.newContext();
    await context.route(/\/charts\.[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(small.origin + '/', { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('figure.chart.chart--failed').length > 0);
    const state = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((f) => ({
        failed: f.classList.contains('chart--failed'),
        canvasShown: f.querySelector<HTMLElement>('.chart-canvas-wrap')!.getBoundingClientRect().height > 0,
        tableShown: (f.querySelector('table') ?? f.querySelector('.chart-table-ref a'))!.getBoundingClientRect().height > 0,
      })),
    );
    expect(state.length).toBeGreaterThan(0);
    for (const figure of state) expect(figure).toEqual({ failed: true, canvasShown: false, tableShown: true });
    await context.close();
  });

  it('leaves the figures to the chart script when it runs', async () => {
    const { context, page } = await open(small, '/');
    await waitForCharts(page);
    expect(await page.locator('figure.chart.chart--failed').count()).toBe(0);
    await context.close();
  });

  it('shows an experience page’s chart as its caption and a link to the unit table when JavaScript is off', async () => {
    const url = await firstExperience();
    const { context, page } = await open(small, url, { javaScriptEnabled: false });
    const figure = page.locator('figure.chart');
    expect(await figure.locator('.chart-canvas-wrap').isVisible()).toBe(false);
    expect(await figure.locator('.chart-table-ref a').isVisible()).toBe(true);
    expect(await page.locator('#experience-units-table tbody tr').first().isVisible()).toBe(true);
    await context.close();
  });

  it('redraws with larger text when 大字 is switched on', async () => {
    const { context, guard, page } = await open(small, '/');
    await waitForCharts(page);
    const heights = () =>
      page.locator('#chart-unit-ranking .chart-canvas-wrap').evaluate((wrap) => wrap.getBoundingClientRect().height);
    const before = await heights();
    await page.evaluate(() => document.documentElement.classList.add('text-large'));
    await page.waitForTimeout(300);
    expect(await heights()).toBeGreaterThan(before);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('fits a 360 px wide screen without sideways scrolling of the charts', async () => {
    const { context, page } = await open(small, '/', { viewport: { width: 360, height: 800 } });
    await waitForCharts(page);
    const overflow = await page.locator('figure.chart .chart-canvas-wrap').evaluateAll((wraps) =>
      wraps.map((w) => w.getBoundingClientRect().right - document.documentElement.clientWidth),
    );
    for (const excess of overflow) expect(excess).toBeLessThanOrEqual(0);
    await context.close();
  });

  /** The URL of the first experience page linked from the home page. */
  async function firstExperience(): Promise<string> {
    const { context, page } = await open(small, '/');
    const href = await page.locator('a[href^="/experiences/"]').first().getAttribute('href');
    await context.close();
    expect(href).toBeTruthy();
    return href!;
  }

  it.each([
    ['an experience page', 'experience', { width: 1350, height: 940 }],
    ['an experience page on a phone', 'experience', { width: 360, height: 640 }],
    ['the home page', '/', { width: 1350, height: 940 }],
    ['the home page on a phone', '/', { width: 360, height: 640 }],
  ] as const)('moves nothing on %s while its charts draw (no layout shift)', async (_name, which, viewport) => {
    const url = which === 'experience' ? await firstExperience() : which;
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => {
      type Shift = { value: number; sources: { node?: Node | null }[] };
      const shifts: { value: number; moved: string[] }[] = [];
      (window as unknown as { shifts: typeof shifts }).shifts = shifts;
      const name = (node: Node | null | undefined): string =>
        node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${node.className}` : String(node?.nodeName);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Shift[]) shifts.push({ value: entry.value, moved: entry.sources.map((s) => name(s.node)) });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const guard = await guardContext(context, small.origin);
    const page = await context.newPage();
    await page.goto(small.origin + url, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    if (which === 'experience' && viewport.width > 1000) {
      expect(await page.locator('figure.chart.chart--ready').count(), 'the experience chart is drawn').toBe(1);
    }
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
    expect(shifts.reduce((sum, shift) => sum + shift.value, 0), JSON.stringify(shifts)).toBeLessThan(0.001);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('draws the home page charts only as they come near the viewport', async () => {
    const { context, guard, page } = await open(small, '/', { viewport: { width: 360, height: 640 } });
    await page.waitForTimeout(500);
    const state = () => page.locator('figure.chart').evaluateAll((figures) => figures.map((f) => f.classList.contains('chart--ready')));
    const before = await state();
    expect(before.at(-1), 'the last chart, far below, is not drawn yet').toBe(false);
    await page.locator('figure.chart').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('figure.chart:last-of-type')?.classList.contains('chart--ready') || Array.from(document.querySelectorAll('figure.chart')).at(-1)!.classList.contains('chart--ready'));
    expect((await state()).at(-1)).toBe(true);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('draws a chart not yet drawn when its 下载图片 is pressed, and saves it', async () => {
    const { context, guard, page } = await open(small, '/', { viewport: { width: 360, height: 640 } });
    await page.waitForTimeout(300);
    const last = page.locator('figure.chart').last();
    expect(await last.evaluate((f) => f.classList.contains('chart--ready'))).toBe(false);
    const id = await last.getAttribute('data-chart-id');
    // Pressed without scrolling to it, so only the button can have drawn it.
    const [download] = await Promise.all([page.waitForEvent('download'), last.locator('button.chart-download').evaluate((b: HTMLElement) => b.click())]);
    expect(download.suggestedFilename()).toBe(`${id}.png`);
    const bytes = await readFile((await download.path())!);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('draws every chart and opens every table before printing', async () => {
    const { context, guard, page } = await open(small, '/', { viewport: { width: 360, height: 640 } });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const figures = await drawnFigures(page);
    const referring = await page.locator('figure.chart').evaluateAll((fs) => fs.filter((f) => f.querySelector('.chart-table-ref')).map((f) => (f as HTMLElement).dataset.chartId));
    expect(referring.length, 'the home page has charts that point at an annex table').toBeGreaterThan(0);
    for (const figure of figures) {
      // A chart that points at an annex table has none of its own to open.
      expect(figure, figure.id).toMatchObject({ ready: true, tableOpen: !referring.includes(figure.id) });
      expect(figure.inked, figure.id).toBeGreaterThan(1000);
    }
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('draws every chart at the printed width, at full height, when the page is laid out for print from the start', async () => {
    const { context, guard, page } = await open(small, '/', { viewport: { width: 1280, height: 800 } });
    await page.emulateMedia({ media: 'print' });
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.printReady === 'true');
    const printed = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.width = 'var(--print-text-width)';
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    });
    expect(printed).toBeGreaterThan(500);
    const sizes = await page.locator('figure.chart.chart--ready .chart-canvas-wrap').evaluateAll((wraps) =>
      wraps.map((w) => ({ wrap: w.getBoundingClientRect(), canvas: w.querySelector('canvas')!.getBoundingClientRect() })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const { wrap, canvas } of sizes) {
      expect(Math.round(canvas.width)).toBe(Math.round(printed));
      // No thin strip: the drawing fills the height the script gave it.
      expect(canvas.height).toBeGreaterThan(150);
      expect(Math.abs(canvas.height - wrap.height)).toBeLessThan(2);
    }
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('keeps a hostile edition’s names as text in charts: no dialog, no script, the label read back verbatim', async () => {
    const hostile = await serveSite(await builtSite('hostile'));
    try {
      const { context, guard, page } = await open(hostile, '/');
      await waitForCharts(page);
      const labels = await page.locator('figure.chart canvas').evaluateAll((canvases) => canvases.map((c) => c.getAttribute('aria-label') ?? ''));
      expect(labels.some((label) => /<\/?script|<img|"/.test(label)), 'a hostile name is in some aria-label, as text').toBe(true);
      // The only scripts are the site's own: no element injected by a name.
      const scripts = await page.locator('script:not([type="application/json"])').evaluateAll((s) => s.map((e) => e.getAttribute('src')));
      for (const src of scripts) expect(src).toMatch(/^\/assets\/js\//);
      await page.hover('figure.chart canvas');
      expect(guard.problems.dialogs).toEqual([]);
      expect(guard.problems.pageErrors).toEqual([]);
      await context.close();
    } finally {
      await hostile.close();
    }
  });
  it.each([
    ['a phone', { width: 390, height: 800 }],
    ['a desktop', { width: 1280, height: 900 }],
  ] as const)('draws the method page’s rank-interval charts on %s: a bar per item, the legend of marks, nothing off-screen, and prints them with their tables', async (_name, viewport) => {
    const other = await serveSite(await builtSite('other'));
    try {
      const { context, guard, page } = await open(other, '/method/', { viewport });
      await waitForCharts(page);
      const figures = await drawnFigures(page);
      expect(figures.length, 'the other edition ranks with intervals that move').toBeGreaterThan(0);
      for (const figure of figures) {
        expect(figure.id, figure.id).toMatch(/-intervals$/);
        expect(figure, figure.id).toMatchObject({ ready: true, canvasVisible: true, role: 'img', buttonVisible: true });
        expect(figure.ariaLabel, figure.id).toMatch(/^区间图：.+，横条为90%区间，圆点为中位排名，竖线为报告排名/);
        expect(figure.rows, `${figure.id}: one table row per bar`).toBe(figure.labels);
        figure.valueTexts.forEach((range, i) => expect(figure.rowTexts[i], `${figure.id} row ${i + 1}`).toContain(range));
        expect(figure.barColoured, `${figure.id}: bars in ${figure.barColour}`).toBeGreaterThan(100);
      }
      expect(await page.locator('figure.chart .chart-keys').evaluateAll((keys) => keys.every((k) => !(k as HTMLElement).hidden && k.getBoundingClientRect().height > 0))).toBe(true);
      const overflow = await page.locator('figure.chart .chart-canvas-wrap').evaluateAll((wraps) => wraps.map((w) => w.getBoundingClientRect().right - document.documentElement.clientWidth));
      for (const excess of overflow) expect(excess).toBeLessThanOrEqual(0);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      for (const figure of await drawnFigures(page)) expect(figure, figure.id).toMatchObject({ ready: true, tableOpen: true });
      expect(guard.list()).toEqual([]);
      await context.close();
    } finally {
      await other.close();
    }
  });
});
