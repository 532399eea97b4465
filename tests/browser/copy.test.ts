/**
 * The 复制 buttons in chromium, as newspaper staff use them: a section's
 * button puts its numbered heading, its paragraphs and a 来源 line on the
 * clipboard; a table's button puts tab-separated rows (text/plain) and a
 * clean table (text/html); both confirm with 已复制 in a live region and
 * work from the keyboard. Expected text is built from the model and the
 * chapters' Markdown, not from the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../src/downloads/markdown-text.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { renderChapters, type Chapter } from '../../src/site/render-chapters.ts';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { builtSite, editionDirs } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

/** The expected copy of the section a heading opens, from the chapter's Markdown. */
function expectedSection(report: Report, title: string, blocks: Array<{ kind: string; level: number; text: string }>): string {
  return [title, ...blocks.map((b) => b.text), `来源：${report.meta.evaluator}《${report.meta.title}》`].join('\n\n');
}

/** Blocks under the heading `text` of a chapter, up to the next heading of the same or higher level. */
function blocksUnder(chapter: Chapter, text: string) {
  const blocks = markdownBlocks(chapter.markdown);
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
  const level = blocks[start]!.level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return blocks.slice(start + 1, end === -1 ? undefined : end);
}

describe.skipIf(skipBrowser())('copy buttons in a browser', () => {
  let browser: Browser;
  let server: ServedSite;
  let report: Report;
  let chapters: Chapter[];
  let context: BrowserContext;
  let guard: Guard;
  let page: Page;

  beforeAll(async () => {
    const site = await builtSite('zibo');
    const dirs = editionDirs('zibo');
    report = await loadReport({ dataDir: dirs.data });
    chapters = renderChapters(dirs.content, report);
    server = await serveSite(site);
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    guard = await guardContext(context, server.origin);
    page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('button.copy-button');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const clipboardText = () => page.evaluate(() => navigator.clipboard.readText());
  const clipboardHtml = () =>
    page.evaluate(async () => {
      for (const item of await navigator.clipboard.read()) {
        if (item.types.includes('text/html')) return (await item.getType('text/html')).text();
      }
      return '';
    });
  const status = () => page.locator('#copy-status').textContent();

  it('gives every chapter heading, subsection heading and annex table a button named 复制本节 or 复制表格', async () => {
    for (const chapter of chapters) {
      expect(await page.locator(`#${chapter.slug}-title`).locator('..').getByRole('button', { name: '复制本节' }).count()).toBe(1);
    }
    for (const n of [1, 2, 3]) {
      expect(await page.locator(`#annex-${n}-table`).getByRole('button', { name: '复制表格' }).count()).toBe(1);
    }
  });

  it('copies a subsection as its numbered heading, its paragraphs and the 来源 line, and says 已复制', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    const heading = chapter.headings[0]!;
    await page.locator(`#${heading.id}`).locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(status).toContain('已复制');
    const text = await clipboardText();
    expect(text).toBe(expectedSection(report, heading.text, blocksUnder(chapter, heading.text)));
    expect(text).not.toMatch(/[\u00A0\u00AD\u200B-\u200F\uFEFF#]|复制/);
    expect(await page.locator(`#${heading.id}`).locator('..').locator('.copy-button').textContent()).toBe('已复制');
  });

  it('copies a whole chapter with its subsections, without the charts or tables', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    await page.locator(`#${chapter.slug}-title`).locator('..').getByRole('button', { name: '复制本节' }).click();
    const blocks = markdownBlocks(chapter.markdown).filter((b) => b.kind !== 'table');
    expect(await clipboardText()).toBe(expectedSection(report, chapter.title, blocks));
  });

  it('copies annex 1 as tab-separated rows and as an HTML table built from the model', async () => {
    await page.locator('#annex-1-table').getByRole('button', { name: '复制表格' }).click();
    await expect.poll(status).toContain('已复制表格');
    const rows = [
      ['排名', '并列', '单位', '得分'],
      ...report.units.map((u) => [String(u.rank), u.tied ? '并列' : '', u.name, u.text]),
    ];
    const note = report.provenance.annexNotices.units;
    expect(await clipboardText()).toBe(rows.map((r) => r.join('\t')).join('\n') + (note ? `\n\n${note}` : ''));
    const html = await clipboardHtml();
    expect(html).toContain('<table>');
    for (const unit of report.units) expect(html).toContain(`<td>${unit.name}</td><td>${unit.text}</td>`);
    if (note) expect(html).toContain(`</table><p>${note}</p>`);
    expect(html).not.toMatch(/class=|href=|<script/);
  });

  it('works from the keyboard: Enter on a focused button copies and focus stays on it', async () => {
    const button = page.locator('#annex-3-table').getByRole('button', { name: '复制表格' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(clipboardText).toContain(report.experiences[0]!.title);
    const first = (await clipboardText()).split('\n')[1]!.split('\t');
    const top = report.experiences[0]!;
    expect(first).toEqual([String(top.rank), top.tied ? '并列' : '', top.title, top.leadName, top.text]);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(status).toContain('已复制');
  });

  it('copies annex 2 as a section with its 示意 notice once, before the 来源 line', async () => {
    const note = report.provenance.annexNotices.departments;
    await page.locator('#annex-2-title').locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(clipboardText).toContain('附件2');
    const text = await clipboardText();
    if (note) {
      expect(text.split(note)).toHaveLength(2);
      expect(text.endsWith(`${note}\n\n来源：${report.meta.evaluator}《${report.meta.title}》`)).toBe(true);
    } else expect(text).not.toContain('说明：');
  });

  it('adds the page’s 示意 notice to a section copied from a unit page, where the notice sits above the section', async () => {
    const note = report.provenance.pageNotices.units;
    await page.goto(`${server.origin}/units/${report.units[0]!.id}/`, { waitUntil: 'load' });
    await page.waitForSelector('button.copy-button');
    await page.locator('#strongest-title').locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(clipboardText).toContain('得分较高的经验');
    const text = await clipboardText();
    if (note) expect(text).toContain(`${note}\n\n来源：`);
    else expect(text).not.toContain('说明：');
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForSelector('button.copy-button');
  });

  it('announces through a polite live region and logs no errors', async () => {
    expect(await page.locator('#copy-status').getAttribute('aria-live')).toBe('polite');
    expect(guard.list()).toEqual([]);
  });
});

describe.skipIf(skipBrowser())('copy buttons on a hostile edition', () => {
  it('copies names with markup and formula characters as inert text', async () => {
    const site = await builtSite('hostile');
    const report = await loadReport({ dataDir: editionDirs('hostile').data });
    const server = await serveSite(site);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const guard = await guardContext(context, server.origin);
      const page = await context.newPage();
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await page.locator('#annex-1-table').getByRole('button', { name: '复制表格' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('排名');
      const { html, cells } = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const html = item && item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return { html, cells: Array.from(doc.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')) };
      });
      expect(html).not.toMatch(/<script|<img|<canvas/i);
      // Both flavours carry the same inert text: a formula-like name gets a leading quote mark, a score stays a number.
      const inert = report.units.map((u) => (/^[=+\-@]/.test(u.name) ? `'${u.name}` : u.name));
      expect(cells.slice(1).map((row) => row[2])).toEqual(inert);
      expect(cells.slice(1).map((row) => row[3])).toEqual(report.units.map((u) => u.text));
      const tsv = (await page.evaluate(() => navigator.clipboard.readText())).split('\n').slice(1, 1 + report.units.length).map((r) => r.split('\t')[2]);
      expect(tsv).toEqual(inert);
      expect(guard.list()).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300_000);
});

