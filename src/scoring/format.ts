/**
 * The one number formatter: every figure a reader sees (a score, a mean, a
 * share, a weight) is printed here, half up after dropping binary noise
 * (see `round-half-up.ts`), so a page, a download, a chart, report.json and
 * the browser print the same digits for the same value. Pure and free of
 * Node: the browser bundle uses it as it is.
 */
import { formatHalfUp, roundHalfUp } from './round-half-up.ts';

/** Decimals and percent sign of a printed figure. */
export interface PrintedPrecision {
  decimals: number;
  percent: boolean;
}

/**
 * Below this, a value rounded at `decimals` places times `10 ** decimals`
 * is an integer that a double holds exactly, so `toFixed` only pads it.
 */
const EXACT_SCALED = 2 ** 52;

/** Most decimals a figure prints with (a scheme allows 6; a chapter's filter may ask for more). */
export const MAX_DECIMALS = 20;

/**
 * Prints a score half up at exactly `decimals` places; a value that is not
 * a finite number prints `—`. The same digits as `formatHalfUp`, by way of
 * `roundHalfUp`'s fast path for ordinary scores. Throws a RangeError, in
 * Chinese, for decimals that are not a whole number from 0 to 20.
 *
 * @example
 * formatScore(1.005, 2)            // '1.01' (toFixed gives '1.00')
 * formatScore(73.57499999999999, 2) // '73.58'
 * formatScore(95, 2)               // '95.00'
 * formatScore(0.5, 0)              // '1'
 * formatScore(Number.NaN, 2)       // '—'
 */
export function formatScore(value: number, decimals: number): string {
  if (!(Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS)) {
    throw new RangeError(`小数位数应为 0～${MAX_DECIMALS} 的整数 (expected decimals from 0 to ${MAX_DECIMALS}, found ${decimals})`);
  }
  if (!Number.isFinite(value)) return '—';
  const rounded = roundHalfUp(value, decimals);
  if (Math.abs(rounded) * 10 ** decimals >= EXACT_SCALED) return formatHalfUp(value, decimals);
  // −0 and a negative value that rounds to zero print without a sign, as formatHalfUp does.
  return rounded === 0 ? (0).toFixed(decimals) : rounded.toFixed(decimals);
}

/**
 * Reads the precision of a printed figure: how many decimals it has, and
 * whether it is a percentage.
 *
 * @example
 * printedPrecision('94.24') // { decimals: 2, percent: false }
 * printedPrecision('91%')   // { decimals: 0, percent: true }
 * printedPrecision('18.5')  // { decimals: 1, percent: false }
 */
export function printedPrecision(printed: string): PrintedPrecision {
  const trimmed = printed.trim();
  const percent = trimmed.endsWith('%');
  const number = percent ? trimmed.slice(0, -1) : trimmed;
  const dot = number.indexOf('.');
  return { decimals: dot === -1 ? 0 : number.length - dot - 1, percent };
}

/**
 * Formats a fraction as a percentage, half up at `decimals`; a share that
 * cannot be stated (NaN) prints `—%`.
 *
 * @example
 * formatPercent(0.736, 1)            // '73.6%'
 * formatPercent(805 / 885, 0)        // '91%'
 * formatPercent(0.9, 0)              // '90%'
 */
export function formatPercent(fraction: number, decimals: number): string {
  return `${formatScore(fraction * 100, decimals)}%`;
}

/**
 * Formats a method weight (a fraction) as a percentage with at most two
 * decimals, half up, and no trailing zeros: a re-normalised weight such as
 * 4/17 prints `23.53%`, a typed one such as 0.4 prints `40%`.
 *
 * @example
 * formatWeight(0.4)    // '40%'
 * formatWeight(0.125)  // '12.5%'
 * formatWeight(4 / 17) // '23.53%'
 * formatWeight(1 / 3)  // '33.33%'
 */
export function formatWeight(fraction: number): string {
  const text = formatScore(fraction * 100, 2);
  return `${text.includes('.') ? text.replace(/\.?0+$/, '') : text}%`;
}

/**
 * Formats a computed value at the precision of a printed figure; a `%`
 * means the value is a fraction to be shown times 100.
 *
 * @example
 * formatLike(94.2449, '94.24')   // '94.24'
 * formatLike(805 / 885, '91%')   // '91%'
 * formatLike(15 / 17, '88.2%')   // '88.2%'
 */
export function formatLike(value: number, printed: string): string {
  const { decimals, percent } = printedPrecision(printed);
  return percent ? formatPercent(value, decimals) : formatScore(value, decimals);
}
