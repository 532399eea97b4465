/**
 * The 复制 buttons in chromium, as newspaper staff use them: a section's
 * button puts its numbered heading, its paragraphs and a 来源 line on the
 * clipboard; a table's button puts tab-separated rows (text/plain) and a
 * clean table (text/html); both confirm with 已复制 in a live region and
 * work from the keyboard. Expected text is built from the model and the
 * chapters' Markdown, not from the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blocksText, markdownBlocks, type TextBlock } from '../../src/downloads/markdown-text.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { rankRangeText } from '../../src/model/text/rank-text.ts';
import { renderChapters, type Chapter } from '../../src/site/render-chapters.ts';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { builtSite, editionDirs } from '../helpers/built-site.ts';
import { serveSite, type ServedSite } from '../helpers/serve-site.ts';

/** The 来源 line every copied section ends with. */
function sourceOf(report: Report): string {
  return `来源：${report.meta.evaluator}《${report.meta.title}》`;
}

/**
 * The expected plain copy of the section a heading opens, from the chapter's
 * Markdown: blank lines between blocks, list items on consecutive lines, a
 * table as tab-separated rows.
 */
function expectedSection(report: Report, title: string, blocks: TextBlock[]): string {
  const asCopied = blocks.map((b) => (b.kind === 'table' ? { ...b, text: (b.cells ?? []).map((row) => row.join('\t')).join('\n') } : b));
  return [title, blocksText(asCopied), sourceOf(report)].filter(Boolean).join('\n\n');
}

