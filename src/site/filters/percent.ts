/**
 * Prints a share as a percentage: a `Stat` prints its own `text` (already at
 * the published precision); a bare fraction prints with `decimals` places
 * (default 1); a missing share prints `—`.
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
  if (typeof value === 'number' && Number.isFinite(value)) return `${(value * 100).toFixed(decimals)}%`;
  return String(value);
}
