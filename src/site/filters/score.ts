import { formatScore } from '../../scoring/format.ts';

/**
 * Prints a score: a `Stat`-like object prints its `text` (the model's, at
 * the published precision), a number prints half up with `decimals` places
 * (default 2) through the one number formatter, and a missing score or a
 * number that is not finite prints `—`.
 *
 * @example
 * score({ text: '92.56' }) // '92.56'
 * score(95, 2)             // '95.00'
 * score(1.005, 2)          // '1.01'
 * score(null)              // '—'
 */
export function score(value: unknown, decimals = 2): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  if (typeof value === 'number') return formatScore(value, decimals);
  return String(value);
}
