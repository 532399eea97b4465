import { describe, expect, it } from 'vitest';
import { buildScenarios, normaliseWeights } from '../../src/scoring/scenarios.ts';

const scheme = {
  methods: [
    { id: 'department', name: '部门评估', weight: 0.4 },
    { id: 'unit', name: '区县评估', weight: 0.4 },
    { id: 'survey', name: '问卷评估', weight: 0.2 },
  ],
  leadWeight: 0.5,
  notApplicable: 'lowest' as const,
};

describe('normaliseWeights(weights)', () => {
  it.each([
    [{ a: 1, b: 1, c: 0 }, { a: 0.5, b: 0.5 }],
    [{ a: 0.2, b: 0.6 }, { a: 0.25, b: 0.75 }],
    [{ a: 0 }, {}],
    [{}, {}],
  ])('turns %j into %j', (weights, expected) => {
    const result = normaliseWeights(weights);
    expect(Object.keys(result)).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expect(result[k]).toBeCloseTo(v, 12);
  });
});

describe('buildScenarios(scheme, named)', () => {
  const scenarios = buildScenarios(scheme, [
    { id: 'equal-weights', name: '等权重', methods: { department: 1, unit: 1, survey: 1 } },
    { id: 'exclude-na', name: '不适用项不计入', not_applicable: 'exclude' },
    { id: 'lead-low', name: '牵头部门占三成', lead_weight: 0.3 },
  ]);

  it('lists named scenarios first, then one per dropped method', () => {
    expect(scenarios.map((s) => [s.id, s.kind])).toEqual([
      ['equal-weights', 'named'],
      ['exclude-na', 'named'],
      ['lead-low', 'named'],
      ['without-department', 'drop-method'],
      ['without-unit', 'drop-method'],
      ['without-survey', 'drop-method'],
    ]);
  });

  it('names a drop-method scenario after the method', () => {
    expect(scenarios[3]!.name).toBe('不计部门评估');
  });

  it('re-normalises the weights left after dropping a method', () => {
    expect(scenarios[5]!.methods).toEqual({ department: 0.5, unit: 0.5 });
  });

  it('takes from the baseline whatever a named scenario leaves out', () => {
    expect(scenarios[1]).toMatchObject({ notApplicable: 'exclude', leadWeight: 0.5, methods: { department: 0.4, unit: 0.4, survey: 0.2 } });
    expect(scenarios[2]).toMatchObject({ notApplicable: 'lowest', leadWeight: 0.3 });
    expect(Object.values(scenarios[0]!.methods).every((w) => Math.abs(w - 1 / 3) < 1e-12)).toBe(true);
  });

  it('makes no drop-method scenario for a scheme with one method', () => {
    expect(buildScenarios({ ...scheme, methods: [scheme.methods[0]!] }, [])).toEqual([]);
  });
});
