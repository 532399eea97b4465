/**
 * The schemes a sensitivity analysis re-ranks under: every scenario named
 * in scheme.yaml, then one per method with that method dropped.
 */
import { ownRecord } from './own-record.ts';
import type { NotApplicablePolicy } from './unit-score.ts';

/** One scheme the sensitivity analysis re-ranks under. */
export interface ScenarioDefinition {
  id: string;
  name: string;
  /** How the scenario arose: listed in scheme.yaml, or one method dropped. */
  kind: 'named' | 'drop-method';
  /** Method weights in force under the scenario (dropped methods absent). */
  methods: Record<string, number>;
  notApplicable: NotApplicablePolicy;
  leadWeight: number;
}

/** The parts of a scheme a scenario can change. */
export interface SchemeSettings {
  methods: ReadonlyArray<{ id: string; name: string; weight: number }>;
  leadWeight: number;
  notApplicable: NotApplicablePolicy;
}

/** A scenario as written in scheme.yaml. */
export interface NamedScenarioInput {
  id: string;
  name: string;
  methods?: Readonly<Record<string, number>> | undefined;
  not_applicable?: NotApplicablePolicy | undefined;
  lead_weight?: number | undefined;
}

/**
 * Re-normalises weights to sum to 1 and drops zero weights. All-zero or
 * empty input gives {}.
 *
 * @example
 * normaliseWeights({ a: 1, b: 1, c: 0 }) // { a: 0.5, b: 0.5 }
 */
export function normaliseWeights(weights: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(weights).reduce((s, w) => s + (w > 0 ? w : 0), 0);
  const out = ownRecord<number>([]);
  if (!(total > 0)) return out;
  for (const [id, w] of Object.entries(weights)) if (w > 0) out[id] = w / total;
  return out;
}

/**
 * Builds the scenario list: named scenarios first (what they leave out is
 * taken from the baseline; listed method weights replace the baseline's,
 * methods not listed are dropped, and weights are re-normalised), then
 * `without-<method>` for each method, named `不计<方法名>`, with the other
 * weights re-normalised. A scheme with one method gets no drop-method
 * scenario, since nothing would be left to score.
 *
 * @example
 * buildScenarios({ methods: [{ id: 'a', name: '甲', weight: 0.5 }, { id: 'b', name: '乙', weight: 0.5 }],
 *   leadWeight: 0.5, notApplicable: 'lowest' }, []).map((s) => s.id)
 * // ['without-a', 'without-b']
 */
export function buildScenarios(
  scheme: SchemeSettings,
  named: readonly NamedScenarioInput[],
): ScenarioDefinition[] {
  const baseline = ownRecord(scheme.methods.map((m) => [m.id, m.weight]));
  const out: ScenarioDefinition[] = named.map((s) => ({
    id: s.id,
    name: s.name,
    kind: 'named',
    methods: normaliseWeights(s.methods ?? baseline),
    notApplicable: s.not_applicable ?? scheme.notApplicable,
    leadWeight: s.lead_weight ?? scheme.leadWeight,
  }));
  if (scheme.methods.length > 1) {
    for (const dropped of scheme.methods) {
      const rest = ownRecord(scheme.methods.filter((m) => m.id !== dropped.id).map((m) => [m.id, m.weight]));
      out.push({
        id: `without-${dropped.id}`,
        name: `不计${dropped.name}`,
        kind: 'drop-method',
        methods: normaliseWeights(rest),
        notApplicable: scheme.notApplicable,
        leadWeight: scheme.leadWeight,
      });
    }
  }
  return out;
}
