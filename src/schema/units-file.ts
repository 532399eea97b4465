/** Schemas of `units.yaml` and `departments.yaml`. */
import { z } from 'zod';
import { checkIllustrative, id, illustrative, text } from './common.ts';

/**
 * `units.yaml`: the assessed units in display order.
 *
 * @example
 * unitsFileSchema.parse([{ id: 'zhangdian', name: '张店区' }])[0].illustrative // []
 */
export const unitsFileSchema = z
  .array(z.strictObject({ id, name: text, illustrative }).superRefine(checkIllustrative))
  .min(1);

/**
 * `departments.yaml`: the lead departments in display order, each with an
 * optional `rectification_plan` flag.
 *
 * @example
 * departmentsFileSchema.parse([{ id: 'court', name: '市中院', rectification_plan: true }])[0].rectification_plan // true
 */
export const departmentsFileSchema = z
  .array(
    z
      .strictObject({
        id,
        name: text,
        rectification_plan: z.boolean().optional().meta({ description: '是否针对发现的问题制定了整改方案' }),
        illustrative,
      })
      .superRefine(checkIllustrative),
  )
  .min(1);

export type UnitsFile = z.output<typeof unitsFileSchema>;
export type DepartmentsFile = z.output<typeof departmentsFileSchema>;
