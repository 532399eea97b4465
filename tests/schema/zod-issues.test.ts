import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { explainZodIssue, fieldsAt, zodIssuesToIssues } from '../../src/schema/zod-issues.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
};

describe('explainZodIssue(issue)', () => {
  it.each([
    ['a missing field', z.object({ a: z.number() }), {}, /^缺少必填字段 \(expected number, found nothing\)$/],
    ['a quoted number', z.number(), '96', /^应为数字，不要加引号 \(expected a number, found "96"\)$/],
    ['a bare printed figure', z.string(), 94.24, /须加引号.*found 94\.24/],
    ['a list for a mapping', z.record(z.string(), z.number()), [1], /类型不对，应为映射.*found a list/],
    ['a number too big', z.number().max(1), 2, /^数值过大 \(expected a number <= 1, found 2\)$/],
    ['a negative number', z.number().min(0), -1, /^数值过小 \(expected a number >= 0, found -1\)$/],
    ['an empty list', z.array(z.number()).min(1), [], /^列表不能为空/],
    ['an empty text', z.string().min(1), '', /^不能为空/],
    ['a value outside an enum', z.enum(['a', 'b']), 'c', /^取值不在允许范围内，应为 a、b 之一/],
    ['a fraction for an integer', z.number().int(), 1.5, /(应为整数|类型不对)/],
    ['.nan where a number belongs', z.number(), Number.NaN, /^应为有限的数字，不能是 \.nan 或 \.inf \(expected a finite number, found NaN\)$/],
    ['.inf where a number belongs', z.number(), Number.POSITIVE_INFINITY, /不能是 \.nan 或 \.inf .*found Infinity/],
    ['a text too long', z.string().max(64), 'a'.repeat(300), /^过长，最多 64 个字符 \(expected at most 64 characters, found 300\)$/],
    ['a list too long', z.array(z.number()).max(2), [1, 2, 3], /^列表过长，最多 2 项 \(expected at most 2 items, found 3\)$/],
    ['a key that is not snake_case', z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.number()), { 'Site Visits': 1 }, /^键名不合要求：键名只能用小写英文字母、数字和下划线.*found "Site Visits"/],
    ['a union that explains itself', z.union([z.number(), z.tuple([z.number(), z.number()])], { error: () => '应为一个数或一对数 (expected x, found y)' }),
      'a', /^应为一个数或一对数 \(expected x, found y\)$/],
    ['a union of a score or a criterion map', z.union([z.number(), z.record(z.string(), z.number())]), true, /^应为 0 到满分的数字/],
  ])('explains %s in Chinese with expected and found', (_, schema, value, message) => {
    expect(explainZodIssue(issuesOf(schema, value)[0]!)).toMatch(message);
  });
});

describe('zodIssuesToIssues(file, locate, issues)', () => {
  it('reports an integer past its own bound once, not also against ±(2^53 − 1)', () => {
    const issues = issuesOf(z.object({ year: z.number().int().max(9999) }), { year: 1e21 });
    const located = zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issues);
    expect(located.map((i) => i.message)).toEqual(['数值过大 (expected a number <= 9999, found 1e+21)']);
  });

  it('converts 200,000 issues of one union branch without overflowing the stack', () => {
    const schema = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]));
    const map = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`c${i}`, 'x']));
    const located = zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issuesOf(schema, { department: map }));
    expect(located).toHaveLength(200_000);
  });

  it('gives each unknown key its own issue at its own place', () => {
    const issues = issuesOf(z.strictObject({ a: z.number() }), { a: 1, bb: 2, cc: 3 });
    const located = zodIssuesToIssues('data/x.yaml', (path) => ({ line: path.length + (path[0] === 'cc' ? 10 : 0), column: 1 }), issues);
    expect(located.map((i) => [i.path, i.line])).toEqual([
      ['bb', 1],
      ['cc', 11],
    ]);
    expect(located[0]!.message).toMatch(/^未知字段/);
  });

  it('reports the inner issue of a union branch that failed deep inside', () => {
    const schema = z.record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]));
    const issues = issuesOf(schema, { department: { work: '57' } });
    const located = zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issues);
    expect(located.map((i) => i.path)).toEqual(['department.work']);
  });
});

