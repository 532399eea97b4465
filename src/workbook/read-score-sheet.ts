/**
 * The 得分 sheet → changed method scores: one row per experience and
 * unit, found by their ids; method columns by method name.
 */
import { describeValue } from '../data/errors.ts';
import { methodScore } from '../scoring/method-score.ts';
import type { Edition } from '../schema/edition.ts';
import { denoise, readNumberCell, readTextCell, textInsteadOfNumber } from './cell-value.ts';
import { cellAddress } from './cell-address.ts';
import { NOT_APPLICABLE_MARK, normalizeLabel, SCORE_COLUMNS, SHEETS } from './layout.ts';
import type { ColumnSpec, SheetTable } from './sheet-table.ts';
import { unknownIdMessage } from './unknown-id.ts';
import type { SheetReading } from './workbook-change.ts';

/**
 * The columns of the 得分 sheet for an edition's scheme.
 *
 * @example
 * scoreColumnSpecs(edition).map((c) => c.header) // ['经验编号', '创新改革经验', '单位编号', '单位', '区县评估', …, '备注']
 */
export function scoreColumnSpecs(edition: Pick<Edition, 'scheme'>): ColumnSpec[] {
  const c = SCORE_COLUMNS;
  return [
    { header: c.experience, numeric: false },
    { header: c.title, numeric: false, optional: true },
    { header: c.unit, numeric: false },
    { header: c.unitName, numeric: false, optional: true },
    ...edition.scheme.methods.map((m) => ({ header: m.name, numeric: true })),
    { header: c.note, numeric: false, optional: true },
  ];
}

/**
 * Reads the 得分 table against the edition into `out`. Each row is placed
 * by its 经验编号 and 单位编号; every experience and unit needs exactly one
 * row. A unit the experience does not apply to has `不适用` in every method
 * cell; an applicable one has numbers in 0..scale (an empty cell is a
 * missing method, but not all of them). A criterion-map score counts as
 * unchanged while the cell equals its sum. Names that differ from the
 * edition's, and a changed 备注 on a not-applicable row, are notices only.
 *
 * @example
 * const out = { changes: [], issues: [], notices: [] };
 * readScoreSheet(table, edition, out);
 * out.changes[0] // { sheet: '得分', row: 6, column: 5, target: { part: 4, path: ['scores', 'zichuan', 'forum'] }, before: 94.5, after: 95 }
 */
