/**
 * Scenarios and sensitivity: every scenario scored and ranked, each item's
 * rank under all of them, and the unit that moves most. Part of `computeReport`.
 */
import { biggestMover } from '../ranking/biggest-mover.ts';
import { mean } from '../ranking/mean.ts';
import { competitionRank, rankOrder } from '../ranking/rank.ts';
import { buildScenarios } from '../ranking/scenarios.ts';
import { scoreScheme, type SchemeWeights } from '../ranking/score-scheme.ts';
import { scoreStat } from '../ranking/score-stat.ts';
import type { ScoringMatrix } from '../ranking/scoring-matrix.ts';
import { sensitivityRows } from '../ranking/sensitivity.ts';
import type { Edition } from '../schema/edition.ts';
import type { RankedDepartment, RankedExperience, RankedUnit, Report, ScenarioRank, ScenarioResult } from './types.ts';

/**
 * Scores and ranks the edition under every scenario (named ones, then one
 * per dropped method) and builds the sensitivity rows and biggest mover.
 * Departments that lead nothing are left out of the rows.
 *
 * @example
 * const { scenarios, sensitivity } = scenarioModels(edition, matrix, baselineWeights, models);
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
): { scenarios: ScenarioResult[]; sensitivity: Report['sensitivity'] } {
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
  const scenarios: ScenarioResult[] = definitions.map((definition) => {
    const scored = scoreScheme(matrix, definition);
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
  const mover = biggestMover(sensitivity.units, definitions, {
    baseline: baselineWeights,
    methodNames: Object.fromEntries(methods.map((m) => [m.id, m.name])),
    decimals,
    notApplicableCount: (unitId) => unitById[unitId]!.experiences.filter((x) => x.composite === null).length,
    methodMeans: (unitId, methodId) => methodMeans(matrix, unitId, methodId),
  });
  if (mover) sensitivity.biggestMover = mover;
  return { scenarios, sensitivity };
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
