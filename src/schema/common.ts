/**
 * Building blocks shared by the file schemas: ids, printed figures,
 * non-negative numbers and the `illustrative` list.
 */
import { z } from 'zod';

/**
 * Lowercase ASCII kebab-case, as every id in an edition is written.
 *
 * @example
 * ID_PATTERN.test('high-tech-zone') // true
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An id: lowercase ASCII kebab-case (`minor-criminal-cases`).
 *
 * @example
 * id.safeParse('high-tech-zone').success // true
 * id.safeParse('High_Tech').success      // false
 */
export const id = z.string().regex(ID_PATTERN).meta({ description: 'id：小写英文字母、数字和连字符（kebab-case）' });

/**
 * A printed figure quoted from the published text: always a string exactly
 * as printed (`"94.24"`, `"91%"`, `"30余"`), never a YAML number.
 *
 * @example
 * printed.safeParse('30余').success // true
 * printed.safeParse(30).success     // false
 */
export const printed = z.string().min(1).meta({ description: '原文印刷的数字，写成带引号的字符串，如 "94.24"、"91%"、"30余"' });

/**
 * A printed figure that a computed statistic must reconcile with: digits,
 * optional decimals, optional `%` (`"94.24"`, `"88.2%"`).
 *
 * @example
 * printedStatistic.safeParse('88.2%').success // true
 * printedStatistic.safeParse('30余').success  // false
 */
export const printedStatistic = z
  .string()
  .regex(/^-?\d+(?:\.\d+)?%?$/)
  .meta({ description: '可与计算结果核对的印刷数字：数字、可带小数、可带 %，如 "94.24"、"91%"' });

/**
 * Chinese text as printed; never empty.
 *
 * @example
 * text.safeParse('').success // false
 */
export const text = z.string().min(1);

/**
 * A number typed by an editor: finite and not negative.
 *
 * @example
 * nonNegative.safeParse(-5).success // false
 */
export const nonNegative = z.number().min(0);

/**
 * A whole count: an integer, not negative.
 *
 * @example
 * count.safeParse(88.5).success // false
 */
export const count = z.number().int().min(0);

/**
 * `illustrative: [field, …]`: the fields of this object whose values were
 * chosen to agree with the published text rather than printed in it.
 *
 * @example
 * illustrative.parse(undefined) // []
 */
export const illustrative = z
  .array(z.string())
  .default([])
  .meta({ description: '本对象中由编者推定、与原文相符但原文未直接印出的字段名' });

/**
 * Adds the rule that every field named in `illustrative` is a field of
 * the same object (and not `illustrative` itself).
 *
 * @example
 * z.strictObject({ a: z.number(), illustrative }).superRefine(checkIllustrative)
 */
export function checkIllustrative(value: { illustrative?: string[] } & Record<string, unknown>, ctx: z.RefinementCtx): void {
  (value.illustrative ?? []).forEach((field, i) => {
    if (field === 'illustrative' || !Object.prototype.hasOwnProperty.call(value, field) || value[field] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['illustrative', i],
        message: `illustrative 中列出的字段在本对象中不存在 (expected a field of this object, found "${field}")`,
      });
    }
  });
}
