import { describe, expect, it } from 'vitest';
import { EditionError } from '../../src/data/errors.ts';
import { buildFailure } from '../../scripts/lib/build-failure.ts';

describe('buildFailure(error)', () => {
  it('gives each issue of an edition error its file, place, field and message', () => {
    const error = new EditionError([
      { file: 'data/units.yaml', line: 3, column: 5, path: '[1].id', message: '单位 id 重复' },
      { file: 'data/survey.yaml', line: 1, column: 1, path: '', message: '文件为空' },
    ]);
    expect(buildFailure(error)).toEqual({
      problems: [
        { file: 'data/survey.yaml', line: 1, column: 1, message: '文件为空' },
        { file: 'data/units.yaml', line: 3, column: 5, field: '[1].id', message: '单位 id 重复' },
      ],
      total: 2,
    });
  });

  it('sends the first hundred issues and counts them all', () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({ file: 'data/x.yaml', line: i + 1, column: 1, path: '', message: `错误 ${i}` }));
    const failure = buildFailure(new EditionError(issues));
    expect(failure.problems).toHaveLength(100);
    expect(failure.total).toBe(250);
  });

  it.each<[string, unknown, object[]]>([
    ['an error with a place in its message', Object.assign(new Error('content/01-overview.md:6:9 template: 章节模板无法渲染'), {}), [{ file: 'content/01-overview.md', line: 6, column: 9, message: 'template: 章节模板无法渲染' }]],
    ['an error without a place', new Error('磁盘已满'), [{ message: '磁盘已满' }]],
    ['a thrown string', '<script>alert(1)</script>', [{ message: '<script>alert(1)</script>' }]],
    ['an error with an empty message', new Error(''), [{ message: '构建失败，原因不明，请查看终端' }]],
  ])('gives %s as problems, one a line', (_, error, problems) => {
    expect(buildFailure(error).problems).toEqual(problems);
  });
});
