/**
 * A small computed `Report` built by hand, so the pure download generators
 * can be tested without files: three units (two tied), two ranked
 * departments and one that leads nothing, three experiences. Names can be
 * replaced to try hostile text.
 */
import type { RankedDepartment, RankedExperience, RankedUnit, Report } from '../../src/model/types.ts';
import { reportFrom } from '../helpers/report-shell.ts';

export interface FixtureNames {
  units?: string[];
  departments?: string[];
  experiences?: string[];
  title?: string;
  evaluator?: string;
}

const stat = (value: number, text: string) => ({ value, text });

/**
 * Builds the fixture report; `names` overrides display names in order.
 *
 * @example
 * fixtureReport().units.map((u) => u.rank) // → [1, 2, 2]
 */
export function fixtureReport(names: FixtureNames = {}): Report {
  const unitNames = names.units ?? ['张店区', '淄川区', '高新区'];
  const deptNames = names.departments ?? ['市人大常委会', '市公安局', '市档案局'];
  const expTitles = names.experiences ?? ['探索建立轻微刑事案件快速办理机制', '创新数字化大城管', '爱工惠'];
  const unitScores: Array<[number, string, number, boolean]> = [
    [95.123, '95.12', 1, false],
    [-1.5, '-1.50', 2, true],
    [-1.5, '-1.50', 2, true],
  ];
  const units: RankedUnit[] = unitNames.map((name, i) => ({
    id: `u${i}`,
    name,
    exact: unitScores[i]![0],
    score: unitScores[i]![0],
    text: unitScores[i]![1],
    rank: unitScores[i]![2],
    tied: unitScores[i]![3],
    experiences: [],
    strongest: [],
    weakest: [],
    illustrative: [],
  }));
  const departments: RankedDepartment[] = deptNames.map((name, i) => ({
    id: `d${i}`,
    name,
    ranked: i < 2,
    exact: i < 2 ? 96 - i : null,
    score: i < 2 ? 96 - i : null,
    text: i < 2 ? `${96 - i}.00` : null,
    rank: i < 2 ? i + 1 : null,
    tied: false,
    experiences: i < 2 ? [`e${i}`] : [],
    experienceCount: i < 2 ? 1 : 0,
    illustrative: [],
  }));
  const experiences: RankedExperience[] = expTitles.map((title, i) => ({
    id: `e${i}`,
    title,
    order: i + 1,
    batch: 1,
    lead: `d${i % 2}`,
    leadName: deptNames[i % 2]!,
    internetPlus: i === 0,
    status: 'active',
    notApplicable: [],
    leadAssessment: {},
    leadTotal: 90,
    unitMean: stat(90, '90.00'),
    exact: 94 - i,
    score: 94 - i,
    text: `${94 - i}.00`,
    rank: i + 1,
    tied: false,
    units: [],
    spread: stat(1, '1.00'),
    illustrative: [],
  }));
  return reportFrom({
    meta: {
      title: names.title ?? '关于全市2017年3项创新改革经验推广推介情况的第三方评估报告',
      year: 2017,
      evaluator: names.evaluator ?? '中共淄博市委党校第三方评估项目组',
      commissionedBy: '中共淄博市委改革办',
      published: { outlet: '淄博日报', date: '2018-07-06' },
      basis: [],
      principles: [],
      fieldwork: {},
      fieldworkLabels: {},
      illustrative: [],
    },
    scheme: {
      scale: 100,
      decimals: 2,
      criteria: [],
      methods: [],
      leadWeight: 0.5,
      notApplicable: 'lowest',
      spreadMethod: 'department',
      spreadMethodName: '部门评估',
      illustrative: [],
    },
    units,
    departments,
    experiences,
    stats: {
      experienceMean: stat(93, '93.00'),
      unitMean: stat(30, '30.71'),
      departmentMean: stat(95.5, '95.50'),
      satisfaction: stat(0.91, '91%'),
      internetPlusShare: stat(1 / 3, '33%'),
      rectificationShare: stat(0.5, '50%'),
      counts: {
        experiences: experiences.length,
        units: units.length,
        departments: departments.length,
        rankedDepartments: 2,
        internetPlus: 1,
        discontinued: 0,
        methods: 0,
        criteria: 0,
        scenarios: 0,
        surveyed: 0,
        unsurveyed: experiences.length,
      },
    },
    survey: { issued: 10, valid: 9, validText: '9', satisfied: 8, illustrative: [] },
  });
}
