import { describe, expect, it } from 'vitest';
import { annexCsv, BOM, CSV_TIE_NOTE } from '../../src/downloads/csv.ts';
import { parseCsv } from './parse-csv.ts';
import { fixtureReport } from './report-fixture.ts';

/** The ranked rows of a parsed CSV: those whose first field is a rank. */
const ranked = (rows: string[][]) => rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
/** The note rows under them. */
const notes = (rows: string[][]) => rows.slice(1).filter((r) => !/^\d+$/.test(r[0] ?? ''));

describe('annexCsv(report, n)', () => {
  const report = fixtureReport();

  it('starts with a byte order mark and ends every line with CRLF', () => {
    for (const n of [1, 2, 3] as const) {
      const csv = annexCsv(report, n);
      expect(csv.startsWith(BOM)).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it.each([
    [1, ['排名', '单位', '得分']],
    [2, ['排名', '牵头部门', '得分']],
    [3, ['排名', '创新改革经验', '牵头部门', '得分']],
  ] as const)('writes the contract header for annex %i', (n, header) => {
    expect(parseCsv(annexCsv(report, n).slice(1))[0]).toEqual(header);
  });

  it('writes one row per unit in rank order with plain ranks and printed scores', () => {
    const rows = ranked(parseCsv(annexCsv(report, 1).slice(1)));
    expect(rows).toEqual(report.units.map((u) => [String(u.rank), u.name, u.text]));
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '2']);
  });

  it('leaves out a department that leads nothing', () => {
    const rows = parseCsv(annexCsv(report, 2).slice(1)).slice(1);
    expect(rows.map((r) => r[1])).toEqual(['市人大常委会', '市公安局']);
  });

  it('names the lead department of each experience in annex 3', () => {
    const rows = parseCsv(annexCsv(report, 3).slice(1)).slice(1);
    expect(rows).toEqual(report.experiences.map((e) => [String(e.rank), e.title, e.leadName, e.text]));
  });

  it('keeps a negative score a number and makes hostile names inert', () => {
    const hostile = fixtureReport({ units: ['=cmd|calc', '甲,"乙"', '<script>alert(1)</script>'] });
    const csv = annexCsv(hostile, 1);
    const rows = ranked(parseCsv(csv.slice(1)));
    expect(rows.map((r) => r[1])).toEqual(["'=cmd|calc", '甲,"乙"', '<script>alert(1)</script>']);
    expect(rows.map((r) => r[2])).toEqual(['95.12', '-1.50', '-1.50']);
    expect(csv).toContain('"甲,""乙"""');
  });

  it('ends with a note row for a shared rank and one for the 示意 notice, each as wide as the header', () => {
    const notice = '说明：附件1所列得分系示意值，非原报告公布数值。';
    const marked = { ...report, provenance: { ...report.provenance, annexNotices: { ...report.provenance.annexNotices, units: notice } } };
    const rows = parseCsv(annexCsv(marked, 1).slice(1));
    expect(notes(rows)).toEqual([[notice, '', ''], [CSV_TIE_NOTE, '', '']]);
    expect(rows.slice(-2)).toEqual(notes(rows));
  });

  it('quotes a 示意 wording with commas, quotes and a formula so its note row stays one row as wide as the header', () => {
    const notice = '说明：附件2=HYPERLINK("x"),<b>示意</b>';
    const marked = { ...report, provenance: { ...report.provenance, annexNotices: { ...report.provenance.annexNotices, departments: notice } } };
    const rows = parseCsv(annexCsv(marked, 2).slice(1));
    expect(notes(rows)[0]).toEqual([notice, '', '']);
  });

  it('writes no note row for an annex of published, untied figures', () => {
    const rows = parseCsv(annexCsv(report, 3).slice(1));
    const tied = report.experiences.some((e) => e.tied);
    const notice = report.provenance.annexNotices.experiences;
    expect(notes(rows)).toEqual([...(notice ? [[notice, '', '', '']] : []), ...(tied ? [[CSV_TIE_NOTE, '', '', '']] : [])]);
    if (!tied && !notice) expect(rows).toHaveLength(report.experiences.length + 1);
  });
});
