import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annexTables, readerColumns } from '../../src/downloads/annex-tables.ts';
import type { ChapterSource } from '../../src/model/chapter-source.ts';
import { displayWidth } from '../../src/model/text/display-width.ts';
import { headingStyle, reportDocx, titleLines } from '../../src/downloads/docx.ts';
import { breakOpportunities } from '../../src/model/text/line-breaks.ts';
import { illustrativeProvenance, TEST_NOTICE } from '../helpers/report-shell.ts';
import { fixtureReport } from './report-fixture.ts';

const chapters: ChapterSource[] = [
  {
    slug: 'features',
    title: '一、主要特点',
    order: 1,
    markdown: [
      '## （一）以“制度”为先',
      '市直牵头部门**紧紧围绕**部署。',
      '### 1.健全机制',
      '#### （1）明确责任',
      '正文一段。',
      '## 没有序号的小标题',
    ].join('\n\n'),
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

/** The text of a piece of WordprocessingML, a line break as a newline. */
const textOf = (xml: string) => unescapeXml([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => t[1] ?? '\n').join(''));

/** Each `<w:tbl>` as its column widths and rows of cells (a cell's line breaks as newlines). */
function tables(xml: string): Array<{ widths: number[]; rows: string[][] }> {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => ({
    widths: [...tbl!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...tbl!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) => [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => textOf(tc!))),
  }));
}

/** Paragraphs outside tables with their style ids and text. */
function paragraphs(xml: string): Array<{ style: string; text: string; xml: string }> {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((p) => {
    const inner = p[1] ?? '';
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '', text: textOf(inner), xml: inner };
  });
}

/** The `<w:style>` of a style id, and one attribute of one element in it. */
function style(styles: string, id: string): string {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}">([\\s\\S]*?)</w:style>`).exec(styles)?.[1];
  if (found === undefined) throw new Error(`no style ${id}`);
  return found;
}
const attr = (xml: string, element: string, name: string) => new RegExp(`<w:${element} [^>]*w:${name}="([^"]*)"`).exec(xml)?.[1];

/** Millimetres of a length in twentieths of a point. */
const mm = (twips: number) => (twips * 25.4) / 1440;

const report = fixtureReport();
const bytes = reportDocx(report, chapters);
const documentXml = part(bytes, 'word/document.xml');
const styles = part(bytes, 'word/styles.xml');
const fontTable = part(bytes, 'word/fontTable.xml');

