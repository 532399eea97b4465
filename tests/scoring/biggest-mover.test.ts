import { describe, expect, it } from 'vitest';
import { biggestMover, moveCauses, type MoverContext } from '../../src/scoring/biggest-mover.ts';
import type { ScenarioDefinition } from '../../src/scoring/scenarios.ts';
import type { SensitivityRow } from '../../src/scoring/sensitivity.ts';

const baseline = { methods: { department: 0.5, site: 0.5 }, notApplicable: 'lowest' as const, leadWeight: 0.5 };
const context: MoverContext = {
  baseline,
  notApplicableCount: (id) => (id === 'htz' ? 2 : 0),
  methodMeans: () => ({ method: 85.2, others: 91.3 }),
};
const scenarios: ScenarioDefinition[] = [
  { id: 'exclude-na', name: '不适用项不计入', kind: 'named', methods: { department: 0.5, site: 0.5 }, notApplicable: 'exclude', leadWeight: 0.5 },
  { id: 'without-site', name: '不计现场评估', kind: 'drop-method', methods: { department: 1 }, notApplicable: 'lowest', leadWeight: 0.5 },
  { id: 'equal', name: '等权重', kind: 'named', methods: { department: 0.25, site: 0.75 }, notApplicable: 'lowest', leadWeight: 0.5 },
  { id: 'lead', name: '牵头部门占六成', kind: 'named', methods: { department: 0.5, site: 0.5 }, notApplicable: 'lowest', leadWeight: 0.6 },
];
const row = (id: string, name: string, ranks: number[]): SensitivityRow => ({
  id,
  name,
  ranks: { baseline: ranks[0]!, 'exclude-na': ranks[1]!, 'without-site': ranks[2]!, equal: ranks[3]! },
  min: Math.min(...ranks),
  max: Math.max(...ranks),
});

describe('biggestMover(rows, scenarios, context)', () => {
  it('picks the unit with the widest range and the scenario that moves it most, with why', () => {
    const mover = biggestMover([row('a', '甲区', [1, 2, 1, 1]), row('htz', '高新区', [9, 3, 8, 9])], scenarios, context);
    expect(mover).toEqual({
      id: 'htz',
      name: '高新区',
      baselineRank: 9,
      scenario: 'exclude-na',
      scenarioName: '不适用项不计入',
      scenarioRank: 3,
      rose: true,
      causes: [{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 2 }],
    });
  });

  it('says the unit fell when the scenario ranks it worse', () => {
    expect(biggestMover([row('a', '甲区', [1, 4, 1, 1])], scenarios, context)).toMatchObject({ scenarioRank: 4, rose: false });
  });

  it('breaks ties between units by source order', () => {
    expect(biggestMover([row('a', '甲区', [1, 2, 1, 1]), row('b', '乙区', [2, 1, 2, 2])], scenarios, context)!.id).toBe('a');
  });

  it('gives nothing when no rank moves', () => {
    expect(biggestMover([row('a', '甲区', [1, 1, 1, 1])], scenarios, context)).toBeUndefined();
    expect(biggestMover([], scenarios, context)).toBeUndefined();
  });
});

describe('moveCauses(unitId, scenario, context)', () => {
  it.each([
    [scenarios[0]!, [{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 2 }]],
    [scenarios[1]!, [{ kind: 'dropped-method', method: 'site', own: 85.2, others: 91.3 }]],
    [scenarios[2]!, [{ kind: 'reweighted', weights: [{ method: 'department', weight: 0.25 }, { method: 'site', weight: 0.75 }] }]],
    [scenarios[3]!, []],
  ])('names what %o changes', (scenario, causes) => {
    expect(moveCauses('htz', scenario, context)).toEqual(causes);
  });

  it('passes on a missing score as NaN for the wording to explain', () => {
    const none = { ...context, methodMeans: () => ({ method: NaN, others: 90 }) };
    expect(moveCauses('htz', scenarios[1]!, none)).toEqual([{ kind: 'dropped-method', method: 'site', own: NaN, others: 90 }]);
  });

  it('counts what does not apply to the unit itself, zero included', () => {
    expect(moveCauses('a', scenarios[0]!, context)).toEqual([{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 0 }]);
  });
});
