import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/model/text/display-width.ts';
import { cellLines, columnWidths } from '../../src/downloads/table-layout.ts';

const measure = { width: 8845, unit: 120, margins: 216 };

describe('columnWidths(rows, numeric, measure)', () => {
  it('shares spare width in proportion when every column fits on one line', () => {
    const widths = columnWidths([['排名', '单位', '得分'], ['1', '桓台县', '94.22']], [true, false, true], measure);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(measure.width);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
  });

  it('keeps ranks and scores on one line and gives the titles the room, departments on at most two lines', () => {
    const rows = [
      ['排名', '创新改革经验', '牵头部门', '得分'],
      ['1', '创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式', '市政务服务中心管理办公室', '96.18'],
      ['2', '打破信息孤岛，推行“大数据+社保卡+基层平台”人社服务模式', '市人力资源和社会保障局', '85.20'],
      ['3', '开展法官检察官履职评议，创新司法监督工作', '市人大常委会', '95.40'],
    ];
    const widths = columnWidths(rows, [true, false, false, true], measure);
    expect(widths[0]).toBe((4 + 1) * 120 + 216);
    expect(widths[3]).toBe((5 + 1) * 120 + 216);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    for (const row of rows.slice(1)) {
      expect(cellLines(row[2]!, widths[2]!, { ...measure, numeric: false }).length).toBeLessThanOrEqual(2);
      expect(cellLines(row[1]!, widths[1]!, { ...measure, numeric: false }).length).toBeLessThanOrEqual(2);
    }
  });

  it('narrows many text columns one at a time, never below their headers', () => {
    const header = ['甲列', '乙列标题', '丙', '丁', '戊'];
    const rows = [header, ...Array.from({ length: 5 }, (_, i) => header.map((h) => `${h}的很长很长很长很长的内容第${i}行`))];
    const widths = columnWidths(rows, [false, false, false, false, false], measure);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(measure.width);
    for (const [c, h] of header.entries()) expect(widths[c]).toBeGreaterThanOrEqual(Math.min(displayWidth(h), 8) * 120 + 216);
  });

  it('sizes the columns of a table of 200,000 rows without overflowing the stack', () => {
    const rows = [['序号', '名称'], ...Array.from({ length: 200_000 }, (_, i) => [String(i), `甲${'乙'.repeat(i % 50)}`])];
    const widths = columnWidths(rows, [true, false], measure);
    expect(widths).toHaveLength(2);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(measure.width);
  });

  it('always fills the width exactly, every column wider than its margins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (rows, numeric) => {
          const widths = columnWidths(rows, numeric, measure);
          expect(widths).toHaveLength(Math.max(...rows.map((r) => r.length)));
          expect(widths.reduce((a, b) => a + b, 0)).toBe(measure.width);
          for (const w of widths) expect(w).toBeGreaterThan(measure.margins);
        },
      ),
    );
  });

  it('sizes a table of many long text columns quickly, however long its cells', () => {
    const long = '很长的单元格内容'.repeat(2_500);
    const rows = [['甲', '乙', '丙', '丁'], ...Array.from({ length: 40 }, () => [long, long, long, '丁'])];
    const started = performance.now();
    const widths = columnWidths(rows, [false, false, false, false], measure);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(measure.width);
  });

  it('gives an empty table no columns', () => {
    expect(columnWidths([], [], measure)).toEqual([]);
  });
});

describe('cellLines(text, width, options)', () => {
  it('keeps a number on one line and breaks text between words within the column', () => {
    expect(cellLines('1234567890', 600, { ...measure, numeric: true })).toEqual(['1234567890']);
    const lines = cellLines('创新构建“淄川文化云”平台打造“互联网+公共文化服务”新模式', 4000, { ...measure, numeric: false });
    expect(lines).toEqual(['创新构建“淄川文化云”平台打造', '“互联网+公共文化服务”新模式']);
    for (const line of lines) expect(displayWidth(line) * 120).toBeLessThanOrEqual(4000 - 216);
  });
});
