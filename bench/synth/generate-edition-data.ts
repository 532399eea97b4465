/**
 * Generate the plain values of a synthetic edition: what the YAML files of an
 * edition of any size would parse to, following the data contract
 * (`/work/shared/design/data-format.md`). Used to benchmark the build at 10×
 * and 50× the Zibo report and to test that nothing depends on the Zibo data.
 *
 * Everything is derived from a seeded generator, so one set of options always
 * gives the same edition. Nothing here reads or writes files.
 */
import { createPrng, type Prng } from './prng.ts';

/** Size and shape of a synthetic edition. */
export interface SynthOptions {
  /** Number of experiences (创新改革经验); at least 1. */
  experiences: number;
  /** Number of assessed units (区县); at least 2, so that a spread exists. */
  units: number;
  /** Number of assessment methods, 1..26; default 5 (the Zibo methods). */
  methods?: number;
  /** Number of lead departments; default 85% of the experiences, at least 1. */
  departments?: number;
  /** Share of experiences that exclude one unit as not applicable, 0..1; default 0.1. */
  notApplicableShare?: number;
  /** Seed of the generator; default 2017. */
  seed?: number;
  /**
   * Monte Carlo draws of scheme.yaml's `uncertainty` block, which draws
   * every assumption (weights ±25%, lead weight 0.4..0.6, all three
   * not-applicable policies); default 10,000, as the Zibo edition. 0
   * leaves the block out.
   */
  uncertaintyDraws?: number;
}

/** One experience file: its file name under `experiences/` and its values. */
export interface SynthExperience {
  fileName: string;
  data: Record<string, unknown>;
}

/** One narrative chapter: its file name under `content/` and its Markdown. */
export interface SynthChapter {
  fileName: string;
  text: string;
}

/** The values of every file of a synthetic edition. */
export interface SynthEditionData {
  report: Record<string, unknown>;
  scheme: Record<string, unknown>;
  units: Array<{ id: string; name: string }>;
  departments: Array<{ id: string; name: string; rectification_plan: boolean }>;
  experiences: SynthExperience[];
  survey: Record<string, unknown>;
  activity: Array<Record<string, unknown>>;
  chapters: SynthChapter[];
}

const NAMED_METHODS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'department', name: '部门评估' },
  { id: 'unit', name: '区县评估' },
  { id: 'forum', name: '座谈评估' },
  { id: 'site', name: '现场评估' },
  { id: 'survey', name: '问卷评估' },
];

const CRITERIA: ReadonlyArray<{ id: string; name: string; max: number }> = [
  { id: 'progress', name: '工作推进', max: 25 },
  { id: 'responsibility', name: '责任落实', max: 20 },
  { id: 'supervision', name: '考核监督', max: 20 },
  { id: 'effect', name: '实际效果', max: 25 },
  { id: 'publicity', name: '舆论宣传', max: 10 },
];

const TOPICS = ['政务服务', '社会治理', '公共文化', '居家养老', '城乡教育', '数字城管', '司法监督', '农业供给', '社保服务', '精准预防', '预算审查', '基层党建'];
const ACTIONS = ['探索建立', '创新构建', '深化推进', '全面推行', '试点开展', '优化完善'];
const FORMS = ['快速办理机制', '服务新模式', '信息共享平台', '联动工作体系', '评议制度', '协同治理格局'];

/**
 * Generate a synthetic edition of the requested size: units and departments
 * in display order, one experience per file with every applicable unit scored
 * by every method, lead assessments within each criterion's maximum, weights
 * summing to 1, and a few printed figures that reconcile with the data.
 *
 * Variety that exercises every rule of the contract appears at fixed
 * rates: about 10% of experiences are discontinued, about 10% (or
 * `notApplicableShare`) exclude one unit as not applicable, a few scores
 * are criterion maps or lack a method.
 *
 * @example
 * const data = generateEditionData({ experiences: 20, units: 9 });
 * data.experiences.length; // 20
 * data.units.length; // 9
 * data.experiences[0].fileName; // '0001-exp-0001.yaml'
 */
