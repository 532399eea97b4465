/** Schema of `scheme.yaml`: criteria, methods, weights, policies, scenarios. */
import { z } from 'zod';
import { describeValue } from '../data/errors.ts';
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
 * Most draws a scheme may ask for. 10,000 draws put each percentile within
 * about half a percentage point; ten times that still takes seconds on a
 * large edition, and more would only slow the build.
 *
 * @example
 * uncertaintySchema.safeParse({ draws: MAX_DRAWS + 1, seed: 1 }).success // false
 */
export const MAX_DRAWS = 100_000;

/**
 * Largest seed: the generator keeps 32 bits of state, so a larger seed
 * would quietly give the same draws as a smaller one.
 *
 * @example
 * MAX_SEED // 4294967295
 */
export const MAX_SEED = 2 ** 32 - 1;

const share = z.number().min(0).max(1);

/**
 * `uncertainty:` in scheme.yaml. `weights` is the relative half-width of
 * each method weight's range (0 fixes the weights; below 1, so no weight
 * reaches 0); `lead_weight` is one number (fixed) or `[low, high]`;
 * `not_applicable` lists the policies drawn, each equally likely. A field
 * left out keeps the scheme's own value, fixed. The rules across fields
 * (low ≤ high, distinct policies) are refinements of this block, so each
 * issue points at its own line.
 *
 * @example
 * uncertaintySchema.parse({ draws: 10000, seed: 20180706, weights: 0.25, lead_weight: [0.4, 0.6],
 *   not_applicable: ['lowest', 'zero'] }).lead_weight // [0.4, 0.6]
 */
export const uncertaintySchema = z
  .strictObject({
    draws: z.number().int().min(1).max(MAX_DRAWS).meta({ description: `蒙特卡洛抽样次数，1～${MAX_DRAWS} 的整数` }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(MAX_SEED)
      .meta({ description: `随机数种子，0～${MAX_SEED} 的整数；种子固定，每次生成的结果逐字节相同` }),
    weights: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .meta({ description: '各评估方式权重的相对浮动幅度 h：每次抽样，每个权重在 w×(1−h)～w×(1+h) 之间均匀取值，再归一；0 为固定权重；省略时为 0' }),
    lead_weight: z
      .union([share, z.tuple([share, share])], {
        error: (issue) =>
          `牵头部门评估比重应为 0～1 之间的一个数，或 [下限, 上限] (expected a number or a [low, high] pair, found ${Array.isArray(issue.input) ? `a list of ${issue.input.length}` : describeValue(issue.input)})`,
      })
      .optional()
      .meta({ description: '牵头部门评估所占比重：一个数（固定），或 [下限, 上限]（在其间均匀取值）；省略时取本方案的 lead_weight' }),
    not_applicable: z
      .array(notApplicablePolicy)
      .min(1)
      .optional()
      .meta({ description: '每次抽样等概率取其一的不适用项计分方式，不得重复；省略时取本方案的 not_applicable', uniqueItems: true }),
  })
  .superRefine((block, ctx) => {
    const range = block.lead_weight;
    if (Array.isArray(range) && range[0] > range[1]) {
      ctx.addIssue({
        code: 'custom',
        path: ['lead_weight'],
        message: `牵头部门评估比重的下限不能大于上限 (expected low <= high, found [${range[0]}, ${range[1]}])`,
      });
    }
    const seen = new Set<string>();
    block.not_applicable?.forEach((policy, i) => {
      if (seen.has(policy)) {
        ctx.addIssue({
          code: 'custom',
          path: ['not_applicable', i],
          message: `不适用项计分方式重复 (expected distinct policies, found "${policy}" again)`,
        });
      }
      seen.add(policy);
    });
  })
  .meta({ description: '排名的不确定性：在所列假设范围内反复抽样、重新计分排名，给出每项排名的中位数、90% 区间和排第一的比例' });

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
  uncertainty: uncertaintySchema.optional(),
  illustrative,
}).superRefine(checkIllustrative);

export type SchemeFile = z.output<typeof schemeFileSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type UncertaintyFile = z.output<typeof uncertaintySchema>;
