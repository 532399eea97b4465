import { describe, expect, it } from 'vitest';
import { describeValue, EditionError, formatIssue, formatIssues, formatPath } from '../../src/data/errors.ts';

const issue = (file: string, line: number, path = 'valid') => ({ file, line, column: 3, path, message: '应为数字' });

describe('formatPath(path)', () => {
  it.each([
    [['scores', 'zichuan', 'forum'], 'scores.zichuan.forum'],
    [['criteria', 2, 'max'], 'criteria[2].max'],
    [[0, 'id'], '[0].id'],
    [[], ''],
  ])('writes %j as %s', (path, text) => expect(formatPath(path)).toBe(text));
});

describe('formatIssue(issue)', () => {
  it('writes file:line:col field.path: message', () => {
    expect(formatIssue(issue('data/survey.yaml', 4))).toBe('data/survey.yaml:4:3 valid: 应为数字');
  });
  it('leaves out the path for an issue about a whole file', () => {
    expect(formatIssue(issue('data/survey.yaml', 1, ''))).toBe('data/survey.yaml:1:3: 应为数字');
  });
});

describe('formatIssues(issues) and EditionError', () => {
  const issues = [issue('data/units.yaml', 9), issue('data/survey.yaml', 4), issue('data/units.yaml', 2)];
  it('lists every issue one per line, by file then line', () => {
    expect(formatIssues(issues).split('\n')).toEqual([
      'data/survey.yaml:4:3 valid: 应为数字',
      'data/units.yaml:2:3 valid: 应为数字',
      'data/units.yaml:9:3 valid: 应为数字',
    ]);
  });
  it('makes the error message the same list and keeps the issues', () => {
    const error = new EditionError(issues);
    expect(error.message).toBe(formatIssues(issues));
    expect(error.issues).toHaveLength(3);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('describeValue(value)', () => {
  it.each([
    ['94.24', '"94.24"'],
    [105, '105'],
    [true, 'true'],
    [null, 'null (空值)'],
    [[1], 'a list'],
    [{ a: 1 }, 'a mapping'],
  ])('describes %j as %s', (value, text) => expect(describeValue(value)).toBe(text));
});
