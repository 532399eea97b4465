import { formatWeight } from '../../scoring/format.ts';

/**
 * Prints a method weight (a fraction) as a percentage with at most two
 * decimals and no trailing zeros, through the one number formatter:
 * 0.4 → `40%`, 0.1875 → `18.75%`, 4/17 → `23.53%` (a re-normalised weight
 * in a scenario).
 *
 * @example
 * weight(0.4)    // '40%'
 * weight(0.125)  // '12.5%'
 * weight(4 / 17) // '23.53%'
 */
export function weight(value: number): string {
  return formatWeight(value);
}
