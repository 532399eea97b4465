import { describe, expect, it } from 'vitest';
import { experienceScoresChart } from '../../../src/site/charts/experience-scores.ts';
import { makeReport } from './report-fixture.ts';

describe('experienceScoresChart(report)', () => {
  it('has one bar per experience in rank order with the printed scores', () => {
    const spec = experienceScoresChart(makeReport());
    expect(spec.labels).toEqual(['探索建立轻微刑事案件快速办理机制', '创新数字化大城管', '构建六大数据平台']);
    expect(spec.valueTexts).toEqual(['95.30', '93.00', '80.50']);
  });

  it('flags a discontinued experience by index, in the table and in the aria-label, not by colour alone', () => {
    const spec = experienceScoresChart(makeReport());
    expect(spec.highlight).toEqual([2]);
    expect(spec.highlightLabel).toBe('未持续推广');
    expect(spec.rows[2]).toEqual(['3', '', '构建六大数据平台', '市甲局', '80.50', '未持续推广']);
    expect(spec.rows[0]![5]).toBe('持续推广');
    expect(spec.ariaLabel).toMatch(/共3项经验。其中1项未持续推广（斜线标出）。$/);
  });

  it('flags nothing when every experience is active', () => {
    const report = makeReport();
    const experiences = report.experiences.map((e) => ({ ...e, status: 'active' as const }));
    const spec = experienceScoresChart({ ...report, experiences });
    expect(spec.highlight).toEqual([]);
    expect(spec.highlightLabel).toBeUndefined();
    expect(spec.ariaLabel).not.toContain('未持续推广');
  });
});
