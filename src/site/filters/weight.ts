/**
 * Prints a method weight (a fraction) as a percentage without noise:
 * 0.4 → `40%`, 0.125 → `12.5%`.
 *
 * @example
 * weight(0.4)   // '40%'
 * weight(0.125) // '12.5%'
 */
export function weight(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}
