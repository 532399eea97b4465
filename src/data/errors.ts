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
 *
 * @example
 * formatIssue({ file: 'data/units.yaml', line: 3, column: 5, path: '[1].id', message: '重复的单位 id' })
 * // 'data/units.yaml:3:5 [1].id: 重复的单位 id'
 */
export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/**
 * Formats every issue, one per line, in file then line order.
 *
 * @example
 * formatIssues([]) // ''
 */
export function formatIssues(issues: readonly Issue[]): string {
  return sortIssues(issues).map(formatIssue).join('\n');
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
 * strings quoted, numbers as typed, containers by kind.
 *
 * @example
 * describeValue('94.24') // '"94.24"'
 * describeValue(105)     // '105'
 * describeValue(null)    // 'null (空值)'
 * describeValue([1, 2])  // 'a list'
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null (空值)';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/**
 * The error thrown when an edition cannot be built: it carries every issue,
 * and its message lists them all, one per line.
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
    super(sorted.map(formatIssue).join('\n'));
    this.name = 'EditionError';
    this.issues = sorted;
  }
}
