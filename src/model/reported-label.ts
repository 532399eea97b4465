/**
 * What a `reported` figure measures, in the words a reader of the report
 * uses: the method page's reconciliation table names each figure so, never
 * by its key in report.yaml.
 */
import { parseReportedKey } from '../schema/reported-keys.ts';

/** What the labels are built from: the edition's counts, the spread method's name and the experiences' titles. */
export interface LabelContext {
  counts: { experiences: number; units: number; rankedDepartments: number };
  /** The name of the method whose spread is reported (`部门评估`). */
  spreadMethodName: string;
  /** An experience's title by id, undefined for an unknown id. */
  experienceTitle: (id: string) => string | undefined;
}

/**
 * Names the statistic behind a `reported` key in Chinese: means name how
 * many items they average (`20项经验平均得分`), a per-experience figure
 * names the experience after a dash (`知晓率——<title>`), a count names
 * what it counts. A key that names an unknown experience keeps the id in
 * place of the title; a key that is not a `reported` key prints as given.
 *
 * @example
 * reportedLabel('experience_mean', context)             // '20项经验平均得分'
 * reportedLabel('spread:minor-criminal-cases', context) // '各单位部门评估得分最高与最低之差——探索建立轻微刑事案件快速办理机制'
 * reportedLabel('count:units', context)                 // '参与评估的单位数'
 */
export function reportedLabel(key: string, context: LabelContext): string {
  const { counts } = context;
  const parsed = parseReportedKey(key);
  switch (parsed.kind) {
    case 'statistic':
      return {
        experience_mean: `${counts.experiences}项经验平均得分`,
        unit_mean: `${counts.units}个单位平均得分`,
        department_mean: `${counts.rankedDepartments}个牵头部门平均得分`,
        satisfaction: '群众满意度',
        rectification_share: '制定整改方案的牵头部门占比',
        internet_plus_share: '“互联网+”类经验占比',
      }[parsed.statistic];
    case 'spread':
      return `各单位${context.spreadMethodName}得分最高与最低之差——${context.experienceTitle(parsed.experience) ?? parsed.experience}`;
    case 'awareness':
      return `群众知晓率——${context.experienceTitle(parsed.experience) ?? parsed.experience}`;
    case 'count':
      return { experiences: '评估的经验项数', units: '参与评估的单位数', departments: '参与排名的牵头部门数' }[parsed.count];
    default:
      return key;
  }
}
