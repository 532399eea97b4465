import { describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../../src/data/errors.ts';
import { parseEdition } from '../../src/schema/edition.ts';
import { edit, issuesOf, rawFiles, readEditionTexts } from './edition-files.ts';

const small = readEditionTexts();

/** Finds the issue on `path` and checks its file, line and message. */
function expectIssue(issues: Issue[], want: { file: string; line: number; path: string; message: RegExp }) {
  const found = issues.filter((i) => i.path === want.path && i.file === `data/${want.file}`);
  expect(found, `no issue on ${want.path} in ${want.file}; got:\n${issues.map(formatIssue).join('\n')}`).not.toHaveLength(0);
  const issue = found[0]!;
  expect(issue.line).toBe(want.line);
  expect(issue.message).toMatch(want.message);
  // The printed form names file:line:col and the field path.
  const where = `^data/${want.file.replace(/[.]/g, '\\.')}:${want.line}:\\d+`;
  const field = want.path === '' ? ':' : ` ${want.path.replace(/[.[\]]/g, '\\$&')}:`;
  expect(formatIssue(issue)).toMatch(new RegExp(`${where}${field} `));
}

describe('parseEdition(files)', () => {
  it('accepts the small fixture edition and types it', () => {
    const result = parseEdition(rawFiles(small));
    expect('edition' in result).toBe(true);
    if (!('edition' in result)) return;
    expect(result.edition.units.map((u) => u.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(result.edition.experiences.map((e) => e.id)).toEqual(['smart-court', 'family-doctor', 'court-mediation', 'health-cloud']);
    expect(result.edition.report.published.date).toBe('2021-03-15');
    expect(result.edition.experiences[0]!.status).toBe('active');
    expect(result.edition.source?.locate('report', ['reported', 'unit_mean'])).toEqual({ file: 'data/report.yaml', line: 18, column: 14 });
  });

  // One case per kind of bad input: the change, then where the issue must point.
  it.each([
    ['an unknown unit id in scores', 'experiences/01-smart-court.yaml', '  gamma: {department: 80', '  delta: {department: 80',
      { file: 'experiences/01-smart-court.yaml', line: 13, path: 'scores.delta', message: /未知的单位 id.*found "delta"/ }],
    ['an unknown unit id in not_applicable', 'experiences/02-family-doctor.yaml', '  gamma: 不适合', '  delta: 不适合',
      { file: 'experiences/02-family-doctor.yaml', line: 9, path: 'not_applicable.delta', message: /未知的单位 id/ }],
    ['an unknown department id', 'experiences/01-smart-court.yaml', 'lead: court', 'lead: courts',
      { file: 'experiences/01-smart-court.yaml', line: 5, path: 'lead', message: /未知的牵头部门 id.*found "courts"/ }],
    ['an unknown criterion id', 'experiences/01-smart-court.yaml', '{work: 57, effect: 38}', '{work: 57, effort: 38}',
      { file: 'experiences/01-smart-court.yaml', line: 9, path: 'lead_assessment.effort', message: /未知的评估指标 id/ }],
    ['an unknown method id', 'experiences/01-smart-court.yaml', 'unit: 94, survey: 90', 'unit: 94, forum: 90',
      { file: 'experiences/01-smart-court.yaml', line: 11, path: 'scores.alpha.forum', message: /未知的评估方式 id.*found "forum"/ }],
    ['a duplicate unit id', 'units.yaml', '{id: gamma, name: 丙新区}', '{id: beta, name: 丙新区}',
      { file: 'units.yaml', line: 4, path: '[2].id', message: /单位 id 重复/ }],
    ['a duplicate department id', 'departments.yaml', '{id: archive,', '{id: court,',
      { file: 'departments.yaml', line: 4, path: '[2].id', message: /牵头部门 id 重复/ }],
    ['method weights that do not sum to 1', 'scheme.yaml', 'weight: 0.5}', 'weight: 0.6}',
      { file: 'scheme.yaml', line: 7, path: 'methods', message: /权重之和应为 1 \(expected 1, found 1\.1\)/ }],
    ['criteria maxima that do not sum to the scale', 'scheme.yaml', 'max: 60}', 'max: 50}',
      { file: 'scheme.yaml', line: 4, path: 'criteria', message: /满分之和应等于满分 scale \(expected 100, found 90\)/ }],
    ['an applicable unit with no scores', 'experiences/01-smart-court.yaml', '  gamma: {department: 80, unit: 85, survey: 80}\n', '',
      { file: 'experiences/01-smart-court.yaml', line: 10, path: 'scores.gamma', message: /没有得分/ }],
    ['a unit both scored and not applicable', 'experiences/02-family-doctor.yaml', '  beta: {', '  gamma: {department: 90}\n  beta: {',
      { file: 'experiences/02-family-doctor.yaml', line: 13, path: 'scores.gamma', message: /既有得分又被列为不适用/ }],
    ['a lead assessment above its criterion maximum', 'experiences/01-smart-court.yaml', '{work: 57,', '{work: 65,',
      { file: 'experiences/01-smart-court.yaml', line: 9, path: 'lead_assessment.work', message: /超过该指标满分 \(expected at most 60, found 65\)/ }],
    ['criterion points above their maximum in a method score', 'experiences/03-court-mediation.yaml', 'department: {work: 57,', 'department: {work: 61,',
      { file: 'experiences/03-court-mediation.yaml', line: 13, path: 'scores.gamma.department.work', message: /超过该指标满分/ }],
    ['a score above the scale', 'experiences/01-smart-court.yaml', '{department: 96,', '{department: 105,',
      { file: 'experiences/01-smart-court.yaml', line: 11, path: 'scores.alpha.department', message: /expected a number from 0 to 100, found 105/ }],
    ['a negative score', 'experiences/01-smart-court.yaml', '{department: 96,', '{department: -5,',
      { file: 'experiences/01-smart-court.yaml', line: 11, path: 'scores.alpha.department', message: /数值过小.*found -5/ }],
    ['a quoted number where a number belongs', 'experiences/01-smart-court.yaml', '{department: 96,', '{department: "96",',
      { file: 'experiences/01-smart-court.yaml', line: 11, path: 'scores.alpha.department', message: /应为 0 到满分的数字.*found "96"/ }],
    ['a quoted number inside a criterion map', 'experiences/03-court-mediation.yaml', 'department: {work: 57,', 'department: {work: "57",',
      { file: 'experiences/03-court-mediation.yaml', line: 13, path: 'scores.gamma.department.work', message: /得分应为 0 到满分的数字，不要加引号 \(expected a number, found "57"\)/ }],
    ['text where a count belongs', 'survey.yaml', 'valid: 100', 'valid: 一百',
      { file: 'survey.yaml', line: 3, path: 'valid', message: /人数须为整数，须用阿拉伯数字（如 96），不能写汉字数字 \(expected a number, found "一百"\)/ }],
    ['discontinued without status_note', 'experiences/04-health-cloud.yaml', 'status_note: 因机构改革原因终止推广\n', '',
      { file: 'experiences/04-health-cloud.yaml', line: 2, path: 'status_note', message: /必须说明原因/ }],
    ['satisfied above valid', 'survey.yaml', 'satisfied: 87', 'satisfied: 187',
      { file: 'survey.yaml', line: 4, path: 'satisfied', message: /不能多于有效问卷数 \(expected at most 100, found 187\)/ }],
    ['awareness above valid', 'survey.yaml', 'smart-court: 64', 'smart-court: 164',
      { file: 'survey.yaml', line: 6, path: 'awareness.smart-court', message: /知晓人数不能多于有效问卷数/ }],
    ['valid above issued', 'survey.yaml', 'valid: 100', 'valid: 130',
      { file: 'survey.yaml', line: 3, path: 'valid', message: /有效问卷数不能多于发放数/ }],
    ['an empty file', 'units.yaml', small.get('units.yaml')!, '',
      { file: 'units.yaml', line: 1, path: '', message: /文件为空/ }],
    ['a YAML syntax error', 'scheme.yaml', '  - {id: unit, name: 区县评估, weight: 0.3}', '  - {id: unit, name: 区县评估, weight: 0.3',
      { file: 'scheme.yaml', line: 9, path: '', message: /^第9行的 \{ 没有对应的 \}/ }],
    ['a misspelt field', 'experiences/01-smart-court.yaml', 'internet_plus: true', 'internetplus: true',
      { file: 'experiences/01-smart-court.yaml', line: 7, path: 'internetplus', message: /未知字段/ }],
    ['a printed figure typed as a number', 'report.yaml', 'questionnaires_issued: "120"', 'questionnaires_issued: 120',
      { file: 'report.yaml', line: 12, path: 'fieldwork.questionnaires_issued', message: /须加引号/ }],
    ['an unknown reported statistic', 'report.yaml', '  unit_mean: "87.38"', '  unit_median: "87.38"',
      { file: 'report.yaml', line: 18, path: 'reported.unit_median', message: /未知的统计项/ }],
    ['a reported spread of an unknown experience', 'report.yaml', '"spread:smart-court"', '"spread:smart-courts"',
      { file: 'report.yaml', line: 23, path: 'reported.spread:smart-courts', message: /未知的经验 id/ }],
    ['an experience id that differs from its file name', 'experiences/01-smart-court.yaml', 'id: smart-court', 'id: smart-courts',
      { file: 'experiences/01-smart-court.yaml', line: 2, path: 'id', message: /文件名中的 id 与文件内 id 不一致/ }],
    ['an illustrative field that does not exist', 'experiences/04-health-cloud.yaml', 'illustrative: [lead_assessment]', 'illustrative: [lead_assesment]',
      { file: 'experiences/04-health-cloud.yaml', line: 14, path: 'illustrative[0]', message: /illustrative 中列出的字段在本对象中不存在/ }],
    ['an illustrative scheme field that does not exist', 'scheme.yaml', 'spread_method: department', 'spread_method: department\nillustrative: [weights]',
      { file: 'scheme.yaml', line: 14, path: 'illustrative[0]', message: /illustrative 中列出的字段在本对象中不存在/ }],
    ['a scenario with an unknown method', 'scheme.yaml', '{department: 1, unit: 1, survey: 1}', '{department: 1, unit: 1, forum: 1}',
      { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods.forum', message: /未知的评估方式 id/ }],
    ['an unknown spread method', 'scheme.yaml', 'spread_method: department', 'spread_method: forum',
      { file: 'scheme.yaml', line: 13, path: 'spread_method', message: /未知的评估方式 id/ }],
    ['an unknown not-applicable policy', 'scheme.yaml', 'not_applicable: lowest', 'not_applicable: minimum',
      { file: 'scheme.yaml', line: 12, path: 'not_applicable', message: /应为 exclude、lowest、zero 之一/ }],
    ['an id that is not kebab-case', 'units.yaml', '{id: alpha,', '{id: Alpha_1,',
      { file: 'units.yaml', line: 2, path: '[0].id', message: /小写英文字母、数字和连字符/ }],
    ['a missing required field', 'experiences/01-smart-court.yaml', 'batch: 1\n', '',
      { file: 'experiences/01-smart-court.yaml', line: 2, path: 'batch', message: /缺少必填字段/ }],
  ] as const)('reports %s with its file, line and field', (_, file, from, to, want) => {
    expectIssue(issuesOf(edit(small, file, from, to)), want);
  });

  it('reports a duplicate experience id across files, naming the first file', () => {
    const texts = new Map(small);
    texts.set('experiences/05-smart-court.yaml', small.get('experiences/01-smart-court.yaml')!);
    expectIssue(issuesOf(texts), {
      file: 'experiences/05-smart-court.yaml',
      line: 2,
      path: 'id',
      message: /与 data\/experiences\/01-smart-court\.yaml 重复/,
    });
  });

  it('reports every error in one pass, across files', () => {
    let texts = edit(small, 'units.yaml', '{id: gamma, name: 丙新区}', '{id: gamma, name: ""}');
    texts = edit(texts, 'survey.yaml', 'satisfied: 87', 'satisfied: 187');
    texts = edit(texts, 'scheme.yaml', 'max: 60}', 'max: 50}');
    texts = edit(texts, 'experiences/01-smart-court.yaml', '{department: 96,', '{department: 105,');
    texts = edit(texts, 'experiences/03-court-mediation.yaml', 'lead: court', 'lead: nobody');
    const issues = issuesOf(texts);
    const paths = issues.map((i) => `${i.file} ${i.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'data/units.yaml [2].name',
        'data/survey.yaml satisfied',
        'data/scheme.yaml criteria',
        'data/experiences/01-smart-court.yaml scores.alpha.department',
        'data/experiences/03-court-mediation.yaml lead',
        // The lower criterion maximum also puts 02's lead assessment over it.
        'data/experiences/02-family-doctor.yaml lead_assessment.work',
      ]),
    );
  });

  it('still checks the other files when one cannot be read', () => {
    let texts = edit(small, 'scheme.yaml', 'scale: 100', 'scale: [100');
    texts = edit(texts, 'survey.yaml', 'satisfied: 87', 'satisfied: 187');
    const files = new Set(issuesOf(texts).map((i) => i.file));
    expect(files).toContain('data/scheme.yaml');
    expect(files).toContain('data/survey.yaml');
  });

  it('accepts an edition without activity.yaml', () => {
    const texts = new Map(small);
    texts.delete('activity.yaml');
    expect(issuesOf(texts)).toEqual([]);
  });
});
