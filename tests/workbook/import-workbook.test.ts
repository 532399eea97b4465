import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiff } from '../../src/diff/format-diff.ts';
import { formatWorkbookIssue } from '../../src/workbook/workbook-issue.ts';
import {
  edit,
  editionOf,
  importIn,
  readEditionTexts,
  refusal,
  setCell,
  SMALL,
  smallWithoutReported,
  templateOf,
  writtenText,
  type EditableSheet,
} from './workbook-fixture.ts';

const free = smallWithoutReported();

/** The small fixture (without printed figures unless `texts` says otherwise), its template changed, imported. */
function importWith(change: (sheets: EditableSheet[]) => void, texts = free) {
  const sheets = templateOf(texts);
  change(sheets);
  return importIn(texts, sheets);
}

describe('importWorkbook(input)', () => {
  it.each(['tests/fixtures/small/data', 'tests/fixtures/other/data', 'tests/fixtures/hostile/data', 'data'])(
    'writes nothing for the unchanged template of %s',
    (dir) => {
      const texts = readEditionTexts(dir);
      const outcome = importIn(texts, templateOf(texts));
      expect(outcome.status).toBe('ok');
      if (outcome.status === 'ok') {
        expect(outcome.written).toEqual([]);
        expect(formatDiff(outcome.diff)).toBe('排名无变化。\n');
      }
    },
  );

  it('replaces a changed score in place and nothing else', () => {
    const outcome = importWith((s) => setCell(s, '得分', 'E2', 97.5));
    const expected = edit(free, 'experiences/01-smart-court.yaml', 'alpha: {department: 96,', 'alpha: {department: 97.5,');
    expect(writtenText(outcome, 'experiences/01-smart-court.yaml')).toBe(expected.get('experiences/01-smart-court.yaml'));
    expect(outcome.status === 'ok' && outcome.written.map((w) => [w.file, w.changes])).toEqual([['data/experiences/01-smart-court.yaml', 1]]);
  });

  it('adds a method a unit lacked after its predecessor, and removes one whose cell was emptied', () => {
    const outcome = importWith((s) => {
      setCell(s, '得分', 'G8', 88);
      setCell(s, '得分', 'F9', null);
    });
    const expected = edit(
      edit(free, 'experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90, unit: 90, survey: 88}'),
      'experiences/03-court-mediation.yaml',
      'beta: {department: 88, unit: 86, survey: 84}',
      'beta: {department: 88, survey: 84}',
    );
    expect(writtenText(outcome, 'experiences/03-court-mediation.yaml')).toBe(expected.get('experiences/03-court-mediation.yaml'));
  });

  it('keeps a criterion map while its sum is unchanged, and replaces it by the number, with a notice, when it changes', () => {
    const kept = importWith((s) => setCell(s, '得分', 'E10', '95'));
    expect(kept.status === 'ok' && kept.written).toEqual([]);
    const replaced = importWith((s) => setCell(s, '得分', 'E10', 96));
    const expected = edit(free, 'experiences/03-court-mediation.yaml', 'department: {work: 57, effect: 38}', 'department: 96');
    expect(writtenText(replaced, 'experiences/03-court-mediation.yaml')).toBe(expected.get('experiences/03-court-mediation.yaml'));
    expect(replaced.status === 'ok' && replaced.notices.map(formatWorkbookIssue)).toEqual([
      '得分!E10: 原为按指标给分（工作推进 57、实际效果 38），合计与单元格不同，改记为总分 96，指标明细已删除',
    ]);
  });

  it('writes lead-assessment points and survey counts, adding an awareness count in experience order', () => {
    const outcome = importWith((s) => {
      setCell(s, '牵头部门评估', 'E3', 37);
      setCell(s, '问卷', 'B4', 90);
      setCell(s, '问卷', 'B8', 12);
    });
    expect(writtenText(outcome, 'experiences/02-family-doctor.yaml')).toBe(
      edit(free, 'experiences/02-family-doctor.yaml', 'lead_assessment: {work: 54, effect: 36}', 'lead_assessment: {work: 54, effect: 37}').get('experiences/02-family-doctor.yaml'),
    );
    expect(writtenText(outcome, 'survey.yaml')).toBe(
      edit(edit(free, 'survey.yaml', 'satisfied: 87', 'satisfied: 90'), 'survey.yaml', '  court-mediation: 20\n', '  court-mediation: 20\n  health-cloud: 12\n').get('survey.yaml'),
    );
  });

  it('adds an awareness mapping to a survey.yaml that had none', () => {
    const texts = edit(edit(free, 'survey.yaml', 'awareness:\n  smart-court: 64\n  family-doctor: 35\n  court-mediation: 20\n', ''), 'survey.yaml', 'illustrative: [awareness]\n', '');
    const outcome = importWith((s) => setCell(s, '问卷', 'B6', 30), texts);
    expect(writtenText(outcome, 'survey.yaml')).toMatch(/\nsatisfied: 87\nawareness: \{family-doctor: 30\}\n$/);
  });

  it('refuses a change that breaks a printed figure, naming the figure and the cells that feed it', () => {
    const texts = readEditionTexts(SMALL);
    const issues = refusal(importWith((s) => { setCell(s, '得分', 'E2', 70); setCell(s, '问卷', 'B4', 95); }, texts));
    expect(issues).toContain(
      '得分!E2: 导入后与报告所载数字不符：data/report.yaml:23:25 reported.spread:smart-court；如确为新数据，请同时修改该印刷数字 (expected "16" as printed, found "20" as computed)',
    );
    expect(issues.some((i) => i.startsWith('问卷!B4: 导入后与报告所载数字不符：data/report.yaml:20:17 reported.satisfaction'))).toBe(true);
    expect(issues.some((i) => i.startsWith('得分!E2: 导入后与报告所载数字不符：data/report.yaml:18:14 reported.unit_mean'))).toBe(true);
  });

  it('refuses counts that break a rule between fields, at the cell that changed', () => {
    const issues = refusal(importWith((s) => setCell(s, '问卷', 'B4', 101)));
    expect(issues).toEqual(['问卷!B4: 导入后数据不符合规则：data/survey.yaml:4:12 satisfied: 满意人数不能多于有效问卷数 (expected at most 100, found 101)']);
  });

  it('refuses, at its cells, a change it cannot make in place, writing nothing', () => {
    const texts = edit(free, 'experiences/01-smart-court.yaml', 'alpha: {department: 96, unit: 94,', 'alpha: {department: &d 96, unit: *d,');
    const issues = refusal(importWith((s) => { setCell(s, '得分', 'F2', 95); setCell(s, '得分', 'G3', 80); }, texts));
    expect(issues).toEqual([
      expect.stringMatching(/^得分!F2、得分!G3: data\/experiences\/01-smart-court\.yaml 无法在原处修改，未写入：无法在原处修改 unit：它的写法不是普通数字/),
    ]);
  });

  it('reads nothing when the edition itself is invalid', () => {
    const texts = edit(free, 'units.yaml', 'name: 乙县', 'name: ""');
    expect(importIn(texts, templateOf(free)).status).toBe('edition-invalid');
  });

  it('reports how the rankings moved', () => {
    const outcome = importWith((s) => ['E2', 'F2', 'G2'].forEach((a) => setCell(s, '得分', a, 10)));
    expect(outcome.status).toBe('ok');
    if (outcome.status === 'ok') expect(formatDiff(outcome.diff)).toMatch(/甲区 +[\d.]+ → [\d.]+ +1 → 3/);
  });

  it('leaves the edition holding exactly the workbook\'s scores, touches no other file, and a second import finds nothing', () => {
    let written = 0;
    const cells = ['E2', 'F3', 'G4', 'E5', 'F6', 'G8', 'E9', 'E10', 'F10', 'G10', 'G11', 'E12', 'F13'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...cells), fc.option(fc.integer({ min: 0, max: 200 }).map((n) => n / 2))), { maxLength: 8 }), (changes) => {
        const sheets = templateOf(free);
        for (const [address, value] of changes) setCell(sheets, '得分', address, value);
        const emptiedRow = ['2', '3', '4', '5', '6', '8', '9', '10', '11', '12', '13'].some((row) =>
          ['E', 'F', 'G'].every((c) => sheets[0]!.rows[Number(row) - 1]![c.charCodeAt(0) - 65] === null),
        );
        const outcome = importIn(free, sheets);
        if (emptiedRow) return expect(outcome.status).toBe('refused');
        expect(outcome.status).toBe('ok');
        if (outcome.status !== 'ok') return;
        written += outcome.written.length;
        const after = new Map(free);
        for (const w of outcome.written) after.set(w.file.slice('data/'.length), w.text);
        for (const [name, text] of free) {
          if (!name.startsWith('experiences/')) expect(after.get(name)).toBe(text);
        }
        expect(templateOf(after)[0]!.rows).toEqual(sheets[0]!.rows);
        const again = importIn(after, sheets);
        expect(again.status === 'ok' && again.written).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(written).toBeGreaterThan(0);
  });
});
