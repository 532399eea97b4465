import { describe, expect, it } from 'vitest';
import { figureTerms } from '../../../src/site/views/figure-terms.ts';

describe('figureTerms(specs)', () => {
  it.each([
    [[{ title: '群众知晓率' }], '群众知晓率 众知晓率 知晓率 晓率 率'],
    [[{ title: '单位得分' }, { title: '部门得分' }], '单位得分 位得分 得分 分 部门得分 门得分'],
    [[], ''],
  ])('gives the charts titled %j the words %j', (specs, words) => {
    expect(figureTerms(specs)).toBe(words);
  });
});
