/**
 * The unit whose rank moves most across scenarios, and a Chinese sentence
 * that says where it moves and why, built only from the data.
 */
import type { NotApplicablePolicy, ScenarioDefinition, SensitivityRow } from '../model/types.ts';
import { formatHalfUp } from './round-half-up.ts';

const POLICY_NAMES: Record<NotApplicablePolicy, string> = {
  exclude: '不计入',
  lowest: '按该项最低分计入',
  zero: '按0分计入',
};

/** What the sentence may cite about the mover. */
export interface MoverFacts {
  /** Baseline scheme. */
  baseline: { methods: Readonly<Record<string, number>>; notApplicable: NotApplicablePolicy; leadWeight: number };
  methodNames: Readonly<Record<string, string>>;
  decimals: number;
  /** For the mover: how many experiences do not apply to it. */
  notApplicableCount: (unitId: string) => number;
  /** For the mover: its mean score under one method, and under all other methods. */
  methodMeans: (unitId: string, methodId: string) => { method: number; others: number };
}

/** The biggest mover, or undefined when no unit's rank changes. */
export interface BiggestMover {
  kind: 'unit';
  id: string;
  name: string;
  baselineRank: number;
  scenario: string;
  scenarioName: string;
  scenarioRank: number;
  /** A Chinese sentence generated from the data, naming the mover and why. */
  sentence: string;
}

/**
 * Picks the row with the largest max − min rank (ties: source order), and
 * for it the scenario whose rank differs most from the baseline (ties:
 * scenario order). No rows, or no movement at all, gives undefined.
 *
 * @example
 * biggestMover(rows, scenarios, facts)?.sentence
 * // '在“不适用项不计入”情形下，高新区的排名由第9位升至第3位，变动最大，原因是高新区有2项经验不适用，该情形将不适用项由“按该项最低分计入”改为“不计入”。'
 */
export function biggestMover(
  rows: readonly SensitivityRow[],
  scenarios: readonly ScenarioDefinition[],
  facts: MoverFacts,
): BiggestMover | undefined {
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
  const direction = scenarioRank < baselineRank ? '升至' : '降至';
  const cause = explainMove(best, chosen, scenarioRank < baselineRank, facts);
  const sentence =
    `在“${chosen.name}”情形下，${best.name}的排名由第${baselineRank}位${direction}第${scenarioRank}位，变动最大` +
    (cause ? `，原因是${cause}。` : '。');
  return {
    kind: 'unit',
    id: best.id,
    name: best.name,
    baselineRank,
    scenario: chosen.id,
    scenarioName: chosen.name,
    scenarioRank,
    sentence,
  };
}

/**
 * Says why a scenario moves a unit, one clause per thing the scenario
 * changes: a dropped method (the unit's score under it against its other
 * methods), a not-applicable policy (how many items do not apply to it),
 * or method weights.
 *
 * @example
 * explainMove(row, { kind: 'drop-method', id: 'without-site', … }, true, facts)
 * // '高新区的现场评估平均得分（85.20）低于其在其他评估方式的平均得分（91.30），不计该方式后排名上升'
 */
export function explainMove(
  row: SensitivityRow,
  scenario: ScenarioDefinition,
  rose: boolean,
  facts: MoverFacts,
): string {
  const clauses: string[] = [];
  const fmt = (x: number) => formatHalfUp(x, facts.decimals);
  const dropped = Object.keys(facts.baseline.methods).filter((m) => facts.baseline.methods[m]! > 0 && !(scenario.methods[m]! > 0));
  for (const method of dropped) {
    const { method: own, others } = facts.methodMeans(row.id, method);
    const name = facts.methodNames[method] ?? method;
    if (Number.isNaN(own) || Number.isNaN(others)) {
      clauses.push(`${row.name}没有${name}的得分，不计该方式后其他单位的得分随之变化`);
      continue;
    }
    const relation = own < others ? '低于' : own > others ? '高于' : '等于';
    clauses.push(`${row.name}的${name}平均得分（${fmt(own)}）${relation}其在其他评估方式的平均得分（${fmt(others)}），不计该方式后排名${rose ? '上升' : '下降'}`);
  }
  if (scenario.notApplicable !== facts.baseline.notApplicable) {
    const n = facts.notApplicableCount(row.id);
    const change = `将不适用项由“${POLICY_NAMES[facts.baseline.notApplicable]}”改为“${POLICY_NAMES[scenario.notApplicable]}”`;
    clauses.push(
      n > 0
        ? `${row.name}有${n}项经验不适用，该情形${change}`
        : `${row.name}没有不适用的经验，该情形${change}，改变了其他单位的得分`,
    );
  }
  const kept = Object.keys(scenario.methods);
  const baselineTotal = kept.reduce((s, m) => s + (facts.baseline.methods[m] ?? 0), 0);
  const reweighted =
    dropped.length === 0 &&
    kept.some((m) => Math.abs(scenario.methods[m]! - (facts.baseline.methods[m] ?? 0) / (baselineTotal || 1)) > 1e-9);
  if (reweighted) {
    const weights = kept.map((m) => `${facts.methodNames[m] ?? m}${formatHalfUp(scenario.methods[m]! * 100, 1).replace(/\.0$/, '')}%`);
    clauses.push(`该情形将各评估方式的权重调整为${weights.join('、')}`);
  }
  return clauses.join('；');
}