export function generateEditionData(options: SynthOptions): SynthEditionData {
  const size = normalizeOptions(options);
  const rng = createPrng(size.seed);

  const units = Array.from({ length: size.units }, (_, i) => ({
    id: `unit-${pad(i + 1, 4)}`,
    name: `样本区县${i + 1}`,
  }));
  const departments = Array.from({ length: size.departments }, (_, i) => ({
    id: `dept-${pad(i + 1, 4)}`,
    name: `样本牵头部门${i + 1}`,
    rectification_plan: rng.chance(0.88),
  }));
  const methods = makeMethods(size.methods);
  const spreadMethod = methods[0]!.id;

  const experiences: SynthExperience[] = [];
  for (let e = 0; e < size.experiences; e++) {
    experiences.push(makeExperience(rng, e, { size, units, departments, methods, spreadMethod }));
  }

  // Survey: a valid count and awareness per experience, kept within range.
  const issued = 100 * size.units + rng.int(0, 99);
  const valid = issued - rng.int(1, Math.max(1, Math.floor(issued / 20)));
  const satisfied = Math.round(valid * (0.85 + 0.1 * rng.next()));
  const awareness: Record<string, number> = {};
  for (const { data } of experiences) {
    awareness[data.id as string] = Math.round(valid * (0.15 + 0.65 * rng.next()));
  }
  const survey = { issued, valid, satisfied, awareness };

  const first = experiences[0]!.data;
  const leading = new Set(experiences.map((x) => x.data.lead as string));
  const rankedDepartments = departments.filter((d) => leading.has(d.id));
  const internetPlus = experiences.filter((x) => x.data.internet_plus === true).length;
  const reported: Record<string, string> = {
    satisfaction: printed(satisfied / valid, 0, true),
    internet_plus_share: printed(internetPlus / experiences.length, 0, true),
    rectification_share: printed(
      rankedDepartments.filter((d) => d.rectification_plan).length / rankedDepartments.length,
      1,
      true,
    ),
    [`spread:${first.id as string}`]: printed(spreadOf(first, spreadMethod), 1, false),
    [`awareness:${first.id as string}`]: printed(awareness[first.id as string]! / valid, 1, true),
  };

  const report = {
    title: `关于全市${size.experiences}项创新改革经验推广推介情况的第三方评估报告(合成数据)`,
    year: 2017,
    evaluator: '合成数据第三方评估项目组',
    commissioned_by: '合成数据委托单位',
    published: { outlet: '合成数据日报', date: '2018-07-06' },
    basis: [
      { code: '合改办发〔2017〕2号', title: '关于推广推介第一批自主创新改革经验的实施意见' },
      { code: '合改办发〔2017〕20号', title: '关于推广推介第二批改革事项的实施意见' },
    ],
    principles: ['突出推广推介实效', '突出问题导向', '突出客观公正'],
    fieldwork: {
      questionnaires_issued: String(issued),
      questionnaires_valid: String(valid),
      forums: `${10 + rng.int(0, 40)}余`,
      site_visits: String(rng.int(10, 99)),
    },
    reported,
  };

  const scheme = {
    scale: 100,
    decimals: 2,
    criteria: CRITERIA.map((c) => ({ ...c })),
    methods,
    lead_weight: 0.5,
    not_applicable: 'lowest',
    spread_method: spreadMethod,
    scenarios: [
      {
        id: 'equal-weights',
        name: '各评估方式等权重',
        methods: Object.fromEntries(methods.map((m) => [m.id, 1 / methods.length])),
      },
      { id: 'exclude-na', name: '不适用项不计入', not_applicable: 'exclude' },
    ],
    ...(size.uncertaintyDraws > 0
      ? {
          uncertainty: {
            draws: size.uncertaintyDraws,
            seed: 20180706,
            weights: 0.25,
            lead_weight: [0.4, 0.6],
            not_applicable: ['lowest', 'exclude', 'zero'],
          },
        }
      : {}),
  };

  const activity = [
    { id: 'site-inspections', label: '实地考察', count: String(rng.int(100, 999)), unit: '次', by: '市直牵头部门' },
    { id: 'promotions', label: '现场推介', count: String(rng.int(100, 999)), unit: '次', by: '市直牵头部门' },
    { id: 'county-notices', label: '督查通报', count: String(rng.int(1000, 9999)), unit: '次', by: '各区县' },
    { id: 'meetings', label: '经验推广推介会议', count: `${rng.int(1, 9)}00余`, unit: '次', by: '全市各级' },
  ];

  return { report, scheme, units, departments, experiences, survey, activity, chapters: makeChapters() };
}

