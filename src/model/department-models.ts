/**
 * The department view of a report: ranked departments by score, then those
 * that lead nothing, listed unranked with a warning. Part of `computeReport`.
 */
import { competitionRank, rankOrder, type Placing } from '../scoring/rank.ts';
import type { SchemeScores } from '../scoring/score-scheme.ts';
import { scoreStat } from '../scoring/score-stat.ts';
import type { Edition } from '../schema/edition.ts';
import type { RankedDepartment } from './types.ts';

/**
 * Builds every department's model: ranked ones by rank (ties in source
 * order), then unranked ones in source order; with a Chinese warning for
 * each department that leads nothing.
 *
 * @example
 * const { departments, warnings } = departmentModels(edition, base);
 * departments.at(-1)?.ranked // false when one leads nothing, and warnings names it
 */
export function departmentModels(edition: Edition, base: SchemeScores): { departments: RankedDepartment[]; warnings: string[] } {
  const decimals = edition.scheme.decimals;
  const warnings: string[] = [];
  const scores = Array.from(base.departments, (s) => scoreStat(s, decimals));
  const ledIndexes = edition.departments.map((_, d) => d).filter((d) => !Number.isNaN(base.departments[d]!));
  const placings = competitionRank(ledIndexes.map((d) => scores[d]!.score));
  const led = new Map<string, string[]>();
  for (const e of edition.experiences) {
    const list = led.get(e.lead);
    if (list) list.push(e.id);
    else led.set(e.lead, [e.id]);
  }

  const make = (d: number, placing: Placing | undefined): RankedDepartment => {
    const department = edition.departments[d]!;
    const s = scores[d]!;
    return {
      id: department.id,
      name: department.name,
      ranked: placing !== undefined,
      exact: placing ? s.value : null,
      score: placing ? s.score : null,
      text: placing ? s.text : null,
      rank: placing ? placing.rank : null,
      tied: placing ? placing.tied : false,
      experiences: led.get(department.id) ?? [],
      experienceCount: led.get(department.id)?.length ?? 0,
      ...(department.rectification_plan !== undefined ? { rectificationPlan: department.rectification_plan } : {}),
      illustrative: [...department.illustrative],
    };
  };
  const ranked = rankOrder(ledIndexes.map((d) => scores[d]!.score)).map((i) => make(ledIndexes[i]!, placings[i]!));
  const unranked = edition.departments
    .map((_, d) => d)
    .filter((d) => Number.isNaN(base.departments[d]!))
    .map((d) => {
      const department = edition.departments[d]!;
      warnings.push(`牵头部门“${department.name}”（${department.id}）没有牵头任何经验：列出但不参与排名。`);
      return make(d, undefined);
    });
  return { departments: [...ranked, ...unranked], warnings };
}
