import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/site/charts/chart-table.ts';

describe('chartTable(spec)', () => {
  const table = chartTable({
    columns: ['排名', '单位', '得分', '状态'],
    rows: [
      ['1', '甲区', '96.12', '持续推广'],
      ['2', '乙区', '90.00', '未持续推广'],
    ],
    labelColumn: 1,
    numericColumns: [2],
    highlight: [1],
  });

  it('marks the figure columns', () => {
    expect(table.columns.map((c) => [c.text, c.numeric])).toEqual([['排名', false], ['单位', false], ['得分', true], ['状态', false]]);
  });

  it('makes the bar’s name the row header and flags the highlighted rows', () => {
    expect(table.rows.map((r) => r.highlighted)).toEqual([false, true]);
    expect(table.rows[0]!.cells).toEqual([
      { text: '1', header: false, numeric: false },
      { text: '甲区', header: true, numeric: false },
      { text: '96.12', header: false, numeric: true },
      { text: '持续推广', header: false, numeric: false },
    ]);
  });
});
