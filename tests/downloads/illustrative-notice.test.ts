import { describe, expect, it } from 'vitest';
import { annexNotice } from '../../src/downloads/illustrative-notice.ts';

const provenance = (flags: Partial<Record<'unitScores' | 'departmentScores' | 'experienceScores', boolean>>) => ({
  provenance: { unitScores: false, departmentScores: false, experienceScores: false, survey: false, ...flags },
});

describe('annexNotice(report, n)', () => {
  it.each([
    [1, 'unitScores'],
    [2, 'departmentScores'],
    [3, 'experienceScores'],
  ] as const)('words the notice for annex %d when its %s are illustrative, as the site does', (n, flag) => {
    expect(annexNotice(provenance({ [flag]: true }), n)).toBe(`说明：附件${n}所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。`);
    expect(annexNotice(provenance({}), n)).toBeNull();
  });
});
