import { describe, expect, it } from 'vitest';
import { describeValue, EditionError, formatIssue, formatIssues, formatPath, groupDigits, ISSUES_SHOWN, showHidden } from '../../src/data/errors.ts';

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
  it('prints a hidden character of a key or value in the path or message as an escape', () => {
    const hostile = { file: 'data/report.yaml', line: 17, column: 3, path: 'reported.satis\u202Efaction', message: '未知的统计项 (found "satis\u202Efaction")' };
    expect(formatIssue(hostile)).toBe('data/report.yaml:17:3 reported.satis\\u202Efaction: 未知的统计项 (found "satis\\u202Efaction")');
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
  it('lists the first hundred of 100,000 issues and counts the rest, without overflowing the stack', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => issue('data/units.yaml', 100_000 - i));
    const started = performance.now();
    const lines = formatIssues(many).split('\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines).toHaveLength(ISSUES_SHOWN + 1);
    expect(lines[0]).toBe('data/units.yaml:1:3 valid: 应为数字');
    expect(lines[ISSUES_SHOWN - 1]).toBe('data/units.yaml:100:3 valid: 应为数字');
    expect(lines[ISSUES_SHOWN]).toBe('另有 99,900 处错误未列出 (99900 more not shown)');
    const error = new EditionError(many);
    expect(error.issues).toHaveLength(100_000);
    expect(error.message.split('\n')).toHaveLength(ISSUES_SHOWN + 1);
  });

  it('lists every issue when asked to, and exactly a hundred with no count line', () => {
    const hundred = Array.from({ length: ISSUES_SHOWN }, (_, i) => issue('data/units.yaml', i + 1));
    expect(formatIssues(hundred).split('\n')).toHaveLength(ISSUES_SHOWN);
    expect(formatIssues([...hundred, issue('data/x.yaml', 1)], { limit: Infinity }).split('\n')).toHaveLength(ISSUES_SHOWN + 1);
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
    ['\u3000', '"\\u3000"'],
    ['甲\u202E区', '"甲\\u202E区"'],
    ['a\u200Bb c', '"a\\u200Bb c"'],
  ])('describes %j as %s', (value, text) => expect(describeValue(value)).toBe(text));
});

describe('showHidden(text)', () => {
  it('writes every invisible or reordering character as an escape and keeps visible text and the space', () => {
    expect(showHidden('张 店\u00A0区\u2066\uFEFF')).toBe('张 店\\u00A0区\\u2066\\uFEFF');
  });
});

describe('groupDigits(n)', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [99_900, '99,900'],
    [1_234_567, '1,234,567'],
  ])('writes %d as %s', (n, text) => expect(groupDigits(n)).toBe(text));
});
