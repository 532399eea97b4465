/** Schema of `report.yaml`: identity, basis, fieldwork and printed figures. */
import { z } from 'zod';
import { checkIllustrative, illustrative, printed, printedStatistic, text } from './common.ts';
import { isKnownFieldwork } from './fieldwork-keys.ts';

/**
 * Whether `YYYY-MM-DD` names a day of the Gregorian calendar: a month from
 * 1 to 12, a day that month has (29 February only in a leap year), and a
 * year from 1000 on. Anything else is not a date.
 *
 * @example
 * isCalendarDate('2018-07-06') // true
 * isCalendarDate('2018-02-30') // false
 * isCalendarDate('0000-00-00') // false
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * A `fieldwork` key: English snake_case, as every key an editor writes.
 *
 * @example
 * fieldworkKey.safeParse('site_visits').success // true
 * fieldworkKey.safeParse('Site Visits').success // false
 */
export const fieldworkKey = z.string().regex(/^[a-z][a-z0-9_]*$/).max(64);

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
    year: z.number().int().min(1000).max(9999).meta({ description: '评估年度（四位数）' }),
    evaluator: text.meta({ description: '评估机构' }),
    commissioned_by: text.meta({ description: '委托方' }),
    published: z.strictObject({
      outlet: text,
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .superRefine((value, ctx) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value)) {
            ctx.addIssue({ code: 'custom', message: `没有这一天：月份须为 1～12，日期须是该月实有的一天 (expected a real date like 2018-07-06, found "${value}")` });
          }
        })
        .meta({ description: '刊发日期，写作 年-月-日（如 2018-07-06）' }),
    }),
    basis: z.array(z.strictObject({ code: text, title: text })).default([]),
    principles: z.array(text).default([]),
    duration: text.optional().meta({ description: '评估历时，照原文（如 两个多月）' }),
    fieldwork: z
      .record(fieldworkKey, printed)
      .default({})
      .meta({ description: '实地工作的原文数字：英文 snake_case 键名 → 带引号的印刷数字' }),
    fieldwork_labels: z
      .record(fieldworkKey, text)
      .default({})
      .meta({ description: 'fieldwork 中自定义键的中文名称（如 interviews: 深度访谈人次），网页上显示此名称' }),
    reported: z
      .record(z.string(), printedStatistic)
      .default({})
      .meta({ description: '原文印刷的统计数字，构建时与计算结果逐一核对' }),
    illustrative_notice: text
      .max(200)
      .optional()
      .meta({ description: '示意数据说明：接在“附件1”“本页”等之后，如“所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。”；有示意得分时必填' }),
    illustrative,
  })
  .superRefine(checkIllustrative)
  .superRefine((value, ctx) => {
    // A reader sees every fieldwork figure under a Chinese name, never under its key.
    for (const key of Object.keys(value.fieldwork)) {
      if (!isKnownFieldwork(key) && !Object.hasOwn(value.fieldwork_labels, key)) {
        ctx.addIssue({ code: 'custom', path: ['fieldwork', key], message: `自定义的实地工作项须在 fieldwork_labels 中写明中文名称 (expected fieldwork_labels.${key}: <中文名称>, found nothing)` });
      }
    }
    for (const key of Object.keys(value.fieldwork_labels)) {
      if (!Object.hasOwn(value.fieldwork, key)) {
        ctx.addIssue({ code: 'custom', path: ['fieldwork_labels', key], message: `fieldwork 中没有这一项 (expected a key of fieldwork, found "${key}")` });
      } else if (isKnownFieldwork(key)) {
        // The site names these itself, so a name given here would never be shown.
        ctx.addIssue({ code: 'custom', path: ['fieldwork_labels', key], message: `网站对这一项已有固定名称，此处名称不会显示，请删去 (expected a custom fieldwork key, found "${key}")` });
      }
    }
  })
  .superRefine((value, ctx) => {
    const published = Number(value.published.date.slice(0, 4));
    if (isCalendarDate(value.published.date) && published < value.year) {
      ctx.addIssue({
        code: 'custom',
        path: ['published', 'date'],
        message: `刊发日期早于评估年度 ${value.year} 年 (expected a date in ${value.year} or later, found "${value.published.date}")`,
      });
    }
  });

export type ReportFile = z.output<typeof reportFileSchema>;
