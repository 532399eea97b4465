/**
 * An edition's scores laid out as flat typed arrays indexed by position,
 * built once so that scoring the baseline and every scenario is a tight
 * loop with no id lookups.
 */
import type { Edition } from '../schema/edition.ts';
import { leadAssessment } from './lead-assessment.ts';
import { methodScore } from './method-score.ts';

/** Flat arrays of an edition's scores; `NaN` marks a missing score. */
export interface ScoringMatrix {
  unitIds: string[];
  experienceIds: string[];
  methodIds: string[];
  departmentIds: string[];
  /** `scores[(e * units + u) * methods + m]`: s(e,u,m), NaN when absent or not applicable. */
  scores: Float64Array;
  /** `applicable[e * units + u]`: 1 when experience e applies to unit u. */
  applicable: Uint8Array;
  /** `leadTotals[e]`: L(e). */
  leadTotals: Float64Array;
  /** `leadOf[e]`: index of the lead department of experience e. */
  leadOf: Int32Array;
}

/**
 * Lays out an edition's scores (criterion maps summed) in source order:
 * units as in units.yaml, experiences by file order, methods and
 * departments as listed. Linear in the number of scores.
 *
 * @example
 * const m = buildScoringMatrix(edition);
 * m.scores[(0 * m.unitIds.length + 2) * m.methodIds.length + 1] // s(first experience, third unit, second method)
 */
export function buildScoringMatrix(edition: Pick<Edition, 'units' | 'experiences' | 'scheme' | 'departments'>): ScoringMatrix {
  const unitIds = edition.units.map((u) => u.id);
  const methodIds = edition.scheme.methods.map((m) => m.id);
  const departmentIds = edition.departments.map((d) => d.id);
  const experienceIds = edition.experiences.map((e) => e.id);
  const unitIndex = new Map(unitIds.map((id, i) => [id, i]));
  const methodIndex = new Map(methodIds.map((id, i) => [id, i]));
  const departmentIndex = new Map(departmentIds.map((id, i) => [id, i]));
  const nU = unitIds.length;
  const nM = methodIds.length;
  const nE = experienceIds.length;

  const scores = new Float64Array(nE * nU * nM).fill(Number.NaN);
  const applicable = new Uint8Array(nE * nU);
  const leadTotals = new Float64Array(nE);
  const leadOf = new Int32Array(nE).fill(-1);

  edition.experiences.forEach((experience, e) => {
    leadTotals[e] = leadAssessment(experience.lead_assessment);
    leadOf[e] = departmentIndex.get(experience.lead) ?? -1;
    for (const unit in experience.scores) {
      const u = unitIndex.get(unit);
      if (u === undefined) continue;
      applicable[e * nU + u] = 1;
      const methods = experience.scores[unit]!;
      const base = (e * nU + u) * nM;
      for (const method in methods) {
        const m = methodIndex.get(method);
        if (m !== undefined) scores[base + m] = methodScore(methods[method]!);
      }
    }
  });
  return { unitIds, experienceIds, methodIds, departmentIds, scores, applicable, leadTotals, leadOf };
}
