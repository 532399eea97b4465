import { describe, expect, it } from 'vitest';
import { unitRankingChart } from '../../../src/site/charts/unit-ranking.ts';
import { HOSTILE, makeReport } from './report-fixture.ts';

describe('unitRankingChart(report)', () => {
  it('has one bar per unit in rank order with the printed scores', () => {
    const spec = unitRankingChart(makeReport());
    expect(spec.labels).toEqual(['甲区', HOSTILE, '丙县']);
    expect(spec.values).toEqual([96.12, 92.5, 92.5]);
    expect(spec.valueTexts).toEqual(['96.12', '92.50', '92.50']);
    expect(spec.unit).toBe('分');
    expect(spec.orientation).toBe('horizontal');
  });

  it('holds the same numbers in its table, ranks as numbers and shared ranks marked 并列 in their own column', () => {
    const spec = unitRankingChart(makeReport());
    expect(spec.columns).toEqual(['排名', '并列', '单位', '综合得分（分）']);
    expect(spec.rows).toEqual([
      ['1', '', '甲区', '96.12'],
      ['2', '并列', HOSTILE, '92.50'],
      ['2', '并列', '丙县', '92.50'],
    ]);
    expect(spec.labelColumn).toBe(2);
  });

  it('describes the highest, the tied lowest and the count in its aria-label', () => {
    const { ariaLabel } = unitRankingChart(makeReport());
    expect(ariaLabel).toBe(`横向柱状图：各单位综合得分排名，最高为甲区（96.12分），最低为${HOSTILE}、丙县（并列，均为92.50分），共3个单位。`);
  });

  it('follows the data rather than any fixed edition', () => {
    const report = makeReport();
    const units = [...report.units].reverse().map((u, i) => ({ ...u, rank: i + 1, tied: false, score: 50 + i, text: `${50 + i}.00` }));
    const spec = unitRankingChart({ ...report, units });
    expect(spec.labels).toEqual(['丙县', HOSTILE, '甲区']);
    expect(spec.ariaLabel).toContain('最高为甲区（52.00分）');
    expect(spec.suggestedMin).toBeLessThanOrEqual(50);
    expect(spec.suggestedMax).toBeGreaterThanOrEqual(52);
  });

  it('notes that its value axis does not start at zero', () => {
    const spec = unitRankingChart(makeReport());
    expect(spec.suggestedMin).toBeGreaterThan(0);
    expect(spec.axisNote).toBe(`注：横轴自${spec.suggestedMin}分起，条形长度不与数值成比例。`);
  });

  it('does not change the report it reads', () => {
    const report = makeReport();
    const before = JSON.stringify(report);
    unitRankingChart(Object.freeze(report));
    expect(JSON.stringify(report)).toBe(before);
  });
});
