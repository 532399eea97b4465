/**
 * The "did you mean" of every unknown reference `checkEdition` reports,
 * and the advice for text where a number belongs, on the small fixture
 * edition changed one line at a time.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, type Issue } from '../../src/data/errors.ts';
import { edit, issuesOf, readEditionTexts } from './edition-files.ts';

const small = readEditionTexts();

function issueAt(issues: Issue[], file: string, path: string): Issue {
  const found = issues.find((i) => i.file === `data/${file}` && i.path === path);
  expect(found, `no issue on ${path} in ${file}; got:\n${issues.map(formatIssue).join('\n')}`).toBeDefined();
  return found!;
}

describe('checkEdition(parts, where): did you mean', () => {
  // The change, then the issue it must give: file, line, column, field path and a fragment of its message.
  it.each<[string, string, string, string, { line: number; column: number; path: string; message: RegExp }]>([
    ['a unit id with a transposition in scores', 'experiences/01-smart-court.yaml', '  beta: {', '  btea: {',
      { line: 12, column: 3, path: 'scores.btea', message: /未知的单位 id，须在 units.yaml 中列出；是否应为 乙县 \(beta\)？ \(expected a unit id, found "btea"\)/ }],
    ['a unit written by its Chinese name in scores', 'experiences/01-smart-court.yaml', '  gamma: {', '  丙新区: {',
      { line: 13, column: 3, path: 'scores.丙新区', message: /；是否应为 丙新区 \(gamma\)？/ }],
    ['a unit written by part of its Chinese name in not_applicable', 'experiences/02-family-doctor.yaml', '  gamma: 不适合', '  丙新: 不适合',
      { line: 9, column: 7, path: 'not_applicable.丙新', message: /未知的单位 id.*；是否应为 丙新区 \(gamma\)？/ }],
    ['an origin one letter off', 'experiences/01-smart-court.yaml', 'origin: alpha', 'origin: alpa',
      { line: 6, column: 9, path: 'origin', message: /；是否应为 甲区 \(alpha\)？/ }],
    ['an origin written by its Chinese name', 'experiences/01-smart-court.yaml', 'origin: alpha', 'origin: 甲区',
      { line: 6, column: 9, path: 'origin', message: /；是否应为 甲区 \(alpha\)？/ }],
    ['a lead department with a transposition', 'experiences/01-smart-court.yaml', 'lead: court', 'lead: cuort',
      { line: 5, column: 7, path: 'lead', message: /未知的牵头部门 id.*；是否应为 市法院 \(court\)？/ }],
    ['a lead department written by its Chinese name', 'experiences/01-smart-court.yaml', 'lead: court', 'lead: 市卫健委',
      { line: 5, column: 7, path: 'lead', message: /；是否应为 市卫健委 \(health\)？/ }],
    ['a criterion one letter off in lead_assessment', 'experiences/01-smart-court.yaml', '{work: 57, effect: 38}', '{work: 57, efect: 38}',
      { line: 9, column: 36, path: 'lead_assessment.efect', message: /未知的评估指标 id；是否应为 实际效果 \(effect\)？/ }],
    ['a criterion one letter off in a criterion map', 'experiences/03-court-mediation.yaml', 'department: {work: 57,', 'department: {wrok: 57,',
      { line: 13, column: 24, path: 'scores.gamma.department.wrok', message: /；是否应为 工作推进 \(work\)？/ }],
    ['a method with a transposition in scores', 'experiences/01-smart-court.yaml', 'unit: 94, survey: 90', 'unit: 94, suvrey: 90',
      { line: 11, column: 45, path: 'scores.alpha.suvrey', message: /未知的评估方式 id；是否应为 问卷评估 \(survey\)？/ }],
    ['a method two letters off in a scenario', 'scheme.yaml', 'methods: {department: 1,', 'methods: {departmnt: 1,',
      { line: 15, column: 62, path: 'scenarios[0].methods.departmnt', message: /；是否应为 部门评估 \(department\)？/ }],
    ['a spread method one letter off', 'scheme.yaml', 'spread_method: department', 'spread_method: departmen',
      { line: 13, column: 16, path: 'spread_method', message: /；是否应为 部门评估 \(department\)？/ }],
    ['an experience id with a transposition in awareness', 'survey.yaml', 'smart-court: 64', 'smart-cuort: 64',
      { line: 6, column: 16, path: 'awareness.smart-cuort', message: /未知的经验 id；是否应为 建设智慧法院服务平台 \(smart-court\)？/ }],
    ['a reported statistic one letter off', 'report.yaml', 'unit_mean:', 'unit_maen:',
      { line: 18, column: 14, path: 'reported.unit_maen', message: /未知的统计项；是否应为 unit_mean？/ }],
    ['a reported spread of a misspelt experience', 'report.yaml', '"spread:smart-court"', '"spread:smart-cort"',
      { line: 23, column: 24, path: 'reported.spread:smart-cort', message: /未知的经验 id；是否应为 建设智慧法院服务平台 \(smart-court\)？/ }],
    ['a reported count one letter off', 'report.yaml', '"count:units"', '"count:unis"',
      { line: 26, column: 17, path: 'reported.count:unis', message: /未知的统计项；是否应为 count:units？/ }],
    ['a reported count that is no whole number', 'report.yaml', '"count:units": "3"', '"count:units": "3.0"',
      { line: 26, column: 18, path: 'reported.count:units', message: /数目须为整数 \(expected a whole number like "20", found "3\.0"\)/ }],
    ['a reported count with a leading zero', 'report.yaml', '"count:units": "3"', '"count:units": "03"',
      { line: 26, column: 18, path: 'reported.count:units', message: /数目不能以 0 开头.*found "03"/ }],
    ['a reported count that is negative', 'report.yaml', '"count:units": "3"', '"count:units": "-3"',
      { line: 26, column: 18, path: 'reported.count:units', message: /数目须为整数.*found "-3"/ }],
    ['a misspelt field name', 'experiences/01-smart-court.yaml', 'lead_assessment:', 'lead_assesment:',
      { line: 9, column: 1, path: 'lead_assesment', message: /未知字段，可能是拼写错误；是否应为 lead_assessment？/ }],
    ['a misspelt field name in a list item', 'units.yaml', '{id: beta, name: 乙县}', '{id: beta, nmae: 乙县}',
      { line: 3, column: 20, path: '[1].nmae', message: /；是否应为 name？/ }],
  ])('suggests the id for %s', (_, file, from, to, want) => {
    const issue = issueAt(issuesOf(edit(small, file, from, to)), file, want.path);
    expect({ line: issue.line, column: issue.column }).toEqual({ line: want.line, column: want.column });
    expect(issue.message).toMatch(want.message);
  });

  it('checks a file of 30,000 unknown unit ids and a survey of 30,000 unknown experience ids within seconds', () => {
    const scores = Array.from({ length: 30_000 }, (_, i) => `  unit-${i}: {department: 80}`).join('\n');
    const awareness = Array.from({ length: 30_000 }, (_, i) => `  smart-cort-${i}: 1`).join('\n');
    let texts = edit(small, 'experiences/01-smart-court.yaml', '  gamma: {department: 80, unit: 85, survey: 80}', `  gamma: {department: 80, unit: 85, survey: 80}\n${scores}`);
    texts = edit(texts, 'survey.yaml', '  court-mediation: 20', `  court-mediation: 20\n  smart-cuort: 1\n${awareness}`);
    const started = performance.now();
    const issues = issuesOf(texts);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(issues.filter((i) => i.message.startsWith('未知的'))).toHaveLength(60_001);
    expect(issueAt(issues, 'survey.yaml', 'awareness.smart-cuort').message).toContain('是否应为 建设智慧法院服务平台 (smart-court)？');
  }, 30_000);

  it.each([
    ['an id unlike every unit', 'experiences/01-smart-court.yaml', '  beta: {', '  zhoucun: {', 'scores.zhoucun'],
    ['a department three letters off', 'experiences/01-smart-court.yaml', 'lead: court', 'lead: curtx', 'lead'],
  ])('suggests nothing for %s', (_, file, from, to, path) => {
    expect(issueAt(issuesOf(edit(small, file, from, to)), file, path).message).not.toContain('是否应为');
  });
});

describe('parseEdition: text where a number belongs', () => {
  it.each<[string, string, string, string, { line: number; column: number; path: string; message: RegExp }]>([
    ['a weight as a percentage', 'scheme.yaml', 'weight: 0.5}', 'weight: 50%}',
      { line: 8, column: 42, path: 'methods[0].weight', message: /^权重须为数字，不能写百分号：50% 应写作 0\.5 \(expected a number, found "50%"\)/ }],
    ['lead_weight as a percentage', 'scheme.yaml', 'lead_weight: 0.5', 'lead_weight: 15%',
      { line: 11, column: 14, path: 'lead_weight', message: /须为数字，不能写百分号：15% 应写作 0\.15/ }],
    ['lead_weight as a whole percentage', 'scheme.yaml', 'lead_weight: 0.5', 'lead_weight: 50',
      { line: 11, column: 14, path: 'lead_weight', message: /^权重须为 0 到 1 之间的小数（0\.15 表示 15%）：若指 50%，应写作 0\.5/ }],
    ['a scenario weight as a percentage', 'scheme.yaml', 'methods: {department: 1,', 'methods: {department: 40%,',
      { line: 15, column: 63, path: 'scenarios[0].methods.department', message: /须为数字，不能写百分号：40% 应写作 0\.4/ }],
    ['a score as a percentage', 'experiences/01-smart-court.yaml', '{department: 96,', '{department: 96%,',
      { line: 11, column: 23, path: 'scores.alpha.department', message: /^得分应为 0 到满分的数字，不能写百分号：直接写分数，如 96/ }],
    ['a score with 分', 'experiences/01-smart-court.yaml', '{department: 96,', '{department: 96分,',
      { line: 11, column: 23, path: 'scores.alpha.department', message: /不能带“分”字：96分 应写作 96/ }],
    ['a lead assessment in full-width digits', 'experiences/01-smart-court.yaml', '{work: 57,', '{work: ５７,',
      { line: 9, column: 25, path: 'lead_assessment.work', message: /须用半角数字：５７ 应写作 57/ }],
    ['a count as a percentage', 'survey.yaml', 'smart-court: 64', 'smart-court: 64%',
      { line: 6, column: 16, path: 'awareness.smart-court', message: /^人数须为整数，不能写百分比/ }],
    ['a count with 份', 'survey.yaml', 'valid: 100', 'valid: 100份',
      { line: 3, column: 8, path: 'valid', message: /^人数须为整数，不能带“份”字：100份 应写作 100 \(expected a number, found "100份"\)/ }],
  ])('explains %s', (_, file, from, to, want) => {
    const issue = issueAt(issuesOf(edit(small, file, from, to)), file, want.path);
    expect({ line: issue.line, column: issue.column }).toEqual({ line: want.line, column: want.column });
    expect(issue.message).toMatch(want.message);
    expect(issue.message).not.toContain('不要加引号');
  });
});

describe('checkEdition(parts, where): the 示意 notice', () => {
  const notice = 'illustrative_notice: 所列得分系依据公开报告披露的汇总数据构造的示意值，非原报告公布数值。\n';

  it('asks for illustrative_notice in report.yaml, in Chinese, when some score is illustrative', () => {
    const issue = issueAt(issuesOf(edit(small, 'report.yaml', notice, '')), 'report.yaml', 'illustrative_notice');
    expect(issue.message).toMatch(/^有经验的得分标为示意数据（health-cloud），须在 report\.yaml 写明 illustrative_notice/);
  });

  it('needs no notice when no score is illustrative', () => {
    const texts = edit(edit(small, 'report.yaml', notice, ''), 'experiences/04-health-cloud.yaml', 'illustrative: [lead_assessment]\n', '');
    expect(issuesOf(texts)).toEqual([]);
  });

  it.each([
    ['a blank notice', 'illustrative_notice: "　"\n'],
    ['a notice over 200 characters', `illustrative_notice: ${'示'.repeat(201)}\n`],
    ['a notice with a line break', 'illustrative_notice: "所列得分\\n系示意值"\n'],
  ])('refuses %s at its line', (_, line) => {
    const issue = issueAt(issuesOf(edit(small, 'report.yaml', notice, line)), 'report.yaml', 'illustrative_notice');
    expect(issue.line).toBe(28);
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
