/**
 * Rules that span fields or files, run after each file has its shape:
 * unique ids, known references, sums, ranges against the scale, the
 * scored/not-applicable split, survey counts and `reported` keys.
 */
import { describeValue, formatPath, type Issue, type PathKey, type Position } from '../data/errors.ts';
import { didYouMean, suggestionText, type Candidate } from './did-you-mean.ts';
import type { ExperienceFile } from './experience-file.ts';
import type { ReportFile } from './report-file.ts';
import { checkCoverage } from './check-coverage.ts';
import { parseReportedKey, REPORTED_COUNTS, REPORTED_PER_EXPERIENCE, REPORTED_STATISTICS } from './reported-keys.ts';
import type { SchemeFile } from './scheme-file.ts';
import type { ActivityFile, SurveyFile } from './survey-file.ts';
import type { DepartmentsFile, UnitsFile } from './units-file.ts';

/** Each file's typed value, or `undefined` when it did not pass its schema. */
export interface EditionParts {
  report?: ReportFile | undefined;
  scheme?: SchemeFile | undefined;
  units?: UnitsFile | undefined;
  departments?: DepartmentsFile | undefined;
  survey?: SurveyFile | undefined;
  activity?: ActivityFile | undefined;
  experiences: Array<ExperienceFile | undefined>;
}

interface Locatable {
  file: string;
  locate: (path: readonly PathKey[]) => Position;
}

/** Locators for the same files, to put each issue on its line. */
export interface EditionLocators {
  report: Locatable;
  scheme: Locatable;
  units: Locatable;
  departments: Locatable;
  survey: Locatable;
  activity?: Locatable | undefined;
  experiences: Locatable[];
}

/** Relative tolerance for sums that must come out exactly (weights to 1, maxima to scale). */
const SUM_TOLERANCE = 1e-9;

/**
 * Runs every cross-field and cross-file rule and returns all issues found.
 * Rules that need a file which failed its schema are skipped (its own
 * issues are already reported).
 *
 * @example
 * checkEdition(parts, files) // [] for a consistent edition
 */