describe('reportDocx(report, chapters): GB/T 9704-2012', () => {
  it('is A4 with a 37 mm top and 28 mm left margin around a 156 × 225 mm text block', () => {
    const pgSz = /<w:pgSz [^>]*\/>/.exec(documentXml)![0];
    const pgMar = /<w:pgMar [^>]*\/>/.exec(documentXml)![0];
    const [width, height, top, left, right, bottom] = [
      attr(pgSz, 'pgSz', 'w'),
      attr(pgSz, 'pgSz', 'h'),
      attr(pgMar, 'pgMar', 'top'),
      attr(pgMar, 'pgMar', 'left'),
      attr(pgMar, 'pgMar', 'right'),
      attr(pgMar, 'pgMar', 'bottom'),
    ].map(Number) as [number, number, number, number, number, number];
    expect(mm(width)).toBeCloseTo(210, 0);
    expect(mm(height)).toBeCloseTo(297, 0);
    expect(mm(top)).toBeCloseTo(37, 1);
    expect(mm(left)).toBeCloseTo(28, 1);
    expect(mm(width - left - right)).toBeCloseTo(156, 1);
    expect(mm(height - top - bottom)).toBeCloseTo(225, 1);
  });

  it('sets body text in 三号 仿宋_GB2312 (then 仿宋), justified, the first line indented two characters', () => {
    const normal = style(styles, 'Normal');
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fontTable).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(attr(normal, 'sz', 'val')).toBe('32');
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(attr(normal, 'ind', 'firstLineChars')).toBe('200');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    const body = paragraphs(documentXml).find((p) => p.text === '市直牵头部门紧紧围绕部署。');
    expect(body?.style).toBe('');
  });

  it('lays a grid of 22 lines of 28 characters on the text block, which body text keeps to', () => {
    const pgSz = /<w:pgSz [^>]*\/>/.exec(documentXml)![0];
    const pgMar = /<w:pgMar [^>]*\/>/.exec(documentXml)![0];
    const width = Number(attr(pgSz, 'pgSz', 'w')) - Number(attr(pgMar, 'pgMar', 'left')) - Number(attr(pgMar, 'pgMar', 'right'));
    const height = Number(attr(pgSz, 'pgSz', 'h')) - Number(attr(pgMar, 'pgMar', 'top')) - Number(attr(pgMar, 'pgMar', 'bottom'));
    const grid = /<w:docGrid [^>]*\/>/.exec(documentXml)![0];
    expect(attr(grid, 'docGrid', 'type')).toBe('linesAndChars');
    const linePitch = Number(attr(grid, 'docGrid', 'linePitch'));
    expect(Math.floor(height / linePitch)).toBe(22);
    // Word's character pitch: the body size plus charSpace (4096ths of a point), in twips.
    const pitch = (16 + Number(attr(grid, 'docGrid', 'charSpace')) / 4096) * 20;
    expect(Math.floor(width / pitch)).toBe(28);
    // Body text keeps to the grid by its own measures, so LibreOffice sets it the same.
    const normal = style(styles, 'Normal');
    expect(attr(normal, 'spacing', 'line')).toBe(String(linePitch));
    expect(attr(normal, 'spacing', 'lineRule')).toBe('exact');
    const advance = 320 + Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(normal)![1]);
    expect(Math.floor(width / advance)).toBe(28);
  });

  it('sets the title in 二号 方正小标宋简体 (then 宋体), centred, broken only between words', () => {
    const title = style(styles, 'Title');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(fontTable).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(attr(title, 'sz', 'val')).toBe('44');
    expect(title).toContain('<w:jc w:val="center"/>');
    const first = paragraphs(documentXml)[0]!;
    expect(first.style).toBe('Title');
    expect(first.text.replace(/\n/g, '')).toBe(report.meta.title);
  });

  it.each([
    ['一、主要特点', 'Heading1', '黑体'],
    ['（一）以“制度”为先', 'Heading2', '楷体_GB2312'],
    ['1.健全机制', 'Heading3', '仿宋_GB2312'],
    ['（1）明确责任', 'Heading4', '仿宋_GB2312'],
    ['没有序号的小标题', 'Heading2', '楷体_GB2312'],
  ])('sets the heading %s as %s in %s, a Word heading the navigation pane lists', (text, id, font) => {
    expect(paragraphs(documentXml)).toContainEqual(expect.objectContaining({ style: id, text }));
    const heading = style(styles, id);
    expect(heading).toContain(`<w:name w:val="heading ${id.slice(-1)}"/>`);
    expect(heading).toContain(`<w:outlineLvl w:val="${Number(id.slice(-1)) - 1}"/>`);
    expect(heading).toContain(`w:eastAsia="${font}"`);
    expect(heading).not.toContain('<w:b/>');
  });

  it('names 楷体_GB2312 then 楷体 for the second level', () => {
    expect(fontTable).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });

  it('numbers pages "— N —" in 四号宋体, right on odd pages and left on even ones, one character in', () => {
    expect(part(bytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = part(bytes, 'word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(documentXml)![1];
      return new RegExp(`Id="${id}" [^>]*Target="([^"]+)"`).exec(rels)![1]!;
    };
    const footer = style(styles, 'Footer');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(attr(footer, 'sz', 'val')).toBe('28');
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const xml = part(bytes, `word/${target(type)}`);
      expect(textOf(xml)).toBe('— 1 —');
      expect(xml).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
      expect(xml).toContain('<w:pStyle w:val="Footer"/>');
      expect(xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(attr(xml, 'ind', side)).toBe('280');
    }
  });

  it('starts each annex on a new page: 附件N in 黑体 at the top left, its title centred like the document title', () => {
    const annexNumber = style(styles, 'AnnexNumber');
    expect(annexNumber).toContain('<w:pageBreakBefore/>');
    expect(annexNumber).toContain('w:eastAsia="黑体"');
    expect(annexNumber).toContain('<w:jc w:val="left"/>');
    expect(attr(annexNumber, 'ind', 'firstLine')).toBe('0');
    const annexTitle = style(styles, 'AnnexTitle');
    expect(annexTitle).toContain('w:eastAsia="方正小标宋简体"');
    expect(annexTitle).toContain('<w:jc w:val="center"/>');
    const paras = paragraphs(documentXml);
    for (const annex of annexTables(report)) {
      const at = paras.findIndex((p) => p.style === 'AnnexNumber' && p.text === `附件${annex.number}`);
      expect(at).toBeGreaterThan(0);
      expect(paras[at + 1]).toEqual(expect.objectContaining({ style: 'AnnexTitle' }));
      expect(paras[at + 1]!.text.replace(/\n/g, '')).toBe(annex.title);
    }
  });

  it('writes the annexes as Word tables whose cells equal the model, header rows repeated', () => {
    const found = tables(documentXml);
    expect(found).toHaveLength(3);
    for (const [i, annex] of annexTables(report).entries()) {
      const shown = readerColumns(annex);
      expect(found[i]!.rows.map((row) => row.map((cell) => cell.replace(/\n/g, '')))).toEqual([shown.columns, ...shown.rows]);
    }
    const headers = [...documentXml.matchAll(/<w:tr><w:trPr>([^]*?)<\/w:trPr>/g)].filter((m) => m[1]!.includes('<w:tblHeader/>'));
    expect(headers).toHaveLength(3);
  });

  it('lists the annexes (附件说明), then signs with the evaluator and the date 2018年7月6日', () => {
    const paras = paragraphs(documentXml).map((p) => p.text);
    const list = paras.findIndex((t) => t.startsWith('附件：1.'));
    expect(paras.slice(list, list + 3).map((t) => t.replace(/\n/g, ''))).toEqual(annexTables(report).map((a, i) => `${i === 0 ? '附件：' : ''}${a.number}.${a.title}`));
    expect(paras.slice(list + 4, list + 7)).toEqual([report.meta.evaluator, '2018年7月6日', '（本报告由《淄博日报》于2018年7月6日刊发）']);
    expect(documentXml).not.toContain('2018-07-06');
  });

  it('numbers a chapter heading by its own number, not its Markdown level', () => {
    expect(headingStyle('（二）以宣传开路', 0)).toBe('Heading2');
    expect(headingStyle('二、主要成效', 3)).toBe('Heading1');
    expect(headingStyle('评估概况', 0)).toBe('Heading1');
    expect(headingStyle('很深的标题', 9)).toBe('Heading6');
  });
});

