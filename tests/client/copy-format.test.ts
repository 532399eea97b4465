import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  normalizeBlock,
  sourceLine,
  tableHtml,
  tableRowsHtml,
  sheetCell,
  tableTsv,
} from '../../src/client/copy-format.ts';
import { csvField } from '../../src/downloads/csv-field.ts';

describe('normalizeBlock(text)', () => {
  it.each([
    ['  以“制度”为先，\n  完善工作机制\u200B ', '以“制度”为先，完善工作机制'],
    ['张店区\u00A0\u00A095.12', '张店区 95.12'],
    ['改\u00AD革\uFEFF', '改革'],
    ['some\n   text', 'some text'],
    ['甲\r\n乙', '甲乙'],
    ['\t\n', ''],
    ['全角，标点。', '全角，标点。'],
  ])('turns %j into %j', (input, output) => {
    expect(normalizeBlock(input)).toBe(output);
  });
});

describe('normalizeBlock(text) on long input', () => {
  it('collapses a run of a million spaces at once (no backtracking over it)', () => {
    const started = performance.now();
    expect(normalizeBlock(`甲${' '.repeat(1_000_000)}x\n${'\t'.repeat(1_000_000)}乙`)).toBe('甲 x乙');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps the ideographic space as text and drops a line break beside it', () => {
    expect(normalizeBlock('甲\n\u3000乙')).toBe('甲\u3000乙');
  });
});

describe('sourceLine(evaluator, title)', () => {
  it.each([
    ['项目组', '报告', '来源：项目组《报告》'],
    ['项目组', '', '来源：项目组'],
    ['', '', ''],
  ])('writes %j and %j as %j', (who, what, line) => {
    expect(sourceLine(who, what)).toBe(line);
  });
});

describe('sheetCell(cell)', () => {
  it.each([
    ['92.56', true, '92.56'],
    ['-1.50', true, '-1.50'],
    ['+3', true, '+3'],
    ['-3', false, "'-3"],
    ['=1+2', true, "'=1+2"],
    ['=cmd|calc', false, "'=cmd|calc"],
    ['@SUM(A1)', false, "'@SUM(A1)"],
    ['-甲', false, "'-甲"],
    ['\t=1+2', false, "'=1+2"],
    ['\r\n+1', false, "'+1"],
    ['\u200B=1', false, "'=1"],
    ['甲\t乙\n丙', false, '甲 乙丙'],
  ])('writes %j (figure: %s) as %j', (text, figure, output) => {
    expect(sheetCell({ text, figure })).toBe(output);
  });

  it('makes a cell inert exactly as the CSV download does, once both are normalised', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (raw, figure) => {
        const text = normalizeBlock(raw);
        const csv = csvField(text, { text: !figure });
        const unquoted = csv.startsWith('"') ? csv.slice(1, -1).replace(/""/g, '"') : csv;
        expect(sheetCell({ text: raw, figure })).toBe(unquoted);
      }),
    );
  });
});

describe('tableTsv(rows)', () => {
  it('joins cells with tabs and rows with line feeds', () => {
    expect(tableTsv([[{ text: '排名' }, { text: '单位' }], [{ text: '1', figure: true }, { text: '张店区' }], []])).toBe('排名\t单位\n1\t张店区');
  });
});

describe('tableHtml(rows)', () => {
  it('rebuilds a clean table with escaped text', () => {
    expect(
      tableHtml([
        [{ text: '单位', header: true }],
        [{ text: '<script>alert(1)</script>&"', header: false }],
      ]),
    ).toBe('<meta charset="utf-8"><table><tr><th>单位</th></tr><tr><td>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;</td></tr></table>');
  });

  it('neutralises formulas exactly as the tab-separated flavour does, and keeps figures as numbers', () => {
    const rows = [
      [{ text: '=HYPERLINK("http://x","y")', header: false }, { text: '-3', header: false, figure: true }],
      [{ text: '\t@SUM(A1)', header: false }, { text: '-3', header: false }],
      [{ text: '+1', header: false }, { text: '=1+2', header: false, figure: true }],
    ];
    const cells = [...tableHtml(rows).matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
    expect(cells).toEqual(tableTsv(rows).split(/[\t\n]/));
    expect(cells).toEqual(['\'=HYPERLINK("http://x","y")', '-3', "'@SUM(A1)", "'-3", "'+1", "'=1+2"]);
  });
});

describe('escapeHtml(text)', () => {
  it('escapes the four characters that matter in content and attributes', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('tableTsv(rows) for any cells', () => {
  it('keeps one line per row and one tab-separated field per cell', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const lines = tableTsv(rows.map((row) => row.map((text) => ({ text })))).split('\n');
        expect(lines).toHaveLength(rows.length);
        lines.forEach((line, i) => expect(line.split('\t')).toHaveLength(rows[i]!.length));
      }),
    );
  });
});

describe('tableRowsHtml(rows)', () => {
  it('writes the rows tableHtml wraps, a th for a header cell, empty rows dropped', () => {
    const rows = [[{ text: '单位', header: true }], [], [{ text: '=1<b>', header: false }]];
    expect(tableRowsHtml(rows)).toBe("<tr><th>单位</th></tr><tr><td>'=1&lt;b&gt;</td></tr>");
    expect(tableHtml(rows)).toBe(`<meta charset="utf-8"><table>${tableRowsHtml(rows)}</table>`);
    expect(tableRowsHtml([])).toBe('');
  });
});
