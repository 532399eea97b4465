import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChapterSource } from '../../src/model/chapter-source.ts';
import { columnWidths, reportDocx } from '../../src/downloads/docx.ts';
import { TEXT_WIDTH } from '../../src/downloads/wordml.ts';
import { annexTables } from '../../src/downloads/annex-tables.ts';
import { fixtureReport } from './report-fixture.ts';

const chapters: ChapterSource[] = [
  {
    slug: 'features',
    title: '一、主要特点',
    order: 1,
    markdown: '### （一）以“制度”为先\n\n市直牵头部门**紧紧围绕**部署。',
  },
];

/** Unzips a docx and returns one part as text. */
function part(bytes: Uint8Array, name: string): string {
  const file = unzipSync(bytes)[name];
  if (!file) throw new Error(`missing ${name}`);
  return new TextDecoder().decode(file);
}

/** Decodes the XML entities Word text can hold. */
const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each `<w:tbl>`, as rows of cells. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) =>
    [...tbl!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...(tr[1] ?? tr[2] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) =>
        unescapeXml([...tc!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      ),
    ),
  );
}

/** Paragraph texts with their style ids. */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => {
    const inner = p[1] ?? p[2] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '',
      text: unescapeXml([...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
    };
  });
}

describe('reportDocx(report, chapters)', () => {
  it('writes the annexes as three Word tables whose cells equal the model', async () => {
    const report = fixtureReport();
    const xml = part(await reportDocx(report, chapters), 'word/document.xml');
    const found = tables(xml);
    expect(found).toHaveLength(3);
    for (const [i, annex] of annexTables(report).entries()) {
      expect(found[i]).toEqual([annex.columns, ...annex.rows]);
    }
    expect(found[0]!.slice(1)).toEqual(report.units.map((u) => [String(u.rank), u.name, u.text]));
  });

  it('writes the title block, the numbered headings as Word headings and the paragraphs', async () => {
    const report = fixtureReport();
    const paras = paragraphs(part(await reportDocx(report, chapters), 'word/document.xml'));
    expect(paras[0]).toEqual({ style: 'Title', text: report.meta.title });
    expect(paras[1]?.text).toBe(report.meta.evaluator);
    expect(paras).toContainEqual({ style: 'Heading1', text: '一、主要特点' });
    expect(paras).toContainEqual({ style: 'Heading2', text: '（一）以“制度”为先' });
    expect(paras).toContainEqual({ style: '', text: '市直牵头部门紧紧围绕部署。' });
    expect(paras.at(-1)?.text).toBe(`来源：${report.meta.evaluator}《${report.meta.title}》`);
  });

  it('sets 宋体 for body text and 黑体 for headings as East Asian fonts', async () => {
    const styles = part(await reportDocx(fixtureReport(), chapters), 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="宋体"/);
    expect(styles).toMatch(/w:eastAsia="黑体"/);
  });

  it('is byte-identical across builds and dated from the data', async () => {
    const report = fixtureReport();
    const first = await reportDocx(report, chapters);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await reportDocx(report, chapters);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const core = part(first, 'docProps/core.xml');
    expect(core).toContain('2018-07-06T00:00:00Z');
    expect(core).toContain(report.meta.evaluator);
  });

  it('escapes hostile names so the XML stays well formed', async () => {
    const report = fixtureReport({ units: ['<script>alert(1)</script>', '甲&乙"丙', '=cmd'] });
    const xml = part(await reportDocx(report, chapters), 'word/document.xml');
    expect(xml).not.toContain('<script>');
    expect(tables(xml)[0]!.slice(1).map((r) => r[1])).toEqual(['<script>alert(1)</script>', '甲&乙"丙', '=cmd']);
  });

  it('writes a chapter of 200,000 paragraphs without overflowing the stack', async () => {
    const report = fixtureReport();
    const big: ChapterSource = { slug: 'big', title: '一、长章', order: 1, markdown: `## 节\n\n${'段。\n\n'.repeat(200_000)}` };
    const xml = part(await reportDocx(report, [big]), 'word/document.xml');
    expect(xml.split('段。').length - 1).toBe(200_000);
    expect(paragraphs(xml.slice(0, 4000))).toContainEqual({ style: 'Heading2', text: '节' });
  }, 120_000);
});

describe('reportDocx(report, chapters) at the edges', () => {
  it('writes a chapter of 200,000 paragraphs, every one of them, without overflowing the stack', () => {
    const n = 200_000;
    const markdown = Array.from({ length: n }, (_, i) => (i % 1000 === 0 ? `## 第${i}节` : `第${i}段。`)).join('\n\n');
    const bytes = reportDocx(fixtureReport(), [{ slug: 'long', title: '一、很长', order: 1, markdown }]);
    const xml = part(bytes, 'word/document.xml');
    expect(xml.split('<w:p>').length - 1).toBeGreaterThan(n);
    expect(xml).toContain('第199999段。');
    expect(xml.endsWith('</w:document>')).toBe(true);
  }, 120_000);

  it('sizes the columns of a table of 200,000 rows without overflowing the stack', () => {
    const rows = [['序号', '名称'], ...Array.from({ length: 200_000 }, (_, i) => [String(i), `甲${i}`])];
    const widths = columnWidths(rows);
    expect(widths).toHaveLength(2);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it.each([
    ['2200-01-01', 2099],
    ['1949-10-01', 1980],
    ['2018-07-06', 2018],
  ])('zips a report published %s with entries dated within what a zip holds (%d), the properties keeping the true date', (date, zipYear) => {
    const base = fixtureReport();
    const report = { ...base, meta: { ...base.meta, published: { ...base.meta.published, date } } };
    const bytes = reportDocx(report, chapters);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toContain('word/document.xml');
    expect(part(bytes, 'docProps/core.xml')).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>`);
    // The DOS date of the first local header: bits 9–15 are the years since 1980.
    const dosDate = Buffer.from(bytes).readUInt16LE(12);
    expect((dosDate >> 9) + 1980).toBe(zipYear);
  });
});
