import { describe, expect, it } from 'vitest';
import { rankCertaintyNote } from '../../../src/site/filters/rank-certainty-note.ts';
import { makeReport } from '../charts/report-fixture.ts';

const report = makeReport();
const withSpread = <T extends object>(item: T, id: string, view: 'units' | 'departments' | 'experiences') => {
  const { median, low, high, top } = report.uncertainty![view].find((i) => i.id === id)!;
  return { ...item, uncertainty: { median, low, high, top } };
};

describe('rankCertaintyNote(item, uncertainty, kind)', () => {
  it.each([
    ['unit', withSpread(report.unitById.gamma!, 'gamma', 'units'), /^排名：并列第2名（90%的情形下在第2～3名之间）。“情形”指.+的结果。$/],
    ['department', withSpread(report.departmentById['dept-a']!, 'dept-a', 'departments'), /^排名：第1名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，.+影响）。$/],
  ])('says how sure a %s’s rank is in one sentence', (kind, item, sentence) => {
    expect(rankCertaintyNote(item, report.uncertainty, kind)).toMatch(sentence);
  });

  it('says nothing for an edition without the analysis, or an item it did not rank', () => {
    expect(rankCertaintyNote(withSpread(report.unitById.alpha!, 'alpha', 'units'), undefined, 'unit')).toBe('');
    expect(rankCertaintyNote(report.departmentById['dept-c'], report.uncertainty, 'department')).toBe('');
  });

  it('refuses, in Chinese, a kind it does not know', () => {
    expect(() => rankCertaintyNote(report.unitById.alpha, report.uncertainty, 'dept')).toThrow(/rankCertaintyNote：第三个参数应为 unit、department 或 experience .*found dept/);
  });
});
