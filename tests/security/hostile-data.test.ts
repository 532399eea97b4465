/**
 * Hostile and broken values in an edition's data, class by class: each
 * case is a small change to `tests/fixtures/small`, and each is either
 * refused where it is written (file, line, field and a Chinese message, by
 * the same loader and checker `npm run check` and the build use) or built
 * correctly. A few whole builds check that a refusal leaves the published
 * site byte-identical and no staging folder behind, and that ids such as
 * `constructor` make a whole, correct site.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { formatIssue, formatIssues, type Issue } from '../../src/data/errors.ts';
import { downloadFiles } from '../../src/downloads/index.ts';
import { computeReport } from '../../src/model/compute-report.ts';
import { reportJson } from '../../src/model/report-json.ts';
import type { Report } from '../../src/model/types.ts';
import { parseEdition } from '../../src/schema/edition.ts';
import { editionDirs, projectRoot, typeScriptLoader } from '../helpers/built-site.ts';
import { htmlPages } from '../helpers/site-files.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';
import { edit, rawFiles, readEditionTexts } from '../schema/edition-files.ts';

const small = readEditionTexts();
type Texts = Map<string, string>;
type Edit = readonly [file: string, from: string, to: string];

const apply = (edits: readonly Edit[], texts: Texts = small): Texts => edits.reduce((t, [file, from, to]) => edit(t, file, from, to), texts);

/** Issues of an edition, or its report computed with mismatches only recorded. */
function judge(texts: Texts): { issues: Issue[] } | { report: Report } {
  const parsed = parseEdition(rawFiles(texts));
  if ('issues' in parsed) return { issues: parsed.issues };
  return { report: computeReport(parsed.edition, { reconcile: 'record' }) };
}

function issuesOf(texts: Texts): Issue[] {
  const result = judge(texts);
  return 'issues' in result ? result.issues : [];
}

function reportOf(texts: Texts): Report {
  const result = judge(texts);
  if ('issues' in result) throw new Error(`expected a report, got:\n${formatIssues(result.issues)}`);
  return result.report;
}

/** Where a refusal must point: file (under data/), line, field path, and a fragment of the message. */
interface Refusal {
  file: string;
  line: number;
  path: string;
  message: RegExp;
}

function expectRefusal(texts: Texts, want: Refusal): void {
  const issues = issuesOf(texts);
  const shown = issues.map(formatIssue).join('\n');
  const found = issues.find((i) => i.file === `data/${want.file}` && i.path === want.path && want.message.test(i.message));
  expect(found, `no issue on ${want.file} ${want.path} matching ${want.message}; got:\n${shown}`).toBeDefined();
  expect(found!.line, shown).toBe(want.line);
  // Every refusal reads as file:line:col field: 中文说明 (expected …, found …).
  expect(formatIssue(found!)).toMatch(new RegExp(`^data/${want.file.replace(/[.]/g, '\\.')}:${want.line}:\\d+[ :]`));
  expect(found!.message).toMatch(/[\u4e00-\u9fff]/);
}

/** Court mediation (experience 03) scored by the department method alone, for every unit. */
const onlyDepartmentIn03: Edit[] = [
  ['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'],
  ['experiences/03-court-mediation.yaml', 'beta: {department: 88, unit: 86, survey: 84}', 'beta: {department: 88}'],
  ['experiences/03-court-mediation.yaml', '    unit: 95\n    survey: 95\n', ''],
];
const namedScenario = (rest: string): Edit => ['scheme.yaml', 'methods: {department: 1, unit: 1, survey: 1}}', `${rest}}`];
const RESERVED = 'JavaScript 的保留名称';
const BIDI = '双向文字控制字符 U\\+202E';
const ID_FORMAT = /小写英文字母、数字和连字符/;

// --- Refused where written -------------------------------------------------------------------------------------

