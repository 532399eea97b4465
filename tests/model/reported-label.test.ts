import { describe, expect, it } from 'vitest';
import { reportedLabel, type LabelContext } from '../../src/model/reported-label.ts';

const context: LabelContext = {
  counts: { experiences: 20, units: 9, rankedDepartments: 17 },
  spreadMethodName: '部门评估',
  experienceTitle: (id) => ({ 'minor-criminal-cases': '探索建立轻微刑事案件快速办理机制' })[id],
};

describe('reportedLabel(key, context)', () => {
  it.each([
    ['experience_mean', '20项经验平均得分'],
    ['unit_mean', '9个单位平均得分'],
    ['department_mean', '17个牵头部门平均得分'],
    ['satisfaction', '群众满意度'],
    ['rectification_share', '制定整改方案的牵头部门占比'],
    ['internet_plus_share', '“互联网+”类经验占比'],
    ['spread:minor-criminal-cases', '各单位部门评估得分最高与最低之差——探索建立轻微刑事案件快速办理机制'],
    ['awareness:minor-criminal-cases', '群众知晓率——探索建立轻微刑事案件快速办理机制'],
    ['count:experiences', '评估的经验项数'],
    ['count:units', '参与评估的单位数'],
    ['count:departments', '参与排名的牵头部门数'],
  ])('names %s as %s', (key, label) => expect(reportedLabel(key, context)).toBe(label));

  it('takes its counts and method name from the edition, not from one report', () => {
    const other = { ...context, counts: { experiences: 5, units: 4, rankedDepartments: 3 }, spreadMethodName: '座谈评估' };
    expect(reportedLabel('experience_mean', other)).toBe('5项经验平均得分');
    expect(reportedLabel('spread:minor-criminal-cases', other)).toMatch(/^各单位座谈评估得分/);
  });

  it('keeps the id of an unknown experience and prints an unknown key as given', () => {
    expect(reportedLabel('awareness:gone', context)).toBe('群众知晓率——gone');
    expect(reportedLabel('median', context)).toBe('median');
  });
});
