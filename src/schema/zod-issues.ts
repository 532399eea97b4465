/**
 * zod issues → the project's issues: a Chinese explanation first, the
 * field path in English, and `(expected …, found …)`.
 */
import type { z } from 'zod';
import { describeValue, formatPath, type Issue, type PathKey, type Position } from '../data/errors.ts';

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  string: '文字（字符串）',
  boolean: 'true 或 false',
  object: '映射（键: 值）',
  record: '映射（键: 值）',
  array: '列表',
  int: '整数',
};

/**
 * Explains one zod issue in Chinese with what was expected and found.
 *
 * @example
 * explainZodIssue({ code: 'invalid_type', expected: 'number', input: '96', path: ['a'], message: '' } as never)
 * // '应为数字，不要加引号 (expected a number, found "96")'
 */
export function explainZodIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const found = input === undefined ? 'nothing' : describeValue(input);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `缺少必填字段 (expected ${issue.expected}, found nothing)`;
      if (issue.expected === 'string' && typeof input === 'number') {
        return `应为文字；原文印刷的数字须加引号写成字符串 (expected a quoted string, found ${found})`;
      }
      if (issue.expected === 'number' && typeof input === 'string') {
        return `应为数字，不要加引号 (expected a number, found ${found})`;
      }
      return `类型不对，应为${TYPE_NAMES[issue.expected] ?? issue.expected} (expected ${issue.expected}, found ${found})`;
    }
    case 'too_big':
      if (issue.origin === 'array') return `列表过长 (expected at most ${issue.maximum} items, found more)`;
      return `数值过大 (expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, found ${found})`;
    case 'too_small':
      if (issue.origin === 'array') return `列表不能为空 (expected at least ${issue.minimum} item, found ${Array.isArray(input) ? input.length : 0})`;
      if (issue.origin === 'string') return `不能为空 (expected non-empty text, found ${found})`;
      return `数值过小 (expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, found ${found})`;
    case 'invalid_value':
      return `取值不在允许范围内，应为 ${issue.values.map(String).join('、')} 之一 (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${found})`;
    case 'invalid_format':
      if (issue.format === 'regex' && (issue as { pattern?: string }).pattern?.includes('a-z0-9')) {
        return `id 只能用小写英文字母、数字和连字符 (expected kebab-case like "high-tech-zone", found ${found})`;
      }
      if ((issue as { pattern?: string }).pattern?.includes('%')) {
        return `印刷数字应为数字、可带小数和 % (expected a figure like "94.24" or "91%", found ${found})`;
      }
      if ((issue as { pattern?: string }).pattern?.includes('\\d{4}')) {
        return `日期格式应为 年-月-日 (expected a date like 2018-07-06, found ${found})`;
      }
      return `格式不对 (expected ${issue.format}, found ${found})`;
    case 'not_multiple_of':
      return `应为整数 (expected an integer, found ${found})`;
    case 'invalid_union':
      // A union whose schema explains itself (its own `error`, in Chinese) is not a method score.
      if (/\p{Script=Han}/u.test(issue.message)) return issue.message;
      return `应为 0 到满分的数字，或 指标 id → 分数 的映射 (expected a number or a criterion map, found ${found})`;
    case 'custom':
      return issue.message;
    default:
      return `${issue.message} (found ${found})`;
  }
}

/**
 * Converts zod issues of one file into project issues, one per unknown key
 * so each points at its own line.
 *
 * @example
 * zodIssuesToIssues('data/units.yaml', () => ({ line: 1, column: 1 }), result.error.issues)
 */
export function zodIssuesToIssues(
  file: string,
  locate: (path: readonly PathKey[]) => Position,
  issues: readonly z.core.$ZodIssue[],
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = locate([...path, key]);
        out.push({
          file,
          ...at,
          path: formatPath([...path, key]),
          message: `未知字段，可能是拼写错误 (expected a field of the data format, found "${key}")`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // A union (number or criterion map) that failed deep inside one branch: report that branch's own issues.
      const deeper = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (deeper) {
        const nested = deeper.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue);
        out.push(...zodIssuesToIssues(file, locate, nested));
        continue;
      }
    }
    const at = locate(path);
    out.push({ file, ...at, path: formatPath(path), message: explainZodIssue(issue) });
  }
  return out;
}