const refused: Array<[what: string, edits: Edit[], want: Refusal]> = [
  // Zero weights: a composite over methods that all weigh 0 is 0/0.
  ['a unit scored only by a method weighted 0', [
    ['scheme.yaml', 'weight: 0.5}', 'weight: 0}'],
    ['scheme.yaml', 'weight: 0.3}', 'weight: 0.8}'],
    ['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'],
  ], { file: 'experiences/03-court-mediation.yaml', line: 10, path: 'scores.alpha', message: /只有权重为 0 的评估方式的得分（部门评估（department））/ }],
  ['a named scenario that drops every method an experience was scored by', [...onlyDepartmentIn03, namedScenario('methods: {unit: 1, survey: 1}')],
    { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods', message: /经验 court-mediation 的所有得分都来自该情形不计的评估方式/ }],
  ['a named scenario that leaves a unit nothing to count', [
    ['experiences/01-smart-court.yaml', 'gamma: {department: 80, unit: 85, survey: 80}', 'gamma: {department: 80}'],
    ['experiences/03-court-mediation.yaml', '    unit: 95\n    survey: 95\n', ''],
    ['experiences/04-health-cloud.yaml', 'gamma: {department: 70, unit: 75, survey: 70}', 'gamma: {department: 70}'],
    namedScenario('methods: {unit: 1, survey: 1}, not_applicable: exclude'),
  ], { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods', message: /单位 gamma 在任何经验中都没有可计的得分/ }],
  ['a named scenario whose weights are all 0', [namedScenario('methods: {department: 0, unit: 0}')],
    { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods', message: /权重之和须大于 0/ }],
  ['a lead weight above 1', [['scheme.yaml', 'lead_weight: 0.5', 'lead_weight: 1.5']], { file: 'scheme.yaml', line: 11, path: 'lead_weight', message: /须为 0 到 1 之间的小数.*expected a number <= 1, found 1\.5/ }],
  ['a negative scenario lead weight', [['scheme.yaml', 'not_applicable: exclude}', 'not_applicable: exclude, lead_weight: -0.1}']],
    { file: 'scheme.yaml', line: 16, path: 'scenarios[1].lead_weight', message: /数值过小/ }],

  // __proto__ keys: js-yaml keeps them, zod would drop them without a word.
  ['__proto__ as a unit in scores', [['experiences/01-smart-court.yaml', '  gamma: {', '  __proto__: {department: 1}\n  gamma: {']],
    { file: 'experiences/01-smart-court.yaml', line: 13, path: 'scores.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in not_applicable', [['experiences/02-family-doctor.yaml', '  gamma: 不适合', '  __proto__: 不适合\n  gamma: 不适合']],
    { file: 'experiences/02-family-doctor.yaml', line: 9, path: 'not_applicable.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in a lead assessment', [['experiences/01-smart-court.yaml', '{work: 57, effect: 38}', '{work: 57, effect: 38, __proto__: 1}']],
    { file: 'experiences/01-smart-court.yaml', line: 9, path: 'lead_assessment.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in a criterion map', [['experiences/03-court-mediation.yaml', '{work: 57, effect: 38}', '{work: 57, effect: 38, __proto__: 1}']],
    { file: 'experiences/03-court-mediation.yaml', line: 13, path: 'scores.gamma.department.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in awareness', [['survey.yaml', '  smart-court: 64', '  __proto__: 64']],
    { file: 'survey.yaml', line: 6, path: 'awareness.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in reported', [['report.yaml', '  unit_mean: "87.38"', '  __proto__: "87.38"']],
    { file: 'report.yaml', line: 18, path: 'reported.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in fieldwork', [['report.yaml', '  forums: "5余"', '  __proto__: "5余"']],
    { file: 'report.yaml', line: 14, path: 'fieldwork.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in scenario weights', [namedScenario('methods: {department: 1, __proto__: 1}')],
    { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods.__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ at the top of a file', [['survey.yaml', 'issued: 120', '__proto__: {valid: 1}\nissued: 120']],
    { file: 'survey.yaml', line: 2, path: '__proto__', message: new RegExp(RESERVED) }],
  ['__proto__ in a list item', [['units.yaml', '{id: gamma,', '{__proto__: x, id: gamma,']],
    { file: 'units.yaml', line: 4, path: '[2].__proto__', message: new RegExp(RESERVED) }],
  ['spread:__proto__ as a reported key', [['report.yaml', '"spread:smart-court"', '"spread:__proto__"']],
    { file: 'report.yaml', line: 23, path: 'reported.spread:__proto__', message: /未知的经验 id.*found "__proto__"/ }],
  ['awareness:constructor as a reported key', [['report.yaml', '"awareness:smart-court"', '"awareness:constructor"']],
    { file: 'report.yaml', line: 24, path: 'reported.awareness:constructor', message: /未知的经验 id/ }],
  ['toString as a unit in scores', [['experiences/01-smart-court.yaml', '  gamma: {', '  toString: {department: 1}\n  gamma: {']],
    { file: 'experiences/01-smart-court.yaml', line: 13, path: 'scores.toString', message: /未知的单位 id/ }],
  ['constructor as a unit in not_applicable, with no such unit', [['experiences/02-family-doctor.yaml', '  gamma: 不适合', '  constructor: 不适合\n  gamma: 不适合']],
    { file: 'experiences/02-family-doctor.yaml', line: 9, path: 'not_applicable.constructor', message: /未知的单位 id/ }],
  ['valueOf as a criterion of a lead assessment', [['experiences/01-smart-court.yaml', '{work: 57, effect: 38}', '{work: 57, effect: 38, valueOf: 1}']],
    { file: 'experiences/01-smart-court.yaml', line: 9, path: 'lead_assessment.valueOf', message: /未知的评估指标 id/ }],
  ['hasOwnProperty as an experience in awareness', [['survey.yaml', '  smart-court: 64', '  smart-court: 64\n  hasOwnProperty: 1']],
    { file: 'survey.yaml', line: 7, path: 'awareness.hasOwnProperty', message: /未知的经验 id/ }],
  ['a unit constructor left out of an experience (neither scored nor not applicable)', [
    ['units.yaml', '{id: gamma, name: 丙新区}', '{id: gamma, name: 丙新区}\n- {id: constructor, name: 丁区}'],
    ['experiences/01-smart-court.yaml', '  gamma: {', '  constructor: {department: 50}\n  gamma: {'],
    ['experiences/02-family-doctor.yaml', '  gamma: 不适合', '  constructor: 不适合\n  gamma: 不适合'],
    ['experiences/04-health-cloud.yaml', '  gamma: {', '  constructor: {department: 50}\n  gamma: {'],
  ], { file: 'experiences/03-court-mediation.yaml', line: 9, path: 'scores.constructor', message: /适用单位“丁区”没有得分/ }],
  ['a criterion constructor missing from a lead assessment', [
    ['scheme.yaml', '{id: effect, name: 实际效果, max: 40}', '{id: constructor, name: 实际效果, max: 40}'],
    ['experiences/01-smart-court.yaml', 'effect: 38}', 'constructor: 38}'],
    ['experiences/02-family-doctor.yaml', 'effect: 36}', 'constructor: 36}'],
    ['experiences/03-court-mediation.yaml', '{work: 55, effect: 35}', '{work: 55}'],
    ['experiences/03-court-mediation.yaml', 'effect: 38}', 'constructor: 38}'],
    ['experiences/04-health-cloud.yaml', 'effect: 32}', 'constructor: 32}'],
  ], { file: 'experiences/03-court-mediation.yaml', line: 8, path: 'lead_assessment.constructor', message: /牵头部门评估缺少该指标的得分/ }],

  // Impossible dates.
  ...(['2018-02-30', '2018-13-45', '0000-00-00', '2019-02-29', '2021-04-31'] as const).map((date): [string, Edit[], Refusal] => [
    `the publication date ${date}`, [['report.yaml', 'date: 2021-03-15', `date: ${date}`], ['report.yaml', 'year: 2020', 'year: 2017']],
    { file: 'report.yaml', line: 6, path: 'published.date', message: new RegExp(`没有这一天.*found "${date}"`) },
  ]),
  ['a publication date before the evaluated year', [['report.yaml', 'date: 2021-03-15', 'date: 2019-12-31']],
    { file: 'report.yaml', line: 6, path: 'published.date', message: /刊发日期早于评估年度 2020 年/ }],

  // Zero denominators.
  ['valid: 0', [['survey.yaml', 'valid: 100', 'valid: 0'], ['survey.yaml', 'satisfied: 87', 'satisfied: 0']],
    { file: 'survey.yaml', line: 3, path: 'valid', message: /有效问卷数为 0，无法计算满意度和知晓率/ }],
  ['an empty survey', [['survey.yaml', 'issued: 120\nvalid: 100\nsatisfied: 87\nawareness:\n  smart-court: 64\n  family-doctor: 35\n  court-mediation: 20\nillustrative: [awareness]', 'issued: 0\nvalid: 0\nsatisfied: 0']],
    { file: 'survey.yaml', line: 3, path: 'valid', message: /有效问卷数为 0/ }],
  ['no units', [['units.yaml', '- {id: alpha, name: 甲区}\n- {id: beta, name: 乙县}\n- {id: gamma, name: 丙新区}\n', '[]\n']],
    { file: 'units.yaml', line: 2, path: '', message: /列表不能为空/ }],
  ['no departments', [['departments.yaml', '- {id: court, name: 市法院, rectification_plan: true}\n- {id: health, name: 市卫健委, rectification_plan: false}\n- {id: archive, name: 市档案馆}\n', '[]\n']],
    { file: 'departments.yaml', line: 2, path: '', message: /列表不能为空/ }],
  ['no criteria', [['scheme.yaml', '  - {id: work, name: 工作推进, max: 60}\n  - {id: effect, name: 实际效果, max: 40}\n', '  []\n']],
    { file: 'scheme.yaml', line: 4, path: 'criteria', message: /列表不能为空/ }],
  ['no methods', [['scheme.yaml', 'methods:\n  - {id: department, name: 部门评估, weight: 0.5}\n  - {id: unit, name: 区县评估, weight: 0.3}\n  - {id: survey, name: 问卷评估, weight: 0.2}\n', 'methods: []\n']],
    { file: 'scheme.yaml', line: 7, path: 'methods', message: /列表不能为空/ }],
  ['scale: 0', [['scheme.yaml', 'scale: 100', 'scale: 0']], { file: 'scheme.yaml', line: 2, path: 'scale', message: /数值过小/ }],
  ['a scored unit with no method', [['experiences/01-smart-court.yaml', 'gamma: {department: 80, unit: 85, survey: 80}', 'gamma: {}']],
    { file: 'experiences/01-smart-court.yaml', line: 13, path: 'scores.gamma', message: /没有任何评估方式的得分/ }],
  ['an empty criterion map', [['experiences/03-court-mediation.yaml', 'department: {work: 57, effect: 38}', 'department: {}']],
    { file: 'experiences/03-court-mediation.yaml', line: 13, path: 'scores.gamma.department', message: /映射不能为空/ }],
  ['an experience with no scored unit', [['experiences/02-family-doctor.yaml', '  alpha: {department: 92, unit: 90, survey: 88}\n  beta: {department: 94, unit: 96, survey: 90}\n', '  {}\n'],
    ['experiences/02-family-doctor.yaml', '  gamma: 不适合在丙新区推广', '  gamma: 不适合在丙新区推广\n  alpha: 不适合\n  beta: 不适合']],
    { file: 'experiences/02-family-doctor.yaml', line: 13, path: 'scores', message: /没有任何单位的得分/ }],

  // Ids that cannot be folder names.
  ['an id of 65 characters', [['units.yaml', '{id: gamma,', `{id: ${'g'.repeat(65)},`]], { file: 'units.yaml', line: 4, path: '[2].id', message: /过长，最多 64 个字符 .*found 65/ }],
  ...(['con', 'nul', 'aux', 'com1', 'lpt9'] as const).map((name): [string, Edit[], Refusal] => [
    `the Windows device name ${name} as a department id`, [['departments.yaml', '{id: archive,', `{id: ${name},`]],
    { file: 'departments.yaml', line: 4, path: '[2].id', message: /Windows 的保留设备名/ },
  ]),
  ...(['../etc', 'a/b', '.', 'x.y', 'Ａ'] as const).map((name): [string, Edit[], Refusal] => [
    `${JSON.stringify(name)} as a unit id`, [['units.yaml', '{id: gamma,', `{id: "${name}",`]],
    { file: 'units.yaml', line: 4, path: '[2].id', message: ID_FORMAT },
  ]),

  // Blank text and hidden characters.
  ...([['spaces', '"   "'], ['ideographic spaces', '"\\u3000\\u3000"'], ['a zero-width space', '"\\u200B"'], ['a Hangul filler', '"\\u3164"']] as const).map(
    ([kind, yamlText]): [string, Edit[], Refusal] => [
      `a unit name of ${kind}`, [['units.yaml', 'name: 丙新区', `name: ${yamlText}`]],
      { file: 'units.yaml', line: 4, path: '[2].name', message: /不能为空白|看不见的格式字符/ },
    ],
  ),
  ['U+202E in a unit name', [['units.yaml', 'name: 丙新区', 'name: "丙\\u202E新区"']], { file: 'units.yaml', line: 4, path: '[2].name', message: new RegExp(BIDI) }],
  ['U+202E in a department name', [['departments.yaml', 'name: 市档案馆', 'name: "市\\u202E档案馆"']], { file: 'departments.yaml', line: 4, path: '[2].name', message: new RegExp(BIDI) }],
  ['U+202E in an experience title', [['experiences/01-smart-court.yaml', 'title: 建设智慧法院服务平台', 'title: "建设\\u202E智慧法院"']],
    { file: 'experiences/01-smart-court.yaml', line: 3, path: 'title', message: new RegExp(BIDI) }],
  ['U+202E in a not-applicable reason', [['experiences/02-family-doctor.yaml', 'gamma: 不适合在丙新区推广', 'gamma: "不适合\\u202E推广"']],
    { file: 'experiences/02-family-doctor.yaml', line: 9, path: 'not_applicable.gamma', message: new RegExp(BIDI) }],
  ['U+202E in a status note', [['experiences/04-health-cloud.yaml', 'status_note: 因机构改革原因终止推广', 'status_note: "因机构\\u202E改革"']],
    { file: 'experiences/04-health-cloud.yaml', line: 8, path: 'status_note', message: new RegExp(BIDI) }],
  ['U+202E in an activity label', [['activity.yaml', 'label: 实地考察', 'label: "实地\\u202E考察"']], { file: 'activity.yaml', line: 2, path: '[0].label', message: new RegExp(BIDI) }],
  ['U+2067 in an activity unit', [['activity.yaml', 'unit: 次, by: 市直', 'unit: "\\u2067次", by: 市直']], { file: 'activity.yaml', line: 2, path: '[0].unit', message: /双向文字控制字符 U\+2067/ }],
  ['U+202E in a scenario name', [['scheme.yaml', 'name: 不适用项不计入', 'name: "不适用\\u202E项"']], { file: 'scheme.yaml', line: 16, path: 'scenarios[1].name', message: new RegExp(BIDI) }],
  ['U+202E in a criterion name', [['scheme.yaml', 'name: 工作推进', 'name: "工作\\u202E推进"']], { file: 'scheme.yaml', line: 5, path: 'criteria[0].name', message: new RegExp(BIDI) }],
  ['U+202E in a method name', [['scheme.yaml', 'name: 问卷评估', 'name: "问卷\\u202E评估"']], { file: 'scheme.yaml', line: 10, path: 'methods[2].name', message: new RegExp(BIDI) }],
  ['U+202E in the report title', [['report.yaml', 'title: 关于测试市', 'title: "\\u202E"\n# 关于测试市']], { file: 'report.yaml', line: 2, path: 'title', message: new RegExp(BIDI) }],
  ['U+202E in a basis title', [['report.yaml', 'title: 关于推广2020年创新经验的实施意见}', 'title: "关于\\u202E推广"}']], { file: 'report.yaml', line: 9, path: 'basis[0].title', message: new RegExp(BIDI) }],
  ['U+202E in a principle', [['report.yaml', '[突出实效,', '["突出\\u202E实效",']], { file: 'report.yaml', line: 10, path: 'principles[0]', message: new RegExp(BIDI) }],
  ['U+202E in a printed fieldwork figure', [['report.yaml', 'forums: "5余"', 'forums: "\\u202E5余"']], { file: 'report.yaml', line: 14, path: 'fieldwork.forums', message: new RegExp(BIDI) }],
  ['U+202E in the outlet', [['report.yaml', 'outlet: 测试日报', 'outlet: "测试\\u202E日报"']], { file: 'report.yaml', line: 6, path: 'published.outlet', message: new RegExp(BIDI) }],
  ['a line break in a title (a block scalar)', [['experiences/01-smart-court.yaml', 'title: 建设智慧法院服务平台', 'title: |\n  建设智慧法院\n  服务平台']],
    { file: 'experiences/01-smart-court.yaml', line: 3, path: 'title', message: /控制字符 U\+000A（第 7 个字符）/ }],
  ['a tab in a unit name', [['units.yaml', 'name: 丙新区', 'name: "丙\\t新区"']], { file: 'units.yaml', line: 4, path: '[2].name', message: /控制字符 U\+0009/ }],

  // Absurd numbers.
  ['scale: 1e22', [['scheme.yaml', 'scale: 100', 'scale: 1e22']], { file: 'scheme.yaml', line: 2, path: 'scale', message: /数值过大 \(expected a number <= 10000, found 1e\+22\)/ }],
  ['scale: .nan', [['scheme.yaml', 'scale: 100', 'scale: .nan']], { file: 'scheme.yaml', line: 2, path: 'scale', message: /不能是 \.nan 或 \.inf/ }],
  ['decimals: 7', [['scheme.yaml', 'decimals: 2', 'decimals: 7']], { file: 'scheme.yaml', line: 3, path: 'decimals', message: /数值过大/ }],
  ['decimals: 1.5', [['scheme.yaml', 'decimals: 2', 'decimals: 1.5']], { file: 'scheme.yaml', line: 3, path: 'decimals', message: /整数|类型不对/ }],
  ['decimals: -1', [['scheme.yaml', 'decimals: 2', 'decimals: -1']], { file: 'scheme.yaml', line: 3, path: 'decimals', message: /数值过小/ }],
  ['a score of .nan', [['experiences/01-smart-court.yaml', '{department: 96,', '{department: .nan,']],
    { file: 'experiences/01-smart-court.yaml', line: 11, path: 'scores.alpha.department', message: /found NaN/ }],
  ['a weight of .inf', [['scheme.yaml', 'weight: 0.2}', 'weight: .inf}']], { file: 'scheme.yaml', line: 10, path: 'methods[2].weight', message: /不能是 \.nan 或 \.inf .*found Infinity/ }],
  ['a lead weight of .nan', [['scheme.yaml', 'lead_weight: 0.5', 'lead_weight: .nan']], { file: 'scheme.yaml', line: 11, path: 'lead_weight', message: /不能是 \.nan 或 \.inf/ }],
  ['a count of -.inf', [['survey.yaml', 'issued: 120', 'issued: -.inf']], { file: 'survey.yaml', line: 2, path: 'issued', message: /不能是 \.nan 或 \.inf/ }],
  ['a negative count', [['survey.yaml', 'satisfied: 87', 'satisfied: -1']], { file: 'survey.yaml', line: 4, path: 'satisfied', message: /数值过小/ }],
  ['a count that is not whole', [['survey.yaml', 'court-mediation: 20', 'court-mediation: 20.5']], { file: 'survey.yaml', line: 8, path: 'awareness.court-mediation', message: /整数|类型不对/ }],
  ['a negative criterion maximum', [['scheme.yaml', 'max: 40}', 'max: -40}']], { file: 'scheme.yaml', line: 6, path: 'criteria[1].max', message: /数值过小/ }],
  ['the year 99999', [['report.yaml', 'year: 2020', 'year: 99999']], { file: 'report.yaml', line: 3, path: 'year', message: /^数值过大 \(expected a number <= 9999, found 99999\)$/ }],
  ['batch 0', [['experiences/01-smart-court.yaml', 'batch: 1', 'batch: 0']], { file: 'experiences/01-smart-court.yaml', line: 4, path: 'batch', message: /数值过小/ }],
  ['batch 1e300', [['experiences/01-smart-court.yaml', 'batch: 1', 'batch: 1e300']], { file: 'experiences/01-smart-court.yaml', line: 4, path: 'batch', message: /^数值过大 \(expected a number <= 999/ }],
  ['scenario weights of 1e308 (their sum is Infinity)', [namedScenario('methods: {department: 1e308, unit: 1e308}')],
    { file: 'scheme.yaml', line: 15, path: 'scenarios[0].methods.department', message: /数值过大 \(expected a number <= 1000000/ }],
  ['31 methods', [['scheme.yaml', '  - {id: survey, name: 问卷评估, weight: 0.2}', `  - {id: survey, name: 问卷评估, weight: 0.2}\n${Array.from({ length: 28 }, (_, i) => `  - {id: m${i}, name: 方式${i}, weight: 0}`).join('\n')}`]],
    { file: 'scheme.yaml', line: 7, path: 'methods', message: /列表过长，最多 30 项 \(expected at most 30 items, found 31\)/ }],
  ['51 scenarios', [['scheme.yaml', '  - {id: exclude-na, name: 不适用项不计入, not_applicable: exclude}', Array.from({ length: 50 }, (_, i) => `  - {id: s${i}, name: 情形${i}, not_applicable: zero}`).join('\n')]],
    { file: 'scheme.yaml', line: 14, path: 'scenarios', message: /列表过长，最多 50 项/ }],
  ['a fieldwork key that is not snake_case', [['report.yaml', '  forums: "5余"', '  Forums held: "5余"']],
    { file: 'report.yaml', line: 14, path: 'fieldwork.Forums held', message: /键名只能用小写英文字母、数字和下划线/ }],
];

describe('hostile data, refused where it is written', () => {
  it.each(refused)('refuses %s, with its file, line, field and a Chinese message', (_, edits, want) => {
    expectRefusal(apply(edits), want);
  });

  it('refuses an edition without any experience file, naming the folder', () => {
    const texts = new Map([...small].filter(([file]) => !file.startsWith('experiences/')));
    expect(issuesOf(texts).map(formatIssue)).toContain('data/experiences:1:1: 没有任何经验文件，无法计分 (expected at least one experience, found none)');
  });

  const kinds: Array<[kind: string, edits: (id: string) => Edit[], at: Omit<Refusal, 'message'>]> = [
    ['unit', (id) => [['units.yaml', '{id: gamma,', `{id: "${id}",`]], { file: 'units.yaml', line: 4, path: '[2].id' }],
    ['department', (id) => [['departments.yaml', '{id: archive,', `{id: "${id}",`]], { file: 'departments.yaml', line: 4, path: '[2].id' }],
    ['experience', (id) => [['experiences/02-family-doctor.yaml', 'id: family-doctor', `id: "${id}"`]], { file: 'experiences/02-family-doctor.yaml', line: 2, path: 'id' }],
    ['method', (id) => [['scheme.yaml', '{id: survey,', `{id: "${id}",`]], { file: 'scheme.yaml', line: 10, path: 'methods[2].id' }],
    ['criterion', (id) => [['scheme.yaml', '{id: effect,', `{id: "${id}",`]], { file: 'scheme.yaml', line: 6, path: 'criteria[1].id' }],
    ['scenario', (id) => [['scheme.yaml', '{id: exclude-na,', `{id: "${id}",`]], { file: 'scheme.yaml', line: 16, path: 'scenarios[1].id' }],
    ['activity', (id) => [['activity.yaml', '{id: meetings,', `{id: "${id}",`]], { file: 'activity.yaml', line: 3, path: '[1].id' }],
  ];
  const names = ['__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  it.each(kinds.flatMap(([kind, edits, at]) => names.map((name) => [name, kind, edits, at] as const)))(
    'refuses %s as a %s id: it is no kebab-case id',
    (name, _, edits, at) => expectRefusal(apply(edits(name)), { ...at, message: ID_FORMAT }),
  );
});

// --- Built correctly --------------------------------------------------------------------------------------------

/**
 * Renames an id everywhere it stands as a YAML key or a plain value (not
 * inside a longer word or a quoted string), writing the new id quoted.
 */
function renameId(texts: Texts, from: string, to: string, files?: readonly string[]): Texts {
  const token = new RegExp(`(?<=^|[\\s{,\\[])${from.replace(/[-]/g, '\\-')}(?=\\s*[:,}\\]]|\\s*$)`, 'gm');
  const next = new Map(texts);
  for (const [file, text] of texts) {
    if (files && !files.includes(file)) continue;
    next.set(file, text.replace(token, JSON.stringify(to)));
  }
  return next;
}

/** Every id of the small edition named constructor, each kind in its own list. */
function constructorEdition(): Texts {
  let texts = renameId(small, 'gamma', 'constructor');
  texts = renameId(texts, 'court', 'constructor');
  texts = renameId(texts, 'survey', 'constructor', ['scheme.yaml', ...[...small.keys()].filter((f) => f.startsWith('experiences/'))]);
  texts = renameId(texts, 'effect', 'constructor');
  texts = renameId(texts, 'exclude-na', 'constructor');
  texts = renameId(texts, 'meetings', 'constructor');
  texts = renameId(texts, 'forums', 'constructor');
  // The experience smart-court, its file and the figures reported for it.
  const file = texts.get('experiences/01-smart-court.yaml')!.replace('id: smart-court', 'id: constructor');
  texts.delete('experiences/01-smart-court.yaml');
  texts.set('experiences/01-constructor.yaml', file);
  texts = edit(texts, 'report.yaml', '"spread:smart-court"', '"spread:constructor"');
  texts = edit(texts, 'report.yaml', '"awareness:smart-court"', '"awareness:constructor"');
  texts = edit(texts, 'report.yaml', 'reported:\n', 'fieldwork_labels: {constructor: 召开座谈会}\nreported:\n');
  return edit(texts, 'survey.yaml', '  smart-court: 64', '  constructor: 64');
}

/** `constructor` typed as any string, so the compiler looks it up as an id, not as Object's constructor. */
const CTOR: string = 'constructor';

describe('hostile data, built correctly', () => {
  it('builds an edition whose unit, department, experience, method, criterion, scenario, activity and fieldwork ids are all constructor', () => {
    const report = reportOf(constructorEdition());
    const baseline = reportOf(small);
    expect(report.reconciliation.filter((r) => !r.ok)).toEqual([]);
    expect(report.unitById[CTOR]).toMatchObject({ name: '丙新区', text: baseline.unitById.gamma!.text, rank: baseline.unitById.gamma!.rank });
    expect(report.departmentById[CTOR]).toMatchObject({ name: '市法院', text: baseline.departmentById.court!.text, experiences: ['constructor', 'court-mediation'] });
    expect(report.experienceById[CTOR]).toMatchObject({ title: '建设智慧法院服务平台', text: baseline.experienceById['smart-court']!.text, lead: 'constructor', leadName: '市法院' });
    expect(report.experienceById[CTOR]!.leadAssessment).toEqual({ work: 57, constructor: 38 });
    expect(report.experienceById[CTOR]!.units.find((u) => u.unit === 'constructor')!.methods).toEqual({ department: 80, unit: 85, constructor: 80 });
    expect(report.scenarios.find((s) => s.id === 'constructor')).toMatchObject({ name: '不适用项不计入', notApplicable: 'exclude' });
    expect(report.scenarios.map((s) => s.id)).toContain('without-constructor');
    expect(report.activity[CTOR]).toMatchObject({ label: '推广推介会议', count: '20余' });
    expect(report.meta.fieldwork[CTOR]).toBe('5余');
    expect(report.meta.fieldworkLabels[CTOR]).toBe('召开座谈会');
    // Unit family-doctor does not apply to constructor; its reason is the text, not the Object function.
    expect(report.unitById[CTOR]!.experiences[1]!.notApplicableReason).toBe('不适合在丙新区推广');
    // Lookups of ids that are not there find nothing, whatever the id.
    for (const record of [report.unitById, report.experienceById, report.departmentById, report.activity, report.meta.fieldwork]) {
      for (const name of ['toString', 'valueOf', 'hasOwnProperty', '__proto__']) expect(record[name]).toBeUndefined();
    }
    expect(report.scenarios.find((s) => s.id === 'exclude-na')).toBeUndefined();
    const json = JSON.parse(JSON.stringify(reportJson(report)));
    expect(json.units.find((u: { id: string }) => u.id === 'constructor').name).toBe('丙新区');
    expect(json.experiences[0].leadAssessment).toEqual({ work: 57, constructor: 38 });
  });

  it('builds lead weights of 0 and 1: the score is then the unit mean, or the lead assessment alone', () => {
    const none = reportOf(apply([['scheme.yaml', 'lead_weight: 0.5', 'lead_weight: 0']]));
    expect(none.experienceById['smart-court']!.text).toBe('88.43');
    const all = reportOf(apply([['scheme.yaml', 'lead_weight: 0.5', 'lead_weight: 1']]));
    expect(all.experienceById['smart-court']!.text).toBe('95.00');
    expect(all.experienceById['court-mediation']!.text).toBe('90.00');
  });

  it('builds a method weighted 0 while every unit has another: it counts for nothing', () => {
    const report = reportOf(apply([['scheme.yaml', 'weight: 0.2}', 'weight: 0}'], ['scheme.yaml', 'weight: 0.3}', 'weight: 0.5}']]));
    // smart-court alpha: (0.5·96 + 0.5·94) / 1 = 95, the survey score 90 left out.
    expect(report.experienceById['smart-court']!.units.find((u) => u.unit === 'alpha')!.composite.text).toBe('95.00');
  });

  it('builds a named scenario that drops the only method of one unit in one experience: that unit is not applicable there', () => {
    const report = reportOf(apply([['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'], namedScenario('methods: {unit: 1, survey: 1}')]));
    const scenario = report.scenarios.find((s) => s.id === 'equal-weights')!;
    expect(scenario.units.map((u) => u.score).every(Number.isFinite)).toBe(true);
    expect(scenario.experiences.map((e) => e.score).every(Number.isFinite)).toBe(true);
  });

  it('leaves out, with a warning, a drop-method scenario under which an experience has no score left', () => {
    const report = reportOf(apply(onlyDepartmentIn03));
    expect(report.scenarios.map((s) => s.id)).not.toContain('without-department');
    expect(report.warnings.join('\n')).toMatch(/情形“不计部门评估”（without-department）未列入敏感性分析：经验 court-mediation 的得分/);
  });

  it('builds an id of exactly 64 characters, a leap day, and names with ordinary spaces and full-width punctuation', () => {
    const long = `z${'-x'.repeat(31)}9`;
    expect(long).toHaveLength(64);
    const report = reportOf(apply([
      ['units.yaml', '{id: gamma, name: 丙新区}', `{id: ${long}, name: "丙 新区（试点）"}`],
      ['experiences/01-smart-court.yaml', '  gamma: {', `  ${long}: {`],
      ['experiences/02-family-doctor.yaml', '  gamma: 不适合', `  ${long}: 不适合`],
      ['experiences/03-court-mediation.yaml', '  gamma:\n', `  ${long}:\n`],
      ['experiences/04-health-cloud.yaml', '  gamma: {', `  ${long}: {`],
      ['report.yaml', 'date: 2021-03-15', 'date: 2024-02-29'],
    ]));
    expect(report.unitById[long]!.name).toBe('丙 新区（试点）');
    expect(report.meta.published.date).toBe('2024-02-29');
  });

  it('writes every download for a report published in 2200 (the Word file zips with a date a zip can hold)', async () => {
    const report = reportOf(apply([['report.yaml', 'date: 2021-03-15', 'date: 2200-01-01']]));
    const files = await downloadFiles(report, [{ slug: 'a', title: '一、甲', order: 1, markdown: '正文。' }]);
    expect(files.find((f) => f.path === 'downloads/report.docx')!.contents).toBeInstanceOf(Uint8Array);
  });
});

// --- Any id: refused, or carried through intact -----------------------------------------------------------------

describe('any id string', () => {
  const kinds = [
    { what: 'unit', from: 'gamma', definedIn: 'units.yaml' },
    { what: 'department', from: 'health', definedIn: 'departments.yaml' },
    { what: 'method', from: 'department', definedIn: 'scheme.yaml' },
    { what: 'criterion', from: 'work', definedIn: 'scheme.yaml' },
    { what: 'scenario', from: 'exclude-na', definedIn: 'scheme.yaml' },
    { what: 'activity', from: 'meetings', definedIn: 'activity.yaml' },
  ];
  const baseline = JSON.stringify(reportJson(reportOf(small)));
  const candidate = fc.oneof(
    fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    fc.constantFrom('constructor', 'prototype', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'then', 'length', 'con', 'baseline', 'alpha', 'without-unit', '0', '2017', '007'),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );

  it('either goes through loader, model and report.json unchanged, or is refused in the file that defines it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), candidate, (kind, id) => {
        const texts = renameId(small, kind.from, id);
        const result = judge(texts);
        if ('issues' in result) {
          expect(result.issues.length).toBeGreaterThan(0);
          expect(result.issues.some((i) => i.file === `data/${kind.definedIn}` || i.file.startsWith('data/experiences/'))).toBe(true);
          for (const issue of result.issues) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
          }
          return;
        }
        // A method's id also names its drop-method scenario.
        const renamed = (text: string, from: string, to: string) => text.split(JSON.stringify(from)).join(JSON.stringify(to));
        let expected = renamed(baseline, kind.from, id);
        if (kind.what === 'method') expected = renamed(expected, `without-${kind.from}`, `without-${id}`);
        expect(JSON.stringify(reportJson(result.report))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

// --- A file with 100,000 mistakes -------------------------------------------------------------------------------

describe('a file with 100,000 mistakes', () => {
  const units = `${Array.from({ length: 100_000 }, () => '- 1').join('\n')}\n`;

  it('is refused with every mistake counted, quickly, and printed as the first hundred and a count', () => {
    const started = performance.now();
    const issues = issuesOf(new Map(small).set('units.yaml', units));
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(issues.filter((i) => i.file === 'data/units.yaml')).toHaveLength(100_000);
    const lines = formatIssues(issues).split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/^data\/units\.yaml:1:3 \[0\]: 类型不对/);
    expect(lines[100]).toBe(`另有 ${(issues.length - 100).toLocaleString('en-US')} 处错误未列出 (${issues.length - 100} more not shown)`);
  }, 60_000);

  it('of 199,000 in one list under a field never overflows the stack', () => {
    const report = small.get('report.yaml')!.replace(/principles: .*\n/, `principles: [${Array.from({ length: 199_000 }, () => '1').join(',')}]\n`);
    const issues = issuesOf(new Map(small).set('report.yaml', report));
    expect(issues.filter((i) => i.path.startsWith('principles['))).toHaveLength(199_000);
  }, 60_000);
});

// --- Whole builds and npm run check -----------------------------------------------------------------------------

describe('whole builds of hostile editions', () => {
  let work = '';
  let site = '';
  const content = async (dir: string) => {
    await rm(dir, { recursive: true, force: true });
    await cp(editionDirs('small').content, dir, { recursive: true });
    // The fixture's chapters name smart-court and meetings; this edition renamed them.
    await writeFile(path.join(dir, '02-problems.md'), '---\ntitle: 二、存在的问题\n---\n\n部分单位推广力度不足。\n');
    await writeFile(path.join(dir, '01-overview.md'), '---\ntitle: 一、总体情况\n---\n\n总体情况良好。\n');
  };
  const writeEdition = async (dir: string, texts: Texts) => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.join(dir, 'experiences'), { recursive: true });
    for (const [file, text] of texts) await writeFile(path.join(dir, file), text);
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-hostile-data-'));
    site = path.join(work, 'out', '_site');
    await content(path.join(work, 'content'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('builds the all-constructor edition into a whole site with a page for each of its items', async () => {
    await writeEdition(path.join(work, 'data'), constructorEdition());
    await buildSite({ dataDir: path.join(work, 'data'), contentDir: path.join(work, 'content'), outDir: site });
    const pages = await htmlPages(site);
    for (const page of ['units/constructor/index.html', 'departments/constructor/index.html', 'experiences/constructor/index.html']) expect(pages).toContain(page);
    const method = await readFile(path.join(site, 'method/index.html'), 'utf8');
    expect(method).toMatch(/<dt>召开座谈会<\/dt><dd>5余<\/dd>/);
    expect(method).not.toMatch(/native code/);
    const json = JSON.parse(await readFile(path.join(site, 'data/report.json'), 'utf8'));
    expect(json.units.map((u: { id: string }) => u.id)).toContain('constructor');
  }, 300_000);

  it.each([
    ['a __proto__ key', [['experiences/01-smart-court.yaml', '  gamma: {', '  __proto__: {department: 1}\n  gamma: {']] as Edit[], /experiences\/01-smart-court\.yaml:13:3 scores\.__proto__: 键名不能是 __proto__/],
    ['valid: 0', [['survey.yaml', 'valid: 100', 'valid: 0'], ['survey.yaml', 'satisfied: 87', 'satisfied: 0']] as Edit[], /survey\.yaml:3:8 valid: 有效问卷数为 0/],
    ['an impossible date', [['report.yaml', 'date: 2021-03-15', 'date: 2021-02-30']] as Edit[], /report\.yaml:6:\d+ published\.date: 没有这一天/],
  ])('refuses %s: the published site stays byte-identical and no staging folder is left', async (_, edits, message) => {
    const before = await hashTree(site);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const data = path.join(work, 'bad-data');
    await writeEdition(data, apply(edits));
    const failure = buildSite({ dataDir: data, contentDir: path.join(work, 'content'), outDir: site });
    await expect(failure).rejects.toMatchObject({ name: 'EditionError' });
    await expect(failure).rejects.toThrow(message);
    expect(treeDifferences(before, await hashTree(site))).toEqual([]);
    expect(await readdir(path.dirname(site))).toEqual(['_site']);
  }, 120_000);

  it('npm run check prints the count, the first hundred of 100,000 mistakes and a count of the rest, and exits 1', async () => {
    const data = path.join(work, 'many-data');
    await writeEdition(data, new Map(small).set('units.yaml', `${Array.from({ length: 100_000 }, () => '- 1').join('\n')}\n`));
    const run = promisify(execFile);
    const result = await run(process.execPath, [...typeScriptLoader, 'scripts/check.ts'], {
      cwd: projectRoot,
      env: { ...process.env, REPORT_DATA: data },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/有 100,\d{3} 处错误：$/);
    expect(lines).toHaveLength(102);
    expect(lines[1]).toMatch(/units\.yaml:1:3 \[0\]: /);
    expect(lines[101]).toMatch(/^另有 99,\d{3} 处错误未列出/);
  }, 120_000);
});
