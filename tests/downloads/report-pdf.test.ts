/**
 * `downloads/report.pdf` of a real build of the default edition, read back
 * with poppler: a tagged A4 document with bookmarks, every font embedded,
 * every page numbered "— N —", annex tables whose header comes back on
 * each page they run onto, and every note of the page printed. A build
 * with the PDF turned off neither writes nor links it. Skips where
 * Chromium or poppler is missing, except in CI.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBrowser } from '../helpers/browser.ts';
import { builtSite } from '../helpers/built-site.ts';
import { decodeEntities } from '../helpers/html-tags.ts';
import { officeTools, pdfFonts, pdfPageCount, pdfPages } from './libreoffice.ts';

const poppler = [officeTools.pdfinfo, officeTools.pdftotext, officeTools.pdffonts];

/** Whether to skip: Chromium (the browser tests' rule) or poppler missing, never in CI. */
function skipPdf(): boolean {
  if (skipBrowser()) return true;
  const missing = poppler.filter((tool) => !existsSync(tool));
  if (missing.length === 0) return false;
  if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') throw new Error(`CI 环境缺少 ${missing.join('、')} (apt-get install poppler-utils)`);
  console.warn(`跳过 PDF 测试：缺少 ${missing.join('、')} (skipping the PDF tests: apt-get install poppler-utils)`);
  return true;
}

/** The header row of each annex table (templates/_includes/annexes.njk), as pdftotext lays it out on one line. */
const ANNEX_HEADERS: Record<number, RegExp> = {
  1: /排名\s+并列\s+单位\s+得分/,
  2: /排名\s+并列\s+牵头部门\s+牵头经验\s+得分/,
  3: /排名\s+并列\s+创新改革经验\s+牵头部门\s+得分/,
};

/** The strings of a PDF's outline items (Chromium writes them as UTF-16BE hex with a byte-order mark). */
function outlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Title <FEFF([0-9A-Fa-f]*)>/g)].map((m) => Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
}

/** Text without any whitespace, so a sentence matches however the page broke it into lines. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(skipPdf())('report.pdf of the default edition', () => {
  let site: string;
  let file: string;
  let pages: string[];
  let home: string;

  beforeAll(async () => {
    site = await builtSite('zibo');
    file = path.join(site, 'downloads/report.pdf');
    pages = await pdfPages(file);
    home = await readFile(path.join(site, 'index.html'), 'utf8');
  }, 300_000);

  it('is a tagged A4 document of several pages', async () => {
    const { execFileSync } = await import('node:child_process');
    const info = execFileSync(officeTools.pdfinfo, [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([595, 842]);
    // Each annex starts a page, after at least one page of text.
    expect(await pdfPageCount(file)).toBeGreaterThan(4);
    expect(pages.length).toBe(await pdfPageCount(file));
  });

  it('embeds every font it uses', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('has bookmarks for every chapter and annex heading of the page', async () => {
    const titles = new Set(outlineTitles(await readFile(file)).map((t) => t.trim()));
    const headings = [...home.matchAll(/<h2 id="[^"]*-title">(.+?)<\/h2>/g)].map((m) => decodeEntities(m[1]!.replace(/<wbr>/g, '')).trim());
    expect(headings).toEqual(expect.arrayContaining(['附件1', '附件2', '附件3']));
    expect(headings.filter((h) => !titles.has(h))).toEqual([]);
  });

  it('numbers every page "— N —"', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => expect({ page: i + 1, numbered: new RegExp(`—\\s*${i + 1}\\s*—`).test(text) }).toEqual({ page: i + 1, numbered: true }));
  });

  it('starts each annex on a page of its own and repeats its table header on every page it runs onto', () => {
    const starts = [1, 2, 3].map((n) => pages.findIndex((text) => new RegExp(`^\\s*附件${n}\\s*$`, 'm').test(text)));
    expect(starts.every((s) => s > 0)).toBe(true);
    let continued = 0;
    starts.forEach((start, i) => {
      const end = starts[i + 1] ?? pages.length;
      for (let p = start; p < end; p++) {
        expect({ annex: i + 1, page: p + 1, header: ANNEX_HEADERS[i + 1]!.test(pages[p]!) }).toEqual({ annex: i + 1, page: p + 1, header: true });
        if (p > start) continued++;
      }
    });
    // The default edition's annex 3 (twenty experiences, two with reasons) runs onto a second page.
    expect(continued).toBeGreaterThan(0);
  });

  it('prints every note of the page, the 示意 notice included where the figures are illustrative', () => {
    const notes = [...home.matchAll(/<p class="note">([^<]+)<\/p>/g)].map((m) => squeeze(decodeEntities(m[1]!)));
    const text = squeeze(pages.join(''));
    expect(notes.filter((note) => !text.includes(note))).toEqual([]);
    if (home.includes('示意值')) expect(text).toContain('示意值');
  });

  it('is linked from the downloads page and from each annex', async () => {
    const downloads = await readFile(path.join(site, 'downloads/index.html'), 'utf8');
    expect(downloads).toContain('href="/downloads/report.pdf"');
    const annexes = [1, 2, 3].map((n) => home.slice(home.indexOf(`id="annex-${n}"`)).split('</section>')[0]!);
    expect(annexes.map((a) => a.includes('href="/downloads/report.pdf"'))).toEqual([true, true, true]);
  });
});

describe('a build with the PDF turned off (REPORT_PDF=0, as the small fixture is built in the tests)', () => {
  it('writes no report.pdf and links none', async () => {
    const site = await builtSite('small');
    expect(existsSync(path.join(site, 'downloads/report.pdf'))).toBe(false);
    for (const page of ['index.html', 'downloads/index.html']) {
      expect(await readFile(path.join(site, page), 'utf8')).not.toContain('report.pdf');
    }
  }, 300_000);
});
