import { describe, expect, it } from 'vitest';
import { describeBars, withUnit } from '../../../src/site/charts/aria-label.ts';

const base = { kind: '横向柱状图', subject: '各单位得分', noun: '个单位', unit: '分' as const };
const bar = (label: string, value: number, valueText = value.toFixed(2)) => ({ label, value, valueText });

describe('describeBars(input)', () => {
  it.each([
    ['names the highest and lowest bar with printed values and counts the bars',
      [bar('甲', 96.12), bar('乙', 90), bar('丙', 88.4)],
      '横向柱状图：各单位得分，最高为甲（96.12分），最低为丙（88.40分），共3个单位。'],
    ['names every bar sharing the highest value, marked 并列',
      [bar('甲', 96), bar('乙', 96), bar('丙', 80)],
      '横向柱状图：各单位得分，最高为甲、乙（并列，均为96.00分），最低为丙（80.00分），共3个单位。'],
    ['names every bar sharing the lowest value, marked 并列',
      [bar('甲', 96), bar('乙', 80), bar('丙', 80)],
      '横向柱状图：各单位得分，最高为甲（96.00分），最低为乙、丙（并列，均为80.00分），共3个单位。'],
    ['says so when every bar has the same value',
      [bar('甲', 90), bar('乙', 90)],
      '横向柱状图：各单位得分，共2个单位，数值相同，均为90.00分。'],
    ['describes a single bar on its own', [bar('甲', 90)], '横向柱状图：各单位得分，共1个单位：甲（90.00分）。'],
    ['says 暂无数据 when there are no bars', [], '横向柱状图：各单位得分，暂无数据。'],
  ])('%s', (_name, bars, expected) => {
    expect(describeBars({ ...base, bars })).toBe(expected);
  });

  it('puts a percentage sign after shares', () => {
    const sentence = describeBars({ ...base, unit: '%', noun: '项经验', bars: [bar('甲', 73.6, '73.6'), bar('乙', 20, '20.0')] });
    expect(sentence).toContain('最高为甲（73.6%）');
    expect(sentence).toContain('最低为乙（20.0%）');
  });
});

describe('withUnit(valueText, unit)', () => {
  it.each([['96.12', '分', '96.12分'], ['73.6', '%', '73.6%']] as const)('writes %s in %s as %s', (text, unit, expected) => {
    expect(withUnit(text, unit)).toBe(expected);
  });
});
