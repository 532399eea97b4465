import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../../src/site/charts/index.ts';
import { INTERVAL_KEYS, rankIntervalsChart } from '../../../src/site/charts/rank-intervals.ts';
import { HOSTILE, makeReport, makeUncertainty } from './report-fixture.ts';

describe('rankIntervalsChart(report, view)', () => {
  const report = makeReport();

  it('draws one bar per item in base-rank order, spanning its interval, with the median and the base rank', () => {
    const spec = rankIntervalsChart(report, 'units')!;
    expect(spec).toMatchObject({ id: 'unit-intervals', title: '各单位排名的90%区间', orientation: 'horizontal', unit: '名', valueName: '排名' });
    expect(spec.labels).toEqual(['甲区', HOSTILE, '丙县']);
    expect(spec.intervals).toEqual([
      { low: 1, high: 2, median: 1, base: 1 },
      { low: 1, high: 3, median: 2, base: 2 },
      { low: 2, high: 3, median: 3, base: 2 },
    ]);
    expect(spec.values).toEqual([1, 2, 3]);
    expect(spec.valueTexts).toEqual(['1～2', '1～3', '2～3']);
    expect(spec.keys).toEqual([...INTERVAL_KEYS]);
  });

  it('lists in its table the base rank, 并列 in its own column, the name, the median, the interval and the share at rank 1, row for row', () => {
    const spec = rankIntervalsChart(report, 'units')!;
    expect(spec.columns).toEqual(['排名', '并列', '单位', '中位排名', '90%区间', '排名第一的比例']);
    expect(spec.rows).toEqual([
      ['1', '', '甲区', '1', '1～2', '62%'],
      ['2', '并列', HOSTILE, '2', '1～3', '30%'],
      ['2', '并列', '丙县', '3', '2～3', '3%'],
    ]);
    expect(spec.rows).toHaveLength(spec.labels.length);
    expect(spec.labelColumn).toBe(2);
  });

  it('names experiences by title and prints an interval of one rank as that rank', () => {
    const spec = rankIntervalsChart(report, 'experiences')!;
    expect(spec.id).toBe('experience-intervals');
    expect(spec.labels).toEqual(['探索建立轻微刑事案件快速办理机制', '创新数字化大城管', '构建六大数据平台']);
    expect(spec.valueTexts).toEqual(['1', '2～3', '2～3']);
  });

  it('runs the rank axis from 1 to the number ranked, or to the worst rank drawn when that is further', () => {
    expect(rankIntervalsChart(report, 'units')).toMatchObject({ suggestedMin: 1, suggestedMax: 3 });
    const u = makeUncertainty();
    u.units[2] = { ...u.units[2]!, high: 4 };
    expect(rankIntervalsChart(makeReport({ uncertainty: u }), 'units')!.suggestedMax).toBe(4);
  });

  it('describes the marks and names the widest interval for a screen reader', () => {
    expect(rankIntervalsChart(report, 'units')!.ariaLabel).toBe(
      `区间图：各单位排名的90%区间，共3个单位，横条为90%区间，圆点为中位排名，竖线为报告排名；区间最宽的是${HOSTILE}（第1～3名）。`,
    );
    expect(rankIntervalsChart(report, 'departments')!.ariaLabel).toMatch(/；各牵头部门的90%区间都只含一个名次。$/);
  });

  it('gives no chart without an analysis, or for a view that ranks nothing', () => {
    expect(rankIntervalsChart(makeReport({ uncertainty: undefined }), 'units')).toBeNull();
    expect(rankIntervalsChart(makeReport({ uncertainty: { ...makeUncertainty(), departments: [] } }), 'departments')).toBeNull();
  });

  it('is reachable by name with the size class that reserves its height', () => {
    expect(chartSpec(report, 'experience-intervals')).toMatchObject({ id: 'experience-intervals', sizeClass: 'chart--bars-3' });
    expect(chartSpec(makeReport({ uncertainty: undefined }), 'unit-intervals')).toBeNull();
  });
});
