/**
 * Building blocks shared by the file schemas: ids, printed figures,
 * non-negative numbers and the `illustrative` list.
 */
import { z } from 'zod';
import { describeValue } from '../data/errors.ts';

/**
 * Lowercase ASCII kebab-case, as every id in an edition is written.
 *
 * @example
 * ID_PATTERN.test('high-tech-zone') // true
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest id accepted. Unit, department and experience ids become
 * folder names and URLs of the site (`units/<id>/index.html`) and part of
 * experience file names (`NN-<id>.yaml`); ids are ASCII, so 64 characters
 * are 64 bytes, far inside every file system's 255-byte limit for a name.
 *
 * @example
 * 'a'.repeat(ID_MAX_LENGTH + 1) // refused as an id
 */
export const ID_MAX_LENGTH = 64;

/**
 * Names Windows keeps for devices: a folder called `con` or `nul` cannot
 * be created there, so a site holding `units/con/` could not be copied to
 * the Windows machines the editors use.
 *
 * @example
 * WINDOWS_DEVICE_NAME.test('aux')  // true
 * WINDOWS_DEVICE_NAME.test('auxi') // false
 */
export const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Ids of digits alone (`0`, `12`, `007`). Ids key records in report.json
 * (a scenario's ranks, a unit's method scores, a lead assessment's
 * criteria), and JavaScript puts keys that read as array indices before
 * all others, so such an id would move within every such record, and
 * report.json would list it out of the edition's order.
 *
 * @example
 * DIGITS_ONLY.test('12')      // true
 * DIGITS_ONLY.test('unit-12') // false
 */
export const DIGITS_ONLY = /^[0-9]+$/;

/**
 * An id: lowercase ASCII kebab-case (`minor-criminal-cases`), at most
 * {@link ID_MAX_LENGTH} characters, not digits alone (see
 * {@link DIGITS_ONLY}), and not a Windows device name, so it is safe as a
 * path segment everywhere the site goes.
 *
 * @example
 * id.safeParse('high-tech-zone').success // true
 * id.safeParse('High_Tech').success      // false
 * id.safeParse('con').success            // false
 * id.safeParse('2017').success           // false
 */
export const id = z
  .string()
  .regex(ID_PATTERN)
  .max(ID_MAX_LENGTH)
  .superRefine((value, ctx) => {
    if (DIGITS_ONLY.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `id 不能只有数字：纯数字的 id 在 report.json 等输出中会被当作序号排到最前，打乱原有顺序，请加上字母，如 item-${value} (expected an id with a letter, found "${value}")`,
      });
    }
    if (WINDOWS_DEVICE_NAME.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `id 不能是 Windows 的保留设备名（con、prn、aux、nul、com0～com9、lpt0～lpt9），否则网站的文件夹在 Windows 上无法建立 (expected another id, found "${value}")`,
      });
    }
  })
  .meta({ description: `id：小写英文字母、数字和连字符（kebab-case），不能只有数字，最多 ${ID_MAX_LENGTH} 个字符` });

/**
 * A printed figure quoted from the published text: always a string exactly
 * as printed (`"94.24"`, `"91%"`, `"30余"`), never a YAML number.
 *
 * @example
 * printed.safeParse('30余').success // true
 * printed.safeParse(30).success     // false
 */
export const printed = z.string().min(1).superRefine(checkText).meta({ description: '原文印刷的数字，写成带引号的字符串，如 "94.24"、"91%"、"30余"' });

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

/** Bidirectional controls: they reorder how the rest of a line is shown (U+202E turns `甲区` round). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Characters no printed text holds: controls (line breaks, tabs), format
 * characters, line and paragraph separators, lone surrogates and the
 * noncharacters XML cannot hold (the Word download would drop them).
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]/u;

/** A character a reader sees: not a space of any kind, not invisible. */
const VISIBLE_CHARACTER = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Z}]/u;

/**
 * What is wrong with a piece of printed text, as a Chinese message with
 * `(expected …, found …)`, or undefined when nothing is. Text must hold a
 * visible character (spaces, the ideographic space U+3000 and zero-width
 * characters alone are blank) and no character that is hidden or would
 * change how the line reads: bidi controls such as U+202E, other format
 * characters such as U+200B, and controls such as a line break or a tab.
 * The empty string is left to the caller (it may be allowed).
 *
 * @example
 * textProblem('张店区')        // undefined
 * textProblem('\u3000')       // '不能为空白：须含有可见的文字 (expected visible text, found "\\u3000")'
 * textProblem('甲\u202E区')    // '不能含有双向文字控制字符 U+202E（第 2 个字符）…'
 */
export function textProblem(value: string): string | undefined {
  if (value === '') return undefined;
  const hidden = HIDDEN_CHARACTER.exec(value);
  if (hidden) {
    const char = hidden[0];
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const position = [...value.slice(0, hidden.index)].length + 1;
    const at = `第 ${position} 个字符`;
    const found = `(expected printed text, found ${code} at character ${position})`;
    if (BIDI_CONTROL.test(char)) return `不能含有双向文字控制字符 ${code}（${at}），它会颠倒或打乱文字的显示顺序 ${found}`;
    if (/\p{Cc}/u.test(char)) return `不能含有换行、制表符等控制字符 ${code}（${at}）；文字须写在一行内 ${found}`;
    if (/[\p{Cf}\p{Zl}\p{Zp}]/u.test(char)) return `不能含有看不见的格式字符 ${code}（${at}），请删去后重新输入 ${found}`;
    return `不能含有无效的字符 ${code}（${at}），请删去后重新输入 ${found}`;
  }
  if (!VISIBLE_CHARACTER.test(value)) return `不能为空白：须含有可见的文字 (expected visible text, found ${describeValue(value)})`;
  return undefined;
}

/** Adds {@link textProblem}'s issue to a zod refinement. */
function checkText(value: string, ctx: z.RefinementCtx): void {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/**
 * Chinese text as printed: never empty or blank, no hidden characters
 * (see {@link textProblem}).
 *
 * @example
 * text.safeParse('').success       // false
 * text.safeParse('\u3000').success // false
 */
export const text = z.string().min(1).superRefine(checkText);

/**
 * Text that may be empty (a unit of measure printed as nothing), and
 * otherwise follows the rules of {@link text}.
 *
 * @example
 * optionalText.safeParse('').success  // true
 * optionalText.safeParse(' ').success // false
 */
export const optionalText = z.string().superRefine(checkText);

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
