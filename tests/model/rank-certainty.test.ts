import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSUMPTION_NAMES,
  drawnAssumptions,
  fixedReason,
  joinNames,
  rankCertainty,
  rankCertaintyNote,
  SCORE_ASSUMPTIONS,
  topShareText,
  type CertainItem,
  type CertaintyWording,
} from '../../src/model/rank-certainty.ts';
import type { AssumptionEffect, UncertainAssumption } from '../../src/model/types.ts';

const spread = (low: number, high: number, top = 0, median = low) => ({ median, low, high, top });
const unitDraws: CertaintyWording = { kind: 'unit', drawn: ['weights', 'leadWeight'] };

describe('rankCertainty(item, wording)', () => {
  it.each<[string, CertainItem, CertaintyWording, string]>([
    ['a wide interval', { rank: 3, tied: false, uncertainty: spread(2, 5) }, unitDraws, '第3名（90%的情形下在第2～5名之间）'],
    ['a wide interval reaching rank 1', { rank: 2, tied: false, uncertainty: spread(1, 4, 0.42, 2) }, unitDraws, '第2名（90%的情形下在第1～4名之间，约42%的情形下排名第一）'],
    ['a shared rank', { rank: 2, tied: true, uncertainty: spread(1, 3, 0.3, 2) }, unitDraws, '并列第2名（90%的情形下在第1～3名之间，约30%的情形下排名第一）'],
    ['a base rank outside its interval', { rank: 3, tied: false, uncertainty: spread(4, 6, 0, 5) }, unitDraws, '第3名（90%的情形下在第4～6名之间）'],
    ['an interval of the base rank alone', { rank: 3, tied: false, uncertainty: spread(3, 3) }, unitDraws, '第3名（至少90%的情形下仍为第3名）'],
    ['an interval of another rank alone', { rank: 3, tied: false, uncertainty: spread(4, 4) }, unitDraws, '第3名（至少90%的情形下为第4名）'],
    ['rank 1 in every draw', { rank: 1, tied: false, uncertainty: spread(1, 1, 1) }, unitDraws, '第1名（各种情形下均排名第一）'],
    ['rank 1 in most draws', { rank: 1, tied: false, uncertainty: spread(1, 1, 0.964) }, unitDraws, '第1名（约96%的情形下排名第一）'],
    ['rank 1 in all but a few draws', { rank: 1, tied: false, uncertainty: spread(1, 1, 0.998) }, unitDraws, '第1名（99%以上的情形下排名第一）'],
    [
      'a department, whose score uses no drawn assumption',
      { rank: 2, tied: false, uncertainty: spread(2, 2) },
      { kind: 'department', drawn: ['weights', 'leadWeight'] },
      '第2名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受各评估方式权重和牵头部门评估所占比重影响）',
    ],
    [
      'a unit when only the lead weight is drawn',
      { rank: 4, tied: false, uncertainty: spread(4, 4) },
      { kind: 'unit', drawn: ['leadWeight'] },
      '第4名（排名不随抽样变动：单位得分不受牵头部门评估所占比重影响）',
    ],
    [
      'an experience when only the policy is drawn',
      { rank: 1, tied: false, uncertainty: spread(1, 1, 1) },
      { kind: 'experience', drawn: ['notApplicable'] },
      '第1名（排名不随抽样变动：经验得分不受不适用项的计分方法影响）',
    ],
    ['an analysis that draws nothing', { rank: 5, tied: false, uncertainty: spread(5, 5) }, { kind: 'unit', drawn: [] }, '第5名（排名不随抽样变动：各项假设均取方案值，没有抽样变动）'],
  ])('words %s', (_case, item, wording, sentence) => {
    expect(rankCertainty(item, wording)).toBe(sentence);
  });

  it.each<[string, CertainItem | null | undefined]>([
    ['an edition without the analysis', { rank: 3, tied: false }],
    ['a department that is not ranked', { rank: null, tied: false }],
    ['an item that ranks nothing but carries an interval', { rank: null, tied: false, uncertainty: spread(1, 2) }],
    ['an interval of no draws', { rank: 1, tied: false, uncertainty: { median: NaN, low: NaN, high: NaN, top: NaN } }],
    ['no item', undefined],
  ])('says nothing for %s', (_case, item) => {
    expect(rankCertainty(item, unitDraws)).toBe('');
  });

  it('opens with the rank as the one rank printer labels it and names both ends of the interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rank, low, extra, tied, top) => {
          const high = low + extra;
          const sentence = rankCertainty({ rank, tied, uncertainty: spread(low, high, low === 1 ? top : 0) }, unitDraws);
          expect(sentence.startsWith(`${tied ? '并列' : ''}第${rank}名（`)).toBe(true);
          expect(sentence.endsWith('）')).toBe(true);
          if (low !== high) expect(sentence).toContain(`第${low}～${high}名`);
          if (low === high && low !== 1) expect(sentence).toContain(`第${low}名）`);
        },
      ),
    );
  });
});

