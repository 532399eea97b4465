/**
 * The score workbook's layout as the contract gives it ("Score workbook"
 * in data-format.md): sheet names, column headers and row labels. The
 * template writes exactly these; the import finds columns by them.
 */
import type { SchemeFile } from '../schema/scheme-file.ts';

/**
 * The three sheets, in the order the template writes them.
 *
 * @example
 * SHEETS.scores // '得分'
 */
export const SHEETS = { scores: '得分', lead: '牵头部门评估', survey: '问卷' } as const;

/** One of the sheet names. */
export type SheetName = (typeof SHEETS)[keyof typeof SHEETS];

/**
 * What a method cell holds for a unit the experience does not apply to.
 *
 * @example
 * NOT_APPLICABLE_MARK // '不适用'
 */
export const NOT_APPLICABLE_MARK = '不适用';

/**
 * Fixed column headers of the 得分 sheet (method columns sit between `unit` and `note`).
 *
 * @example
 * SCORE_COLUMNS.experience // '经验编号'
 */
export const SCORE_COLUMNS = { experience: '经验编号', title: '创新改革经验', unit: '单位编号', unitName: '单位', note: '备注' } as const;

/**
 * Fixed column headers of the 牵头部门评估 sheet (criterion columns follow `lead`).
 *
 * @example
 * LEAD_COLUMNS.lead // '牵头部门'
 */
export const LEAD_COLUMNS = { experience: '经验编号', title: '创新改革经验', lead: '牵头部门' } as const;

/**
 * Column headers of the 问卷 sheet.
 *
 * @example
 * SURVEY_COLUMNS.count // '人数'
 */
export const SURVEY_COLUMNS = { item: '项目', count: '人数' } as const;

/**
 * The 问卷 sheet's fixed row labels, by the survey.yaml field each holds.
 *
 * @example
 * SURVEY_ROWS.valid // '有效'
 */
export const SURVEY_ROWS = { issued: '发放', valid: '有效', satisfied: '满意' } as const;

/**
 * How an awareness row's label starts: `知晓:<experience title>` (the
 * import also takes `知晓:<experience id>`, and a full-width colon).
 *
 * @example
 * `${AWARENESS_PREFIX}打造健康云数据平台` // '知晓:打造健康云数据平台'
 */
export const AWARENESS_PREFIX = '知晓:';

/**
 * The 得分 sheet's header row for a scheme.
 *
 * @example
 * scoreHeaders({ methods: [{ id: 'department', name: '部门评估', weight: 1 }] })
 * // ['经验编号', '创新改革经验', '单位编号', '单位', '部门评估', '备注']
 */
export function scoreHeaders(scheme: Pick<SchemeFile, 'methods'>): string[] {
  const c = SCORE_COLUMNS;
  return [c.experience, c.title, c.unit, c.unitName, ...scheme.methods.map((m) => m.name), c.note];
}

/**
 * The header of one criterion column: its name and full marks, `工作推进（满分25）`.
 *
 * @example
 * criterionHeader({ name: '工作推进', max: 25 }) // '工作推进（满分25）'
 */
export function criterionHeader(criterion: { name: string; max: number }): string {
  return `${criterion.name}（满分${criterion.max}）`;
}

/**
 * The 牵头部门评估 sheet's header row for a scheme.
 *
 * @example
 * leadHeaders({ criteria: [{ id: 'work', name: '工作推进', max: 60 }] })
 * // ['经验编号', '创新改革经验', '牵头部门', '工作推进（满分60）']
 */
export function leadHeaders(scheme: Pick<SchemeFile, 'criteria'>): string[] {
  const c = LEAD_COLUMNS;
  return [c.experience, c.title, c.lead, ...scheme.criteria.map(criterionHeader)];
}

/**
 * Text as a header, label or id is compared: Unicode compatibility forms
 * folded (full-width letters, digits and `：` become ASCII) and every
 * space removed, so `知晓： 标题` matches `知晓:标题`.
 *
 * @example
 * normalizeLabel(' 部门 评估 ') // '部门评估'
 * normalizeLabel('知晓：x')     // '知晓:x'
 */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Headers that two columns would share once compared as the import
 * compares them (a method named like another, or like a fixed column):
 * such a workbook could not say which column is which.
 *
 * @example
 * sharedHeaders(['经验编号', '部门评估', '部门 评估']) // ['部门 评估']
 */
export function sharedHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.filter((h) => {
    const key = normalizeLabel(h);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
