/**
 * A failed build as a list of problems (file, line, column, field, Chinese
 * message), for the banner `npm start` shows in open pages.
 */
import { formatBuildError } from './format-build-error.ts';

/** One problem of a failed build; `file` and the place are absent when the error named none. */
export interface BuildProblem {
  file?: string;
  line?: number;
  column?: number;
  /** The field path in English (`scores.zichuan.forum`), when the problem is about a field. */
  field?: string;
  message: string;
}

/** What the banner shows: the first problems, and how many there are in all. */
export interface BuildFailure {
  problems: BuildProblem[];
  total: number;
}

/** Most problems sent to a page; the terminal lists them all. */
const MOST_SHOWN = 100;

/**
 * The problems of whatever a failed build threw. An edition error (anything
 * with an `issues` list of file, line, column, path and message) gives one
 * problem an issue; any other error is formatted as on the terminal
 * (`formatBuildError`) and gives one problem a line, with the place taken
 * from a leading `file:line:col` when there is one.
 *
 * @example
 * buildFailure(new EditionError([{ file: 'data/units.yaml', line: 3, column: 5, path: '[1].id', message: '单位 id 重复' }]))
 * // { problems: [{ file: 'data/units.yaml', line: 3, column: 5, field: '[1].id', message: '单位 id 重复' }], total: 1 }
 * buildFailure(new Error('boom')) // { problems: [{ message: 'boom' }], total: 1 }
 */
export function buildFailure(error: unknown): BuildFailure {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (error instanceof Error && Array.isArray(issues)) {
    const problems = issues.slice(0, MOST_SHOWN).map((issue): BuildProblem => {
      const { file, line, column, path, message } = issue as Record<string, unknown>;
      const problem: BuildProblem = { message: String(message) };
      if (typeof file === 'string') problem.file = file;
      if (typeof line === 'number') problem.line = line;
      if (typeof column === 'number') problem.column = column;
      if (typeof path === 'string' && path !== '') problem.field = path;
      return problem;
    });
    return { problems, total: issues.length };
  }
  const lines = formatBuildError(error).split('\n').slice(1).filter((line) => line.trim() !== '');
  const problems = lines.slice(0, MOST_SHOWN).map(problemOfLine);
  return problems.length > 0 ? { problems, total: lines.length } : { problems: [{ message: '构建失败，原因不明，请查看终端' }], total: 1 };
}

/** `content/01-x.md:6:9 message` → its file, place and message; any other line is all message. */
function problemOfLine(line: string): BuildProblem {
  const match = /^(\S+?):(\d+):(\d+):? (.*)$/.exec(line);
  if (!match) return { message: line };
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]), message: match[4]! };
}
