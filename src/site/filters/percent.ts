import { formatPercent } from '../../scoring/format.ts';

/**
 * Prints a share as a percentage: a `Stat` prints its own `text` (already at
 * the published precision); a bare fraction prints half up with `decimals`
 * places (default 1) through the one number formatter; a missing share, or
 * a number that is not finite, prints `—`.
 *
 * @example
 * percent({ value: 0.9096, text: '91%' }) // '91%'
 * percent(0.4)                            // '40.0%'
 * percent(0.25, 0)                        // '25%'
 */
export function percent(value: unknown, decimals = 1): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? formatPercent(value, decimals) : '—';
  return String(value);
}
