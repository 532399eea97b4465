/** Schema of one `experiences/NN-<id>.yaml` file. */
import { z } from 'zod';
import { checkIllustrative, id, illustrative, nonNegative, text } from './common.ts';

/**
 * A method score: a number, or a map criterion id → points whose sum is
 * the score. Ranges are checked against the scheme in `checkEdition`.
 *
 * @example
 * methodScoreSchema.parse({ progress: 24, effect: 23.5 }) // { progress: 24, effect: 23.5 }
 */
export const methodScoreSchema = z
  .union([nonNegative, z.record(z.string(), nonNegative)])
  .meta({ description: '评估方式得分：0..scale 的数字，或 指标 id → 分数 的映射（其和为得分）' });

/**
 * One experience: its lead department, status, the lead assessment by
 * criterion, and every applicable unit's scores by method.
 *
 * @example
 * experienceFileSchema.parse({ id: 'x', title: '…', batch: 1, lead: 'court',
 *   lead_assessment: { progress: 24 }, scores: { zhangdian: { department: 96 } } }).status // 'active'
 */
export const experienceFileSchema = z
  .strictObject({
    id,
    title: text,
    batch: z.number().int().min(1).max(999).meta({ description: '第几批推广推介文件提出（1～999）' }),
    lead: id.meta({ description: '牵头部门 id（departments.yaml）' }),
    origin: id.optional().meta({ description: '经验发源地的单位 id（units.yaml）' }),
    internet_plus: z.boolean().default(false).meta({ description: '是否为 互联网+ 事项' }),
    status: z.enum(['active', 'discontinued']).default('active'),
    status_note: text.optional().meta({ description: '状态说明；status 为 discontinued 时必填' }),
    not_applicable: z
      .record(z.string(), text)
      .default({})
      .meta({ description: '不适用的单位 id → 原因' }),
    lead_assessment: z
      .record(z.string(), nonNegative)
      .meta({ description: '对牵头部门工作的评分：指标 id → 分数' }),
    scores: z
      .record(z.string(), z.record(z.string(), methodScoreSchema))
      .meta({ description: '每个适用单位 → 评估方式 → 得分' }),
    illustrative,
  })
  .superRefine(checkIllustrative)
  .superRefine((value, ctx) => {
    if (value.status === 'discontinued' && !value.status_note) {
      ctx.addIssue({
        code: 'custom',
        path: ['status_note'],
        message: '经验已停止推广（discontinued）时必须说明原因 (expected status_note, found nothing)',
      });
    }
  });

export type ExperienceFile = z.output<typeof experienceFileSchema>;
export type MethodScore = z.output<typeof methodScoreSchema>;
