/**
 * The Word and Excel downloads opened by a real office suite: headless
 * LibreOffice converts them to PDF and poppler reads the pages back. Skips
 * where LibreOffice is missing, except in CI.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexTables } from '../../src/downloads/annex-tables.ts';
import type { ChapterSource } from '../../src/model/chapter-source.ts';
import { reportDocx } from '../../src/downloads/docx.ts';
import { annexesXlsx } from '../../src/downloads/xlsx.ts';
import { cnDate } from '../../src/model/cn-date.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { renderChapters } from '../../src/site/render-chapters.ts';
import { convertToPdf, pdfFonts, pdfPageCount, pdfPages, pdfWords, skipOffice } from './libreoffice.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/fixtures/small');

/** A chapter long enough to fill a few pages, with headings of every level, so odd and even pages both occur. */
const longChapter: ChapterSource = {
  slug: 'long',
  title: '一、工作开展情况',
  order: 99,
  markdown: Array.from({ length: 4 }, (_, s) =>
    [
      `## （${'一二三四'[s]}）第${s + 1}个方面的工作`,
      '### 1.推进情况',
      ...Array.from({ length: 6 }, (_, p) => `各有关单位围绕第${s + 1}个方面的任务，逐项制定推进方案，明确责任分工和完成时限，定期调度工作进展，及时研究解决推进中遇到的困难和问题，推动各项措施落到实处、见到实效，这是第${p + 1}段。`),
    ].join('\n\n'),
  ).join('\n\n'),
};

/** Points in a millimetre. */
const MM = 72 / 25.4;

/** `— N —` as pdftotext lays it out: the digits between two em dashes, spaces optional. */
const pageNumber = (n: number) => new RegExp(`—\\s*${n}\\s*—`);

/** A CJK face as LibreOffice embeds it (Noto CJK, AR PL UMing/UKai, or a Windows face where installed). */
const CJK_FONT = /CJK|Ming|Kai|Song|Hei|Fang|SimSun|SimHei/i;

describe.skipIf(skipOffice())('the Word and Excel downloads in LibreOffice', () => {
  let dir: string;
  let report: Report;
  let docxPdf: string;
  let xlsxPdf: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-office-'));
    report = await loadReport({ dataDir: path.join(fixture, 'data') });
    const chapters = [...renderChapters(path.join(fixture, 'content'), report), longChapter];
    await writeFile(path.join(dir, 'report.docx'), reportDocx(report, chapters));
    await writeFile(path.join(dir, 'annexes.xlsx'), await annexesXlsx(report));
    [docxPdf, xlsxPdf] = (await convertToPdf([path.join(dir, 'report.docx'), path.join(dir, 'annexes.xlsx')], dir)) as [string, string];
  }, 300_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  describe('report.docx', () => {
    it('numbers every page "— N —", and the PDF has as many pages as numbers', async () => {
      const pages = await pdfPages(docxPdf);
      expect(pages.length).toBe(await pdfPageCount(docxPdf));
      expect(pages.length).toBeGreaterThanOrEqual(5);
      pages.forEach((text, i) => expect({ page: i + 1, numbered: pageNumber(i + 1).test(text) }).toEqual({ page: i + 1, numbered: true }));
    });

    it('puts the number on the outer side, about 7 mm below the text block', async () => {
      for (const page of [1, 2, 3]) {
        const { width, height, words } = await pdfWords(docxPdf, page);
        const dashes = words.filter((w) => w.text.startsWith('—') || w.text.endsWith('—')).filter((w) => w.yMin > height - 35 * MM);
        expect(dashes.length).toBeGreaterThan(0);
        const centre = (Math.min(...dashes.map((w) => w.xMin)) + Math.max(...dashes.map((w) => w.xMax))) / 2;
        if (page % 2 === 1) expect(centre).toBeGreaterThan(width * 0.75);
        else expect(centre).toBeLessThan(width * 0.25);
        const below = ((dashes[0]!.yMin + dashes[0]!.yMax) / 2 - (height - 35 * MM)) / MM;
        expect(below).toBeGreaterThan(4);
        expect(below).toBeLessThan(11);
      }
    });

    it('starts each annex on a page of its own, 附件N first and its title after', async () => {
      const pages = await pdfPages(docxPdf);
      for (const annex of annexTables(report)) {
        const at = pages.findIndex((text) => text.trimStart().startsWith(`附件${annex.number}`) || text.trimStart().startsWith(`附件 ${annex.number}`));
        expect(at, `附件${annex.number}`).toBeGreaterThan(0);
        expect(pages[at]!.replace(/\s/g, '')).toContain(annex.title);
      }
    });

    it('sets the body on a text block 28 characters wide', async () => {
      const { words } = await pdfWords(docxPdf, 2);
      const left = Math.min(...words.map((w) => w.xMin));
      const right = Math.max(...words.filter((w) => w.yMin < 297 * MM - 35 * MM).map((w) => w.xMax));
      expect(left / MM).toBeCloseTo(28, -0.5);
      expect((right - left) / MM).toBeLessThanOrEqual(156.5);
      expect((right - left) / MM).toBeGreaterThan(150);
    });

    it('embeds every font, Chinese ones among them', async () => {
      const fonts = await pdfFonts(docxPdf);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.some((f) => CJK_FONT.test(f.name))).toBe(true);
    });

    it('carries the report\'s text, title and dates as printed', async () => {
      const text = (await pdfPages(docxPdf)).join('').replace(/\s/g, '');
      expect(text).toContain(report.meta.title);
      expect(text).toContain(cnDate(report.meta.published.date));
      for (const unit of report.units) expect(text).toContain(`${unit.name}${unit.text}`);
    });
  });

  describe('annexes.xlsx', () => {
    it('prints each annex sheet from a new page, numbered "— N —", the notes last', async () => {
      const pages = await pdfPages(xlsxPdf);
      expect(pages.length).toBe(await pdfPageCount(xlsxPdf));
      expect(pages.length).toBeGreaterThanOrEqual(4);
      pages.forEach((text, i) => expect(pageNumber(i + 1).test(text)).toBe(true));
      let last = -1;
      for (const annex of annexTables(report)) {
        const at = pages.findIndex((text) => text.replace(/\s/g, '').startsWith(annex.title));
        expect(at, `附件${annex.number}`).toBeGreaterThan(last);
        last = at;
      }
      expect(pages.at(-1)!.replace(/\s/g, '')).toContain(`评估单位${report.meta.evaluator}`);
    });

    it('shows every score with the scheme\'s decimals', async () => {
      const text = (await pdfPages(xlsxPdf)).join('');
      for (const unit of report.units) expect(text).toContain(unit.text);
      for (const experience of report.experiences) expect(text).toContain(experience.text);
    });

    it('embeds every font, Chinese ones among them', async () => {
      const fonts = await pdfFonts(xlsxPdf);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.some((f) => CJK_FONT.test(f.name))).toBe(true);
    });
  });
});

describe('skipOffice({ missing, ci })', () => {
  it('runs where the tools are, skips outside CI without them, and fails in CI without them', () => {
    expect(skipOffice({ missing: [], ci: 'true' })).toBe(false);
    expect(skipOffice({ missing: ['/usr/bin/soffice'], ci: undefined })).toBe(true);
    expect(skipOffice({ missing: ['/usr/bin/soffice'], ci: 'false' })).toBe(true);
    expect(() => skipOffice({ missing: ['/usr/bin/soffice'], ci: 'true' })).toThrow(/soffice/);
  });
});
