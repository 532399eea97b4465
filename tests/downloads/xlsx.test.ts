import { unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { annexTables } from '../../src/downloads/annex-tables.ts';
import { displayWidth } from '../../src/model/text/display-width.ts';
import { annexesXlsx, annexSheets, notesRows } from '../../src/downloads/xlsx.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { editionDirs } from '../helpers/built-site.ts';
import { illustrativeProvenance, TEST_NOTICE } from '../helpers/report-shell.ts';
import { fixtureReport } from './report-fixture.ts';

const report = fixtureReport();

/** Every part of a zip as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, new TextDecoder().decode(data)]));
}

/** The style index (`s`) of a cell, and the number format that style applies. */
function cellFormat(files: Record<string, string>, sheet: number, ref: string): string {
  const s = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?[^>]*>`).exec(files[`xl/worksheets/sheet${sheet}.xml`]!)?.[1] ?? '0';
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(files['xl/styles.xml']!)![1]!;
  const entries = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const id = /numFmtId="(\d+)"/.exec(entries[Number(s)] ?? '')?.[1];
  if (id === undefined) return 'General';
  return new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]+)"/>`).exec(files['xl/styles.xml']!)?.[1] ?? `builtin ${id}`;
}

describe('annexSheets(report)', () => {
  it('turns the annex rows into numbers and marks every shared rank 并列, the rank staying a number', () => {
    const [units] = annexSheets(report);
    expect(units!.columns).toEqual(['排名', '并列', '单位', '得分']);
    expect(units!.rows).toEqual([
      [1, null, '张店区', 95.12],
      [2, '并列', '淄川区', -1.5],
      [2, '并列', '高新区', -1.5],
    ]);
  });

  it('keeps the columns of the CSVs, the 并列 column after the rank', () => {
    for (const [i, annex] of annexTables(report).entries()) {
      const sheet = annexSheets(report)[i]!;
      expect(sheet.name).toBe(`附件${annex.number}`);
      expect(sheet.columns.filter((c) => c !== '并列')).toEqual(annex.columns);
      expect(sheet.rows.map((r) => r.filter((_, c) => c !== 1).map(String))).toEqual(annex.rows.map((r) => r.map((c) => String(Number.isNaN(Number(c)) ? c : Number(c)))));
    }
  });

  it('carries the 示意 notice only for annexes whose scores are illustrative', () => {
    expect(annexSheets(report).map((s) => s.notice)).toEqual([null, null, null]);
    const illustrative = { ...report, provenance: illustrativeProvenance({ departmentScores: true }) };
    expect(annexSheets(illustrative).map((s) => s.notice !== null)).toEqual([false, true, false]);
  });
});

describe('annexSheets(report) with an uncertainty analysis', () => {
  it('ends each sheet with the 90%区间 column, one printed range per row, and explains it on the notes sheet', async () => {
    const analysed = await loadReport({ dataDir: editionDirs('other').data });
    for (const [i, annex] of annexTables(analysed).entries()) {
      const sheet = annexSheets(analysed)[i]!;
      expect(sheet.columns.at(-1)).toBe('90%区间');
      expect(sheet.rows.map((r) => r.at(-1))).toEqual(annex.interval!.cells);
    }
    const byLabel = Object.fromEntries(notesRows(analysed, annexSheets(analysed)));
    for (const n of [1, 2, 3]) expect(byLabel[`90%区间（附件${n}）`]).toBeTruthy();
    expect(annexSheets(report).every((s) => !s.columns.includes('90%区间'))).toBe(true);
  });
});

describe('notesRows(report, sheets)', () => {
  it('names the source, the outlet and date, each annex, the number rules and the notice when there is one', () => {
    const illustrative: Report = { ...report, provenance: illustrativeProvenance({ unitScores: true }) };
    const rows = notesRows(illustrative, annexSheets(illustrative));
    const byLabel = Object.fromEntries(rows);
    expect(byLabel['报告']).toBe(report.meta.title);
    expect(byLabel['评估单位']).toBe(report.meta.evaluator);
    expect(byLabel['刊发']).toBe('《淄博日报》2018年7月6日');
    expect(byLabel['附件2']).toContain('未牵头经验的1个部门不排名、不列入');
    expect(byLabel['数字']).toContain('保留2位小数');
    expect(byLabel['示意数据']).toBe(`附件1${TEST_NOTICE}`);
    expect(byLabel['来源']).toBe(`${report.meta.evaluator}《${report.meta.title}》`);
    expect(notesRows(report, annexSheets(report)).some(([label]) => label === '示意数据')).toBe(false);
  });
});

