/**
 * Prints a score that the model has already rounded: a `Stat`-like object
 * prints its `text`, a number prints with `decimals` places (default 2),
 * and a missing score prints `—`. Never rounds a value the model did not.
 *
 * @example
 * score({ text: '92.56' }) // '92.56'
 * score(95, 2)             // '95.00'
 * score(null)              // '—'
 */
export function score(value: unknown, decimals = 2): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') {
    return (value as { text: string }).text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return value.toFixed(decimals);
  return String(value);
}