export function readScoreSheet(table: SheetTable, edition: Edition, out: SheetReading): void {
  const sheet = SHEETS.scores;
  const col = (header: string) => table.columns.get(header)!;
  const experienceIndex = new Map(edition.experiences.map((e, i) => [e.id, i]));
  const units = new Map(edition.units.map((u) => [u.id, u]));
  const seen = new Map<string, number>();
  const firstRowOf = new Map<string, number>();
  const issue = (row: number, column: number, message: string) => out.issues.push({ sheet, row, column, message });
  const notice = (row: number, column: number, message: string) => out.notices.push({ sheet, row, column, message });

  for (const row of table.dataRows) {
    const experienceId = readId(table, { row, column: col(SCORE_COLUMNS.experience) }, '经验编号', issue);
    const unitId = readId(table, { row, column: col(SCORE_COLUMNS.unit) }, '单位编号', issue);
    const index = experienceId === undefined ? undefined : experienceIndex.get(experienceId);
    if (experienceId !== undefined && index === undefined) {
      issue(row, col(SCORE_COLUMNS.experience), unknownIdMessage({ what: '经验', file: 'experiences/*.yaml', found: experienceId, known: edition.experiences.map((e) => ({ id: e.id, name: e.title })) }));
    }
    const unit = unitId === undefined ? undefined : units.get(unitId);
    if (unitId !== undefined && !unit) {
      issue(row, col(SCORE_COLUMNS.unit), unknownIdMessage({ what: '单位', file: 'units.yaml', found: unitId, known: edition.units }));
    }
    if (index === undefined || !unit) continue;
    const experience = edition.experiences[index]!;
    if (!firstRowOf.has(experience.id)) firstRowOf.set(experience.id, row);

    const key = `${experience.id}\0${unit.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issue(row, col(SCORE_COLUMNS.experience), `经验 ${experience.id} 与单位 ${unit.id} 的行重复，第 ${earlier + 1} 行已有 (expected one row per experience and unit, found a second one)`);
      continue;
    }
    seen.set(key, row);
    nameNotice(table, { row, column: table.columns.get(SCORE_COLUMNS.title) }, experience.title, notice);
    nameNotice(table, { row, column: table.columns.get(SCORE_COLUMNS.unitName) }, unit.name, notice);

    const reason = experience.not_applicable[unit.id];
    if (reason !== undefined) {
      readNotApplicableRow({ table, row, edition, reason, unitName: unit.name, issue });
      const noteColumn = table.columns.get(SCORE_COLUMNS.note);
      const note = noteColumn === undefined ? undefined : readTextCell(table.value(row, noteColumn));
      if (note !== undefined && note !== null && normalizeLabel(note) !== normalizeLabel(reason)) {
        notice(row, noteColumn!, `备注不会导入；不适用的原因请在 ${experience.id} 的经验文件 not_applicable 中修改 (expected the reason as in the data, found ${describeValue(note)})`);
      }
      continue;
    }

    // An applicable unit: a number or nothing in each method cell.
    readApplicableRow({ table, row, edition, index, unit, out });
  }

  // Every experience and unit has its row (an experience missing altogether is one issue).
  for (const experience of edition.experiences) {
    const missing = edition.units.filter((unit) => !seen.has(`${experience.id}\0${unit.id}`));
    const at = firstRowOf.get(experience.id);
    if (at === undefined && missing.length > 1) {
      issue(table.headerRow, col(SCORE_COLUMNS.experience), `缺少经验 ${experience.id}（${experience.title}）的全部 ${missing.length} 行 (expected one row per experience and unit, found none)`);
      continue;
    }
    for (const unit of missing) {
      issue(at ?? table.headerRow, col(SCORE_COLUMNS.experience), `缺少经验 ${experience.id} 与单位 ${unit.id}（${unit.name}）的行 (expected one row per experience and unit, found none)`);
    }
  }
}

/**
 * True when a cell's number leaves the edition's score as it is: a
 * criterion map counts as its sum, both sides at 12 significant digits;
 * absent on both sides is the same too.
 *
 * @example
 * sameScore({ work: 57, effect: 38 }, 95) // true
 * sameScore(96, undefined)                // false
 */
export function sameScore(before: number | Readonly<Record<string, number>> | undefined, after: number | undefined): boolean {
  if (before === undefined || after === undefined) return before === after;
  return denoise(methodScore(before)) === denoise(after);
}

/**
 * Reads an id cell; an empty cell, or one that is not text, is an issue
 * at that cell (and gives undefined).
 *
 * @example
 * readId(table, { row: 6, column: 0 }, '经验编号', issue) // 'minor-criminal-cases'
 */
export function readId(table: SheetTable, at: { row: number; column: number }, label: string, issue: (row: number, column: number, message: string) => void): string | undefined {
  const { row, column } = at;
  const text = readTextCell(table.value(row, column));
  if (text === undefined) {
    issue(row, column, `缺少${label}；每一行都要有${label}，请从模板复制 (expected an id, found an empty cell)`);
    return undefined;
  }
  if (text === null) {
    issue(row, column, `${label}应为文字 (expected an id, found ${String(table.value(row, column))})`);
    return undefined;
  }
  return text;
}

/**
 * A notice when the name beside an id is not the edition's name for it
 * (compared without spaces); the id decides, the name is for people. A
 * name column left out of the sheet gives none.
 *
 * @example
 * nameNotice(table, { row: 6, column: 3 }, '淄川区', notice) // notices '名称与编号不符，以编号为准…' when D7 says 张店区
 */
export function nameNotice(table: SheetTable, at: { row: number; column: number | undefined }, expected: string, notice: (row: number, column: number, message: string) => void): void {
  const { row, column } = at;
  if (column === undefined) return;
  const text = readTextCell(table.value(row, column));
  if (typeof text !== 'string' || normalizeLabel(text) === normalizeLabel(expected)) return;
  notice(row, column, `名称与编号不符，以编号为准：${cellAddress(row, column)} 是“${text}”，编号对应“${expected}” (expected ${describeValue(expected)}, found ${describeValue(text)})`);
}

function readNotApplicableRow(options: {
  table: SheetTable;
  row: number;
  edition: Edition;
  reason: string;
  unitName: string;
  issue: (row: number, column: number, message: string) => void;
}): void {
  const { table, row, edition, reason, unitName, issue } = options;
  for (const method of edition.scheme.methods) {
    const column = table.columns.get(method.name)!;
    const text = readTextCell(table.value(row, column));
    if (typeof text === 'string' && normalizeLabel(text) === NOT_APPLICABLE_MARK) continue;
    const found = text === undefined ? 'an empty cell' : describeValue(String(table.value(row, column)));
    issue(row, column, `该经验不适用于${unitName}（${reason}），各评估方式都应填“不适用”；要改为适用，请先在经验文件的 not_applicable 中删除该单位 (expected "不适用", found ${found})`);
  }
}

/**
 * Reads the method cells of a row for a unit the experience applies to:
 * each a number in 0..scale or empty, and not all empty. A value that
 * differs from the edition's becomes a change.
 */
function readApplicableRow(options: {
  table: SheetTable;
  row: number;
  edition: Edition;
  index: number;
  unit: { id: string; name: string };
  out: SheetReading;
}): void {
  const { table, row, edition, index, unit, out } = options;
  const sheet = SHEETS.scores;
  const experience = edition.experiences[index]!;
  const scale = edition.scheme.scale;
  const issue = (column: number, message: string) => out.issues.push({ sheet, row, column, message });
  const current = experience.scores[unit.id] ?? {};
  let present = 0;
  let rowHasIssue = false;
  for (const method of edition.scheme.methods) {
    const column = table.columns.get(method.name)!;
    const cell = readNumberCell(table.value(row, column), table.fact(row, column));
    let after: number | undefined;
    if (cell.kind === 'invalid') {
      issue(column, cell.message);
      rowHasIssue = true;
      continue;
    } else if (cell.kind === 'text') {
      rowHasIssue = true;
      if (normalizeLabel(cell.text) === NOT_APPLICABLE_MARK) {
        issue(column, `${experience.id} 适用于${unit.name}，不能填“不适用”；确实不适用的，请在经验文件的 not_applicable 中登记原因 (expected a number from 0 to ${scale}, found "不适用")`);
      } else issue(column, textInsteadOfNumber(cell.text, ` 0～${scale} 的数字`));
      continue;
    } else if (cell.kind === 'number') {
      if (cell.value < 0 || cell.value > scale) {
        issue(column, `得分超出 0～${scale} 的范围 (expected a number from 0 to ${scale}, found ${cell.value})`);
        rowHasIssue = true;
        continue;
      }
      after = cell.value;
      present++;
    }
    const before = current[method.id];
    if (sameScore(before, after)) continue;
    out.changes.push({ sheet, row, column, target: { part: index, path: ['scores', unit.id, method.id] }, before, after });
  }
  if (present === 0 && !rowHasIssue) {
    issue(table.columns.get(edition.scheme.methods[0]!.name)!, `${unit.name}在此经验中适用，至少要有一种评估方式的得分 (expected at least one method score, found none)`);
  }
}
