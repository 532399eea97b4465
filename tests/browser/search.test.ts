/**
 * The header search box in Chromium, on the default edition as built: what
 * a reader types (a number, a district's name, a word of an experience's
 * title, a word of a chart title) finds its own page first, every result
 * links to a section that holds what was typed, and every result can be
 * reached from the keyboard through 显示更多.
 *
 * The queries come from the built report (names, titles, ids), so the
 * rules are checked for whatever the edition holds, not for fixed pages.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey, spacedHan } from '../../src/client/search-match.ts';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { builtSite } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

interface ReportJson {
  units: Array<{ id: string; name: string }>;
  experiences: Array<{ id: string; title: string }>;
}

/** One listed result: where it links and its label. */
interface Hit {
  href: string;
  label: string;
}

describe.skipIf(skipBrowser())('the search box in a browser', () => {
  let browser: Browser;
  let server: ServedSite;
  let report: ReportJson;
  /** Every indexed page's text (its metadata but the type label too), as Pagefind stored it. */
  let indexed: Array<{ url: string; key: string }>;
  let context: BrowserContext;
  let guard: Guard;
  let page: Page;
  /** A second tab, to open the sections results link to. */
  let target: Page;

  beforeAll(async () => {
    const site = await builtSite('zibo');
    report = JSON.parse(await readFile(path.join(site, 'data/report.json'), 'utf8')) as ReportJson;
    indexed = await indexedPages(site);
    server = await serveSite(site);
    browser = await launchBrowser();
    context = await browser.newContext();
    guard = await guardContext(context, server.origin);
    page = await context.newPage();
    target = await context.newPage();
    await page.goto(server.origin + '/', { waitUntil: 'load' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Types `query` into the box as a reader does, and the results once the status says how many. */
  async function search(query: string): Promise<{ status: string; hits: Hit[] }> {
    const box = page.locator('#site-search-input');
    await box.fill('');
    await expect.poll(() => page.locator('[data-search-status]').innerText()).toBe('');
    await box.pressSequentially(query);
    await expect.poll(() => page.locator('[data-search-status]').innerText(), { timeout: 20_000 }).not.toBe('');
    const status = await page.locator('[data-search-status]').innerText();
    const hits = await page.$$eval('[data-search-results] li > a', (links) =>
      links.map((link) => ({ href: link.getAttribute('href') ?? '', label: link.textContent ?? '' })),
    );
    return { status, hits };
  }

  /** The text of the section `href` links to, as Pagefind cuts sections: from its anchor to the next heading with an id or titled element. */
  async function sectionText(href: string): Promise<string> {
    await target.goto(server.origin + href, { waitUntil: 'load' });
    return target.evaluate(() => {
      const id = decodeURIComponent(location.hash.slice(1));
      const main = document.querySelector('main')!;
      if (!id) return main.textContent ?? '';
      const start = document.getElementById(id);
      if (!start) return '';
      const anchors = [...main.querySelectorAll(':is(h1, h2, h3, h4, h5, h6)[id], [id][data-pagefind-title]')].filter(
        (el) => !el.closest('[data-pagefind-ignore]'),
      );
      const next = anchors.find((el) => start.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !start.contains(el));
      const range = document.createRange();
      range.setStartBefore(start);
      if (next) range.setEndBefore(next);
      else range.setEndAfter(main.lastChild!);
      return range.toString();
    });
  }

  const pathOf = (href: string) => new URL(href, server.origin).pathname;

  it('finds an experience by the number in its id or title (a hotline number), its own page first', async () => {
    const numbered = report.experiences.flatMap((e) => {
      const number = /\d{3,}/.exec(`${e.id} ${e.title}`)?.[0];
      return number ? [{ id: e.id, number }] : [];
    });
    expect(numbered.length).toBeGreaterThan(0);
    for (const { id, number } of numbered) {
      const { hits } = await search(number);
      expect(pathOf(hits[0]!.href), number).toBe(`/experiences/${id}/`);
    }
  });

  it("finds each unit by its name, the unit's page first", async () => {
    for (const unit of report.units) {
      const { hits } = await search(unit.name);
      expect(pathOf(hits[0]?.href ?? ''), unit.name).toBe(`/units/${unit.id}/`);
    }
  });

  it('finds an experience by the quoted name in its title, a page of an experience so titled first', async () => {
    const quoted = report.experiences.flatMap((e) => {
      const name = /“([^”]+)”/u.exec(e.title)?.[1];
      return name ? [name] : [];
    });
    expect(quoted.length).toBeGreaterThan(0);
    for (const name of quoted) {
      const { hits } = await search(name);
      const first = pathOf(hits[0]?.href ?? '');
      const titled = report.experiences.filter((e) => matchKey(e.title).includes(matchKey(name))).map((e) => `/experiences/${e.id}/`);
      expect(titled, name).toContain(first);
    }
  });

  it('finds an experience by any four characters of its title, a page of an experience so titled first', async () => {
    for (const [i, experience] of report.experiences.entries()) {
      const han = Array.from(experience.title.replace(/[^\p{Script=Han}]/gu, ''));
      const at = (i * 5) % Math.max(1, han.length - 4);
      const piece = han.slice(at, at + 4).join('');
      const { hits } = await search(piece);
      const titled = report.experiences.filter((e) => matchKey(e.title).includes(piece)).map((e) => `/experiences/${e.id}/`);
      expect(titled, piece).toContain(pathOf(hits[0]?.href ?? ''));
    }
  });

  it('finds 知晓率 in the full report, linked to the figure whose caption holds it', async () => {
    const { hits } = await search('知晓率');
    const first = new URL(hits[0]!.href, server.origin);
    expect(first.pathname).toBe('/');
    expect(first.hash).not.toBe('');
    await target.goto(first.href, { waitUntil: 'load' });
    const caption = await target.locator(`[id="${decodeURIComponent(first.hash.slice(1))}"] figcaption`).innerText();
    expect(caption).toContain('知晓率');
  });

  it('links every result to a section that holds what was typed, in the full report too', async () => {
    const names = report.experiences.flatMap((e) => /“([^”]+)”/u.exec(e.title)?.[1] ?? []).slice(0, 4);
    const queries = ['知晓率', report.units[1]!.name, ...names];
    let inFullReport = 0;
    for (const query of queries) {
      const { hits } = await search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits.slice(0, 8)) {
        if (pathOf(hit.href) === '/') inFullReport += 1;
        expect(matchKey(await sectionText(hit.href)), `${query} → ${hit.href}`).toContain(matchKey(query));
      }
    }
    expect(inFullReport).toBeGreaterThan(0);
  });

  it('does not match a name by its characters scattered over a page', async () => {
    // Two unit names' characters put together: the characters are on many pages, the term on none.
    const [a, b] = report.units.map((u) => Array.from(u.name));
    const scattered = `${a![0]}${b![b!.length - 1]}${a![1]}`;
    const { status, hits } = await search(scattered);
    for (const hit of hits) {
      const texts = matchKey(await sectionText(hit.href));
      if (!texts.includes(matchKey(scattered))) expect(status, `${scattered} → ${hit.href}`).toContain('没有页面含有完整的');
    }
  });

  it('finds every page that holds a word, however Pagefind and the browser segment it', async () => {
    // Pieces of two and three Han characters from all over the indexed text: a piece that
    // Pagefind's dictionary kept inside a longer word (民政局 in 市民|政局) was never found.
    const pieces = new Set<string>();
    for (const page of indexed) {
      for (let at = 0; at < page.key.length; at += 97) {
        const piece = page.key.slice(at, at + 2 + (at % 2));
        if (/^\p{Script=Han}{2,3}$/u.test(piece)) pieces.add(piece);
      }
    }
    expect(pieces.size).toBeGreaterThan(100);
    const queries = [...pieces].map((piece) => ({ piece, query: spacedHan(piece) }));
    // Pagefind's own API in the page, with the query the box hands it, for speed; the box's
    // filtering of what Pagefind finds is checked above.
    // A script given as text, so that the test runner does not rewrite its import().
    const found = (await page.evaluate(`(async (queries) => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const out = {};
      for (const { piece, query } of queries) {
        const search = await pagefind.search(query);
        out[piece] = await Promise.all(search.results.map(async (result) => (await result.data()).url));
      }
      return out;
    })(${JSON.stringify(queries)})`)) as Record<string, string[]>;
    const missed = [...pieces].flatMap((piece) =>
      indexed.filter((p) => p.key.includes(piece) && !found[piece]!.includes(p.url)).map((p) => `${piece} ${p.url}`),
    );
    expect(missed).toEqual([]);
  });

  it('lists every result through 显示更多, a button reached from the keyboard that says how many are listed', async () => {
    const { status, hits } = await search('知晓率');
    const total = Number(/找到(\d+)个/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(hits.length);
    const more = page.locator('[data-search-results] button');
    await expect(more.evaluate((el) => el.tagName)).resolves.toBe('BUTTON');
    let listed = hits.length;
    while (listed < total) {
      await page.locator('[data-search-results] li > a').last().focus();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('search-more');
      await expect(more.innerText()).resolves.toContain(String(total - listed));
      await page.keyboard.press('Enter');
      const now = await page.locator('[data-search-results] li').count();
      expect(now).toBeGreaterThan(listed);
      // Focus goes on to the first new result, and the live region says how many are listed.
      const focused = await page.evaluate(() => [...document.querySelectorAll('[data-search-results] li')].indexOf(document.activeElement!.closest('li')!));
      expect(focused).toBe(listed);
      listed = now;
      const said = await page.locator('[data-search-status]').innerText();
      expect(said).toContain(listed < total ? `已列出${listed}个` : '已全部列出');
    }
    expect(listed).toBe(total);
    await expect(more.isHidden()).resolves.toBe(true);
    const hrefs = await page.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(hrefs.map((href) => pathOf(href!))).size).toBe(total);
    expect(guard.list()).toEqual([]);
  });

  it('shows results and 显示更多 with no accessibility violation (axe-core)', async () => {
    await search('知晓率');
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
      const result = await axe.run(document.querySelector('.site-search')!, { resultTypes: ['violations'] });
      return result.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
  });
});

/** The pages of the built index with their text as one matchKey, read from Pagefind's fragments (gzip, a signature, then JSON). */
async function indexedPages(site: string): Promise<Array<{ url: string; key: string }>> {
  const dir = path.join(site, 'pagefind', 'fragment');
  const pages = [];
  for (const file of await readdir(dir)) {
    const text = gunzipSync(await readFile(path.join(dir, file))).toString('utf8');
    const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; meta: Record<string, string> };
    const meta = Object.entries(fragment.meta).filter(([name]) => name !== 'kind').map(([, value]) => value.split(/\s+/u)[0]);
    pages.push({ url: fragment.url, key: matchKey(`${fragment.content} ${meta.join(' ')}`) });
  }
  return pages;
}