describe('reportDocx(report, chapters): tables and titles that fit', () => {
  const long = fixtureReport({
    experiences: ['创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式', '打破信息孤岛，推行“大数据+社保卡+基层平台”人社服务模式', '创新数字化大城管'],
    departments: ['市政务服务中心管理办公室', '市人力资源和社会保障局', '市档案局'],
  });
  const xml = part(reportDocx(long, chapters), 'word/document.xml');
  const annex3 = tables(xml)[2]!;

  it('gives the title column more room than the department column, numbers no more than their width', () => {
    const [rank, , title, lead, score] = annex3.widths as [number, number, number, number, number];
    expect(title).toBeGreaterThan(lead);
    expect(title).toBeGreaterThan(3 * rank);
    expect(score).toBeLessThan(lead);
    expect(annex3.widths.reduce((a, b) => a + b, 0)).toBe(Number(attr(xml, 'tblW', 'w')));
  });

  it('breaks every cell only between words, each line within its column', () => {
    expect(annex3.rows.flat().filter((cell) => cell.includes('\n')).length).toBeGreaterThan(0);
    for (const row of annex3.rows) {
      row.forEach((cell, c) => {
        const whole = cell.replace(/\n/g, '');
        const { words } = breakOpportunities(whole);
        let at = 0;
        for (const line of cell.split('\n')) {
          if (at > 0) expect({ cell: whole, at, allowed: words.includes(at) }).toEqual({ cell: whole, at, allowed: true });
          // 12 pt text: 120 twips a display column, 216 twips of cell margins.
          expect(displayWidth(line) * 120).toBeLessThanOrEqual(annex3.widths[c]! - 216);
          at += line.length;
        }
      });
    }
  });

  it.each(['各区县对2017年20项创新改革经验推广推介情况综合排名表', '关于全市2017年20项创新改革经验推广推介情况的第三方评估报告', '20项创新改革经验牵头部门得分及排名'])(
    'sets the title %s on lines of at most 19 characters, broken between words',
    (title) => {
      const lines = titleLines(title).split('\n');
      expect(lines.join('')).toBe(title);
      let at = 0;
      for (const line of lines) {
        if (at > 0) expect(breakOpportunities(title).words).toContain(at);
        expect(displayWidth(line)).toBeLessThanOrEqual(38);
        at += line.length;
      }
      expect(lines.join('\n')).not.toMatch(/综合排\n名表|推广推\n介/);
    },
  );
});

