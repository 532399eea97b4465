/**
 * `L(e)`: the lead assessment of an experience, the sum of its criterion
 * points. An empty assessment is 0.
 *
 * @example
 * leadAssessment({ progress: 24, duty: 19, supervision: 19, effect: 24, publicity: 9 }) // 95
 */
export function leadAssessment(points: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const p of Object.values(points)) sum += p;
  return sum;
}
