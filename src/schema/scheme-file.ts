/** Schema of `scheme.yaml`: criteria, methods, weights, policies, scenarios. */
import { z } from 'zod';
import { checkIllustrative, id, illustrative, nonNegative, text } from './common.ts';

/**
 * How a unit's score counts an experience that does not apply to it.
 *
 * @example
 * notApplicablePolicy.parse('lowest') // 'lowest'
 */
export const notApplicablePolicy = z
  .enum(['exclude', 'lowest', 'zero'])
  .meta({ description: '不适用项的计分方式：exclude 不计入，lowest 按该经验适用单位的最低分计入，zero 按 0 分计入' });

/**
 * One alternative scheme for the sensitivity analysis. Method weights need
 * not sum to 1: they are re-normalised; a method left out is dropped.
 *
 * @example
 * scenarioSchema.parse({ id: 'exclude-na', name: '不适用项不计入', not_applicable: 'exclude' })
 */
export const scenarioSchema = z.strictObject({
  id,
  name: text,
  methods: z.record(z.string(), nonNegative).optional(),
  not_applicable: notApplicablePolicy.optional(),
  lead_weight: z.number().min(0).max(1).optional(),
});

/**
 * `scheme.yaml`. Sums (criteria maxima = scale, weights = 1) and references
 * (`spread_method`, scenario methods) are checked in `checkEdition`.
 *
 * @example
 * schemeFileSchema.parse({ scale: 100, decimals: 2, criteria: [{ id: 'progress', name: '工作推进', max: 100 }],
 *   methods: [{ id: 'department', name: '部门评估', weight: 1 }], lead_weight: 0.5,
 *   not_applicable: 'lowest', spread_method: 'department' }).scenarios // []
 */
export const schemeFileSchema = z.strictObject({
  scale: z.number().positive().meta({ description: '满分，所有得分在 0..scale 之间' }),
  decimals: z.number().int().min(0).max(6).meta({ description: '得分印刷的小数位数' }),
  criteria: z
    .array(z.strictObject({ id, name: text, max: z.number().positive() }))
    .min(1)
    .meta({ description: '评估指标；各指标满分之和等于 scale' }),
  methods: z
    .array(z.strictObject({ id, name: text, weight: nonNegative }))
    .min(1)
    .meta({ description: '评估方式；权重之和为 1' }),
  lead_weight: z.number().min(0).max(1).meta({ description: '牵头部门评估在经验得分中所占比重' }),
  not_applicable: notApplicablePolicy,
  spread_method: id.meta({ description: '计算分差（最高分减最低分）所用的评估方式 id' }),
  scenarios: z.array(scenarioSchema).default([]),
  illustrative,
}).superRefine(checkIllustrative);

export type SchemeFile = z.output<typeof schemeFileSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