/** Lines of a copy that are page controls rather than report text. */
const CONTROL_LINE = /^(#|复制|已复制)$|下载本章|下载附件|全部下载/;

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

  it('copies a whole chapter with its subsections as plain text without blank-line runs', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    await page.locator(`#${chapter.slug}-title`).locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(clipboardText).toContain(chapter.title);
    const text = await clipboardText();
    expect(text).toBe(expectedSection(report, chapter.title, markdownBlocks(chapter.markdown)));
    expect(text).not.toMatch(/\n\n\n|^\s|\s$/);
    expect(text.split('\n').filter((line) => CONTROL_LINE.test(line))).toEqual([]);
  });

  it('puts the chapter on the clipboard as HTML too: headings as headings, paragraphs as paragraphs, nothing else', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    await page.locator(`#${chapter.slug}-title`).locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(clipboardHtml).toContain(chapter.title);
    const shape = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const all = Array.from(doc.body.querySelectorAll('*'));
      return {
        tags: [...new Set(all.map((el) => el.tagName))].sort(),
        attributes: all.flatMap((el) => el.getAttributeNames()),
        empty: all.filter((el) => /^(P|H[1-6]|LI)$/.test(el.tagName) && (el.textContent ?? '').trim() === '').length,
        blocks: Array.from(doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li')).map((el) => [el.tagName, el.textContent ?? '']),
      };
    }, await clipboardHtml());
    expect(shape.attributes).toEqual([]);
    expect(shape.empty).toBe(0);
    for (const tag of shape.tags) expect(['H2', 'H3', 'P', 'UL', 'OL', 'LI', 'TABLE', 'TBODY', 'TR', 'TH', 'TD']).toContain(tag);
    const headingTags = new Map(
      await Promise.all(chapter.headings.map(async (h) => [h.text, await page.locator(`#${h.id}`).evaluate((el) => el.tagName)] as const)),
    );
    const expected = markdownBlocks(chapter.markdown)
      .filter((b) => b.kind !== 'table')
      .map((b) => {
        if (b.kind === 'heading') return [headingTags.get(b.text), b.text];
        if (b.kind === 'item') return ['LI', b.text.replace(/^(- |\d+\. )/, '')];
        return ['P', b.text];
      });
    expect(shape.blocks).toEqual([['H2', chapter.title], ...expected, ['P', sourceOf(report)]]);
  });

  it('copies a method section with its table in both flavours, the caption above the table', async () => {
    const method = await context.newPage();
    try {
      await method.goto(`${server.origin}/method/`, { waitUntil: 'load' });
      await method.waitForSelector('button.copy-button');
      await method.locator('#criteria').locator('..').getByRole('button', { name: '复制本节' }).click();
      await expect.poll(() => method.locator('#copy-status').textContent()).toContain('已复制');
      const shape = await method.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const html = item ? await (await item.getType('text/html')).text() : '';
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const table = doc.querySelector('table');
        return {
          beforeTable: table?.previousElementSibling?.textContent ?? '',
          rows: Array.from(table?.querySelectorAll('tr') ?? []).map((tr) => Array.from(tr.children).map((c) => [c.tagName, c.textContent ?? ''])),
        };
      });
      expect(shape.beforeTable).toBe(await method.locator('#criteria-table figcaption').textContent());
      expect(shape.rows).toEqual([
        [['TH', '指标'], ['TH', '满分']],
        ...report.scheme.criteria.map((c) => [['TD', c.name], ['TD', String(c.max)]]),
      ]);
      const plain = await clipboardText();
      expect(plain.split('\n\n')[0]).toBe(await method.locator('#criteria').textContent());
      expect(plain).toContain(report.scheme.criteria.map((c) => `${c.name}\t${c.max}`).join('\n'));
    } finally {
      await method.close();
    }
  });

  it('still puts both flavours on the clipboard where the browser has no ClipboardItem', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    const heading = chapter.headings[0]!;
    const bare = await context.newPage();
    try {
      await bare.goto(`${server.origin}/`, { waitUntil: 'load' });
      await bare.waitForSelector('button.copy-button');
      await bare.evaluate(async () => {
        delete (window as { ClipboardItem?: unknown }).ClipboardItem;
        await navigator.clipboard.writeText('');
      });
      await bare.locator(`#${heading.id}`).locator('..').getByRole('button', { name: '复制本节' }).click();
      await expect.poll(() => bare.locator('#copy-status').textContent()).toContain('已复制');
      expect(await clipboardText()).toBe(expectedSection(report, heading.text, blocksUnder(chapter, heading.text)));
      expect(await clipboardHtml()).toContain(`<h3>${heading.text}</h3>`);
    } finally {
      await bare.close();
    }
  });

  it('leaves the # links, copy buttons and download links out of a mouse selection and of what it copies', async () => {
    const chapter = chapters.find((c) => c.headings.length > 0)!;
    const heading = chapter.headings[0]!;
    const selection = () => page.evaluate(() => getSelection()?.toString() ?? '');
    const controls = (text: string) => text.split('\n').filter((line) => CONTROL_LINE.test(line.trim()));

    // A drag from the start of the heading into its first paragraph, past the # and 复制 beside it.
    await page.locator(`#${heading.id}`).scrollIntoViewIfNeeded();
    const drag = await page.locator(`#${heading.id}`).evaluate((h) => {
      const rect = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects()[0]!;
      };
      const from = rect(h);
      const to = rect(h.closest('section')!.querySelector('p')!);
      return { x1: from.left + 1, y1: from.top + from.height / 2, x2: to.left + 40, y2: to.top + to.height / 2 };
    });
    await page.mouse.move(drag.x1, drag.y1);
    await page.mouse.down();
    await page.mouse.move(drag.x2, drag.y2, { steps: 8 });
    await page.mouse.up();
    const dragged = await selection();
    expect(dragged.startsWith(`${heading.text}\n`)).toBe(true);
    expect(dragged).not.toMatch(/#|复制/);

    await page.locator(`#${heading.id}`).click({ clickCount: 3 });
    expect((await selection()).trim()).toBe(heading.text);

    await page.evaluate((id) => getSelection()?.selectAllChildren(document.getElementById(id)!), chapter.slug);
    const whole = await selection();
    expect(whole).toContain(chapter.title);
    expect(controls(whole)).toEqual([]);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Control+C');
    await expect.poll(clipboardText).toContain(chapter.title);
    expect(controls(await clipboardText())).toEqual([]);
    expect(await clipboardHtml()).not.toMatch(/>\s*(#|复制|已复制)\s*<|下载本章|全部下载/);

    await page.keyboard.press('Control+A');
    expect(controls(await selection())).toEqual([]);
    await page.evaluate(() => getSelection()?.removeAllRanges());
  });

  it('copies annex 1 as tab-separated rows and as an HTML table built from the model', async () => {
    await page.locator('#annex-1-table').getByRole('button', { name: '复制表格' }).click();
    await expect.poll(status).toContain('已复制表格');
    // With an uncertainty analysis the annex carries each unit's 90% interval as its last column.
    const interval = (u: Report['units'][number]) => (report.uncertainty ? [rankRangeText(u.uncertainty, 'cell')] : []);
    const rows = [
      ['排名', '并列', '单位', '得分', ...(report.uncertainty ? ['90%区间'] : [])],
      ...report.units.map((u) => [String(u.rank), u.tied ? '并列' : '', u.name, u.text, ...interval(u)]),
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
    const interval = report.uncertainty ? [rankRangeText(top.uncertainty, 'cell')] : [];
    expect(first).toEqual([String(top.rank), top.tied ? '并列' : '', top.title, top.leadName, top.text, ...interval]);
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
  let report: Report;
  let server: ServedSite;
  let browser: Browser;
  let page: Page;
  let guard: Guard;

  beforeAll(async () => {
    const site = await builtSite('hostile');
    report = await loadReport({ dataDir: editionDirs('hostile').data });
    server = await serveSite(site);
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    guard = await guardContext(context, server.origin);
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  });

  afterEach(() => {
    expect(guard.list()).toEqual([]);
  });

  it('copies names with markup and formula characters as inert text', async () => {
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
  });

  it('copies a chapter whose title and text carry markup as text, in HTML of structure only', async () => {
    const chapter = renderChapters(editionDirs('hostile').content, report).find((c) => markdownBlocks(c.markdown).some((b) => b.kind === 'table'))!;
    await page.locator(`#${chapter.slug}-title`).locator('..').getByRole('button', { name: '复制本节' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('来源：');
    const shape = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const html = item && item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const all = Array.from(doc.body.querySelectorAll('*'));
      return {
        tags: [...new Set(all.map((el) => el.tagName))],
        attributes: all.flatMap((el) => el.getAttributeNames()),
        title: doc.querySelector('h2')?.textContent ?? '',
        rows: doc.querySelectorAll('tr').length,
      };
    });
    expect(shape.attributes).toEqual([]);
    for (const tag of shape.tags) expect(['H2', 'H3', 'P', 'UL', 'OL', 'LI', 'TABLE', 'TBODY', 'TR', 'TH', 'TD']).toContain(tag);
    expect(shape.title).toBe(chapter.title);
    expect(shape.rows).toBe(report.units.length + 1);
  });
});
