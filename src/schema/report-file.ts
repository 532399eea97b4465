/** Schema of `report.yaml`: identity, basis, fieldwork and printed figures. */
import { z } from 'zod';
import { checkIllustrative, illustrative, printed, printedStatistic, text } from './common.ts';

/**
 * `report.yaml`. `published.date` stays a string (`2018-07-06`) because
 * files are read with the YAML 1.2 core schema; `reported` keys are checked
 * against the statistics and experiences in `checkEdition`.
 *
 * @example
 * reportFileSchema.parse({ title: '…', year: 2017, evaluator: '…', commissioned_by: '…',
 *   published: { outlet: '淄博日报', date: '2018-07-06' } }).reported // {}
 */
export const reportFileSchema = z
  .strictObject({
    title: text.meta({ description: '报告标题，照原文' }),
    year: z.number().int().meta({ description: '评估年度' }),
    evaluator: text.meta({ description: '评估机构' }),
    commissioned_by: text.meta({ description: '委托方' }),
    published: z.strictObject({ outlet: text, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    basis: z.array(z.strictObject({ code: text, title: text })).default([]),
    principles: z.array(text).default([]),
    duration: text.optional().meta({ description: '评估历时，照原文（如 两个多月）' }),
    fieldwork: z.record(z.string(), printed).default({}),
    reported: z
      .record(z.string(), printedStatistic)
      .default({})
      .meta({ description: '原文印刷的统计数字，构建时与计算结果逐一核对' }),
    illustrative,
  })
  .superRefine(checkIllustrative);

export type ReportFile = z.output<typeof reportFileSchema>;
