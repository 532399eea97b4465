/**
 * The default edition's site, driven in chromium as a reader would: the
 * home page holds every chapter and the three annex tables, 大字 persists
 * from page to page, search finds a unit by its Chinese name, printing
 * hides every control, and no page logs a console error, opens a dialog or
 * requests anything from another origin.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { builtSite, editionDirs } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';
import { htmlPages, pageTypes, pageUrl } from '../helpers/site-files.ts';

interface ReportJson {
  units: Array<{ id: string; name: string }>;
  departments: Array<{ id: string; name: string; rank: number | null }>;
  experiences: Array<{ id: string; title: string }>;
}

describe.skipIf(skipBrowser())('the built site in a browser', () => {
  let site = '';
  let browser: Browser;
  let server: ServedSite;
  let report: ReportJson;
  let chapterTitles: string[] = [];

  beforeAll(async () => {
    site = await builtSite('zibo');
    report = JSON.parse(await readFile(path.join(site, 'data/report.json'), 'utf8')) as ReportJson;
    const contentDir = editionDirs('zibo').content;
    const chapters = (await readdir(contentDir)).filter((f) => /^\d+-.+\.md$/.test(f)).sort();
    chapterTitles = await Promise.all(
      chapters.map(async (f) => {
        const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(await readFile(path.join(contentDir, f), 'utf8'))?.[1] ?? '';
        return (yaml.load(front) as { title: string }).title;
      }),
    );
    server = await serveSite(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context (own storage) with the guard on, and a page in it. */
  async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; guard: Guard; page: Page }> {
    const context = await browser.newContext(options);
    const guard = await guardContext(context, server.origin);
    const page = await context.newPage();
    await page.goto(server.origin + url, { waitUntil: 'load' });
    return { context, guard, page };
  }

  describe('the home page', () => {
    it('renders every chapter of the content folder, each under its own heading', async () => {
      const { context, guard, page } = await open('/');
      expect(chapterTitles.length).toBeGreaterThan(0);
      const headings = await page.locator('main h2').allInnerTexts();
      for (const title of chapterTitles) expect(headings.map((h) => h.trim())).toContain(title);
      expect(guard.list()).toEqual([]);
      await context.close();
    });

    it('renders all three annex tables with one row per ranked unit, department and experience', async () => {
      const { context, page } = await open('/');
      const rows = async (n: number) => page.locator(`#annex-${n} table tbody tr`).count();
      await expect(page.locator('#annex-1 table, #annex-2 table, #annex-3 table').count()).resolves.toBe(3);
      expect(await rows(1)).toBe(report.units.length);
      expect(await rows(2)).toBe(report.departments.filter((d) => d.rank !== null).length);
      expect(await rows(3)).toBe(report.experiences.length);
      await expect(page.locator('#annex-1 table').innerText()).resolves.toContain(report.units[0]!.name);
      await context.close();
    });
  });

  it('keeps the 大字 setting when the reader moves to another page', async () => {
    const { context, guard, page } = await open('/');
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await fontSize();
    const toggle = page.locator('button[data-text-size-toggle]');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const large = await fontSize();
    expect(large).toBeGreaterThan(normal);

    await page.goto(`${server.origin}/units/${report.units[0]!.id}/`, { waitUntil: 'load' });
    expect(await fontSize()).toBe(large);
    await expect(page.locator('button[data-text-size-toggle]').getAttribute('aria-pressed')).resolves.toBe('true');

    await page.locator('button[data-text-size-toggle]').click();
    await page.goto(`${server.origin}/method/`, { waitUntil: 'load' });
    expect(await fontSize()).toBe(normal);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('finds a unit by its Chinese name with the header search box', async () => {
    const unit = report.units[report.units.length - 1]!;
    const { context, guard, page } = await open('/');
    const box = page.locator('#site-search-input');
    await box.waitFor({ state: 'visible' });
    await box.fill(unit.name);
    const hit = page.locator(`[data-search-results] a[href*="/units/${unit.id}/"]`).first();
    await hit.waitFor({ state: 'visible', timeout: 20_000 });
    await expect(hit.innerText()).resolves.toContain(unit.name);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('hides every button and form control when printed', async () => {
    const { context, page } = await open('/');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, [role="search"], [data-copy], .skip-link')]
        .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(shown).toEqual([]);
    await context.close();
  });

  it('opens every page of every type with no console error, no dialog and no request leaving the origin', async () => {
    const types = await pageTypes(site);
    const pages = await htmlPages(site);
    expect(pages).toEqual(expect.arrayContaining(Object.values(types)));
    const { context, guard, page } = await open('/');
    for (const file of pages) {
      const response = await page.goto(server.origin + pageUrl(file), { waitUntil: 'load' });
      expect(response?.status(), file).toBe(200);
      await page.waitForTimeout(50);
    }
    expect(guard.list()).toEqual([]);
    await context.close();
  });
});
