import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { explainZodIssue, zodIssuesToIssues } from '../../src/schema/zod-issues.ts';

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
    ['a union that explains itself', z.union([z.number(), z.tuple([z.number(), z.number()])], { error: () => '应为一个数或一对数 (expected x, found y)' }),
      'a', /^应为一个数或一对数 \(expected x, found y\)$/],
    ['a union of a score or a criterion map', z.union([z.number(), z.record(z.string(), z.number())]), 'a', /^应为 0 到满分的数字/],
  ])('explains %s in Chinese with expected and found', (_, schema, value, message) => {
    expect(explainZodIssue(issuesOf(schema, value)[0]!)).toMatch(message);
  });
});

describe('zodIssuesToIssues(file, locate, issues)', () => {
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
