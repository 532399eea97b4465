/**
 * A small in-memory `Report` for the chart tests: three units (one with a
 * hostile name), three departments (one leading nothing), three experiences
 * (one discontinued, one not applicable to a unit, one not surveyed), and
 * an uncertainty analysis (units and experiences that move, departments
 * that do not). Built by hand so the chart tests need neither files nor
 * the scoring code.
 */
import type { RankedExperience, RankedUnit, Report, ExperienceUnitResult, RankInterval, Uncertainty } from '../../../src/model/types.ts';
import { reportFrom } from '../../helpers/report-shell.ts';

export const HOSTILE = '</script><script>alert(1)</script>"></canvas>';

const stat = (value: number, text: string) => ({ value, text });
const scored = (score: number, text: string) => ({ value: score, text, score });

function unitResult(unit: string, unitName: string, score: number, text: string, rank: number, tied = false): ExperienceUnitResult {
  return {
    unit,
    unitName,
    composite: scored(score, text),
    methods: { department: score, survey: score - 1 },
    rank,
    tied,
  };
}

function experience(fields: Partial<RankedExperience> & Pick<RankedExperience, 'id' | 'title' | 'order' | 'score' | 'text' | 'rank'>): RankedExperience {
  return {
    batch: 1,
    lead: 'dept-a',
    leadName: '市甲局',
    internetPlus: true,
    status: 'active',
    notApplicable: [],
    leadAssessment: { progress: 20 },
    leadTotal: 90,
    unitMean: stat(fields.score, fields.text),
    exact: fields.score,
    tied: false,
    units: [],
    spread: stat(2, '2'),
    illustrative: [],
    ...fields,
  };
}

function unit(id: string, name: string, score: number, text: string, rank: number, tied = false): RankedUnit {
  return { id, name, exact: score, score, text, rank, tied, experiences: [], strongest: [], weakest: [], illustrative: [] };
}

const interval = (id: string, rank: number, median: number, low: number, high: number, top: number): RankInterval => ({ id, rank, median, low, high, top });
const measure = (units: number, experiences: number) => ({ units, departments: 0, experiences, overall: (units * 3 + experiences * 3) / 8 });

/** The fixture's uncertainty analysis: the weights and the lead weight drawn, the policy held. */
export function makeUncertainty(): Uncertainty {
  return {
    draws: 1000,
    seed: 7,
    assumptions: { weights: 0.25, leadWeight: { low: 0.4, high: 0.6 }, notApplicable: ['lowest'] },
    units: [interval('alpha', 1, 1, 1, 2, 0.62), interval('beta', 2, 2, 1, 3, 0.3), interval('gamma', 2, 3, 2, 3, 0.03)],
    departments: [interval('dept-a', 1, 1, 1, 1, 1), interval('dept-b', 2, 2, 2, 2, 0)],
    experiences: [interval('first', 1, 1, 1, 1, 1), interval('second', 2, 2, 2, 3, 0), interval('third', 3, 3, 2, 3, 0)],
    effects: [
      { assumption: 'weights', varied: true, width: measure(1.33, 0.33), shift: measure(0.4, 0.1) },
      { assumption: 'leadWeight', varied: true, width: measure(0, 0.67), shift: measure(0, 0.2) },
      { assumption: 'notApplicable', varied: false, width: measure(0, 0), shift: measure(0, 0) },
    ],
    mostInfluential: { units: 'weights', departments: null, experiences: 'leadWeight', overall: 'weights' },
    indistinct: {
      units: [{ higher: 'alpha', lower: 'beta' }, { higher: 'beta', lower: 'gamma' }],
      departments: [],
      experiences: [{ higher: 'second', lower: 'third' }],
    },
  };
}

/** A fresh fixture report; pass overrides to vary a part (`uncertainty: undefined` for an edition without the analysis). */
export function makeReport(overrides: Partial<Report> = {}): Report {
  const units = [
    unit('alpha', '甲区', 96.12, '96.12', 1),
    unit('beta', HOSTILE, 92.5, '92.50', 2, true),
    unit('gamma', '丙县', 92.5, '92.50', 2, true),
  ];
  const experiences = [
    experience({
      id: 'first', title: '探索建立轻微刑事案件快速办理机制', order: 2, score: 95.3, text: '95.30', rank: 1,
      units: [unitResult('alpha', '甲区', 97, '97.00', 1), unitResult('gamma', '丙县', 90.25, '90.25', 2)],
      notApplicable: [{ unit: 'beta', unitName: HOSTILE, reason: '不适合推广' }],
      awareness: { value: 0.2, text: '20.0%', count: 177 },
    }),
    experience({
      id: 'second', title: '创新数字化大城管', order: 1, score: 93, text: '93.00', rank: 2,
      lead: 'dept-b', leadName: '市乙局',
      units: [unitResult('alpha', '甲区', 94, '94.00', 1), unitResult('beta', HOSTILE, 93, '93.00', 2), unitResult('gamma', '丙县', 92, '92.00', 3)],
      awareness: { value: 0.736, text: '73.6%', count: 651 },
    }),
    experience({
      id: 'third', title: '构建六大数据平台', order: 3, score: 80.5, text: '80.50', rank: 3,
      status: 'discontinued', statusNote: '机构改革',
      units: [unitResult('alpha', '甲区', 81, '81.00', 1)],
    }),
  ];
  const departments = [
    { id: 'dept-a', name: '市甲局', ranked: true, exact: 94, score: 94, text: '94.00', rank: 1, tied: false, experiences: ['first', 'third'], experienceCount: 2, illustrative: [] },
    { id: 'dept-b', name: '市乙局', ranked: true, exact: 93, score: 93, text: '93.00', rank: 2, tied: false, experiences: ['second'], experienceCount: 1, illustrative: [] },
    { id: 'dept-c', name: '市丙办', ranked: false, exact: null, score: null, text: null, rank: null, tied: false, experiences: [], experienceCount: 0, illustrative: [] },
  ];
  return reportFrom({
    meta: {
      title: '测试报告', year: 2017, evaluator: '评估组', commissionedBy: '改革办',
      published: { outlet: '日报', date: '2018-07-06' }, basis: [], principles: [], fieldwork: {}, fieldworkLabels: {}, illustrative: [],
    },
    scheme: {
      scale: 100, decimals: 2, criteria: [{ id: 'progress', name: '工作推进', max: 100 }],
      methods: [{ id: 'department', name: '部门评估', weight: 0.6 }, { id: 'survey', name: '问卷评估', weight: 0.4 }, { id: 'site', name: '现场评估', weight: 0 }],
      leadWeight: 0.5, notApplicable: 'lowest', spreadMethod: 'department', spreadMethodName: '部门评估', illustrative: [],
    },
    units,
    departments,
    experiences,
    stats: {
      experienceMean: stat(89.6, '89.60'), unitMean: stat(93.7, '93.71'), departmentMean: stat(93.5, '93.50'),
      satisfaction: stat(0.91, '91%'), internetPlusShare: stat(1, '100%'), rectificationShare: stat(1, '100%'),
      counts: {
        experiences: 3, units: 3, departments: 3, rankedDepartments: 2, internetPlus: 3, discontinued: 1, methods: 3, criteria: 1,
        scenarios: 0, surveyed: 2, unsurveyed: 1,
      },
    },
    survey: { issued: 910, valid: 885, validText: '885', satisfied: 805, illustrative: [] },
    uncertainty: makeUncertainty(),
    ...overrides,
  });
}