describe('reportDocx(report, chapters)', () => {
  it('is byte-identical across builds and dated from the data', async () => {
    const first = reportDocx(report, chapters);
    await new Promise((r) => setTimeout(r, 1100));
    const second = reportDocx(report, chapters);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const core = part(first, 'docProps/core.xml');
    expect(core).toContain('2018-07-06T00:00:00Z');
    expect(core).toContain(report.meta.evaluator);
  });

  it('escapes hostile names so the XML stays well formed', () => {
    const hostile = fixtureReport({ units: ['<script>alert(1)</script>', '甲&乙"丙', '=cmd'] });
    const xml = part(reportDocx(hostile, chapters), 'word/document.xml');
    expect(xml).not.toContain('<script>');
    expect(tables(xml)[0]!.rows.slice(1).map((r) => r[2]!.replace(/\n/g, ''))).toEqual(['<script>alert(1)</script>', '甲&乙"丙', '=cmd']);
  });

  it('writes the notice under an annex whose scores are illustrative, kept with its table', () => {
    const illustrative = { ...report, provenance: illustrativeProvenance({ experienceScores: true }) };
    const xml = part(reportDocx(illustrative, chapters), 'word/document.xml');
    const notes = paragraphs(xml).filter((p) => p.style === 'AnnexNote');
    expect(notes.map((p) => p.text)).toEqual([`说明：附件3${TEST_NOTICE}`]);
    const lastTable = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].at(-1)![0];
    expect(lastTable.slice(lastTable.lastIndexOf('<w:tr>'))).toContain('<w:keepNext/>');
  });
});

describe('reportDocx(report, chapters) at the edges', () => {
  it('writes a chapter of 200,000 paragraphs, every one of them, without overflowing the stack', () => {
    const n = 200_000;
    const markdown = Array.from({ length: n }, (_, i) => (i % 1000 === 0 ? `## 第${i}节` : `第${i}段。`)).join('\n\n');
    const out = reportDocx(fixtureReport(), [{ slug: 'long', title: '一、很长', order: 1, markdown }]);
    const xml = part(out, 'word/document.xml');
    expect(xml.split('<w:p>').length - 1).toBeGreaterThan(n);
    expect(xml).toContain('第199999段。');
    expect(xml.endsWith('</w:document>')).toBe(true);
  }, 120_000);

  it.each([
    ['2200-01-01', 2099],
    ['1949-10-01', 1980],
    ['2018-07-06', 2018],
  ])('zips a report published %s with entries dated within what a zip holds (%d), the properties keeping the true date', (date, zipYear) => {
    const base = fixtureReport();
    const dated = { ...base, meta: { ...base.meta, published: { ...base.meta.published, date } } };
    const out = reportDocx(dated, chapters);
    expect(Object.keys(unzipSync(out))).toContain('word/document.xml');
    expect(part(out, 'docProps/core.xml')).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>`);
    // The DOS date of the first local header: bits 9–15 are the years since 1980.
    const dosDate = Buffer.from(out).readUInt16LE(12);
    expect((dosDate >> 9) + 1980).toBe(zipYear);
  });
});
