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
      if (issue.expected === 'number' && typeof input === 'number') {
        return `应为有限的数字，不能是 .nan 或 .inf (expected a finite number, found ${found})`;
      }
      return `类型不对，应为${TYPE_NAMES[issue.expected] ?? issue.expected} (expected ${issue.expected}, found ${found})`;
    }
    case 'too_big':
      if (issue.origin === 'array') {
        return `列表过长，最多 ${issue.maximum} 项 (expected at most ${issue.maximum} items, found ${Array.isArray(input) ? input.length : 'more'})`;
      }
      if (issue.origin === 'string') {
        return `过长，最多 ${issue.maximum} 个字符 (expected at most ${issue.maximum} characters, found ${typeof input === 'string' ? input.length : 'more'})`;
      }
      return `数值过大 (expected a number ${issue.inclusive ? '<=' : '<'} ${issue.maximum}, found ${found})`;
    case 'too_small':
      if (issue.origin === 'array') return `列表不能为空 (expected at least ${issue.minimum} item, found ${Array.isArray(input) ? input.length : 0})`;
      if (issue.origin === 'string') return `不能为空 (expected non-empty text, found ${found})`;
      return `数值过小 (expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, found ${found})`;
    case 'invalid_value':
      return `取值不在允许范围内，应为 ${issue.values.map(String).join('、')} 之一 (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${found})`;
    case 'invalid_format':
      if (issue.format === 'regex' && (issue as { pattern?: string }).pattern?.includes('a-z0-9_')) {
        return `键名只能用小写英文字母、数字和下划线，以字母开头 (expected snake_case like "site_visits", found ${found})`;
      }
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
      return `应为 0 到满分的数字，或 指标 id → 分数 的映射 (expected a number or a criterion map, found ${found})`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? `键名不合要求：${explainZodIssue(inner as z.core.$ZodIssue)}` : `键名不合要求 (found ${found})`;
    }
    case 'custom':
      return issue.message;
    default:
      return `${issue.message} (found ${found})`;
  }
}

/** The bound zod adds to every integer: ±(2^53 − 1). */
function safeIntegerBound(issue: z.core.$ZodIssue): boolean {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : undefined;
  return bound === Number.MAX_SAFE_INTEGER || bound === Number.MIN_SAFE_INTEGER;
}

/** A key for "this kind of bound on this field". */
function boundKey(issue: z.core.$ZodIssue): string {
  return `${issue.code}\0${issue.path.map(String).join('\0')}`;
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
  // An integer past a bound of its own also breaks zod's ±(2^53 − 1): `1e21` for a year is reported once, against the year's range.
  const ownBounds = new Set(issues.filter((i) => (i.code === 'too_big' || i.code === 'too_small') && !safeIntegerBound(i)).map(boundKey));
  for (const issue of issues) {
    if (safeIntegerBound(issue) && ownBounds.has(boundKey(issue))) continue;
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
        for (const inner of zodIssuesToIssues(file, locate, nested)) out.push(inner);
        continue;
      }
    }
    const at = locate(path);
    out.push({ file, ...at, path: formatPath(path), message: explainZodIssue(issue) });
  }
  return out;
}