function normalizeOptions(options: SynthOptions): Required<SynthOptions> {
  const experiences = Math.floor(options.experiences);
  const units = Math.floor(options.units);
  const methods = Math.floor(options.methods ?? 5);
  const departments = Math.floor(options.departments ?? Math.max(1, Math.round(experiences * 0.85)));
  if (!(experiences >= 1)) throw new RangeError(`experiences must be at least 1, found ${options.experiences}`);
  if (!(units >= 2)) throw new RangeError(`units must be at least 2, found ${options.units}`);
  if (!(methods >= 1 && methods <= 26)) throw new RangeError(`methods must be from 1 to 26, found ${options.methods}`);
  if (!(departments >= 1)) throw new RangeError(`departments must be at least 1, found ${options.departments}`);
  const notApplicableShare = options.notApplicableShare ?? 0.1;
  if (!(notApplicableShare >= 0 && notApplicableShare <= 1)) {
    throw new RangeError(`notApplicableShare must be from 0 to 1, found ${options.notApplicableShare}`);
  }
  const uncertaintyDraws = Math.floor(options.uncertaintyDraws ?? 10_000);
  if (!(uncertaintyDraws >= 0)) throw new RangeError(`uncertaintyDraws must be 0 or more, found ${options.uncertaintyDraws}`);
  return { experiences, units, methods, departments, notApplicableShare, seed: options.seed ?? 2017, uncertaintyDraws };
}

/**
 * Methods with weights in hundredths that sum to exactly 1: the first method
 * weighs about twice as much as each of the others, so that the equal-weights
 * scenario differs from the baseline.
 */
function makeMethods(count: number): Array<{ id: string; name: string; weight: number }> {
  const base = Math.floor(100 / (count + 1));
  return Array.from({ length: count }, (_, i) => ({
    id: NAMED_METHODS[i]?.id ?? `method-${String.fromCharCode(97 + i)}`,
    name: NAMED_METHODS[i]?.name ?? `评估方式${i + 1}`,
    weight: (i === 0 ? 100 - base * (count - 1) : base) / 100,
  }));
}

/** What every experience of one edition is drawn against: its size, units, departments and methods. */
interface ExperienceFrame {
  size: Required<SynthOptions>;
  units: ReadonlyArray<{ id: string }>;
  departments: ReadonlyArray<{ id: string }>;
  methods: ReadonlyArray<{ id: string }>;
  spreadMethod: string;
}

function makeExperience(rng: Prng, index: number, frame: ExperienceFrame): SynthExperience {
  const { size, units, departments, methods, spreadMethod } = frame;
  const id = `exp-${pad(index + 1, 4)}`;
  const discontinued = rng.chance(0.1);
  // An experience is at most 3 points weaker or stronger than another on average.
  const level = 86 + rng.next() * 10;

  const notApplicable: Record<string, string> = {};
  if (rng.chance(size.notApplicableShare)) notApplicable[rng.pick(units).id] = '不适合在该区县推广推介';

  const leadAssessment = Object.fromEntries(
    CRITERIA.map((c) => [c.id, Math.min(c.max, Math.round(c.max * (0.8 + 0.2 * rng.next())))]),
  );

  const scores: Record<string, Record<string, unknown>> = {};
  for (const unit of units) {
    if (unit.id in notApplicable) continue;
    const byMethod: Record<string, unknown> = {};
    for (const method of methods) {
      // Any method but the spread method may be missing now and then.
      if (method.id !== spreadMethod && rng.chance(0.01)) continue;
      byMethod[method.id] = rng.chance(0.02) ? criterionPoints(rng, level) : score(rng, level);
    }
    scores[unit.id] = byMethod;
  }

  const data: Record<string, unknown> = {
    id,
    title: `${rng.pick(ACTIONS)}${rng.pick(TOPICS)}${rng.pick(FORMS)}(第${index + 1}项)`,
    batch: index < size.experiences / 2 ? 1 : 2,
    lead: departments[index % departments.length]!.id,
    ...(rng.chance(0.7) ? { origin: rng.pick(units).id } : {}),
    internet_plus: rng.chance(0.9),
    status: discontinued ? 'discontinued' : 'active',
    ...(discontinued ? { status_note: '因机构改革原因终止推广推介' } : {}),
    ...(Object.keys(notApplicable).length > 0 ? { not_applicable: notApplicable } : {}),
    lead_assessment: leadAssessment,
    scores,
  };
  return { fileName: `${pad(index + 1, 4)}-${id}.yaml`, data };
}

