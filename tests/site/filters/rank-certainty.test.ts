import { describe, expect, it } from 'vitest';
import { rankCertainty } from '../../../src/site/filters/rank-certainty.ts';
import { markdownSafe } from '../../../src/site/markdown-safe.ts';
import { makeReport } from '../charts/report-fixture.ts';

const report = makeReport();
const withSpread = <T extends object>(item: T, id: string, view: 'units' | 'departments' | 'experiences') => {
  const { median, low, high, top } = report.uncertainty![view].find((i) => i.id === id)!;
  return { ...item, uncertainty: { median, low, high, top } };
};

describe('rankCertainty(item, uncertainty, kind)', () => {
  it.each([
    ['unit', withSpread(report.unitById.alpha!, 'alpha', 'units'), '第1名（90%的情形下在第1～2名之间，约62%的情形下排名第一）'],
    ['unit', withSpread(report.unitById.gamma!, 'gamma', 'units'), '并列第2名（90%的情形下在第2～3名之间）'],
    ['experience', withSpread(report.experienceById.first!, 'first', 'experiences'), '第1名（各种情形下均排名第一）'],
    ['department', withSpread(report.departmentById['dept-b']!, 'dept-b', 'departments'), '第2名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受各评估方式权重和牵头部门评估所占比重影响）'],
  ])('prints a %s’s rank with how sure it is', (kind, item, text) => {
    expect(rankCertainty(item, report.uncertainty, kind)).toBe(text);
  });

  it('prints nothing for an edition without the analysis, or an item it did not rank', () => {
    expect(rankCertainty(withSpread(report.unitById.alpha!, 'alpha', 'units'), undefined, 'unit')).toBe('');
    expect(rankCertainty(report.departmentById['dept-c'], report.uncertainty, 'department')).toBe('');
  });

  it('reads the chapters’ read-only view of the report as it reads the report', () => {
    const item = withSpread(report.unitById.beta!, 'beta', 'units');
    expect(rankCertainty(markdownSafe(item), markdownSafe(report.uncertainty), 'unit')).toBe(rankCertainty(item, report.uncertainty, 'unit'));
  });

  it('refuses, in Chinese, a kind it does not know', () => {
    expect(() => rankCertainty(report.unitById.alpha, report.uncertainty, 'units')).toThrow(/rankCertainty：第三个参数应为 unit、department 或 experience .*found units/);
  });
});
