import { describe, expect, it } from 'vitest';
import { annexTable, readerColumns } from '../../src/downloads/annex-tables.ts';
import { loadReport } from '../../src/model/load-report.ts';
import { rankRangeText } from '../../src/model/text/rank-text.ts';
import { editionDirs } from '../helpers/built-site.ts';
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

describe('readerColumns(annex)', () => {
  it('puts a 并列 column after the rank, 并列 where the rank is shared and empty elsewhere', () => {
    const shown = readerColumns({ number: 1, title: 't', columns: ['排名', '单位', '得分'], numeric: [true, false, true], rows: [['1', '甲', '9.00'], ['2', '乙', '8.00'], ['2', '丙', '8.00']], tied: [false, true, true], interval: null });
    expect(shown.columns).toEqual(['排名', '并列', '单位', '得分']);
    expect(shown.numeric).toEqual([true, false, false, true]);
    expect(shown.rows).toEqual([['1', '', '甲', '9.00'], ['2', '并列', '乙', '8.00'], ['2', '并列', '丙', '8.00']]);
  });

  it('puts the 90%区间 column last when the annex carries intervals', () => {
    const shown = readerColumns({ number: 1, title: 't', columns: ['排名', '单位', '得分'], numeric: [true, false, true], rows: [['1', '甲', '9.00'], ['2', '乙', '8.00']], tied: [false, false], interval: { cells: ['1～2', '1～2'], note: '90%区间：…' } });
    expect(shown.columns).toEqual(['排名', '并列', '单位', '得分', '90%区间']);
    expect(shown.numeric).toEqual([true, false, false, true, true]);
    expect(shown.rows).toEqual([['1', '', '甲', '9.00', '1～2'], ['2', '', '乙', '8.00', '1～2']]);
  });
});

describe('annexTable(report, n).interval', () => {
  it('is null without an uncertainty analysis', () => {
    const { uncertainty: _, ...plain } = fixtureReport();
    for (const n of [1, 2, 3] as const) expect(annexTable(plain, n).interval).toBeNull();
  });

  it('prints one range per row through the one rank printer, and the note that says how to read it', async () => {
    const analysed = await loadReport({ dataDir: editionDirs('other').data });
    expect(analysed.uncertainty).toBeDefined();
    const lists = [analysed.units, analysed.departments.filter((d) => d.ranked), analysed.experiences];
    for (const n of [1, 2, 3] as const) {
      const annex = annexTable(analysed, n);
      expect(annex.interval?.cells).toEqual(lists[n - 1]!.map((item) => rankRangeText(item.uncertainty, 'cell')));
      expect(annex.interval?.note).toMatch(/^90%区间：/);
    }
  });
});
