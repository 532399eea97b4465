import { describe, expect, it } from 'vitest';
import { awarenessChart } from '../../../src/site/charts/awareness.ts';
import { makeReport } from './report-fixture.ts';

describe('awarenessChart(report)', () => {
  it('has one bar per surveyed experience, best known first, in percent', () => {
    const spec = awarenessChart(makeReport());
    expect(spec.labels).toEqual(['创新数字化大城管', '探索建立轻微刑事案件快速办理机制']);
    expect(spec.values).toEqual([73.6, 20]);
    expect(spec.valueTexts).toEqual(['73.6', '20.0']);
    expect(spec.unit).toBe('%');
    expect(spec.rows).toEqual([
      ['创新数字化大城管', '651', '73.6%'],
      ['探索建立轻微刑事案件快速办理机制', '177', '20.0%'],
    ]);
  });

  it('counts experiences left out of the survey in the note', () => {
    expect(awarenessChart(makeReport()).note).toBe('另有1项经验未纳入问卷调查。');
  });

  it('draws the bars in the model’s order, which keeps source order for equal printed shares', () => {
    const report = makeReport();
    const experiences = report.experiences.map((e) =>
      e.id === 'first' ? { ...e, awareness: { value: 0.73601, text: '73.6%', count: 651 } } : e,
    );
    // `second` comes first in source order (order 1) although `first` has the larger unrounded share.
    expect(awarenessChart(makeReport({ experiences })).labels).toEqual(['创新数字化大城管', '探索建立轻微刑事案件快速办理机制']);
  });

  it('flags a discontinued experience in the table text as well as by index', () => {
    const report = makeReport();
    const experiences = report.experiences.map((e) =>
      e.id === 'third' ? { ...e, awareness: { value: 0.5, text: '50.0%', count: 442 } } : e,
    );
    const spec = awarenessChart(makeReport({ experiences }));
    expect(spec.highlight).toEqual([1]);
    expect(spec.rows[1]![0]).toBe('构建六大数据平台（未持续推广）');
  });

  it('describes the best and least known experience in its aria-label', () => {
    expect(awarenessChart(makeReport()).ariaLabel).toBe(
      '横向柱状图：各项经验群众知晓率，最高为创新数字化大城管（73.6%），最低为探索建立轻微刑事案件快速办理机制（20.0%），共2项经验。',
    );
  });
});
