import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/model/compute-report.ts';
import { reportJson } from '../../src/model/report-json.ts';
import { smallEdition } from './small-edition.ts';

describe('reportJson(report)', () => {
  const report = computeReport(smallEdition());
  const json = reportJson(report);

  it('lists units, departments and experiences by rank with the contract’s fields', () => {
    expect(json.units.map((u) => ({ id: u.id, name: u.name, score: u.score, rank: u.rank }))).toEqual([
      { id: 'alpha', name: '甲区', score: 88.75, rank: 1 },
      { id: 'beta', name: '乙县', score: 88.75, rank: 1 },
      { id: 'gamma', name: '丙新区', score: 84.65, rank: 3 },
    ]);
    expect(json.departments.map((d) => [d.id, d.score, d.rank])).toEqual([
      ['court', 92.5, 1],
      ['health', 85, 2],
      ['archive', null, null],
    ]);
    expect(json.experiences[0]).toMatchObject({
      id: 'smart-court', title: '建设智慧法院服务平台', score: 91.72, rank: 1, lead: 'court', spread: 16, awareness: 0.64, status: 'active',
    });
    expect(json.experiences.find((e) => e.id === 'health-cloud')).toMatchObject({ awareness: null, status: 'discontinued' });
  });

  it('carries stats and the unit ranks under each scenario', () => {
    expect(json.stats.unitMean).toEqual({ value: expect.closeTo(87.3833, 3), text: '87.38' });
    expect(json.scenarios.map((s) => s.id)).toEqual(report.scenarios.map((s) => s.id));
    expect(json.scenarios[0]).toMatchObject({ id: 'equal-weights', name: '各评估方式等权重' });
    expect(json.scenarios[0]!.units.map((u) => Object.keys(u))).toEqual([['id', 'score', 'rank'], ['id', 'score', 'rank'], ['id', 'score', 'rank']]);
  });

  it('is plain JSON: serialising and parsing it gives it back unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('gives the same bytes for the same data', () => {
    expect(JSON.stringify(reportJson(computeReport(smallEdition())))).toBe(JSON.stringify(json));
  });
});
