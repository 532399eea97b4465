import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import fc from 'fast-check';
import { checkIllustrative, id, ID_MAX_LENGTH, illustrative, optionalText, printed, printedStatistic, text, textProblem } from '../../src/schema/common.ts';

describe('id', () => {
  it.each([
    ['high-tech-zone', true],
    ['zibo2017', true],
    ['High_Tech', false],
    ['-leading', false],
    ['double--dash', false],
    ['张店', false],
    ['constructor', true],
    ['tostring', true],
    ['toString', false],
    ['__proto__', false],
    ['a'.repeat(ID_MAX_LENGTH), true],
    ['a'.repeat(ID_MAX_LENGTH + 1), false],
    ['con', false],
    ['nul', false],
    ['com1', false],
    ['lpt9', false],
    ['console', true],
    ['com10', true],
    ['../x', false],
    ['0', false],
    ['2017', false],
    ['007', false],
    ['2017-1', true],
    ['unit-0', true],
    ['0x1', true],
  ])('accepts %s: %s', (value, ok) => expect(id.safeParse(value).success).toBe(ok));

  it('says why an id of digits alone is refused, and how to write one', () => {
    const result = id.safeParse('0');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('不能只有数字');
    expect(result.error!.issues[0]!.message).toContain('item-0');
  });

  it('accepts only strings that are safe folder names: ASCII, no more than 64 bytes, no dot or slash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        if (!id.safeParse(value).success) return;
        expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(ID_MAX_LENGTH);
        expect(value).toMatch(/^[a-z0-9-]+$/);
      }),
    );
  });
});

describe('textProblem(value), text and optionalText', () => {
  it.each([
    ['张店区', undefined],
    ['张店区 高新区', undefined],
    ['（一）“制度”为先', undefined],
    ['葛\u{E0100}', undefined],
    ['   ', /^不能为空白：须含有可见的文字 \(expected visible text, found "   "\)$/],
    ['\u3000\u3000', /^不能为空白.*found "\\u3000\\u3000"/],
    ['\u200B', /^不能含有看不见的格式字符 U\+200B（第 1 个字符）/],
    ['\u3164', /^不能为空白/],
    ['甲\u202E区', /^不能含有双向文字控制字符 U\+202E（第 2 个字符），它会颠倒或打乱文字的显示顺序 \(expected printed text, found U\+202E at character 2\)$/],
    ['甲\u2066区\u2069', /^不能含有双向文字控制字符 U\+2066/],
    ['\u200F甲', /^不能含有双向文字控制字符 U\+200F/],
    ['\u061C甲', /^不能含有双向文字控制字符 U\+061C/],
    ['第一行\n第二行', /^不能含有换行、制表符等控制字符 U\+000A（第 4 个字符）/],
    ['甲\t乙', /^不能含有换行、制表符等控制字符 U\+0009/],
    ['甲\u2028乙', /^不能含有看不见的格式字符 U\+2028/],
    ['\uFEFF甲', /^不能含有看不见的格式字符 U\+FEFF/],
    ['😀\u200B', /第 2 个字符/],
    ['甲\uD800', /^不能含有无效的字符 U\+D800（第 2 个字符）/],
    ['\uFFFE', /^不能含有无效的字符 U\+FFFE/],
  ])('judges %j: %s', (value, problem) => {
    const found = textProblem(value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
    expect(text.safeParse(value).success).toBe(problem === undefined);
  });

  it('refuses the empty string as text but allows it as optional text', () => {
    expect(text.safeParse('').success).toBe(false);
    expect(optionalText.safeParse('').success).toBe(true);
    expect(optionalText.safeParse('\u3000').success).toBe(false);
  });
});

describe('printed and printedStatistic', () => {
  it.each([
    ['30余', true, false],
    ['94.24', true, true],
    ['88.2%', true, true],
    ['91%', true, true],
  ])('%s is a printed figure (%s) and a reconcilable one (%s)', (value, isPrinted, isStatistic) => {
    expect(printed.safeParse(value).success).toBe(isPrinted);
    expect(printedStatistic.safeParse(value).success).toBe(isStatistic);
  });

  it('refuses a bare number', () => expect(printed.safeParse(30).success).toBe(false));
});

describe('checkIllustrative(value, ctx)', () => {
  const schema = z.strictObject({ a: z.number(), b: z.number().optional(), illustrative }).superRefine(checkIllustrative);
  it.each([
    [{ a: 1, illustrative: ['a'] }, []],
    [{ a: 1 }, []],
    [{ a: 1, illustrative: ['b'] }, [['illustrative', 0]]],
    [{ a: 1, illustrative: ['a', 'illustrative'] }, [['illustrative', 1]]],
  ])('checks %j', (value, paths) => {
    const result = schema.safeParse(value);
    expect(result.success ? [] : result.error.issues.map((i) => i.path)).toEqual(paths);
  });
});
