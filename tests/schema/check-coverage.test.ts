import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/errors.ts';
import { edit, issuesOf, readEditionTexts } from './edition-files.ts';

const small = readEditionTexts();
type Edit = [file: string, from: string, to: string];
const apply = (edits: readonly Edit[]) => edits.reduce((texts, [file, from, to]) => edit(texts, file, from, to), small);
const shown = (edits: readonly Edit[]) => issuesOf(apply(edits)).map(formatIssue);

/** Court mediation (experience 03) scored by the department method alone, for every unit. */
const onlyDepartmentIn03: Edit[] = [
  ['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'],
  ['experiences/03-court-mediation.yaml', 'beta: {department: 88, unit: 86, survey: 84}', 'beta: {department: 88}'],
  ['experiences/03-court-mediation.yaml', '    unit: 95\n    survey: 95\n', ''],
];
const scenario = (methods: string, extra = ''): Edit => [
  'scheme.yaml',
  'methods: {department: 1, unit: 1, survey: 1}}',
  `methods: ${methods}${extra}}`,
];

describe('checkCoverage(parts, where), through parseEdition', () => {
  it('refuses a unit scored only by a method weighted 0, at its scores', () => {
    const issues = shown([
      ['scheme.yaml', '{id: department, name: 部门评估, weight: 0.5}', '{id: department, name: 部门评估, weight: 0}'],
      ['scheme.yaml', '{id: unit, name: 区县评估, weight: 0.3}', '{id: unit, name: 区县评估, weight: 0.8}'],
      ['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'],
    ]);
    expect(issues).toEqual([
      'data/experiences/03-court-mediation.yaml:10:3 scores.alpha: 该单位只有权重为 0 的评估方式的得分（部门评估（department）），综合得分无法计算：请补上权重大于 0 的评估方式的得分，或调整 scheme.yaml 中的权重 (expected a score by a method weighted above 0, found only methods weighted 0)',
    ]);
  });

  it('accepts a method weighted 0 while every unit has another method', () => {
    expect(
      shown([
        ['scheme.yaml', '{id: survey, name: 问卷评估, weight: 0.2}', '{id: survey, name: 问卷评估, weight: 0}'],
        ['scheme.yaml', '{id: unit, name: 区县评估, weight: 0.3}', '{id: unit, name: 区县评估, weight: 0.5}'],
      ]),
    ).toEqual([]);
  });

  it('refuses a named scenario that leaves an experience without any scored unit, where its weights are written', () => {
    const issues = shown([...onlyDepartmentIn03, scenario('{department: 0, unit: 1, survey: 1}')]);
    expect(issues).toEqual([
      expect.stringMatching(/^data\/scheme\.yaml:15:\d+ scenarios\[0\]\.methods: 在情形“各评估方式等权重”下，经验 court-mediation 的所有得分都来自该情形不计的评估方式，经验得分无法计算 \(expected every experience to keep a scored unit, found 1 without\)$/),
    ]);
  });

  it('accepts the same scenario when the lead assessment alone makes the experience score', () => {
    expect(shown([...onlyDepartmentIn03, scenario('{unit: 1, survey: 1}', ', lead_weight: 1')])).toEqual([]);
  });

  it('refuses a named scenario under which a unit has nothing left to count', () => {
    const issues = shown([
      ['experiences/01-smart-court.yaml', 'gamma: {department: 80, unit: 85, survey: 80}', 'gamma: {department: 80}'],
      ['experiences/03-court-mediation.yaml', '    unit: 95\n    survey: 95\n', ''],
      ['experiences/04-health-cloud.yaml', 'gamma: {department: 70, unit: 75, survey: 70}', 'gamma: {department: 70}'],
      scenario('{unit: 1, survey: 1}', ', not_applicable: exclude'),
    ]);
    expect(issues).toEqual([expect.stringMatching(/scenarios\[0\]\.methods: 在情形“各评估方式等权重”下，单位 gamma 在任何经验中都没有可计的得分/)]);
  });

  it('accepts a named scenario that drops the only method of one unit in one experience (it counts as not applicable there)', () => {
    expect(shown([['experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}'], scenario('{unit: 1, survey: 1}')])).toEqual([]);
  });

  it('leaves the scenario rules out while an experience file is broken, and still applies the baseline rule', () => {
    const issues = shown([
      ...onlyDepartmentIn03,
      scenario('{unit: 1, survey: 1}'),
      ['experiences/01-smart-court.yaml', 'batch: 1', 'batch: one'],
    ]);
    expect(issues).toEqual([expect.stringMatching(/01-smart-court\.yaml:4:8 batch: 应为数字/)]);
  });
});
