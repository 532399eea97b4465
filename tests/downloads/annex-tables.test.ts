import { describe, expect, it } from 'vitest';
import { annexTable, withTieColumn } from '../../src/downloads/annex-tables.ts';
import { fixtureReport } from './report-fixture.ts';

describe('annexTable(report, n)', () => {
  const report = fixtureReport();

  it('keeps the rank a plain number and says which rows share it', () => {
    const annex = annexTable(report, 1);
    expect(annex.rows.map((r) => r[0])).toEqual(report.units.map((u) => String(u.rank)));
    expect(annex.tied).toEqual(report.units.map((u) => u.tied));
    expect(annex.columns).toEqual(['排名', '单位', '得分']);
  });

  it('gives annex 2 a tie flag for each ranked department only', () => {
    const annex = annexTable(report, 2);
    expect(annex.tied).toHaveLength(annex.rows.length);
  });
});

describe('withTieColumn(annex)', () => {
  it('puts a 并列 column after the rank, 并列 where the rank is shared and empty elsewhere', () => {
    const shown = withTieColumn({ number: 1, title: 't', columns: ['排名', '单位', '得分'], numeric: [true, false, true], rows: [['1', '甲', '9.00'], ['2', '乙', '8.00'], ['2', '丙', '8.00']], tied: [false, true, true] });
    expect(shown.columns).toEqual(['排名', '并列', '单位', '得分']);
    expect(shown.numeric).toEqual([true, false, false, true]);
    expect(shown.rows).toEqual([['1', '', '甲', '9.00'], ['2', '并列', '乙', '8.00'], ['2', '并列', '丙', '8.00']]);
  });
});
