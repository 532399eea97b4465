/**
 * A share as a fraction: `part / whole`. A whole of 0 gives NaN, since no
 * share can be stated.
 *
 * @example
 * share(805, 885) // 0.9096…
 * share(18, 20)   // 0.9
 * share(0, 0)     // NaN
 */
export function share(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}
