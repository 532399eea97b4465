import { describe, expect, it } from 'vitest';
import { chartSpec, homeCharts } from '../../../src/site/charts/index.ts';
import { makeReport } from './report-fixture.ts';

describe('chartSpec(report, name, experienceId)', () => {
  it.each([
    ['unit-ranking', undefined, 'unit-ranking'],
    ['department-scores', undefined, 'department-scores'],
    ['experience-scores', undefined, 'experience-scores'],
    ['awareness', undefined, 'awareness'],
    ['experience-units', 'second', 'experience-units-second'],
  ])('builds the %s chart', (name, experienceId, id) => {
    expect(chartSpec(makeReport(), name, experienceId)?.id).toBe(id);
  });

  it('gives no awareness chart when no experience was surveyed', () => {
    const report = makeReport();
    const experiences = report.experiences.map(({ awareness: _dropped, ...rest }) => rest);
    expect(chartSpec({ ...report, experiences }, 'awareness')).toBeNull();
  });

  it('throws on an unknown chart name, listing the known ones', () => {
    expect(() => chartSpec(makeReport(), 'pie')).toThrow(/未知图表 "pie".*unit-ranking/);
  });

  it('throws when the experience-units chart lacks its experience', () => {
    expect(() => chartSpec(makeReport(), 'experience-units')).toThrow(/experience id/);
  });
});

describe('homeCharts(report)', () => {
  it('lists the home page charts in reading order', () => {
    expect(homeCharts(makeReport()).map((spec) => spec.id)).toEqual(['unit-ranking', 'department-scores', 'experience-scores', 'awareness']);
  });

  it('points the unit ranking and the experience scores at annexes 1 and 3, which list their numbers', () => {
    expect(homeCharts(makeReport()).map((spec) => [spec.id, spec.tableRef, spec.tableName])).toEqual([
      ['unit-ranking', 'annex-1-table', '附件1'],
      ['department-scores', undefined, undefined],
      ['experience-scores', 'annex-3-table', '附件3'],
      ['awareness', undefined, undefined],
    ]);
  });

  it('leaves out the awareness chart when nothing was surveyed', () => {
    const report = makeReport();
    const experiences = report.experiences.map(({ awareness: _dropped, ...rest }) => rest);
    expect(homeCharts({ ...report, experiences }).map((spec) => spec.id)).not.toContain('awareness');
  });

  it('gives every chart on a page its own id', () => {
    const ids = homeCharts(makeReport()).map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
