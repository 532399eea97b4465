import { describe, expect, it } from 'vitest';
import { isEmptyDiff, rankingDiff } from '../../src/model/ranking-diff.ts';
import type { Report } from '../../src/model/types.ts';
import { fixtureReport } from '../downloads/report-fixture.ts';

/** A deep copy that can be edited without touching the original. */
const copy = (r: Report): Report => structuredClone(r);

describe('rankingDiff(before, after)', () => {
  it('finds nothing between a report and itself', () => {
    const report = fixtureReport();
    const diff = rankingDiff(report, Object.freeze(copy(report)));
    expect(diff).toEqual({ units: [], departments: [], experiences: [] });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('lists an item whose printed score changed, with before and after', () => {
    const before = fixtureReport();
    const after = copy(before);
    after.units[0]!.text = '96.00';
    expect(rankingDiff(before, after).units).toEqual([
      { id: 'u0', name: '张店区', scoreBefore: '95.12', scoreAfter: '96.00', rankBefore: 1, rankAfter: 1 },
    ]);
  });

  it('ignores a change below the printed precision', () => {
    const before = fixtureReport();
    const after = copy(before);
    after.units[0]!.exact += 0.001;
    expect(isEmptyDiff(rankingDiff(before, after))).toBe(true);
  });

  it('lists items whose rank changed even when the score did not', () => {
    const before = fixtureReport();
    const after = copy(before);
    after.experiences[1]!.rank = 3;
    expect(rankingDiff(before, after).experiences.map((r) => [r.name, r.rankBefore, r.rankAfter])).toEqual([
      ['创新数字化大城管', 2, 3],
    ]);
  });

  it('reports added and removed items', () => {
    const before = fixtureReport();
    const after = copy(before);
    const removed = after.units.pop()!;
    after.units.push({ ...removed, id: 'new', name: '新区' });
    expect(rankingDiff(before, after).units).toEqual([
      { id: 'new', name: '新区', scoreBefore: null, scoreAfter: '-1.50', rankBefore: null, rankAfter: 2 },
      { id: 'u2', name: '高新区', scoreBefore: '-1.50', scoreAfter: null, rankBefore: 2, rankAfter: null },
    ]);
  });

  it('lists a department that stops being ranked', () => {
    const before = fixtureReport();
    const after = copy(before);
    Object.assign(after.departments[1]!, { ranked: false, text: null, rank: null, score: null, exact: null });
    expect(rankingDiff(before, after).departments).toEqual([
      { id: 'd1', name: '市公安局', scoreBefore: '95.00', scoreAfter: null, rankBefore: 2, rankAfter: null },
    ]);
  });
});
