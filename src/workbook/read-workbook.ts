/**
 * A whole workbook (or the 得分 sheet alone, from a CSV) read against an
 * edition: every sheet checked, every value placed by its ids, and the
 * values that differ from the edition listed. Pure.
 */
import { describeValue } from '../data/errors.ts';
import type { Edition } from '../schema/edition.ts';
import type { SheetInput } from './cell-value.ts';
import { normalizeLabel, SHEETS } from './layout.ts';
import { leadColumnSpecs, readLeadSheet } from './read-lead-sheet.ts';
import { readScoreSheet, scoreColumnSpecs } from './read-score-sheet.ts';
import { readSurveySheet, SURVEY_COLUMN_SPECS } from './read-survey-sheet.ts';
import { readSheetTable } from './sheet-table.ts';
import type { SheetReading } from './workbook-change.ts';

/**
 * Reads the sheets against the edition. From an xlsx file the three sheets
 * 得分, 牵头部门评估 and 问卷 must all be there, and no other (a renamed
 * sheet is named, with the expected names); a CSV is the 得分 sheet alone
 * and leaves the other two parts of the edition as they are. Every problem
 * is collected, none stops the reading of the rest.
 *
 * @example
 * const { changes, issues, notices } = readWorkbook(edition, sheets, 'xlsx');
 * issues.length === 0 // then `changes` is what the import writes
 */
export function readWorkbook(edition: Edition, sheets: readonly SheetInput[], kind: 'xlsx' | 'csv'): SheetReading {
  const out: SheetReading = { changes: [], issues: [], notices: [] };
  const expected: string[] = kind === 'csv' ? [SHEETS.scores] : Object.values(SHEETS);
  const byName = new Map<string, SheetInput>();
  for (const input of sheets) {
    // A stray space or full-width form in a sheet's name is not a rename.
    const name = expected.find((e) => normalizeLabel(e) === normalizeLabel(input.name));
    const sheet = name === undefined ? input : { ...input, name };
    if (name === undefined) {
      out.issues.push({
        sheet: sheet.name,
        message: `未知的工作表；工作表不能改名、增加或删除 (expected sheets ${expected.join(', ')}, found ${describeValue(sheet.name)})`,
      });
    } else if (byName.has(sheet.name)) {
      out.issues.push({ sheet: input.name, message: `工作表重复 (expected one sheet named ${describeValue(sheet.name)}, found another)` });
    } else byName.set(sheet.name, sheet);
  }
  for (const name of expected) {
    if (!byName.has(name)) {
      out.issues.push({ sheet: name, message: `缺少工作表“${name}” (expected sheets ${expected.join(', ')}, found ${sheets.map((s) => s.name).join(', ') || 'none'})` });
    }
  }

  const scores = byName.get(SHEETS.scores);
  const scoreTable = scores && readSheetTable(scores, scoreColumnSpecs(edition), out.issues);
  if (scoreTable) readScoreSheet(scoreTable, edition, out);
  const lead = byName.get(SHEETS.lead);
  const leadTable = lead && readSheetTable(lead, leadColumnSpecs(edition), out.issues);
  if (leadTable) readLeadSheet(leadTable, edition, out);
  const survey = byName.get(SHEETS.survey);
  const surveyTable = survey && readSheetTable(survey, SURVEY_COLUMN_SPECS, out.issues);
  if (surveyTable) readSurveySheet(surveyTable, edition, out);
  return out;
}
