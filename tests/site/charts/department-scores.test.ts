import { describe, expect, it } from 'vitest';
import { departmentScoresChart } from '../../../src/site/charts/department-scores.ts';
import { makeReport } from './report-fixture.ts';

describe('departmentScoresChart(report)', () => {
  it('has one bar per ranked department in rank order', () => {
    const spec = departmentScoresChart(makeReport());
    expect(spec.labels).toEqual(['市甲局', '市乙局']);
    expect(spec.values).toEqual([94, 93]);
    expect(spec.valueTexts).toEqual(['94.00', '93.00']);
    expect(spec.rows).toEqual([['1', '', '市甲局', '94.00'], ['2', '', '市乙局', '93.00']]);
  });

  it('names a department that leads nothing in the note instead of giving it a bar', () => {
    const spec = departmentScoresChart(makeReport());
    expect(spec.labels).not.toContain('市丙办');
    expect(spec.note).toBe('未牵头评估经验、不参与排名：市丙办。');
  });

  it('has no note when every department is ranked', () => {
    const report = makeReport();
    const spec = departmentScoresChart({ ...report, departments: report.departments.filter((d) => d.ranked) });
    expect(spec.note).toBeUndefined();
  });

  it('describes the highest and lowest department in its aria-label', () => {
    expect(departmentScoresChart(makeReport()).ariaLabel).toBe(
      '横向柱状图：市直牵头部门得分排名，最高为市甲局（94.00分），最低为市乙局（93.00分），共2个部门。',
    );
  });
});
