import { describe, expect, it } from 'vitest';
import { illustrativeFields } from '../../../src/site/filters/illustrative-fields.ts';

describe('illustrativeFields(fields)', () => {
  it.each([
    [['name', 'rectification_plan'], '名称、整改方案情况'],
    [['batch', 'lead', 'lead_assessment', 'scores'], '批次、牵头部门、牵头部门评估分、各单位得分'],
    [['methods', 'lead_weight'], '各评估方式权重、牵头部门评估所占比重'],
    [['lead_weight', 'uncertainty'], '牵头部门评估所占比重、排名不确定性分析的各项假设'],
    [['some_new_field'], 'some_new_field'],
    [['constructor', 'toString'], 'constructor、toString'],
    [[], ''],
    [undefined, ''],
  ])('names %j as %s', (fields, expected) => {
    expect(illustrativeFields(fields)).toBe(expected);
  });
});
