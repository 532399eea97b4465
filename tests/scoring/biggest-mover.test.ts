import { describe, expect, it } from 'vitest';
import { biggestMover, explainMove, type MoverFacts } from '../../src/scoring/biggest-mover.ts';
import type { ScenarioDefinition, SensitivityRow } from '../../src/model/types.ts';

const baseline = { methods: { department: 0.5, site: 0.5 }, notApplicable: 'lowest' as const, leadWeight: 0.5 };
const facts: MoverFacts = {
  baseline,
  methodNames: { department: '部门评估', site: '现场评估' },
  decimals: 2,
  notApplicableCount: (id) => (id === 'htz' ? 2 : 0),
  methodMeans: () => ({ method: 85.2, others: 91.3 }),
};
const scenarios: ScenarioDefinition[] = [
  { id: 'exclude-na', name: '不适用项不计入', kind: 'named', methods: { department: 0.5, site: 0.5 }, notApplicable: 'exclude', leadWeight: 0.5 },
  { id: 'without-site', name: '不计现场评估', kind: 'drop-method', methods: { department: 1 }, notApplicable: 'lowest', leadWeight: 0.5 },
  { id: 'equal', name: '等权重', kind: 'named', methods: { department: 0.25, site: 0.75 }, notApplicable: 'lowest', leadWeight: 0.5 },
];
const row = (id: string, name: string, ranks: number[]): SensitivityRow => ({
  id,
  name,
  ranks: { baseline: ranks[0]!, 'exclude-na': ranks[1]!, 'without-site': ranks[2]!, equal: ranks[3]! },
  min: Math.min(...ranks),
  max: Math.max(...ranks),
});

describe('biggestMover(rows, scenarios, facts)', () => {
  it('picks the unit with the widest range and the scenario that moves it most', () => {
    const mover = biggestMover([row('a', '甲区', [1, 2, 1, 1]), row('htz', '高新区', [9, 3, 8, 9])], scenarios, facts);
    expect(mover).toMatchObject({ id: 'htz', baselineRank: 9, scenario: 'exclude-na', scenarioRank: 3 });
    expect(mover!.sentence).toBe(
      '在“不适用项不计入”情形下，高新区的排名由第9位升至第3位，变动最大，原因是高新区有2项经验不适用，该情形将不适用项由“按该项最低分计入”改为“不计入”。',
    );
  });

  it('breaks ties between units by source order', () => {
    expect(biggestMover([row('a', '甲区', [1, 2, 1, 1]), row('b', '乙区', [2, 1, 2, 2])], scenarios, facts)!.id).toBe('a');
  });

  it('gives nothing when no rank moves', () => {
    expect(biggestMover([row('a', '甲区', [1, 1, 1, 1])], scenarios, facts)).toBeUndefined();
    expect(biggestMover([], scenarios, facts)).toBeUndefined();
  });
});

describe('explainMove(row, scenario, rose, facts)', () => {
  const r = row('htz', '高新区', [9, 3, 8, 9]);
  it.each([
    [scenarios[1]!, true, '高新区的现场评估平均得分（85.20）低于其在其他评估方式的平均得分（91.30），不计该方式后排名上升'],
    [scenarios[2]!, false, '该情形将各评估方式的权重调整为部门评估25%、现场评估75%'],
    [scenarios[0]!, true, '高新区有2项经验不适用，该情形将不适用项由“按该项最低分计入”改为“不计入”'],
  ])('explains %o by what the scenario changes', (scenario, rose, text) => {
    expect(explainMove(r, scenario, rose, facts)).toBe(text);
  });

  it('says when the unit has no score under the dropped method', () => {
    const none = { ...facts, methodMeans: () => ({ method: NaN, others: 90 }) };
    expect(explainMove(r, scenarios[1]!, true, none)).toBe('高新区没有现场评估的得分，不计该方式后其他单位的得分随之变化');
  });

  it('says when the unit itself has nothing not applicable', () => {
    expect(explainMove(row('a', '甲区', [1, 2, 1, 1]), scenarios[0]!, false, facts)).toMatch(/^甲区没有不适用的经验，该情形将不适用项/);
  });
});
