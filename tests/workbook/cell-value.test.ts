import { describe, expect, it } from 'vitest';
import { denoise, isEmptyCell, readNumberCell, readTextCell, textInsteadOfNumber, type CellFact, type CellValue } from '../../src/workbook/cell-value.ts';

describe('readNumberCell(value, fact)', () => {
  const number = (value: number) => ({ kind: 'number', value });
  const cases: Array<[string, CellValue, CellFact | undefined, unknown]> = [
    ['a number as a number', 95.5, undefined, number(95.5)],
    ['a number stored as text', '95', undefined, number(95)],
    ['a number with spaces around it, full-width ones too', '\u300095.5 ', undefined, number(95.5)],
    ['full-width digits and point as a Chinese keyboard types them', '９５．５', undefined, number(95.5)],
    ['a formula\'s saved value without its floating noise', 0.1 + 0.2, { formula: 'cached' }, number(0.3)],
    ['an empty cell', null, undefined, { kind: 'empty' }],
    ['a cell of spaces', '  ', undefined, { kind: 'empty' }],
    ['other text, for the caller to judge', '不适用', undefined, { kind: 'text', text: '不适用' }],
    ['a percentage typed as text', '15%', undefined, { kind: 'text', text: '15%' }],
  ];
  it.each(cases)('reads %s', (_name, value, fact, expected) => {
    expect(readNumberCell(value, fact)).toEqual(expected);
  });

  const invalid: Array<[string, CellValue, CellFact | undefined, RegExp]> = [
    ['a formula without a saved value', null, { formula: 'uncached' }, /公式没有保存计算结果/],
    ['an error value', null, { errorValue: '#DIV/0!' }, /错误值 #DIV\/0!/],
    ['a percentage-formatted number', 0.955, { percent: true }, /百分比格式（显示为 95.5%）/],
    ['a date', new Date(Date.UTC(1900, 3, 4)), undefined, /日期格式.*1900-04-04/],
    ['a logical value', true, undefined, /TRUE/],
  ];
  it.each(invalid)('refuses %s with a Chinese message', (_name, value, fact, message) => {
    const read = readNumberCell(value, fact);
    expect(read.kind).toBe('invalid');
    expect((read as { message: string }).message).toMatch(message);
  });
});

describe('textInsteadOfNumber(text, expected)', () => {
  it('gives a percentage its own advice and names any other text as found', () => {
    expect(textInsteadOfNumber('15%', ' 0～100 的数字')).toBe('不能填写百分数，应填写 0～100 的数字 (expected a number, found "15%")');
    expect(textInsteadOfNumber('九十', '人数')).toBe('应填写人数 (expected a number, found "九十")');
  });

  it('shows a hostile cell escaped and cut short, so the message stays one readable line', () => {
    const message = textInsteadOfNumber(`甲\u202E乙${'长'.repeat(5000)}`, '人数');
    expect(message).toContain('found "甲\\u202E乙');
    expect(message).not.toMatch(/[\u202E\n]/);
    expect(message.length).toBeLessThan(120);
  });
});

describe('readTextCell(value) and isEmptyCell(value)', () => {
  it.each([
    [' zichuan ', 'zichuan'],
    ['ｚｉｃｈｕａｎ', 'zichuan'],
    [2017, '2017'],
    ['', undefined],
    [null, undefined],
    [true, null],
  ] as Array<[CellValue, string | undefined | null]>)('reads %j as %j', (value, text) => {
    expect(readTextCell(value)).toBe(text);
  });

  it('counts nothing and spaces as empty, and zero as a value', () => {
    expect([null, '', ' \u3000', 0, '0'].map((v) => isEmptyCell(v))).toEqual([true, true, true, false, false]);
  });
});

describe('denoise(value)', () => {
  it('rounds to 12 significant digits, keeping zero', () => {
    expect(denoise(92.55499999999999)).toBe(92.555);
    expect(denoise(0)).toBe(0);
    expect(denoise(1 / 3)).toBe(0.333333333333);
  });
});
