import { describe, expect, it } from 'vitest';
import { experienceUnitsChart } from '../../../src/site/charts/experience-units.ts';
import { HOSTILE, makeReport } from './report-fixture.ts';

describe('experienceUnitsChart(report, experienceId)', () => {
  it('has one bar per applicable unit with its printed composite', () => {
    const spec = experienceUnitsChart(makeReport(), 'second');
    expect(spec.id).toBe('experience-units-second');
    expect(spec.labels).toEqual(['甲区', HOSTILE, '丙县']);
    expect(spec.valueTexts).toEqual(['94.00', '93.00', '92.00']);
    expect(spec.title).toBe('创新数字化大城管：各单位得分');
  });

  it('lists each method in scheme order in the table at the scheme’s decimals, as the unit table does, with — for a missing method', () => {
    const spec = experienceUnitsChart(makeReport(), 'second');
    expect(spec.columns).toEqual(['排名', '并列', '单位', '综合得分（分）', '部门评估（分）', '问卷评估（分）', '现场评估（分）']);
    expect(spec.rows[0]).toEqual(['1', '', '甲区', '94.00', '94.00', '93.00', '—']);
  });

  it('names the units it does not apply to, with the reason, in the note', () => {
    const spec = experienceUnitsChart(makeReport(), 'first');
    expect(spec.labels).toEqual(['甲区', '丙县']);
    expect(spec.note).toBe(`不适用：${HOSTILE}（不适合推广）。`);
    expect(experienceUnitsChart(makeReport(), 'second').note).toBeUndefined();
  });

  it('throws naming an unknown experience', () => {
    expect(() => experienceUnitsChart(makeReport(), 'nope')).toThrow(/experience "nope"/);
  });
});
