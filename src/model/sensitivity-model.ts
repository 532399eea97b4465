/**
 * Scenarios and sensitivity: every scenario scored and ranked, each item's
 * rank under all of them, and the unit that moves most. Part of `computeReport`.
 */
import { biggestMover } from '../scoring/biggest-mover.ts';
import { mean } from '../scoring/mean.ts';
import { competitionRank, rankOrder } from '../scoring/rank.ts';
import { buildScenarios } from '../scoring/scenarios.ts';
import { scoreScheme, type SchemeWeights } from '../scoring/score-scheme.ts';
import { scoreStat } from '../scoring/score-stat.ts';
import type { ScoringMatrix } from '../scoring/scoring-matrix.ts';
import { sensitivityRows } from '../scoring/sensitivity.ts';
import type { Edition } from '../schema/edition.ts';
import { moverSentence } from './mover-sentence.ts';
import type { RankedDepartment, RankedExperience, RankedUnit, Report, ScenarioRank, ScenarioResult } from './types.ts';

/**
 * Scores and ranks the edition under every scenario (named ones, then one
 * per dropped method) and builds the sensitivity rows and biggest mover.
 * Departments that lead nothing are left out of the rows. A scenario
 * under which some experience or unit has no score left (all of it came
 * from the methods the scenario drops) is left out, with a Chinese
 * warning: ranking such an item last would misreport it. Only a
 * drop-method scenario can come to this; `checkEdition` refuses such a
 * named one where it is written.
 *
 * @example
 * const { scenarios, sensitivity, warnings } = scenarioModels(edition, matrix, baselineWeights, models);
 * sensitivity.units[0].ranks.baseline // the first unit's baseline rank
 */
export function scenarioModels(
  edition: Edition,
  matrix: ScoringMatrix,
  baselineWeights: SchemeWeights,
  models: {
    unitById: Record<string, RankedUnit>;
    departmentById: Record<string, RankedDepartment>;
    experienceById: Record<string, RankedExperience>;
  },
): { scenarios: ScenarioResult[]; sensitivity: Report['sensitivity']; warnings: string[] } {
  const { unitById, departmentById, experienceById } = models;
  const decimals = edition.scheme.decimals;
  const methods = edition.scheme.methods;
  const definitions = buildScenarios(
    { methods, leadWeight: baselineWeights.leadWeight, notApplicable: baselineWeights.notApplicable },
    edition.scheme.scenarios,
  );
  const unitItems = edition.units.map((u) => ({ id: u.id, name: u.name }));
  const departmentItems = edition.departments.map((d) => ({ id: d.id, name: d.name }));
  const experienceItems = edition.experiences.map((e) => ({ id: e.id, name: e.title }));
  const ranksOf = (scores: Float64Array) => competitionRank(Array.from(scores, (s) => scoreStat(s, decimals).score)).map((p) => p.rank);
  const unitRanks: Record<string, number[]> = {};
  const departmentRanks: Record<string, number[]> = {};
  const experienceRanks: Record<string, number[]> = {};
  const warnings: string[] = [];
  const scored = definitions.map((definition) => ({ definition, scores: scoreScheme(matrix, definition) }));
  const kept = scored.filter(({ definition, scores }) => {
    const experiencesLost = edition.experiences.filter((_, e) => Number.isNaN(scores.experiences[e]!)).map((e) => e.id);
    const unitsLost = edition.units.filter((_, u) => Number.isNaN(scores.units[u]!)).map((u) => u.id);
    if (experiencesLost.length === 0 && unitsLost.length === 0) return true;
    const lost = [
      ...(experiencesLost.length ? [`经验 ${listed(experiencesLost)}`] : []),
      ...(unitsLost.length ? [`单位 ${listed(unitsLost)}`] : []),
    ].join('和');
    warnings.push(`情形“${definition.name}”（${definition.id}）未列入敏感性分析：${lost} 的得分全部来自该情形不计的评估方式，无法计算。`);
    return false;
  });
  const definitionsKept = kept.map((k) => k.definition);
  const scenarios: ScenarioResult[] = kept.map(({ definition, scores: scored }) => {
    unitRanks[definition.id] = ranksOf(scored.units);
    departmentRanks[definition.id] = ranksOf(scored.departments);
    experienceRanks[definition.id] = ranksOf(scored.experiences);
    return {
      ...definition,
      units: scenarioRanks(unitItems, scored.units, decimals),
      departments: scenarioRanks(departmentItems, scored.departments, decimals).filter((r) => !Number.isNaN(r.score)),
      experiences: scenarioRanks(experienceItems, scored.experiences, decimals),
    };
  });

  // Departments that lead nothing have no rank anywhere: they stay out of the sensitivity rows.
  const isRanked = departmentItems.map((d) => departmentById[d.id]!.ranked);
  const rankedDepartmentItems = departmentItems.filter((_, d) => isRanked[d]);
  const keepRanked = (ranks: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(ranks).map(([k, list]) => [k, list.filter((_, d) => isRanked[d])]));
  const sensitivity: Report['sensitivity'] = {
    units: sensitivityRows(unitItems, edition.units.map((u) => unitById[u.id]!.rank), unitRanks),
    departments: sensitivityRows(
      rankedDepartmentItems,
      rankedDepartmentItems.map((d) => departmentById[d.id]!.rank!),
      keepRanked(departmentRanks),
    ),
    experiences: sensitivityRows(experienceItems, edition.experiences.map((e) => experienceById[e.id]!.rank), experienceRanks),
  };
  const mover = biggestMover(sensitivity.units, definitionsKept, {
    baseline: baselineWeights,
    notApplicableCount: (unitId) => unitById[unitId]!.experiences.filter((x) => x.composite === null).length,
    methodMeans: (unitId, methodId) => methodMeans(matrix, unitId, methodId),
  });
  if (mover) {
    const { id, name, baselineRank, scenario, scenarioName, scenarioRank } = mover;
    const sentence = moverSentence(mover, { methodNames: Object.fromEntries(methods.map((m) => [m.id, m.name])), decimals });
    sensitivity.biggestMover = { kind: 'unit', id, name, baselineRank, scenario, scenarioName, scenarioRank, sentence };
  }
  return { scenarios, sensitivity, warnings };
}

/** Up to five ids joined by 、, then how many more. */
function listed(ids: readonly string[]): string {
  return ids.length > 5 ? `${ids.slice(0, 5).join('、')} 等 ${ids.length} 个` : ids.join('、');
}

function scenarioRanks(items: ReadonlyArray<{ id: string }>, scores: Float64Array, decimals: number): ScenarioRank[] {
  const printed = Array.from(scores, (s) => scoreStat(s, decimals).score);
  const placings = competitionRank(printed);
  return rankOrder(printed).map((i) => ({ id: items[i]!.id, score: printed[i]!, rank: placings[i]!.rank }));
}

function methodMeans(matrix: ScoringMatrix, unitId: string, methodId: string): { method: number; others: number } {
  const u = matrix.unitIds.indexOf(unitId);
  const m = matrix.methodIds.indexOf(methodId);
  const nU = matrix.unitIds.length;
  const nM = matrix.methodIds.length;
  const own: number[] = [];
  const others: number[] = [];
  for (let e = 0; e < matrix.experienceIds.length; e++) {
    const offset = (e * nU + u) * nM;
    for (let k = 0; k < nM; k++) {
      const s = matrix.scores[offset + k]!;
      if (Number.isNaN(s)) continue;
      (k === m ? own : others).push(s);
    }
  }
  return { method: mean(own), others: mean(others) };
}
