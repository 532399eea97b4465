/**
 * The unit whose rank moves most across scenarios, and the facts that
 * explain the move: what the scenario changes and how the unit stands on
 * it. The model words them (`src/model/mover-sentence.ts`).
 */
import type { ScenarioDefinition } from './scenarios.ts';
import type { SensitivityRow } from './sensitivity.ts';
import type { NotApplicablePolicy } from './unit-score.ts';

/** What the explanation may look up about a unit under the baseline scheme. */
export interface MoverContext {
  /** Baseline scheme. */
  baseline: { methods: Readonly<Record<string, number>>; notApplicable: NotApplicablePolicy; leadWeight: number };
  /** How many experiences do not apply to the unit. */
  notApplicableCount: (unitId: string) => number;
  /** The unit's mean score under one method, and under all other methods (NaN: no score). */
  methodMeans: (unitId: string, methodId: string) => { method: number; others: number };
}

/** One thing a scenario changes, with how the moving unit stands on it. */
export type MoveCause =
  /** A method the scenario drops; the unit's mean under it and under the other methods (NaN: no score). */
  | { kind: 'dropped-method'; method: string; own: number; others: number }
  /** The not-applicable policy changes; `count` experiences do not apply to the unit. */
  | { kind: 'not-applicable'; from: NotApplicablePolicy; to: NotApplicablePolicy; count: number }
  /** Method weights change (nothing dropped): the scenario's weights in its method order. */
  | { kind: 'reweighted'; weights: Array<{ method: string; weight: number }> };

/** The unit that moves most, the scenario that moves it most, and why. */
export interface Mover {
  id: string;
  name: string;
  baselineRank: number;
  scenario: string;
  scenarioName: string;
  scenarioRank: number;
  /** True when the scenario ranks the unit better than the baseline. */
  rose: boolean;
  /** What the scenario changes, in the order: dropped methods, policy, weights. */
  causes: MoveCause[];
}

/**
 * Picks the row with the largest max − min rank (ties: source order), and
 * for it the scenario whose rank differs most from the baseline (ties:
 * scenario order), with the causes of the move. No rows, or no movement at
 * all, gives undefined.
 *
 * @example
 * biggestMover(rows, scenarios, context)
 * // { id: 'htz', name: '高新区', baselineRank: 9, scenario: 'exclude-na', scenarioName: '不适用项不计入', scenarioRank: 3,
 * //   rose: true, causes: [{ kind: 'not-applicable', from: 'lowest', to: 'exclude', count: 2 }] }
 */
export function biggestMover(
  rows: readonly SensitivityRow[],
  scenarios: readonly ScenarioDefinition[],
  context: MoverContext,
): Mover | undefined {
  let best: SensitivityRow | undefined;
  for (const row of rows) {
    if (row.max - row.min > 0 && (!best || row.max - row.min > best.max - best.min)) best = row;
  }
  if (!best) return undefined;
  const baselineRank = best.ranks.baseline!;
  let chosen: ScenarioDefinition | undefined;
  let moved = 0;
  for (const scenario of scenarios) {
    const delta = Math.abs((best.ranks[scenario.id] ?? baselineRank) - baselineRank);
    if (delta > moved) {
      moved = delta;
      chosen = scenario;
    }
  }
  if (!chosen) return undefined;
  const scenarioRank = best.ranks[chosen.id]!;
  return {
    id: best.id,
    name: best.name,
    baselineRank,
    scenario: chosen.id,
    scenarioName: chosen.name,
    scenarioRank,
    rose: scenarioRank < baselineRank,
    causes: moveCauses(best.id, chosen, context),
  };
}

/**
 * What a scenario changes for a unit, one cause per change: each method it
 * drops (with the unit's mean under that method and under the others), a
 * different not-applicable policy (with how many experiences do not apply
 * to the unit), or, when nothing is dropped, weights that differ from the
 * baseline's re-normalised ones. A scenario that changes only the lead
 * weight gives no cause.
 *
 * @example
 * moveCauses('htz', { kind: 'drop-method', id: 'without-site', methods: { department: 1 }, … }, context)
 * // [{ kind: 'dropped-method', method: 'site', own: 85.2, others: 91.3 }]
 */
export function moveCauses(unitId: string, scenario: ScenarioDefinition, context: MoverContext): MoveCause[] {
  const { baseline } = context;
  const causes: MoveCause[] = [];
  const dropped = Object.keys(baseline.methods).filter((m) => baseline.methods[m]! > 0 && !(scenario.methods[m]! > 0));
  for (const method of dropped) {
    const { method: own, others } = context.methodMeans(unitId, method);
    causes.push({ kind: 'dropped-method', method, own, others });
  }
  if (scenario.notApplicable !== baseline.notApplicable) {
    causes.push({ kind: 'not-applicable', from: baseline.notApplicable, to: scenario.notApplicable, count: context.notApplicableCount(unitId) });
  }
  const kept = Object.keys(scenario.methods);
  const baselineTotal = kept.reduce((s, m) => s + (baseline.methods[m] ?? 0), 0);
  const reweighted =
    dropped.length === 0 &&
    kept.some((m) => Math.abs(scenario.methods[m]! - (baseline.methods[m] ?? 0) / (baselineTotal || 1)) > 1e-9);
  if (reweighted) causes.push({ kind: 'reweighted', weights: kept.map((method) => ({ method, weight: scenario.methods[method]! })) });
  return causes;
}
