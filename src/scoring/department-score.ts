import { mean } from './mean.ts';

/**
 * `D(d)`: a lead department's score, the mean of `L(e)` over the
 * experiences it leads. A department that leads none gets NaN (it is
 * listed, not ranked).
 *
 * @example
 * departmentScore([95, 93]) // 94
 * departmentScore([])       // NaN
 */
export function departmentScore(leadTotals: readonly number[]): number {
  return mean(leadTotals);
}
