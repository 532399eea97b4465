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
 * The largest weight a scenario may give a method. Scenario weights are
 * re-normalised, so only their ratios matter; a bound keeps their sum
 * finite (1e308 + 1e308 is Infinity, and every weight would become 0).
 *
 * @example
 * scenarioSchema.safeParse({ id: 'x', name: '甲', methods: { department: 2e6 } }).success // false
 */
export const SCENARIO_WEIGHT_MAX = 1_000_000;

/**
 * Limits on the scheme's lists. Every method adds a drop-method scenario
 * and every scenario re-scores the whole edition, so these bound the work
 * of a build; they are far above what an evaluation uses.
 *
 * @example
 * SCHEME_LIMITS.methods // 30
 */
export const SCHEME_LIMITS = { criteria: 50, methods: 30, scenarios: 50 } as const;

/**
 * The largest `scale`. Scores are printed from 12 significant digits with
 * up to 6 decimals, so 0..10,000 prints every score exactly.
 *
 * @example
 * schemeFileSchema.shape.scale.safeParse(1e22).success // false
 */
export const SCALE_MAX = 10_000;

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
  methods: z
    .record(z.string(), nonNegative.max(SCENARIO_WEIGHT_MAX))
    .optional()
    .meta({ description: `评估方式 id → 权重（0～${SCENARIO_WEIGHT_MAX}，按比例换算，不必加总为 1）` }),
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
  scale: z.number().min(1).max(SCALE_MAX).meta({ description: `满分（1～${SCALE_MAX}），所有得分在 0..scale 之间` }),
  decimals: z.number().int().min(0).max(6).meta({ description: '得分印刷的小数位数' }),
  criteria: z
    .array(z.strictObject({ id, name: text, max: z.number().positive() }))
    .min(1)
    .max(SCHEME_LIMITS.criteria)
    .meta({ description: '评估指标；各指标满分之和等于 scale' }),
  methods: z
    .array(z.strictObject({ id, name: text, weight: nonNegative }))
    .min(1)
    .max(SCHEME_LIMITS.methods)
    .meta({ description: '评估方式；权重之和为 1' }),
  lead_weight: z.number().min(0).max(1).meta({ description: '牵头部门评估在经验得分中所占比重' }),
  not_applicable: notApplicablePolicy,
  spread_method: id.meta({ description: '计算分差（最高分减最低分）所用的评估方式 id' }),
  scenarios: z.array(scenarioSchema).max(SCHEME_LIMITS.scenarios).default([]),
  illustrative,
}).superRefine(checkIllustrative);

export type SchemeFile = z.output<typeof schemeFileSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
