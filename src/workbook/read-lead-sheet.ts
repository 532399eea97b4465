/**
 * The 牵头部门评估 sheet → changed lead-assessment points: one row per
 * experience, found by its id; criterion columns by `名称（满分N）`.
 */
import type { Edition } from '../schema/edition.ts';
import { readNumberCell, textInsteadOfNumber } from './cell-value.ts';
import { criterionHeader, LEAD_COLUMNS, SHEETS } from './layout.ts';
import { nameNotice, readId, sameScore } from './read-score-sheet.ts';
import type { ColumnSpec, SheetTable } from './sheet-table.ts';
import { unknownIdMessage } from './unknown-id.ts';
import type { SheetReading } from './workbook-change.ts';

/**
 * The columns of the 牵头部门评估 sheet for an edition's scheme.
 *
 * @example
 * leadColumnSpecs(edition).map((c) => c.header) // ['经验编号', '创新改革经验', '牵头部门', '工作推进（满分25）', …]
 */
export function leadColumnSpecs(edition: Pick<Edition, 'scheme'>): ColumnSpec[] {
  const c = LEAD_COLUMNS;
  return [
    { header: c.experience, numeric: false },
    { header: c.title, numeric: false, optional: true },
    { header: c.lead, numeric: false, optional: true },
    ...edition.scheme.criteria.map((criterion) => ({ header: criterionHeader(criterion), numeric: true })),
  ];
}

/**
 * Reads the 牵头部门评估 table against the edition into `out`: every
 * experience needs one row, and every criterion a number from 0 to its
 * full marks (none may be left empty). The 创新改革经验 and 牵头部门 names
 * are for people; a name that differs from the edition's is a notice.
 *
 * @example
 * const out = { changes: [], issues: [], notices: [] };
 * readLeadSheet(table, edition, out);
 * out.changes[0]?.target // { part: 0, path: ['lead_assessment', 'progress'] }
 */
export function readLeadSheet(table: SheetTable, edition: Edition, out: SheetReading): void {
  const sheet = SHEETS.lead;
  const col = (header: string) => table.columns.get(header)!;
  const experienceIndex = new Map(edition.experiences.map((e, i) => [e.id, i]));
  const departmentName = new Map(edition.departments.map((d) => [d.id, d.name]));
  const seen = new Map<string, number>();
  const issue = (row: number, column: number, message: string) => out.issues.push({ sheet, row, column, message });
  const notice = (row: number, column: number, message: string) => out.notices.push({ sheet, row, column, message });

  for (const row of table.dataRows) {
    const id = readId(table, { row, column: col(LEAD_COLUMNS.experience) }, '经验编号', issue);
    if (id === undefined) continue;
    const index = experienceIndex.get(id);
    if (index === undefined) {
      issue(row, col(LEAD_COLUMNS.experience), unknownIdMessage({ what: '经验', file: 'experiences/*.yaml', found: id, known: edition.experiences.map((e) => ({ id: e.id, name: e.title })) }));
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      issue(row, col(LEAD_COLUMNS.experience), `经验 ${id} 的行重复，第 ${earlier + 1} 行已有 (expected one row per experience, found a second one)`);
      continue;
    }
    seen.set(id, row);
    const experience = edition.experiences[index]!;
    nameNotice(table, { row, column: table.columns.get(LEAD_COLUMNS.title) }, experience.title, notice);
    nameNotice(table, { row, column: table.columns.get(LEAD_COLUMNS.lead) }, departmentName.get(experience.lead) ?? experience.lead, notice);

    for (const criterion of edition.scheme.criteria) {
      const column = col(criterionHeader(criterion));
      const cell = readNumberCell(table.value(row, column), table.fact(row, column));
      const expected = ` 0～${criterion.max} 的数字`;
      if (cell.kind === 'invalid') issue(row, column, cell.message);
      else if (cell.kind === 'text') issue(row, column, textInsteadOfNumber(cell.text, expected));
      else if (cell.kind === 'empty') issue(row, column, `牵头部门评估的每项指标都须打分 (expected a number from 0 to ${criterion.max}, found an empty cell)`);
      else if (cell.value < 0 || cell.value > criterion.max) {
        issue(row, column, `得分超出该指标 0～${criterion.max} 的范围 (expected a number from 0 to ${criterion.max}, found ${cell.value})`);
      } else {
        const before = experience.lead_assessment[criterion.id];
        if (sameScore(before, cell.value)) continue;
        out.changes.push({ sheet, row, column, target: { part: index, path: ['lead_assessment', criterion.id] }, before, after: cell.value });
      }
    }
  }

  for (const experience of edition.experiences) {
    if (!seen.has(experience.id)) {
      issue(table.headerRow, col(LEAD_COLUMNS.experience), `缺少经验 ${experience.id}（${experience.title}）的行 (expected one row per experience, found none)`);
    }
  }
}