describe('annexesXlsx(report)', async () => {
  const bytes = await annexesXlsx(report);
  const files = parts(bytes);
  const sheets = await readExcelFile(Buffer.from(bytes));

  it('holds the sheets 附件1, 附件2, 附件3 and 说明, in that order', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['附件1', '附件2', '附件3', '说明']);
  });

  it('reads back a title row, the header and the rows, ranks and scores as numbers', () => {
    for (const [i, sheet] of annexSheets(report).entries()) {
      const data = sheets[i]!.data;
      expect(String(data[0]![0]).replace(/\n/g, '')).toBe(sheet.title);
      expect(data[1]).toEqual(sheet.columns);
      expect(data.slice(2, 2 + sheet.rows.length)).toEqual(sheet.rows);
    }
    expect(typeof sheets[0]!.data[2]![3]).toBe('number');
  });

  it('shows scores with the scheme\'s decimals and ranks as whole numbers', () => {
    expect(cellFormat(files, 1, 'D3')).toBe('0.00');
    expect(cellFormat(files, 1, 'A3')).toBe('0');
    expect(cellFormat(files, 3, 'E3')).toBe('0.00');
  });

  it.each([
    [0, '0'],
    [1, '0.0'],
    [3, '0.000'],
  ])('formats scores of a scheme with %d decimals as %s', async (decimals, format) => {
    const other = await annexesXlsx({ ...report, scheme: { ...report.scheme, decimals } });
    expect(cellFormat(parts(other), 1, 'D3')).toBe(format);
  });

  it('freezes the title and header rows, filters on the header and repeats both on printed pages', () => {
    for (let n = 1; n <= 3; n++) {
      const xml = files[`xl/worksheets/sheet${n}.xml`]!;
      expect(xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
      const rows = annexSheets(report)[n - 1]!.rows.length;
      expect(xml).toContain(`<autoFilter ref="A2:${'DDE'[n - 1]}${rows + 2}"/>`);
      expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
      expect(xml).toContain('<oddFooter>&amp;C— &amp;P —</oddFooter>');
    }
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;附件1&apos;!$1:$2</definedName>`);
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">&apos;附件3&apos;!$A$2:$E$5</definedName>`);
  });

  it('makes each column as wide as its widest text, a Chinese character counting two', async () => {
    const long = fixtureReport({ experiences: ['创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式', '甲', '乙'] });
    const xml = parts(await annexesXlsx(long))['xl/worksheets/sheet3.xml']!;
    const widths = [...xml.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths[2]).toBeGreaterThanOrEqual(displayWidth('创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式'));
    expect(widths[2]).toBeGreaterThan(widths[3]!);
    expect(widths[0]).toBeLessThan(10);
  });

  it('writes hostile names as text, never as a formula', async () => {
    const hostile = fixtureReport({ units: ['=cmd|" /C calc"!A0', '<script>', '+1'] });
    const xlsx = await annexesXlsx(hostile);
    const sheet = parts(xlsx)['xl/worksheets/sheet1.xml']!;
    expect(sheet).not.toContain('<f>');
    const data = (await readExcelFile(Buffer.from(xlsx)))[0]!.data;
    expect(data.slice(2).map((r) => r[2])).toEqual(['=cmd|" /C calc"!A0', '<script>', '+1']);
  });

  it('writes a hostile 示意 wording as text under the annex and on the notes sheet, never as a formula', async () => {
    const wording = '=HYPERLINK("http://x","<b>&点击</b>")';
    const hostile: Report = { ...report, provenance: illustrativeProvenance({ unitScores: true }, wording) };
    const xlsx = await annexesXlsx(hostile);
    const files = parts(xlsx);
    expect(Object.entries(files).filter(([name, xml]) => name.startsWith('xl/worksheets/') && xml.includes('<f>'))).toEqual([]);
    const [units, , , notes] = await readExcelFile(Buffer.from(xlsx));
    expect(units!.data.flat().filter((cell) => typeof cell === 'string' && cell.includes('HYPERLINK'))).toHaveLength(1);
    expect(notes!.data.map((row) => row[1]).filter((cell) => typeof cell === 'string' && cell.includes('HYPERLINK'))).toEqual([
      `附件1${wording}`,
    ]);
  });

  it('is byte-identical across builds, its properties and zip entries dated from the publication date', async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const again = await annexesXlsx(report);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(files['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2018-07-06T00:00:00Z</dcterms:created>');
    expect(files['[Content_Types].xml']).toContain('PartName="/docProps/core.xml"');
    expect(Object.keys(unzipSync(bytes))[0]).toBe('[Content_Types].xml');
    const dosDate = Buffer.from(bytes).readUInt16LE(12);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2018, 7, 6]);
  });
});
