/**
 * One Monte Carlo draw of the assumptions a ranking rests on: the method
 * weights, the lead weight and the not-applicable policy.
 */
import type { NotApplicablePolicy } from './unit-score.ts';

/** How far each assumption may move, and where it stays when it is held fixed. */
export interface AssumptionRanges {
  /** Baseline method weights, in the scoring matrix's method order. */
  weights: ArrayLike<number>;
  /** Relative half-width h of each weight's range, 0 ≤ h < 1. */
  weightSpread: number;
  /** Range the lead weight is drawn from (low = high fixes it). */
  leadWeight: { low: number; high: number };
  /** Policies drawn, each equally likely; never empty. */
  notApplicable: readonly NotApplicablePolicy[];
  /** The scheme's own lead weight and policy, where a run holds an assumption. */
  baseline: { leadWeight: number; notApplicable: NotApplicablePolicy };
}

/** The assumptions a draw samples. */
export type Assumption = 'weights' | 'leadWeight' | 'notApplicable';

/** One draw's assumptions, filled in place so a run allocates nothing per draw. */
export interface DrawnAssumptions {
  /** Method weights, normalised to sum to 1. */
  weights: Float64Array;
  leadWeight: number;
  notApplicable: NotApplicablePolicy;
}

/**
 * Numbers taken from `random` per draw: one per method, then one for the
 * lead weight and one for the policy, even for a range of one value, so
 * that draw k always reads the same numbers.
 *
 * @example
 * randomsPerDraw(5) // 7
 */
export function randomsPerDraw(methods: number): number {
  return methods + 2;
}

/**
 * Draws one set of assumptions into `out`: each method weight uniform in
 * w·(1−h)..w·(1+h), then all normalised to sum 1; the lead weight uniform
 * in its range; one policy, each equally likely. Consumes exactly
 * `randomsPerDraw(methods)` numbers. Zero weights stay 0; all-zero
 * weights stay all zero (no composite counts them anyway).
 *
 * @example
 * const out = { weights: new Float64Array(2), leadWeight: 0, notApplicable: 'lowest' as const };
 * drawAssumptions(() => 0.5, ranges, out);
 * // r = 0.5 is the middle of every range: weights as given, the lead range's midpoint,
 * // and the policy at index floor(0.5 · count)
 */
export function drawAssumptions(random: () => number, ranges: AssumptionRanges, out: DrawnAssumptions): DrawnAssumptions {
  const { weights, weightSpread } = ranges;
  let total = 0;
  for (let m = 0; m < weights.length; m++) {
    const w = weights[m]! * (1 + weightSpread * (2 * random() - 1));
    out.weights[m] = w;
    total += w;
  }
  if (total > 0) for (let m = 0; m < weights.length; m++) out.weights[m] = out.weights[m]! / total;

  const lead = random();
  const { low, high } = ranges.leadWeight;
  out.leadWeight = low === high ? low : low + (high - low) * lead;

  const policies = ranges.notApplicable;
  out.notApplicable = policies[Math.floor(random() * policies.length)]!;
  return out;
}