export function checkEdition(parts: EditionParts, where: EditionLocators): Issue[] {
  const issues: Issue[] = [];
  const add = (at: Locatable | undefined, path: PathKey[], message: string, pointAt: PathKey[] = path) => {
    if (!at) return;
    issues.push({ file: at.file, ...at.locate(pointAt), path: formatPath(path), message });
  };
  const { scheme, units, departments, survey, report, activity } = parts;

  // Ids unique within each list.
  const uniqueIds = (items: Array<{ id: string }> | undefined, at: Locatable | undefined, prefix: PathKey[], what: string) => {
    const seen = new Map<string, number>();
    items?.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        add(at, [...prefix, i, 'id'], `${what} id 重复，与第 ${first + 1} 项相同 (expected a unique id, found "${item.id}" again)`);
      } else seen.set(item.id, i);
    });
  };
  uniqueIds(units, where.units, [], '单位');
  uniqueIds(departments, where.departments, [], '牵头部门');
  uniqueIds(scheme?.criteria, where.scheme, ['criteria'], '评估指标');
  uniqueIds(scheme?.methods, where.scheme, ['methods'], '评估方式');
  uniqueIds(scheme?.scenarios, where.scheme, ['scenarios'], '情形');
  uniqueIds(activity, where.activity, [], '活动');

  const unitIds = units ? new Set(units.map((u) => u.id)) : undefined;
  const departmentIds = departments ? new Set(departments.map((d) => d.id)) : undefined;
  const criteria = scheme ? new Map(scheme.criteria.map((c) => [c.id, c])) : undefined;
  const methodIds = scheme ? new Set(scheme.methods.map((m) => m.id)) : undefined;
  const scoreRules = scheme && methodIds && criteria ? { scheme, methodIds, criteria } : undefined;

  if (scheme) checkScheme(scheme, (path, message) => add(where.scheme, path, message));

  // Experiences: unique across files, file name agrees with id, references known, scores in range.
  const experienceIds = new Map<string, number>();
  const applicableCount = new Map<string, number>();
  parts.experiences.forEach((experience, index) => {
    if (!experience) return;
    const at = where.experiences[index]!;
    const here = (path: PathKey[], message: string, pointAt?: PathKey[]) => add(at, path, message, pointAt);
    const first = experienceIds.get(experience.id);
    if (first !== undefined) {
      here(['id'], `经验 id 与 ${where.experiences[first]!.file} 重复 (expected a unique id, found "${experience.id}" again)`);
    } else experienceIds.set(experience.id, index);
    const fileId = /(?:^|\/)\d+-(.+)\.ya?ml$/.exec(at.file)?.[1];
    if (fileId !== undefined && fileId !== experience.id) {
      here(['id'], `文件名中的 id 与文件内 id 不一致 (expected "${fileId}" as in the file name, found "${experience.id}")`);
    }
    if (departmentIds && !departmentIds.has(experience.lead)) {
      here(['lead'], `未知的牵头部门 id，须在 departments.yaml 中列出${meant(experience.lead, departments)} (expected a department id, found "${experience.lead}")`);
    }
    if (unitIds && experience.origin !== undefined && !unitIds.has(experience.origin)) {
      here(['origin'], `未知的单位 id，须在 units.yaml 中列出${meant(experience.origin, units)} (expected a unit id, found "${experience.origin}")`);
    }
    if (criteria && scheme) checkLeadAssessment(experience, criteria, here);
    if (unitIds) {
      for (const unit of Object.keys(experience.not_applicable)) {
        if (!unitIds.has(unit)) {
          here(['not_applicable', unit], `未知的单位 id，须在 units.yaml 中列出${meant(unit, units)} (expected a unit id, found "${unit}")`, ['not_applicable', unit]);
        } else if (Object.prototype.hasOwnProperty.call(experience.scores, unit)) {
          here(['scores', unit], `该单位既有得分又被列为不适用 (expected either scores or not_applicable for "${unit}", found both)`);
        }
      }
    }
    for (const [unit, methods] of Object.entries(experience.scores)) {
      if (unitIds && !unitIds.has(unit)) {
        here(['scores', unit], `未知的单位 id，须在 units.yaml 中列出${meant(unit, units)} (expected a unit id, found "${unit}")`);
        continue;
      }
      applicableCount.set(unit, (applicableCount.get(unit) ?? 0) + 1);
      if (Object.keys(methods).length === 0) {
        here(['scores', unit], `该单位没有任何评估方式的得分 (expected at least one method score, found none)`);
      }
      if (scoreRules) checkMethodScores(unit, methods, scoreRules, here);
    }
    if (units) {
      const missing = units.filter((u) => !Object.hasOwn(experience.scores, u.id) && !Object.hasOwn(experience.not_applicable, u.id));
      for (const unit of missing) {
        here(['scores', unit.id], `适用单位“${unit.name}”没有得分；不适用的请列入 not_applicable (expected scores for "${unit.id}", found nothing)`, ['scores']);
      }
      if (Object.keys(experience.scores).length === 0) {
        here(['scores'], `没有任何单位的得分 (expected scores for at least one unit, found none)`);
      }
    }
  });
  if (units && parts.experiences.every((e) => e !== undefined)) {
    units.forEach((unit, i) => {
      if (!applicableCount.has(unit.id)) {
        add(where.units, [i, 'id'], `该单位在所有经验中均无得分，无法计算单位得分 (expected scores in at least one experience, found none)`);
      }
    });
  }

  // Survey: counts cannot exceed the valid questionnaires.
  if (survey) {
    const at = (path: PathKey[], message: string) => add(where.survey, path, message);
    if (survey.valid > survey.issued) at(['valid'], `有效问卷数不能多于发放数 (expected at most ${survey.issued}, found ${survey.valid})`);
    if (survey.satisfied > survey.valid) at(['satisfied'], `满意人数不能多于有效问卷数 (expected at most ${survey.valid}, found ${survey.satisfied})`);
    for (const [experience, n] of Object.entries(survey.awareness)) {
      if (n > survey.valid) at(['awareness', experience], `知晓人数不能多于有效问卷数 (expected at most ${survey.valid}, found ${n})`);
      if (allExperiencesRead(parts) && !experienceIds.has(experience)) {
        at(['awareness', experience], `未知的经验 id${meant(experience, experienceCandidates(parts))} (expected an experience id, found "${experience}")`);
      }
    }
  }

  // Illustrative scores travel with their notice, worded once in report.yaml.
  if (report && report.illustrative_notice === undefined) {
    const marked = parts.experiences.find((e) => e && (e.illustrative.includes('scores') || e.illustrative.includes('lead_assessment')));
    if (marked) {
      add(where.report, ['illustrative_notice'], `有经验的得分标为示意数据（${marked.id}），须在 report.yaml 写明 illustrative_notice，随每张示意得分表一并印出 (expected illustrative_notice: 所列得分系…示意值…, found nothing)`);
    }
  }

  // reported: every key names a statistic the build computes.
  if (report) {
    for (const key of Object.keys(report.reported)) {
      const parsed = parseReportedKey(key);
      const at = (message: string) => add(where.report, ['reported', key], message);
      if (parsed.kind === 'unknown') {
        at(`未知的统计项${meant(key, reportedCandidates(parts))} (expected one of ${REPORTED_STATISTICS.join(', ')}, ${REPORTED_COUNTS.map((c) => `count:${c}`).join(', ')}, spread:<id>, awareness:<id>; found "${key}")`);
      } else if (parsed.kind === 'count') {
        const printed = report.reported[key]!;
        if (!/^\d+$/.test(printed)) at(`数目须为整数 (expected a whole number like "20", found "${printed}")`);
        // "020" would never match the "20" counted, and the build's mismatch would then blame the data.
        else if (/^0\d/.test(printed)) at(`数目不能以 0 开头，请照原文写 (expected a whole number like "20", found "${printed}")`);
      } else if (parsed.kind !== 'statistic' && allExperiencesRead(parts) && !experienceIds.has(parsed.experience)) {
        at(`未知的经验 id${meant(parsed.experience, experienceCandidates(parts))} (expected an experience id after "${parsed.kind}:", found "${parsed.experience}")`);
      } else if (parsed.kind === 'awareness' && survey && !Object.hasOwn(survey.awareness, parsed.experience)) {
        at(`survey.yaml 中没有该经验的知晓人数 (expected awareness.${parsed.experience} in survey.yaml, found nothing)`);
      }
    }
  }
  // Every unit and experience can be scored under the baseline and each named scenario.
  if (scheme && units) {
    for (const issue of checkCoverage({ scheme, units, experiences: parts.experiences }, where)) issues.push(issue);
  }
  return issues;
}

