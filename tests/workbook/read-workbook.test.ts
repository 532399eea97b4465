import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/workbook/read-workbook.ts';
import { formatWorkbookIssue } from '../../src/workbook/workbook-issue.ts';
import { edit, editionOf, readEditionTexts, setCell, sheet, SMALL, templateOf, type EditableSheet } from './workbook-fixture.ts';

const texts = readEditionTexts(SMALL);
const edition = editionOf(texts);

function read(change: (sheets: EditableSheet[]) => void, kind: 'xlsx' | 'csv' = 'xlsx') {
  const sheets = templateOf(texts);
  change(sheets);
  const reading = readWorkbook(edition, kind === 'csv' ? [sheet(sheets, '得分')] : sheets, kind);
  return { ...reading, issues: reading.issues.map(formatWorkbookIssue), notices: reading.notices.map(formatWorkbookIssue) };
}

describe('readWorkbook(edition, sheets, kind)', () => {
  it('finds nothing to change in the edition\'s own template', () => {
    expect(read(() => {})).toEqual({ changes: [], issues: [], notices: [] });
  });

  // Each slip, the cell it is reported at, and a part of the message.
  const slips: Array<[string, (s: EditableSheet[]) => void, string]> = [
    ['a renamed sheet, naming the expected sheets', (s) => (sheet(s, '问卷').name = '问卷调查'), '问卷调查: 未知的工作表；工作表不能改名、增加或删除 (expected sheets 得分, 牵头部门评估, 问卷, found "问卷调查")'],
    ['the sheet that went missing with it', (s) => (sheet(s, '问卷').name = '问卷调查'), '问卷: 缺少工作表“问卷”'],
    ['an unknown unit id', (s) => setCell(s, '得分', 'C3', 'betta'), '得分!C3: 未知的单位编号，须为 units.yaml 中的 id；是否应为 乙县 (beta)？ (expected a unit id, found "betta")'],
    ['an unknown experience id', (s) => setCell(s, '得分', 'A2', 'smart-courts'), '得分!A2: 未知的经验编号'],
    ['a missing id', (s) => setCell(s, '得分', 'C3', null), '得分!C3: 缺少单位编号'],
    ['the row that the missing id leaves unplaced', (s) => setCell(s, '得分', 'C3', null), '得分!A2: 缺少经验 smart-court 与单位 beta（乙县）的行'],
    ['a repeated row', (s) => setCell(s, '得分', 'C3', 'alpha'), '得分!A3: 经验 smart-court 与单位 alpha 的行重复，第 2 行已有'],
    ['text where a number belongs', (s) => setCell(s, '得分', 'E2', '九十六'), '得分!E2: 应填写 0～100 的数字 (expected a number, found "九十六")'],
    ['a percentage where a number belongs', (s) => setCell(s, '得分', 'F2', '15%'), '得分!F2: 不能填写百分数'],
    ['a score above the scale', (s) => setCell(s, '得分', 'G2', 105), '得分!G2: 得分超出 0～100 的范围 (expected a number from 0 to 100, found 105)'],
    ['a negative score', (s) => setCell(s, '得分', 'G2', '-1'), '得分!G2: 得分超出 0～100 的范围'],
    ['不适用 for a unit the experience applies to', (s) => setCell(s, '得分', 'E2', '不适用'), '得分!E2: smart-court 适用于甲区，不能填“不适用”'],
    ['a score for a unit the experience does not apply to', (s) => setCell(s, '得分', 'F7', 90), '得分!F7: 该经验不适用于丙新区（不适合在丙新区推广），各评估方式都应填“不适用”'],
    ['an applicable row with no score at all', (s) => ['E2', 'F2', 'G2'].forEach((a) => setCell(s, '得分', a, null)), '得分!E2: 甲区在此经验中适用，至少要有一种评估方式的得分'],
    ['an unknown column', (s) => setCell(s, '得分', 'I1', '审核人'), '得分!I1: 未知的列标题'],
    ['a column without header holding something', (s) => setCell(s, '得分', 'J4', 'x'), '得分!J4: 此列没有列标题'],
    ['a missing column', (s) => setCell(s, '得分', 'G1', '问卷'), '得分!A1: 缺少列：“问卷评估”'],
    ['a criterion above its full marks', (s) => setCell(s, '牵头部门评估', 'E2', 41), '牵头部门评估!E2: 得分超出该指标 0～40 的范围'],
    ['an empty criterion', (s) => setCell(s, '牵头部门评估', 'D3', null), '牵头部门评估!D3: 牵头部门评估的每项指标都须打分'],
    ['a repeated lead row', (s) => setCell(s, '牵头部门评估', 'A3', 'smart-court'), '牵头部门评估!A3: 经验 smart-court 的行重复'],
    ['the lead row that went missing with it', (s) => setCell(s, '牵头部门评估', 'A3', 'smart-court'), '牵头部门评估!A1: 缺少经验 family-doctor'],
    ['a missing 知晓 row', (s) => sheet(s, '问卷').rows.splice(5, 1), '问卷!A1: 缺少“知晓:推行互联网+家庭医生签约服务”一行'],
    ['a count that is not whole', (s) => setCell(s, '问卷', 'B3', 99.5), '问卷!B3: 人数应为不小于 0 的整数'],
    ['an empty fixed count', (s) => setCell(s, '问卷', 'B2', null), '问卷!B2: 须填写人数'],
    ['an awareness row for an unknown experience', (s) => setCell(s, '问卷', 'A5', '知晓:建设智能法院服务平台'), '问卷!A5: 未知的经验编号'],
    ['an unknown survey item', (s) => setCell(s, '问卷', 'A4', '很满意'), '问卷!A4: 未知的项目'],
    ['merged score cells', (s) => (sheet(s, '得分').merges = ['E2:E3']), '得分!E2: 分数单元格不能合并，请取消合并 E2:E3'],
    ['merged headers', (s) => (sheet(s, '得分').merges = ['A1:B1']), '得分!A1: 列标题不能合并单元格'],
    ['a formula without its saved value', (s) => (sheet(s, '得分').facts = new Map([['E2', { formula: 'uncached' }]])), '得分!E2: 公式没有保存计算结果'],
  ];
  it.each(slips)('names the cell of %s', (_name, change, expected) => {
    const { issues } = read(change);
    expect(issues.some((i) => i.includes(expected)), issues.join('\n')).toBe(true);
  });

  it('reads values as clients write them: numbers as text, spaces, full-width digits, extra empty rows, columns in another order', () => {
    const { issues, changes } = read((s) => {
      const scores = sheet(s, '得分');
      setCell(s, '得分', 'E2', ' 96 ');
      setCell(s, '得分', 'F2', '９４');
      setCell(s, '得分', 'C3', 'beta  ');
      scores.rows.splice(4, 0, [], [null, '  ', null]);
      scores.rows.unshift([]);
      for (const row of scores.rows) row.reverse();
    });
    expect(issues).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('reads a sheet whose name and 备注 columns were deleted, by its ids alone', () => {
    const { issues, changes } = read((s) => {
      for (const name of ['得分', '牵头部门评估']) {
        const rows = sheet(s, name).rows;
        const drop = new Set(rows[0]!.map((h, c) => (['创新改革经验', '单位', '备注', '牵头部门'].includes(String(h)) ? c : -1)));
        sheet(s, name).rows = rows.map((r) => r.filter((_, c) => !drop.has(c)));
      }
    });
    expect(issues).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('shows a merged id or name in every cell of its range', () => {
    const { issues, changes } = read((s) => {
      for (const a of ['A3', 'A4', 'B3', 'B4']) setCell(s, '得分', a, null);
      sheet(s, '得分').merges = ['A2:A4', 'B2:B4'];
    });
    expect(issues).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('lists changes, removed and added methods, leaving a criterion map whose sum is unchanged', () => {
    const { issues, changes } = read((s) => {
      setCell(s, '得分', 'E2', 97.5);
      setCell(s, '得分', 'G2', null);
      setCell(s, '得分', 'G8', 88);
      setCell(s, '得分', 'E10', 95);
      setCell(s, '牵头部门评估', 'D2', 58);
      setCell(s, '问卷', 'B8', 12);
    });
    expect(issues).toEqual([]);
    expect(changes.map((c) => [c.target.part, c.target.path.join('.'), c.before, c.after])).toEqual([
      [0, 'scores.alpha.department', 96, 97.5],
      [0, 'scores.alpha.survey', 90, undefined],
      [2, 'scores.alpha.survey', undefined, 88],
      [0, 'lead_assessment.work', 57, 58],
      ['survey', 'awareness.health-cloud', undefined, 12],
    ]);
  });

  it('notes a name that differs from its id\'s and a changed 备注, without stopping', () => {
    const { issues, notices } = read((s) => {
      setCell(s, '得分', 'D2', '甲县');
      setCell(s, '得分', 'H7', '改了原因');
    });
    expect(issues).toEqual([]);
    expect(notices[0]).toMatch(/^得分!D2: 名称与编号不符，以编号为准/);
    expect(notices[1]).toMatch(/^得分!H7: 备注不会导入/);
  });

  it('refuses to guess columns when two methods share a name', () => {
    const same = editionOf(edit(texts, 'scheme.yaml', 'name: 区县评估', 'name: 部门评估'));
    const reading = readWorkbook(same, templateOf(texts), 'xlsx');
    expect(reading.issues.map(formatWorkbookIssue)).toEqual([expect.stringMatching(/^得分: 评估方式或指标的名称重复/)]);
  });

  it('takes a sheet name with a stray space as that sheet', () => {
    expect(read((s) => (sheet(s, '问卷').name = '问卷 ')).issues).toEqual([]);
  });

  it('takes an awareness row by experience id as well as by title', () => {
    const { issues, changes } = read((s) => setCell(s, '问卷', 'A5', '知晓：smart-court'));
    expect(issues).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('reads a CSV as the 得分 sheet alone', () => {
    expect(read(() => {}, 'csv')).toEqual({ changes: [], issues: [], notices: [] });
  });
});
