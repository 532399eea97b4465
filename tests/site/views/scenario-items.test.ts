import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/types.ts';
import { scenarioItems } from '../../../src/site/views/scenario-items.ts';

const scheme = {
  methods: [
    { id: 'department', name: '部门评估', weight: 0.5 },
    { id: 'survey', name: '问卷评估', weight: 0.5 },
  ],
  leadWeight: 0.5,
} as Report['scheme'];
const scenario = (over: Partial<Report['scenarios'][number]>) =>
  ({ id: 's', name: '情形', kind: 'named', methods: { department: 0.5, survey: 0.5 }, notApplicable: 'lowest', leadWeight: 0.5, units: [], departments: [], experiences: [], ...over }) as Report['scenarios'][number];

describe('scenarioItems(report)', () => {
  it('lists every method with its weight, or 不计 when the scenario drops it', () => {
    const [item] = scenarioItems({ scheme, scenarios: [scenario({ name: '不计问卷评估', methods: { department: 1 } })] });
    expect(item).toEqual({ name: '不计问卷评估', weights: '部门评估100%、问卷评估不计', notApplicable: '按该项经验适用单位中的最低综合得分计入' });
  });

  it('prints re-normalised weights through the one number formatter', () => {
    const [item] = scenarioItems({ scheme, scenarios: [scenario({ methods: { department: 1 / 3, survey: 2 / 3 } })] });
    expect(item!.weights).toBe('部门评估33.33%、问卷评估66.67%');
  });

  it('names the lead weight only when the scenario changes it', () => {
    const items = scenarioItems({ scheme, scenarios: [scenario({ leadWeight: 0.6 }), scenario({ notApplicable: 'exclude' })] });
    expect(items.map((i) => i.leadWeight)).toEqual(['60%', undefined]);
    expect(items[1]!.notApplicable).toBe('不计入该单位的平均分');
  });
});
