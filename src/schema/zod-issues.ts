/**
 * zod issues → the project's issues: a Chinese explanation first, the
 * field path in English, and `(expected …, found …)`. Text where a number
 * belongs is told what slip it is (`15%`, `96分`, a quoted number), and an
 * unknown field or reference gets a "did you mean".
 */
import type { z } from 'zod';
import { describeValue, formatPath, type Issue, type PathKey, type Position } from '../data/errors.ts';
import { didYouMean, suggestionText, type Candidate } from './did-you-mean.ts';
import { explainNotANumber, keySlip, numberRole } from './value-advice.ts';

/** What `zodIssuesToIssues` may know beyond the issues, to suggest what was meant. */
export interface ZodIssueContext {
  /** The schema the value was checked against: its field names answer a misspelt field. */
  schema?: z.ZodType;
  /** The ids a reference at `path` may name (`lead` → the departments), for a "did you mean". */
  references?: (path: readonly PathKey[]) => readonly Candidate[] | undefined;
}

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
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `缺少必填字段 (expected ${issue.expected}, found nothing)`;
      if (issue.expected === 'string' && typeof input === 'number') {
        return `应为文字；原文印刷的数字须加引号写成字符串 (expected a quoted string, found ${found})`;
      }
      if (issue.expected === 'number' && typeof input === 'string') {
        return `${explainNotANumber(input, numberRole(path))} (expected a number, found ${found})`;
      }
      if (issue.expected === 'number' && typeof input === 'number') {
        return `应为有限的数字，不能是 .nan 或 .inf (expected a finite number, found ${found})`;
      }
      const key = path.at(-1);
      // A value run into its key (`department:98.5`) leaves the key with no value.
      const slip = typeof input === 'string' ? keySlip(input) : input === null && typeof key === 'string' ? keySlip(key) : undefined;
      if (slip) return `类型不对，应为${TYPE_NAMES[issue.expected] ?? issue.expected}；${slip} (expected ${issue.expected}, found ${found})`;
      return `类型不对，应为${TYPE_NAMES[issue.expected] ?? issue.expected} (expected ${issue.expected}, found ${found})`;
    }
    case 'too_big':
      if (issue.origin === 'array') {
        return `列表过长，最多 ${issue.maximum} 项 (expected at most ${issue.maximum} items, found ${Array.isArray(input) ? input.length : 'more'})`;
      }
      if (issue.origin === 'string') {
        return `过长，最多 ${issue.maximum} 个字符 (expected at most ${issue.maximum} characters, found ${typeof input === 'string' ? input.length : 'more'})`;
      }
      if (numberRole(path) === 'weight' && Number(issue.maximum) === 1 && typeof input === 'number') {
        // 15 or 50 for a weight is a percentage typed as a number; 1.5 is not.
        const fraction = input >= 2 && input <= 100 ? `：若指 ${input}%，应写作 ${Number((input / 100).toPrecision(12))}` : '';
        return `权重须为 0 到 1 之间的小数（0.15 表示 15%）${fraction} (expected a number <= 1, found ${found})`;
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
      // A union whose schema explains itself (its own `error`, in Chinese) is not a method score.
      if (/\p{Script=Han}/u.test(issue.message)) return issue.message;
      if (typeof input === 'string') return `${explainNotANumber(input, 'score')} (expected a number or a criterion map, found ${found})`;
      if (input === null && typeof path.at(-1) === 'string' && keySlip(path.at(-1) as string)) {
        return `缺少得分；${keySlip(path.at(-1) as string)} (expected a number or a criterion map, found ${found})`;
      }
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
 * so each points at its own line. With a `context`, an unknown field gets
 * the nearest field name of the schema (`lead_assesment` → `lead_assessment`),
 * a missing field names the misspelt key that was probably meant for it,
 * and a malformed reference (`lead: 市法院`) the id it probably meant.
 *
 * @example
 * zodIssuesToIssues('data/units.yaml', () => ({ line: 1, column: 1 }), result.error.issues)
 * zodIssuesToIssues(file, locate, issues, { schema: experienceFileSchema, references: (path) => path[0] === 'lead' ? departments : undefined })
 */
export function zodIssuesToIssues(
  file: string,
  locate: (path: readonly PathKey[]) => Position,
  issues: readonly z.core.$ZodIssue[],
  context: ZodIssueContext = {},
): Issue[] {
  const out: Issue[] = [];
  const unknownKeys = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') unknownKeys.set(formatPath(pathOf(issue)), issue.keys);
  }
  // An integer past a bound of its own also breaks zod's ±(2^53 − 1): `1e21` for a year is reported once, against the year's range.
  const ownBounds = new Set(issues.filter((i) => (i.code === 'too_big' || i.code === 'too_small') && !safeIntegerBound(i)).map(boundKey));
  for (const issue of issues) {
    if (safeIntegerBound(issue) && ownBounds.has(boundKey(issue))) continue;
    const path = pathOf(issue);
    if (issue.code === 'unrecognized_keys') {
      const fields = context.schema ? fieldsAt(context.schema, path).map((id) => ({ id })) : [];
      for (const key of issue.keys) {
        const at = locate([...path, key]);
        const hint = keySlip(key) ?? suggestionText(didYouMean(key, fields));
        out.push({
          file,
          ...at,
          path: formatPath([...path, key]),
          message: `未知字段，可能是拼写错误${hint ? `；${hint}` : ''} (expected a field of the data format, found "${key}")`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // A union (number or criterion map) that failed deep inside one branch: report that branch's own issues.
      const deeper = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (deeper) {
        const nested = deeper.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue);
        for (const inner of zodIssuesToIssues(file, locate, nested, context)) out.push(inner);
        continue;
      }
    }
    const at = locate(path);
    out.push({ file, ...at, path: formatPath(path), message: withSuggestion(issue, path, unknownKeys, context) });
  }
  return out;
}

/** Most unknown keys searched for the one a missing field was written as. */
const MOST_PAIRED = 100;

function pathOf(issue: z.core.$ZodIssue): PathKey[] {
  return issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
}

/** The explanation of an issue, with the misspelt key a missing field was probably written as, or the id a reference meant. */
function withSuggestion(issue: z.core.$ZodIssue, path: PathKey[], unknownKeys: Map<string, string[]>, context: ZodIssueContext): string {
  const message = explainZodIssue(issue);
  const input = (issue as { input?: unknown }).input;
  const name = path.at(-1);
  const unknownHere = unknownKeys.get(formatPath(path.slice(0, -1))) ?? [];
  // A handful of unknown keys may hold the misspelt one; thousands are some other mistake.
  if (issue.code === 'invalid_type' && input === undefined && typeof name === 'string' && unknownHere.length <= MOST_PAIRED) {
    const written = didYouMean(name, unknownHere.map((id) => ({ id })));
    if (written) return insertHint(message, `可能误写成了 ${written.id}`);
  }
  if (typeof input === 'string') {
    const candidates = context.references?.(path);
    const meant = candidates && didYouMean(input, candidates);
    if (meant) return insertHint(message, suggestionText(meant));
  }
  return message;
}

/** Puts a hint after the Chinese explanation, before its `(expected …, found …)`. */
function insertHint(message: string, hint: string): string {
  const at = message.lastIndexOf(' (expected');
  return at === -1 ? `${message}；${hint}` : `${message.slice(0, at)}；${hint}${message.slice(at)}`;
}

/**
 * The field names a schema allows at a path of the value (a strict
 * object's keys), looking through optional, default, array, record and
 * union wrappers; empty when the path does not lead to an object.
 *
 * @example
 * fieldsAt(z.object({ a: z.array(z.object({ b: z.number() })) }), ['a', 0]) // ['b']
 */
export function fieldsAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    const def = definitionOf(current);
    if (!def) return [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(key)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'union') current = (def.options as unknown[]).find((o) => ['object', 'record', 'array'].includes(definitionOf(o)?.type as string));
    else return [];
  }
  let def = definitionOf(current);
  if (def?.type === 'union') def = (def.options as unknown[]).map(definitionOf).find((d) => d?.type === 'object');
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** A zod schema's definition with wrappers (optional, default, nullable, pipe …) looked through. */
function definitionOf(schema: unknown): Record<string, unknown> | undefined {
  let def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  for (let depth = 0; def && depth < 16; depth++) {
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    def = (inner as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  }
  return def;
}
