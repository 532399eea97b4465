import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/model/compute-report.ts';
import { reportJson } from '../../src/model/report-json.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
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

describe('reportJson(report).uncertainty', () => {
  const block = 'uncertainty: {draws: 500, seed: 11, weights: 0.3, lead_weight: [0.3, 0.7], not_applicable: [lowest, zero]}';
  const withBlock = () => smallEdition(edit(readEditionTexts(), 'scheme.yaml', 'spread_method: department\n', `spread_method: department\n${block}\n`));
  const report = computeReport(withBlock());
  const json = reportJson(report);

  it('is null when the scheme has no uncertainty block', () => {
    expect(reportJson(computeReport(smallEdition())).uncertainty).toBeNull();
  });

  it('has draws, seed and the three lists by base rank, each item {id, rank, median, low, high, top}', () => {
    const u = json.uncertainty!;
    expect(Object.keys(u)).toEqual(['draws', 'seed', 'units', 'departments', 'experiences']);
    expect(u).toMatchObject({ draws: 500, seed: 11 });
    expect(u.units.map((x) => x.id)).toEqual(json.units.map((x) => x.id));
    expect(u.departments.map((x) => x.id)).toEqual(['court', 'health']);
    expect(u.experiences.map((x) => [x.id, x.rank])).toEqual(json.experiences.map((x) => [x.id, x.rank]));
    for (const x of [...u.units, ...u.departments, ...u.experiences]) {
      expect(Object.keys(x)).toEqual(['id', 'rank', 'median', 'low', 'high', 'top']);
      expect(x.low).toBeLessThanOrEqual(x.median!);
      expect(x.median).toBeLessThanOrEqual(x.high!);
      expect(x.top).toBeGreaterThanOrEqual(0);
      expect(x.top).toBeLessThanOrEqual(1);
    }
  });

  it('sits between sensitivity and reconciliation, and gives the same bytes for the same data', () => {
    const keys = Object.keys(json);
    expect(keys.indexOf('uncertainty')).toBe(keys.indexOf('sensitivity') + 1);
    expect(JSON.stringify(reportJson(computeReport(withBlock())))).toBe(JSON.stringify(json));
  });
});
