import { describe, expect, it } from 'vitest';
import { annexNotice } from '../../src/downloads/illustrative-notice.ts';
import { illustrativeProvenance, TEST_NOTICE } from '../helpers/report-shell.ts';

describe('annexNotice(report, n)', () => {
  it.each([
    [1, 'unitScores'],
    [2, 'departmentScores'],
    [3, 'experienceScores'],
  ] as const)('gives the model’s notice for annex %d when its %s are illustrative, in the edition’s wording', (n, flag) => {
    expect(annexNotice({ provenance: illustrativeProvenance({ [flag]: true }) }, n)).toBe(`说明：附件${n}${TEST_NOTICE}`);
    expect(annexNotice({ provenance: illustrativeProvenance({}) }, n)).toBeNull();
  });
});