function allExperiencesRead(parts: EditionParts): boolean {
  return parts.experiences.every((e) => e !== undefined);
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= SUM_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkScheme(scheme: SchemeFile, add: (path: PathKey[], message: string) => void): void {
  const maxSum = scheme.criteria.reduce((s, c) => s + c.max, 0);
  if (!nearlyEqual(maxSum, scheme.scale)) {
    add(['criteria'], `各评估指标满分之和应等于满分 scale (expected ${scheme.scale}, found ${Number(maxSum.toPrecision(12))})`);
  }
  const weightSum = scheme.methods.reduce((s, m) => s + m.weight, 0);
  if (!nearlyEqual(weightSum, 1)) {
    add(['methods'], `各评估方式权重之和应为 1 (expected 1, found ${Number(weightSum.toPrecision(12))})`);
  }
  const methodIds = new Set(scheme.methods.map((m) => m.id));
  if (!methodIds.has(scheme.spread_method)) {
    add(['spread_method'], `未知的评估方式 id${meant(scheme.spread_method, scheme.methods)} (expected one of ${[...methodIds].join(', ')}, found "${scheme.spread_method}")`);
  }
  const generated = new Set(['baseline', ...scheme.methods.map((m) => `without-${m.id}`)]);
  scheme.scenarios.forEach((scenario, i) => {
    if (generated.has(scenario.id)) {
      add(['scenarios', i, 'id'], `情形 id 与自动生成的情形重名 (expected an id other than baseline and without-<method>, found "${scenario.id}")`);
    }
    if (scenario.methods) {
      for (const method of Object.keys(scenario.methods)) {
        if (!methodIds.has(method)) {
          add(['scenarios', i, 'methods', method], `未知的评估方式 id${meant(method, scheme.methods)} (expected one of ${[...methodIds].join(', ')}, found "${method}")`);
        }
      }
      const sum = Object.values(scenario.methods).reduce((s, w) => s + w, 0);
      if (!(sum > 0)) add(['scenarios', i, 'methods'], `情形中各评估方式权重之和须大于 0 (expected a positive sum, found ${sum})`);
    }
  });
}

function checkLeadAssessment(
  experience: ExperienceFile,
  criteria: Map<string, { id: string; max: number }>,
  here: (path: PathKey[], message: string, pointAt?: PathKey[]) => void,
): void {
  for (const [criterion, points] of Object.entries(experience.lead_assessment)) {
    const known = criteria.get(criterion);
    if (!known) {
      here(['lead_assessment', criterion], `未知的评估指标 id${meant(criterion, criterionCandidates(criteria))} (expected one of ${[...criteria.keys()].join(', ')}, found "${criterion}")`);
    } else if (points > known.max) {
      here(['lead_assessment', criterion], `得分超过该指标满分 (expected at most ${known.max}, found ${points})`);
    }
  }
  for (const criterion of criteria.keys()) {
    if (!Object.hasOwn(experience.lead_assessment, criterion)) {
      here(['lead_assessment', criterion], `牵头部门评估缺少该指标的得分 (expected points for "${criterion}", found nothing)`, ['lead_assessment']);
    }
  }
}

/** What a unit's method scores are checked against: the scheme, its method ids and its criteria by id. */
interface ScoreRules {
  scheme: SchemeFile;
  methodIds: Set<string>;
  criteria: Map<string, { id: string; max: number }>;
}

function checkMethodScores(
  unit: string,
  methods: Record<string, number | Record<string, number>>,
  { scheme, methodIds, criteria }: ScoreRules,
  here: (path: PathKey[], message: string, pointAt?: PathKey[]) => void,
): void {
  // Runs for every method score of the edition (2.25 million at 50x): paths are built only for an issue.
  for (const method in methods) {
    const score = methods[method]!;
    if (!methodIds.has(method)) {
      here(['scores', unit, method], `未知的评估方式 id${meant(method, scheme.methods)} (expected one of ${[...methodIds].join(', ')}, found "${method}")`);
      continue;
    }
    if (typeof score === 'number') {
      if (score > scheme.scale) here(['scores', unit, method], `得分超出 0 到 ${scheme.scale} 的范围 (expected a number from 0 to ${scheme.scale}, found ${describeValue(score)})`);
      continue;
    }
    const path: PathKey[] = ['scores', unit, method];
    let sum = 0;
    for (const [criterion, points] of Object.entries(score)) {
      const known = criteria.get(criterion);
      sum += points;
      if (!known) {
        here([...path, criterion], `未知的评估指标 id${meant(criterion, criterionCandidates(criteria))} (expected one of ${[...criteria.keys()].join(', ')}, found "${criterion}")`);
      } else if (points > known.max) {
        here([...path, criterion], `得分超过该指标满分 (expected at most ${known.max}, found ${points})`);
      }
    }
    if (Object.keys(score).length === 0) here(path, `按指标给分的映射不能为空 (expected criterion points, found none)`);
    else if (sum > scheme.scale + SUM_TOLERANCE) here(path, `各指标得分之和超过满分 (expected at most ${scheme.scale}, found ${Number(sum.toPrecision(12))})`);
  }
}

/**
 * The "did you mean" of an unknown reference, ready to follow its Chinese
 * explanation (`；是否应为 淄川区 (zichuan)？`), or empty when no known
 * id is clearly the one meant or the ids are unknown (their file failed).
 *
 * @example
 * meant('zichaun', [{ id: 'zichuan', name: '淄川区' }]) // '；是否应为 淄川区 (zichuan)？'
 */
function meant(input: string, candidates: readonly Candidate[] | undefined): string {
  const hint = suggestionText(candidates && didYouMean(input, candidates));
  return hint === '' ? '' : `；${hint}`;
}

// One list per edition, so that did-you-mean indexes it once however many references miss.
const CRITERION_CANDIDATES = new WeakMap<Map<string, Candidate>, Candidate[]>();
const EXPERIENCE_CANDIDATES = new WeakMap<EditionParts, Candidate[]>();

/** The criteria (with their names) as candidates. */
function criterionCandidates(criteria: Map<string, Candidate>): Candidate[] {
  let list = CRITERION_CANDIDATES.get(criteria);
  if (!list) {
    list = [...criteria.values()];
    CRITERION_CANDIDATES.set(criteria, list);
  }
  return list;
}
const REPORTED_CANDIDATES = new WeakMap<EditionParts, Candidate[]>();

/** The experiences read so far as candidates, named by their titles. */
function experienceCandidates(parts: EditionParts): Candidate[] {
  let list = EXPERIENCE_CANDIDATES.get(parts);
  if (!list) {
    list = parts.experiences.flatMap((e) => (e ? [{ id: e.id, name: e.title }] : []));
    EXPERIENCE_CANDIDATES.set(parts, list);
  }
  return list;
}

/** Every key `reported` may use in this edition. */
function reportedCandidates(parts: EditionParts): Candidate[] {
  let list = REPORTED_CANDIDATES.get(parts);
  if (!list) {
    const perExperience = parts.experiences.flatMap((e) => (e ? REPORTED_PER_EXPERIENCE.map((kind) => ({ id: `${kind}:${e.id}` })) : []));
    list = [...REPORTED_STATISTICS.map((id) => ({ id })), ...REPORTED_COUNTS.map((c) => ({ id: `count:${c}` })), ...perExperience];
    REPORTED_CANDIDATES.set(parts, list);
  }
  return list;
}