describe('zodIssuesToIssues with a context', () => {
  const schema = z.strictObject({
    id: z.string(),
    lead: z.string().regex(/^[a-z-]+$/),
    lead_assessment: z.record(z.string(), z.number()),
    scores: z.record(z.string(), z.record(z.string(), z.number())),
    list: z.array(z.strictObject({ weight: z.number() })).default([]),
  });
  const departments = [{ id: 'court', name: '市法院' }, { id: 'health', name: '市卫健委' }];
  const located = (value: unknown) =>
    zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issuesOf(schema, value), {
      schema,
      references: (path) => (path.length === 1 && path[0] === 'lead' ? departments : undefined),
    });
  const valid = { id: 'x', lead: 'court', lead_assessment: {}, scores: {} };

  it.each([
    ['a misspelt field', { ...valid, lead_assessment: undefined, lead_assesment: {} }, 'lead_assesment', /^未知字段，可能是拼写错误；是否应为 lead_assessment？ \(expected a field of the data format, found "lead_assesment"\)$/],
    ['the field it was meant for', { ...valid, lead_assessment: undefined, lead_assesment: {} }, 'lead_assessment', /^缺少必填字段；可能误写成了 lead_assesment \(expected record, found nothing\)$/],
    ['a misspelt field inside a list', { ...valid, list: [{ weight: 1, wieght: 2 }] }, 'list[0].wieght', /是否应为 weight？/],
    ['a field indented with a full-width space', { ...valid, '\u3000id': 'y' }, '\u3000id', /未知字段，可能是拼写错误；含全角空格（U\+3000）/],
    ['a reference written as its Chinese name', { ...valid, lead: '市法院' }, 'lead', /；是否应为 市法院 \(court\)？ \(expected/],
    ['a key that swallowed its value', { ...valid, scores: { zichuan: { 'department：98.5': null } } }, 'scores.zichuan.department：98.5', /^类型不对，应为数字；全角冒号“：”：改为半角冒号加空格“: ”，写作 department: 98\.5/],
    ['a mapping written as one piece of text', { ...valid, scores: { zichuan: 'department:98.5' } }, 'scores.zichuan', /冒号后缺少空格.*写作 department: 98\.5 \(expected record, found "department:98\.5"\)/],
  ])('explains %s', (_, value, path, message) => {
    const issue = located(value).find((i) => i.path === path);
    expect(issue, JSON.stringify(located(value))).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('leaves a key with a colon alone when its value is there, only of the wrong type', () => {
    const reported = z.record(z.string(), z.string());
    const issues = zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issuesOf(reported, { 'spread:smart-court': [1] }));
    expect(issues[0]!.message).toBe('类型不对，应为文字（字符串） (expected string, found a list)');
  });

  it('suggests nothing without a context, as before', () => {
    const issues = zodIssuesToIssues('data/x.yaml', () => ({ line: 1, column: 1 }), issuesOf(schema, { ...valid, lead_asessment: {} }));
    expect(issues.find((i) => i.path === 'lead_asessment')!.message).toBe('未知字段，可能是拼写错误 (expected a field of the data format, found "lead_asessment")');
  });
});

describe('fieldsAt(schema, path)', () => {
  const schema = z.object({
    a: z.array(z.strictObject({ b: z.number(), c: z.string().optional() })).default([]),
    d: z.record(z.string(), z.union([z.number(), z.strictObject({ e: z.number() })])),
  });
  it.each<[Array<string | number>, string[]]>([
    [[], ['a', 'd']],
    [['a', 0], ['b', 'c']],
    [['d', 'any'], ['e']],
    [['a', 0, 'b'], []],
    [['nothing'], []],
  ])('lists the fields at %j', (path, fields) => {
    expect(fieldsAt(schema, path)).toEqual(fields);
  });
});
