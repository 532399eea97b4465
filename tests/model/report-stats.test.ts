import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/model/compute-report.ts';
import { awarenessOrder, reportedValue } from '../../src/model/report-stats.ts';
import type { RankedExperience } from '../../src/model/types.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
import { smallEdition } from './small-edition.ts';

describe('reportedValue(key, stats, experienceById)', () => {
  const report = computeReport(smallEdition());
  it.each([
    ['experience_mean', report.stats.experienceMean.value],
    ['unit_mean', report.stats.unitMean.value],
    ['department_mean', 88.75],
    ['satisfaction', 0.87],
    ['rectification_share', 0.5],
    ['internet_plus_share', 0.75],
    ['spread:smart-court', 16],
    ['awareness:smart-court', 0.64],
    ['awareness:health-cloud', undefined],
    ['spread:nothing', undefined],
    ['count:experiences', 4],
    ['count:units', 3],
    ['count:departments', 2],
    ['median', undefined],
  ])('finds the value behind %s', (key, value) => {
    expect(reportedValue(key, report.stats, report.experienceById)).toBe(value);
  });
});

describe('reportStats on the small edition', () => {
  it('prints statistics without a printed figure at the scheme precision or as one-decimal percentages', () => {
    const texts = edit(
      edit(readEditionTexts(), 'report.yaml', '  satisfaction: "87%"\n', ''),
      'report.yaml',
      '  unit_mean: "87.38"\n',
      '',
    );
    const report = computeReport(smallEdition(texts));
    expect(report.stats.satisfaction.text).toBe('87.0%');
    expect(report.stats.unitMean.text).toBe('87.38');
  });

  it('counts a department without a rectification_plan flag as having no plan', () => {
    const texts = edit(readEditionTexts(), 'departments.yaml', ', rectification_plan: false}', '}');
    expect(computeReport(smallEdition(texts)).stats.rectificationShare.value).toBe(0.5);
  });
});

describe('awarenessOrder(experiences)', () => {
  const experience = (id: string, awareness?: { value: number; text: string }) => ({ id, ...(awareness ? { awareness: { ...awareness, count: 1 } } : {}) }) as RankedExperience;
  it('puts the best known first and leaves out experiences not surveyed', () => {
    const list = [experience('a', { value: 0.2, text: '20.0%' }), experience('b'), experience('c', { value: 0.736, text: '73.6%' })];
    expect(awarenessOrder(list).map((e) => e.id)).toEqual(['c', 'a']);
  });

  it('keeps source order for shares that print alike, whatever the hidden digits', () => {
    const list = [experience('a', { value: 0.7359, text: '73.6%' }), experience('b', { value: 0.73601, text: '73.6%' })];
    expect(awarenessOrder(list).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('orders by the printed share also when it prints without a percent sign', () => {
    const list = [experience('a', { value: 0.5, text: '0.5' }), experience('b', { value: 0.51, text: '51%' })];
    expect(awarenessOrder(list).map((e) => e.id)).toEqual(['b', 'a']);
  });
});
