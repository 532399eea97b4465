import { describe, expect, it } from 'vitest';
import type { Mover } from '../../src/scoring/biggest-mover.ts';
import { explainMove, moverSentence } from '../../src/model/mover-sentence.ts';

const wording = { methodNames: { department: '部门评估', site: '现场评估' }, decimals: 2 };
const mover = (over: Partial<Mover>): Mover => ({
  id: 'htz',
  name: '高新区',
  baselineRank: 9,
  scenario: 'exclude-na',
  scenarioName: '不适用项不计入',
  scenarioRank: 3,
  rose: true,
  causes: [],
  ...over,
});

describe('moverSentence(mover, wording)', () => {
  it('names the scenario, the unit, both ranks and the cause', () => {
    const causes: Mover['causes'] = [{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 2 }];
    expect(moverSentence(mover({ causes }), wording)).toBe(
      '在“不适用项不计入”情形下，高新区的排名由第9位升至第3位，变动最大，原因是高新区有2项经验不适用，该情形将不适用项由“按该项最低分计入”改为“不计入”。',
    );
  });

  it('says 降至 for a fall and stops after 变动最大 when there is no cause to name', () => {
    expect(moverSentence(mover({ rose: false, baselineRank: 1, scenarioRank: 2 }), wording)).toBe(
      '在“不适用项不计入”情形下，高新区的排名由第1位降至第2位，变动最大。',
    );
  });

  it('nests the quotes of a scenario name that holds its own, as a quoted title does', () => {
    expect(moverSentence(mover({ scenarioName: '不计“互联网+”' }), wording)).toMatch(/^在“不计‘互联网\+’”情形下，/);
  });
});

describe('explainMove(mover, wording)', () => {
  it.each<[Mover['causes'], boolean, string]>([
    [
      [{ kind: 'dropped-method', method: 'site', own: 85.2, others: 91.3 }],
      true,
      '高新区的现场评估平均得分（85.20）低于其在其他评估方式的平均得分（91.30），不计该方式后排名上升',
    ],
    [
      [{ kind: 'dropped-method', method: 'site', own: 92, others: 91.3 }],
      false,
      '高新区的现场评估平均得分（92.00）高于其在其他评估方式的平均得分（91.30），不计该方式后排名下降',
    ],
    [[{ kind: 'dropped-method', method: 'site', own: NaN, others: 90 }], true, '高新区没有现场评估的得分，不计该方式后其他单位的得分随之变化'],
    [
      [{ kind: 'reweighted', weights: [{ method: 'department', weight: 0.25 }, { method: 'site', weight: 0.75 }] }],
      false,
      '该情形将各评估方式的权重调整为部门评估25%、现场评估75%',
    ],
    [
      [{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 0 }],
      false,
      '高新区没有不适用的经验，该情形将不适用项由“按该项最低分计入”改为“不计入”，改变了其他单位的得分',
    ],
  ])('words %o', (causes, rose, text) => {
    expect(explainMove({ name: '高新区', rose, causes }, wording)).toBe(text);
  });

  it('prints a re-normalised weight as the method page does, at most two decimals', () => {
    const weights = [1, 2, 3].map((i) => ({ method: `m${i}`, weight: 1 / 3 }));
    expect(explainMove({ name: '甲区', rose: true, causes: [{ kind: 'reweighted', weights }] }, { methodNames: {}, decimals: 2 })).toBe(
      '该情形将各评估方式的权重调整为m133.33%、m233.33%、m333.33%',
    );
  });

  it('prints the means half up, as every score', () => {
    const causes: Mover['causes'] = [{ kind: 'dropped-method', method: 'site', own: 1.005, others: 2 }];
    expect(explainMove({ name: '甲区', rose: true, causes }, wording)).toContain('（1.01）');
  });

  it('joins several causes with a full-width semicolon', () => {
    const causes: Mover['causes'] = [
      { kind: 'dropped-method', method: 'site', own: NaN, others: 1 },
      { kind: 'not-applicable', from: 'lowest', to: 'zero', count: 1 },
    ];
    expect(explainMove({ name: '甲区', rose: true, causes }, wording)).toBe(
      '甲区没有现场评估的得分，不计该方式后其他单位的得分随之变化；甲区有1项经验不适用，该情形将不适用项由“按该项最低分计入”改为“按0分计入”',
    );
  });
});
