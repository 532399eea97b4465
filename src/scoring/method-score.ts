/**
 * The score a method gave: the number as typed, or the sum of a
 * criterion map's points. An empty map sums to 0.
 *
 * @example
 * methodScore(96)                                  // 96
 * methodScore({ progress: 24, effect: 23.5 })      // 47.5
 */
export function methodScore(score: number | Readonly<Record<string, number>>): number {
  if (typeof score === 'number') return score;
  let sum = 0;
  for (const points of Object.values(score)) sum += points;
  return sum;
}
