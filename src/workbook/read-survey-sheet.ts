/**
 * The 问卷 sheet → changed questionnaire counts: rows 发放, 有效, 满意 and
 * `知晓:<experience title>` (or `知晓:<experience id>`), each with its 人数.
 */
import { describeValue } from '../data/errors.ts';
import type { Edition } from '../schema/edition.ts';
import { readNumberCell, readTextCell, textInsteadOfNumber } from './cell-value.ts';
import { AWARENESS_PREFIX, normalizeLabel, SHEETS, SURVEY_COLUMNS, SURVEY_ROWS } from './layout.ts';
import type { SheetTable } from './sheet-table.ts';
import { unknownIdMessage } from './unknown-id.ts';
import type { SheetReading } from './workbook-change.ts';

/**
 * The columns of the 问卷 sheet.
 *
 * @example
 * SURVEY_COLUMN_SPECS.map((c) => c.header) // ['项目', '人数']
 */
export const SURVEY_COLUMN_SPECS = [
  { header: SURVEY_COLUMNS.item, numeric: false },
  { header: SURVEY_COLUMNS.count, numeric: true },
] as const;

/**
 * The label of an experience's awareness row: `知晓:<title>`, or
 * `知晓:<id>` when another experience has the same title (a title must
 * name one experience).
 *
 * @example
 * awarenessLabel(edition, edition.experiences[0]) // '知晓:开展法官检察官履职评议，创新司法监督工作'
 */
export function awarenessLabel(edition: Pick<Edition, 'experiences'>, experience: { id: string; title: string }): string {
  const shared = edition.experiences.filter((e) => normalizeLabel(e.title) === normalizeLabel(experience.title)).length > 1;
  return `${AWARENESS_PREFIX}${shared ? experience.id : experience.title}`;
}

/**
 * Reads the 问卷 table against the edition into `out`. 发放, 有效 and 满意
 * need a whole number each; every experience needs its 知晓 row, whose
 * empty 人数 means "not surveyed" (its entry is removed). Checks between
 * counts (满意 ≤ 有效 …) are left to the edition's own validation.
 *
 * @example
 * const out = { changes: [], issues: [], notices: [] };
 * readSurveySheet(table, edition, out);
 * out.changes.map((c) => c.target.path) // [['valid']] when only 有效 changed
 */
export function readSurveySheet(table: SheetTable, edition: Edition, out: SheetReading): void {
  const sheet = SHEETS.survey;
  const itemColumn = table.columns.get(SURVEY_COLUMNS.item)!;
  const countColumn = table.columns.get(SURVEY_COLUMNS.count)!;
  const issue = (row: number, column: number, message: string) => out.issues.push({ sheet, row, column, message });
  const fixed = new Map<string, 'issued' | 'valid' | 'satisfied'>(
    (Object.entries(SURVEY_ROWS) as Array<['issued' | 'valid' | 'satisfied', string]>).map(([field, label]) => [label, field]),
  );
  const byTitle = new Map<string, string[]>();
  for (const e of edition.experiences) byTitle.set(normalizeLabel(e.title), [...(byTitle.get(normalizeLabel(e.title)) ?? []), e.id]);
  const ids = new Set(edition.experiences.map((e) => e.id));
  const seen = new Map<string, number>();
  const expectedItems = [...fixed.keys(), `${AWARENESS_PREFIX}<经验名称>`].join(', ');

  for (const row of table.dataRows) {
    const label = readTextCell(table.value(row, itemColumn));
    if (typeof label !== 'string') {
      issue(row, itemColumn, `缺少项目名称 (expected one of ${expectedItems}, found ${label === undefined ? 'an empty cell' : String(table.value(row, itemColumn))})`);
      continue;
    }
    const normalized = normalizeLabel(label);
    let field: readonly string[] | undefined;
    const fixedField = fixed.get(normalized);
    if (fixedField) field = [fixedField];
    else if (normalized.startsWith(AWARENESS_PREFIX)) {
      const name = normalized.slice(AWARENESS_PREFIX.length);
      const matches = ids.has(name) ? [name] : (byTitle.get(name) ?? []);
      if (matches.length > 1) {
        issue(row, itemColumn, `有 ${matches.length} 项经验同名，请改写为“知晓:经验编号”，如 知晓:${matches[0]} (expected one experience, found ${matches.join(', ')})`);
        continue;
      }
      if (matches.length === 0) {
        issue(row, itemColumn, unknownIdMessage({ what: '经验', file: 'experiences/*.yaml', found: name, known: edition.experiences.map((e) => ({ id: e.id, name: e.title })) }));
        continue;
      }
      field = ['awareness', matches[0]!];
    } else {
      issue(row, itemColumn, `未知的项目 (expected one of ${expectedItems}, found ${describeValue(label)})`);
      continue;
    }
    const key = field.join('\0');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issue(row, itemColumn, `项目重复，第 ${earlier + 1} 行已有 (expected each item once, found ${describeValue(label)} again)`);
      continue;
    }
    seen.set(key, row);

    const cell = readNumberCell(table.value(row, countColumn), table.fact(row, countColumn));
    const before = field[0] === 'awareness' ? edition.survey.awareness[field[1]!] : edition.survey[field[0] as 'issued'];
    let after: number | undefined;
    if (cell.kind === 'invalid') issue(row, countColumn, cell.message);
    else if (cell.kind === 'text') issue(row, countColumn, textInsteadOfNumber(cell.text, '人数（不小于 0 的整数）'));
    else if (cell.kind === 'empty' && field[0] !== 'awareness') issue(row, countColumn, `须填写人数 (expected a whole number, found an empty cell)`);
    else if (cell.kind === 'number' && (!Number.isInteger(cell.value) || cell.value < 0)) {
      issue(row, countColumn, `人数应为不小于 0 的整数 (expected a whole number, found ${cell.value})`);
    } else {
      after = cell.kind === 'number' ? cell.value : undefined;
      if (before !== after) out.changes.push({ sheet, row, column: countColumn, target: { part: 'survey', path: field }, before, after });
    }
  }

  const missing = [
    ...[...fixed.entries()].filter(([, f]) => !seen.has(f)).map(([label]) => label),
    ...edition.experiences.filter((e) => !seen.has(`awareness\0${e.id}`)).map((e) => awarenessLabel(edition, e)),
  ];
  for (const label of missing) issue(table.headerRow, itemColumn, `缺少“${label}”一行 (expected a row for each item, found none)`);
}
