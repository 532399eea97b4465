/** Schemas of `survey.yaml` and `activity.yaml`. */
import { z } from 'zod';
import { checkIllustrative, count, id, illustrative, printed, text } from './common.ts';

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
    valid: count.meta({ description: '有效问卷数' }),
    satisfied: count.meta({ description: '总体满意的人数' }),
    awareness: z.record(z.string(), count).default({}).meta({ description: '经验 id → 知晓该经验的人数' }),
    illustrative,
  })
  .superRefine(checkIllustrative);

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
      unit: z.string(),
      by: text,
      illustrative,
    })
    .superRefine(checkIllustrative),
);

export type SurveyFile = z.output<typeof surveyFileSchema>;
export type ActivityFile = z.output<typeof activityFileSchema>;
