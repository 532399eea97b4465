import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkIllustrative, id, illustrative, printed, printedStatistic } from '../../src/schema/common.ts';

describe('id', () => {
  it.each([
    ['high-tech-zone', true],
    ['zibo2017', true],
    ['High_Tech', false],
    ['-leading', false],
    ['double--dash', false],
    ['张店', false],
  ])('accepts %s: %s', (value, ok) => expect(id.safeParse(value).success).toBe(ok));
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
