import { describe, expect, it } from 'vitest';
import { buildScoringMatrix } from '../../src/scoring/scoring-matrix.ts';
import { smallEdition } from '../model/small-edition.ts';

describe('buildScoringMatrix(edition)', () => {
  const m = buildScoringMatrix(smallEdition());
  const at = (e: number, u: number, k: number) => m.scores[(e * m.unitIds.length + u) * m.methodIds.length + k];

  it('keeps ids in source order', () => {
    expect(m.unitIds).toEqual(['alpha', 'beta', 'gamma']);
    expect(m.methodIds).toEqual(['department', 'unit', 'survey']);
    expect(m.experienceIds).toEqual(['smart-court', 'family-doctor', 'court-mediation', 'health-cloud']);
    expect(m.departmentIds).toEqual(['court', 'health', 'archive']);
  });

  it('lays out scores, summing criterion maps and leaving gaps as NaN', () => {
    expect(at(0, 0, 0)).toBe(96);
    expect(at(2, 2, 0)).toBe(95); // {work: 57, effect: 38}
    expect(at(2, 0, 2)).toBeNaN(); // alpha has no survey score in court-mediation
    expect(at(1, 2, 0)).toBeNaN(); // family-doctor does not apply to gamma
  });

  it('marks applicability, lead totals and lead departments', () => {
    expect(Array.from(m.applicable)).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(m.leadTotals)).toEqual([95, 90, 90, 80]);
    expect(Array.from(m.leadOf)).toEqual([0, 1, 0, 1]);
  });
});
