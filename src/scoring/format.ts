/**
 * Printing statistics: at a fixed precision, as a percentage, or at the
 * precision of a figure printed in the published text.
 */
import { formatHalfUp } from './round-half-up.ts';

/** Decimals and percent sign of a printed figure. */
export interface PrintedPrecision {
  decimals: number;
  percent: boolean;
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
 * Formats a fraction as a percentage, half up at `decimals`.
 *
 * @example
 * formatPercent(0.736, 1)            // '73.6%'
 * formatPercent(805 / 885, 0)        // '91%'
 * formatPercent(0.9, 0)              // '90%'
 */
export function formatPercent(fraction: number, decimals: number): string {
  return `${formatHalfUp(fraction * 100, decimals)}%`;
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
  return percent ? formatPercent(value, decimals) : formatHalfUp(value, decimals);
}
