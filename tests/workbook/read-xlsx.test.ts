import { describe, expect, it } from 'vitest';
import { cellFacts, mergedRanges, percentStyleIds, readXlsxSheets, sheetPaths, unescapeXml } from '../../src/workbook/read-xlsx.ts';
import { templateSheets } from '../../src/workbook/template-sheets.ts';
import { editionOf, importIn, readEditionTexts, refusal, SMALL, smallWithoutReported, writtenText } from './workbook-fixture.ts';
import { buildXlsx, fixtureRows, STYLE, type FixtureSheet, type XmlCell } from './xlsx-fixture.ts';

const texts = readEditionTexts(SMALL);
const [scores, lead, survey] = templateSheets(editionOf(texts));

/** The small fixture's template as fixture sheets, each cell stored as `store` says (default: as Excel would). */
function fixtureSheets(store?: (value: string | number | null, row: number, column: number, sheet: string) => XmlCell): FixtureSheet[] {
  return [scores!, lead!, survey!].map((s) => ({ name: s.name, rows: fixtureRows(s.rows, store && ((v, r, c) => store(v, r, c, s.name))) }));
}

describe('readXlsxSheets(bytes)', () => {
  it('reads a workbook as Excel writes it: rich-text shared strings, a number format, a formula\'s saved value, a hidden column, merged ids, stray empty rows, trailing spaces', async () => {
    const sheets = fixtureSheets((value, r, c, sheet) => {
      if (value === null) return null;
      if (sheet !== '得分') return typeof value === 'number' ? { number: value } : { shared: value };
      if (r === 1 && c === 1) return { shared: String(value), runs: ['建设', '智慧法院服务平台'] };
      if (r === 1 && c === 4) return { formula: 'SUM(90,6)', cached: value };
      if (typeof value === 'number') return { number: value, style: STYLE.twoDecimals };
      if (c === 0 && (r === 2 || r === 3)) return null;
      if (r === 2 && c === 2) return { shared: `${value}   ` };
      return { shared: value };
    });
    const scoreSheet = sheets[0]!;
    scoreSheet.rows.push(undefined, [{ styleOnly: STYLE.bold }, null, { styleOnly: STYLE.general }], undefined, []);
    scoreSheet.before = '<cols><col min="2" max="2" width="40" hidden="1" customWidth="1"/></cols>';
    scoreSheet.after = '<mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>';
    const read = await readXlsxSheets(buildXlsx({ flavor: 'excel', sheets }));
    expect(read.map((s) => s.name)).toEqual(['得分', '牵头部门评估', '问卷']);
    const outcome = importIn(texts, read);
    expect(outcome.status === 'ok' && outcome.written).toEqual([]);
  });

  it('reads a workbook as WPS writes it: inline strings, numbers stored as text (full-width too), phonetic guides, a hidden sheet', async () => {
    const sheets = fixtureSheets((value, r, c, sheet) => {
      if (value === null) return null;
      if (typeof value === 'number') return r % 2 === 0 ? { shared: String(value) } : { inline: String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) };
      if (sheet === '得分' && c === 3) return { shared: value, phonetic: 'ぴん' };
      return { inline: value };
    });
    sheets[2]!.hidden = true;
    const read = await readXlsxSheets(buildXlsx({ flavor: 'wps', sheets }));
    const outcome = importIn(texts, read);
    expect(outcome.status === 'ok' && outcome.written).toEqual([]);
  });

  it('imports a formula\'s new saved value', async () => {
    const free = smallWithoutReported();
    const sheets = fixtureSheets((value, r, c, sheet) => {
      if (sheet === '得分' && r === 1 && c === 4) return { formula: 'AVERAGE(96,99)', cached: 97.5 };
      return value === null ? null : typeof value === 'number' ? { number: value } : { shared: value };
    });
    const outcome = importIn(free, await readXlsxSheets(buildXlsx({ flavor: 'excel', sheets })));
    expect(writtenText(outcome, 'experiences/01-smart-court.yaml')).toContain('alpha: {department: 97.5, unit: 94, survey: 90}');
  });

  it('refuses, each at its cell, a formula without a saved value, an error value, a date and percentages', async () => {
    const special: Record<string, XmlCell> = {
      E2: { formula: 'SUM(F2:G2)/2' },
      E3: { error: '#DIV/0!' },
      F2: { number: 96, style: STYLE.date },
      G2: { number: 0.9, style: STYLE.customPercent },
      F3: { number: 0.92, style: STYLE.percent },
    };
    const sheets = fixtureSheets((value, r, c, sheet) => {
      const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (sheet === '得分' && special[ref]) return special[ref]!;
      return value === null ? null : typeof value === 'number' ? { number: value } : { shared: value };
    });
    const issues = refusal(importIn(texts, await readXlsxSheets(buildXlsx({ flavor: 'excel', sheets }))));
    expect(issues.map((i) => i.slice(0, i.indexOf(':')))).toEqual(['得分!E2', '得分!F2', '得分!G2', '得分!E3', '得分!F3']);
    expect(issues[0]).toMatch(/公式没有保存计算结果/);
    expect(issues[1]).toMatch(/日期格式.*1900-04-05/);
    expect(issues[2]).toMatch(/百分比格式（显示为 90%）/);
    expect(issues[3]).toMatch(/错误值 #DIV\/0!/);
    expect(issues[4]).toMatch(/百分比格式（显示为 92%）/);
  });
});

describe('the sheet XML scan', () => {
  it('finds each sheet\'s part through the workbook relationships', () => {
    const parts = new Map([
      ['xl/workbook.xml', '<workbook><sheets><sheet name="得分 &amp; 备注" sheetId="1" r:id="rId7"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId7" Target="/xl/worksheets/s.xml" Type="x"/></Relationships>'],
    ]);
    expect(sheetPaths(parts)).toEqual(new Map([['得分 & 备注', 'xl/worksheets/s.xml']]));
  });

  it('knows percentage formats, built-in and custom, but not a % inside quotes', () => {
    const styles =
      '<numFmts><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="0&quot;%&quot;"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs>';
    expect(percentStyleIds(styles)).toEqual(new Set([1, 2]));
  });

  it('notes formulas with and without saved values, error values and percentage cells, with or without a namespace prefix', () => {
    const xml =
      '<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>1+1</f></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="D1" s="1"><v>0.5</v></c><c r="E1" s="1" t="s"><v>0</v></c><x:c r="F1"><x:f>A1</x:f></x:c><c r="G1"/>';
    expect(Object.fromEntries(cellFacts(xml, new Set([1])))).toEqual({
      A1: { formula: 'cached' },
      B1: { formula: 'uncached' },
      C1: { formula: 'cached', errorValue: '#DIV/0!' },
      D1: { percent: true },
      F1: { formula: 'uncached' },
    });
  });

  it('scans a sheet of unclosed cells in one pass', () => {
    const started = performance.now();
    expect(cellFacts('<c r="A1"><f>1</f>'.repeat(200_000), new Set()).size).toBe(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('lists merged ranges and resolves XML character references', () => {
    expect(mergedRanges('<mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B2:C2"/></mergeCells>')).toEqual(['A2:A4', 'B2:C2']);
    expect(unescapeXml('&lt;a&gt; &amp;amp; &#20013;&#x6587;')).toBe('<a> &amp; 中文');
  });
});