/** A score near `level`, in whole or half points, within 0..100. */
function score(rng: Prng, level: number): number {
  const raw = level + (rng.next() - 0.5) * 16;
  return Math.min(100, Math.max(0, Math.round(raw * 2) / 2));
}

/** A score written as criterion points, each within its criterion's maximum. */
function criterionPoints(rng: Prng, level: number): Record<string, number> {
  const share = Math.min(1, Math.max(0, (level + (rng.next() - 0.5) * 16) / 100));
  return Object.fromEntries(CRITERIA.map((c) => [c.id, Math.min(c.max, Math.round(c.max * share))]));
}

function spreadOf(experience: Record<string, unknown>, method: string): number {
  const values = Object.values(experience.scores as Record<string, Record<string, unknown>>).map((m) => {
    const s = m[method];
    return typeof s === 'number' ? s : Object.values(s as Record<string, number>).reduce((a, b) => a + b, 0);
  });
  return Math.max(...values) - Math.min(...values);
}

/**
 * Print a value the way the contract's reconciliation does: drop float noise
 * by rounding to 12 significant digits, then round half up.
 */
function printed(value: number, decimals: number, percent: boolean): string {
  const scaled = Number(((percent ? value * 100 : value) * 10 ** decimals).toPrecision(12));
  const text = (Math.round(scaled) / 10 ** decimals).toFixed(decimals);
  return percent ? `${text}%` : text;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Narrative chapters whose every figure is a template expression over `report`. */
function makeChapters(): SynthChapter[] {
  const filler =
    '项目组通过区县评估、部门评估、座谈评估、现场评估、问卷评估等方式,从不同角度获取第一手资料,' +
    '对创新改革经验推广推介情况进行了全面、客观的评估。各牵头部门和区县按照统一部署要求,扎实推进创新经验落地生根。';
  return [
    {
      fileName: '01-overview.md',
      text: [
        '---',
        'title: 基本情况',
        '---',
        '',
        '评估期间共发放调查问卷{{ report.meta.fieldwork.questionnaires_issued }}份,回收有效问卷{{ report.meta.fieldwork.questionnaires_valid }}份,' +
          '召开座谈会{{ report.meta.fieldwork.forums }}场,实地考察{{ report.meta.fieldwork.site_visits }}个具体工作项目。',
        '',
        filler,
        '',
        filler,
        '',
      ].join('\n'),
    },
    {
      fileName: '02-results.md',
      text: [
        '---',
        'title: 主要成效',
        '---',
        '',
        '{{ report.stats.counts.experiences }}项创新改革经验推广推介情况平均得分达到{{ report.stats.experienceMean.text }}分,' +
          '各区县推广推介情况平均得分达到{{ report.stats.unitMean.text }}分,群众满意度测评达到{{ report.stats.satisfaction.text }}。',
        '',
        '## 区县排名',
        '',
        '综合排名第一的是{{ report.units[0].name }},得分{{ report.units[0].text }}分;' +
          '得分最高的创新改革经验是“{{ report.experiences[0].title }}”,得分{{ report.experiences[0].text }}分。',
        '',
        filler,
        '',
      ].join('\n'),
    },
    {
      fileName: '03-problems.md',
      text: [
        '---',
        'title: 主要问题',
        '---',
        '',
        '有{{ report.stats.counts.discontinued }}项经验未持续推广;互联网+事项占评估总事项的{{ report.stats.internetPlusShare.text }}。' +
          '市直牵头部门制定整改方案的占{{ report.stats.rectificationShare.text }}。',
        '',
        filler,
        '',
      ].join('\n'),
    },
  ];
}
