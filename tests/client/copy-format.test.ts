import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  normalizeBlock,
  sectionPlainText,
  sourceLine,
  tableHtml,
  tableTsv,
  tsvCell,
} from '../../src/client/copy-format.ts';

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

describe('sourceLine(evaluator, title)', () => {
  it.each([
    ['项目组', '报告', '来源：项目组《报告》'],
    ['项目组', '', '来源：项目组'],
    ['', '', ''],
  ])('writes %j and %j as %j', (who, what, line) => {
    expect(sourceLine(who, what)).toBe(line);
  });
});

describe('sectionPlainText(blocks, source)', () => {
  it('separates blocks with blank lines, drops empty ones and ends with the source', () => {
    expect(sectionPlainText(['（一）标题', ' ', '段落\n一。'], '来源：甲《乙》')).toBe('（一）标题\n\n段落一。\n\n来源：甲《乙》');
  });
});

describe('tsvCell(text)', () => {
  it.each([
    ['92.56', '92.56'],
    ['-1.50', '-1.50'],
    ['+3', '+3'],
    ['=cmd|calc', "'=cmd|calc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-甲', "'-甲"],
    ['甲\t乙\n丙', '甲 乙丙'],
  ])('writes %j as %j', (input, output) => {
    expect(tsvCell(input)).toBe(output);
  });
});

describe('tableTsv(rows)', () => {
  it('joins cells with tabs and rows with line feeds', () => {
    expect(tableTsv([['排名', '单位'], ['1', '张店区'], []])).toBe('排名\t单位\n1\t张店区');
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
        const lines = tableTsv(rows).split('\n');
        expect(lines).toHaveLength(rows.length);
        lines.forEach((line, i) => expect(line.split('\t')).toHaveLength(rows[i]!.length));
      }),
    );
  });
});
