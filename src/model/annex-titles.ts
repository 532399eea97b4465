/**
 * The captions of the report's three annex tables, built from the data
 * (the year and the number of experiences), shared by the site's annexes
 * and every download so that the two cannot name an annex differently.
 */
import type { Report } from './types.ts';

/**
 * The caption of annex `n`: 1 ranks the units, 2 the lead departments, 3
 * the experiences.
 *
 * @example
 * annexTitle(report, 1) // '各区县对2017年20项创新改革经验推广推介情况综合排名表'
 * annexTitle(report, 2) // '20项创新改革经验牵头部门得分及排名'
 * annexTitle(report, 3) // '20项创新改革经验项目得分及排名'
 */
export function annexTitle(report: Pick<Report, 'meta' | 'stats'>, n: 1 | 2 | 3): string {
  const count = report.stats.counts.experiences;
  if (n === 1) return `各区县对${report.meta.year}年${count}项创新改革经验推广推介情况综合排名表`;
  if (n === 2) return `${count}项创新改革经验牵头部门得分及排名`;
  return `${count}项创新改革经验项目得分及排名`;
}
