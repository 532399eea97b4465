/**
 * An edition → the score workbook's sheets as rows of values, exactly as
 * the contract lays them out. Pure; `write-xlsx.ts` turns them into a file.
 */
import { methodScore } from '../scoring/method-score.ts';
import type { Edition } from '../schema/edition.ts';
import { denoise } from './cell-value.ts';
import { leadHeaders, NOT_APPLICABLE_MARK, scoreHeaders, sharedHeaders, SHEETS, SURVEY_COLUMNS, SURVEY_ROWS } from './layout.ts';
import { awarenessLabel } from './read-survey-sheet.ts';

/** What a column holds: ids (kept as text), other text, or numbers. */
export type ColumnKind = 'id' | 'text' | 'number';

/** One sheet of the template: its name, its rows (the first is the header) and what each column holds. */
export interface TemplateSheet {
  name: string;
  rows: Array<Array<string | number | null>>;
  columns: ColumnKind[];
}

/**
 * The three sheets for an edition. 得分: one row per experience and unit
 * in source order, a method's score (a criterion map as its sum) or an
 * empty cell where the unit lacks the method, `不适用` in every method
 * cell and the reason in 备注 for a unit the experience does not apply
 * to. 牵头部门评估: one row per experience. 问卷: 发放, 有效, 满意, then
 * one 知晓 row per experience (empty when it was not surveyed). Throws
 * when two columns would have the same header (two methods of one name).
 *
 * @example
 * templateSheets(edition).map((s) => s.name) // ['得分', '牵头部门评估', '问卷']
 */
export function templateSheets(edition: Edition): TemplateSheet[] {
  const { methods, criteria } = edition.scheme;
  const shared = [...sharedHeaders(scoreHeaders(edition.scheme)), ...sharedHeaders(leadHeaders(edition.scheme))];
  if (shared.length > 0) {
    throw new Error(`scheme.yaml 中评估方式或指标的名称重复（或与固定列同名），工作簿无法区分这些列：${shared.join('、')} (expected distinct column headers, found repeated ones)`);
  }
  const departmentName = new Map(edition.departments.map((d) => [d.id, d.name]));

  const scoreRows: TemplateSheet['rows'] = [scoreHeaders(edition.scheme)];
  for (const experience of edition.experiences) {
    for (const unit of edition.units) {
      const reason = experience.not_applicable[unit.id];
      const scores = experience.scores[unit.id] ?? {};
      const cells =
        reason !== undefined
          ? methods.map(() => NOT_APPLICABLE_MARK)
          : methods.map((m) => {
              const score = scores[m.id];
              return score === undefined ? null : denoise(methodScore(score));
            });
      scoreRows.push([experience.id, experience.title, unit.id, unit.name, ...cells, reason ?? null]);
    }
  }

  const leadRows: TemplateSheet['rows'] = [leadHeaders(edition.scheme)];
  for (const experience of edition.experiences) {
    leadRows.push([
      experience.id,
      experience.title,
      departmentName.get(experience.lead) ?? experience.lead,
      ...criteria.map((c) => experience.lead_assessment[c.id] ?? null),
    ]);
  }

  const { survey } = edition;
  const surveyRows: TemplateSheet['rows'] = [
    [SURVEY_COLUMNS.item, SURVEY_COLUMNS.count],
    [SURVEY_ROWS.issued, survey.issued],
    [SURVEY_ROWS.valid, survey.valid],
    [SURVEY_ROWS.satisfied, survey.satisfied],
    ...edition.experiences.map((e) => [awarenessLabel(edition, e), survey.awareness[e.id] ?? null]),
  ];

  return [
    { name: SHEETS.scores, rows: scoreRows, columns: ['id', 'text', 'id', 'text', ...methods.map((): ColumnKind => 'number'), 'text'] },
    { name: SHEETS.lead, rows: leadRows, columns: ['id', 'text', 'text', ...criteria.map((): ColumnKind => 'number')] },
    { name: SHEETS.survey, rows: surveyRows, columns: ['text', 'number'] },
  ];
}