describe('rankCertaintyNote(item, wording)', () => {
  const meaning = '“情形”指评估方案的各项假设在设定范围内随机抽样、每次重新计分排名的结果。';
  it.each<[string, CertainItem | undefined, CertaintyWording, string]>([
    ['an interval of several ranks', { rank: 3, tied: false, uncertainty: spread(2, 5) }, unitDraws, `排名：第3名（90%的情形下在第2～5名之间）。${meaning}`],
    ['a shared rank', { rank: 2, tied: true, uncertainty: spread(2, 2) }, unitDraws, `排名：并列第2名（至少90%的情形下仍为第2名）。${meaning}`],
    [
      'a rank no draw moves, which speaks of no 情形',
      { rank: 2, tied: false, uncertainty: spread(2, 2) },
      { kind: 'department', drawn: ['weights'] },
      '排名：第2名（排名不随抽样变动：部门得分只取决于牵头部门评估得分，不受各评估方式权重影响）。',
    ],
    ['an edition without the analysis', { rank: 3, tied: false }, unitDraws, ''],
    ['no item', undefined, unitDraws, ''],
  ])('says %s in one sentence, and what 情形 means when it speaks of it', (_case, item, wording, sentence) => {
    expect(rankCertaintyNote(item, wording)).toBe(sentence);
  });
});

describe('topShareText(top)', () => {
  it.each([
    [1, '各种情形下均排名第一'],
    [0.5184, '约52%的情形下排名第一'],
    [0.05, '约5%的情形下排名第一'],
    [0.995, '99%以上的情形下排名第一'],
    [0.004, '不到1%的情形下排名第一'],
    [0, ''],
    [NaN, ''],
  ])('words a share of %s at rank 1 as %s', (top, text) => {
    expect(topShareText(top)).toBe(text);
  });
});

describe('fixedReason(wording)', () => {
  it('finds a reason exactly when the kind’s score uses none of the drawn assumptions', () => {
    const all: UncertainAssumption[] = ['weights', 'leadWeight', 'notApplicable'];
    const subsets = fc.subarray(all);
    fc.assert(
      fc.property(subsets, fc.constantFrom('unit' as const, 'department' as const, 'experience' as const), (drawn, kind) => {
        const uses = drawn.some((a) => SCORE_ASSUMPTIONS[kind].includes(a));
        expect(fixedReason({ kind, drawn }) === '').toBe(uses);
      }),
    );
  });

  it('names what is drawn, in the order drawn', () => {
    expect(fixedReason({ kind: 'department', drawn: ['weights', 'leadWeight', 'notApplicable'] })).toBe(
      `部门得分只取决于牵头部门评估得分，不受${ASSUMPTION_NAMES.weights}、${ASSUMPTION_NAMES.leadWeight}和${ASSUMPTION_NAMES.notApplicable}影响`,
    );
  });
});

describe('joinNames(names)', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['甲'], '甲'],
    [['甲', '乙'], '甲和乙'],
    [['甲', '乙', '丙'], '甲、乙和丙'],
  ])('joins %o as %s', (names, text) => {
    expect(joinNames(names)).toBe(text);
  });
});

describe('drawnAssumptions(uncertainty)', () => {
  const effect = (assumption: UncertainAssumption, varied: boolean): AssumptionEffect => {
    const zero = { units: 0, departments: 0, experiences: 0, overall: 0 };
    return { assumption, varied, width: zero, shift: zero };
  };

  it('lists the assumptions the analysis varies, in its order, and none without an analysis', () => {
    expect(drawnAssumptions({ effects: [effect('weights', true), effect('leadWeight', false), effect('notApplicable', true)] })).toEqual(['weights', 'notApplicable']);
    expect(drawnAssumptions(undefined)).toEqual([]);
  });
});
