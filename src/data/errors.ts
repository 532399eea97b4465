/**
 * Issues found in an edition's files, and the error that carries them.
 *
 * Every issue names the file (relative to the working directory), the
 * 1-based line and column, the field path in English (`scores.zichuan.forum`)
 * and a Chinese message that says what was required and what was found.
 */

/** One key of a field path: a mapping key or a sequence index. */
export type PathKey = string | number;

/** A place in a file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One problem in an edition, pointing at file, line and field. */
export interface Issue {
  /** File relative to the working directory (`data/units.yaml`). */
  file: string;
  line: number;
  column: number;
  /** Field path in English, dot separated (`scores.zichuan.forum`); empty for the whole file. */
  path: string;
  /** Chinese explanation, ending with `(expected …, found …)` when both are known. */
  message: string;
}

/**
 * Joins a field path for display: keys with dots, sequence indexes in brackets.
 *
 * @example
 * formatPath(['scores', 'zichuan', 'forum']) // 'scores.zichuan.forum'
 * formatPath(['criteria', 2, 'max'])         // 'criteria[2].max'
 * formatPath([])                             // ''
 */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

/**
 * Formats one issue as `file:line:col field.path: 中文说明 (expected …, found …)`.
 * An issue about a whole file has no path and prints `file:line:col: 说明`.
 * Characters of the path or message a reader could not see print as
 * escapes (see {@link showHidden}).
 *
 * @example
 * formatIssue({ file: 'data/units.yaml', line: 3, column: 5, path: '[1].id', message: '重复的单位 id' })
 * // 'data/units.yaml:3:5 [1].id: 重复的单位 id'
 */
export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  // A key or value quoted in the path or message may hold a bidi control that would turn the rest of the line round.
  const message = showHidden(issue.message);
  return issue.path === '' ? `${where}: ${message}` : `${where} ${showHidden(issue.path)}: ${message}`;
}

/**
 * How many issues an error message lists before it only counts the rest:
 * a file with 100,000 mistakes still prints a screenful, and the first
 * hundred are the ones to fix first anyway.
 *
 * @example
 * formatIssues(issues, { limit: ISSUES_SHOWN })
 */
export const ISSUES_SHOWN = 100;

/**
 * Formats the issues, one per line, in file then line order: the first
 * `limit` of them (default {@link ISSUES_SHOWN}), then one line counting the
 * rest (`另有 99,900 处错误未列出`). No issues give the empty string.
 *
 * @example
 * formatIssues([]) // ''
 * formatIssues(hundredAndOne).split('\n').at(-1) // '另有 1 处错误未列出 (1 more not shown)'
 */
export function formatIssues(issues: readonly Issue[], { limit = ISSUES_SHOWN }: { limit?: number } = {}): string {
  const sorted = sortIssues(issues);
  const lines = sorted.slice(0, limit).map(formatIssue);
  const rest = sorted.length - lines.length;
  if (rest > 0) lines.push(`另有 ${groupDigits(rest)} 处错误未列出 (${rest} more not shown)`);
  return lines.join('\n');
}

/**
 * A whole number with a comma between groups of three digits, as the
 * count of issues is printed: 99900 → `99,900`.
 *
 * @example
 * groupDigits(99900) // '99,900'
 * groupDigits(12)    // '12'
 */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Sorts issues by file, then line, then column; the order among equal
 * places is kept (a stable sort), so the first-found issue stays first.
 *
 * @example
 * sortIssues([{ file: 'b', line: 1, column: 1, path: '', message: '' },
 *             { file: 'a', line: 9, column: 1, path: '', message: '' }])[0].file // 'a'
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => compareFiles(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Describes a value found in a file for a message's `found …` part:
 * strings quoted, numbers as typed, containers by kind. Characters a
 * terminal would not show, or would let reorder the line (bidi controls,
 * zero-width and odd spaces, line separators), are written as `\u202E`.
 *
 * @example
 * describeValue('94.24') // '"94.24"'
 * describeValue(105)     // '105'
 * describeValue(null)    // 'null (空值)'
 * describeValue([1, 2])  // 'a list'
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null (空值)';
  if (typeof value === 'string') return showHidden(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** Every character that is not visible text or an ordinary space. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * Writes the characters of a message that a reader could not see (or that
 * would turn the rest of the line around) as `\uXXXX`, keeping the
 * ordinary space.
 *
 * @example
 * showHidden('"甲\u202E区"') // '"甲\\u202E区"' (the escape is printed, not the control)
 */
export function showHidden(text: string): string {
  return text.replace(HIDDEN, (c) => (c === ' ' ? c : `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
}

/**
 * The error thrown when an edition cannot be built: it carries every issue,
 * and its message lists them one per line (the first hundred, then a count
 * of the rest).
 *
 * @example
 * try { await loadReport({ dataDir: 'data' }); }
 * catch (e) { if (e instanceof EditionError) console.error(e.message); }
 */
export class EditionError extends Error {
  readonly issues: Issue[];

  /**
   * @example
   * new EditionError([{ file: 'data/survey.yaml', line: 2, column: 8, path: 'valid', message: '应为数字' }]).message
   * // 'data/survey.yaml:2:8 valid: 应为数字'
   */
  constructor(issues: readonly Issue[]) {
    const sorted = sortIssues(issues);
    super(formatIssues(sorted));
    this.name = 'EditionError';
    this.issues = sorted;
  }
}
