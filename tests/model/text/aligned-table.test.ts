import { describe, expect, it } from 'vitest';
import { alignedTable } from '../../../src/model/text/aligned-table.ts';
import { displayWidth } from '../../../src/model/text/display-width.ts';

describe('alignedTable(columns, rows, numeric)', () => {
  it('lines up Chinese and ASCII cells counting wide characters as two columns', () => {
    const lines = alignedTable(
      ['排名', '单位', '得分'],
      [
        ['1', '张店区', '95.12'],
        ['10', '高新技术产业开发区', '9.50'],
      ],
      [true, false, true],
    );
    expect(lines).toEqual([
      '排名  单位                 得分',
      '   1  张店区              95.12',
      '  10  高新技术产业开发区   9.50',
    ]);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('gives the header line alone for an empty body', () => {
    expect(alignedTable(['排名', '单位'], [], [true, false])).toEqual(['排名  单位']);
  });

  it('flattens newlines and removes hidden characters inside cells', () => {
    expect(alignedTable(['名称'], [['甲\n乙\u200B']], [false])).toEqual(['名称', '甲 乙']);
  });
});

describe('alignedTable(columns, rows, numeric) with many rows', () => {
  it('lays out 200,000 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), '甲']);
    const lines = alignedTable(['序号', '名称'], rows, [true, false]);
    expect(lines).toHaveLength(200_001);
    expect(lines.at(-1)).toBe('199999  甲');
  });
});
