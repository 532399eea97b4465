/** Schemas of `survey.yaml` and `activity.yaml`. */
import { z } from 'zod';
import { checkIllustrative, count, id, illustrative, optionalText, printed, text } from './common.ts';

/**
 * `survey.yaml`: questionnaire counts. Counts above `valid` and unknown
 * experience ids are caught in `checkEdition`.
 *
 * @example
 * surveyFileSchema.parse({ issued: 910, valid: 885, satisfied: 805 }).awareness // {}
 */
export const surveyFileSchema = z
  .strictObject({
    issued: count.meta({ description: '发放问卷数' }),
    valid: count.meta({ description: '有效问卷数（至少 1：满意度和知晓率都以它为分母）' }),
    satisfied: count.meta({ description: '总体满意的人数' }),
    awareness: z.record(z.string(), count).default({}).meta({ description: '经验 id → 知晓该经验的人数' }),
    illustrative,
  })
  .superRefine(checkIllustrative)
  .superRefine((value, ctx) => {
    if (value.valid === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['valid'],
        message: '有效问卷数为 0，无法计算满意度和知晓率 (expected at least 1 valid questionnaire, found 0)',
      });
    }
  });

/**
 * `activity.yaml`: printed counts the narrative quotes.
 *
 * @example
 * activityFileSchema.parse([{ id: 'site-inspections', label: '实地考察', count: '183', unit: '次', by: '市直牵头部门' }])
 */
export const activityFileSchema = z.array(
  z
    .strictObject({
      id,
      label: text,
      count: printed,
      unit: optionalText,
      by: text,
      illustrative,
    })
    .superRefine(checkIllustrative),
);

export type SurveyFile = z.output<typeof surveyFileSchema>;
export type ActivityFile = z.output<typeof activityFileSchema>;
