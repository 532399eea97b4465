import { describe, expect, it } from 'vitest';
import { formatBuildError } from '../../scripts/lib/format-build-error.ts';

describe('formatBuildError(error)', () => {
  it('prints an edition error Chinese first with its count and every formatted issue', () => {
    const error = Object.assign(new Error('data/units.yaml:3:5 [1].id: 重复的单位 id\ndata/scheme.yaml:2:1 decimals: 应为整数'), {
      issues: [{}, {}],
    });
    expect(formatBuildError(error)).toBe(
      '构建失败: 数据有 2 处错误 (build failed: invalid edition data)\n' +
        'data/units.yaml:3:5 [1].id: 重复的单位 id\ndata/scheme.yaml:2:1 decimals: 应为整数',
    );
  });

  it('prints chapter errors as errors of the chapters', () => {
    const error = Object.assign(new Error('content/03-results.md:33:5 template: 章节中不能使用 {% include %}'), {
      name: 'ChapterError',
      issues: [{}],
    });
    expect(formatBuildError(error)).toBe(
      '构建失败: 正文有 1 处错误 (build failed: invalid chapters)\ncontent/03-results.md:33:5 template: 章节中不能使用 {% include %}',
    );
  });

  it('joins an Eleventy wrapper naming the template with the Nunjucks line and column', () => {
    const inner = Object.assign(new Error('unexpected token: %}'), { lineno: 4, colno: 7 });
    const outer = Object.assign(new Error('Having trouble rendering njk template ./templates/index.njk'), { originalError: inner });
    expect(formatBuildError(outer)).toBe(
      '构建失败 (build failed):\nHaving trouble rendering njk template ./templates/index.njk\ntemplates/index.njk:4:7 unexpected token: %}',
    );
  });

  it('follows a cause chain without repeating a message', () => {
    const error = new Error('outer', { cause: new Error('outer') });
    expect(formatBuildError(error)).toBe('构建失败 (build failed):\nouter');
  });

  it('prints something useful for a thrown non-error', () => {
    expect(formatBuildError('boom')).toBe('构建失败 (build failed):\nboom');
  });
});
