/**
 * Printing a score: half up at a number of decimals, after dropping binary
 * floating-point noise by first rounding to 12 significant digits.
 *
 * A mean whose decimal value is 73.575 is stored as 73.57499999999999 in
 * binary; naive `Math.round(x * 100) / 100` prints 73.57. Rounding to 12
 * significant digits first gives the decimal string "73.5750000000", and
 * the half-up step is then done on its digits, so it prints 73.58.
 * Negative values round half away from zero (四舍五入): -1.005 → -1.01.
 */

/**
 * Significant digits kept before rounding, to drop binary noise.
 *
 * @example
 * (73.57499999999999).toPrecision(SIGNIFICANT_DIGITS) // '73.5750000000'
 */
export const SIGNIFICANT_DIGITS = 12;

/**
 * Formats `value` half up at `decimals` places, as printed.
 * Non-finite input prints as `'—'`.
 *
 * @example
 * formatHalfUp(92.555, 2)            // '92.56'
 * formatHalfUp(73.57499999999999, 2) // '73.58'
 * formatHalfUp(1.005, 2)             // '1.01'
 * formatHalfUp(-1.005, 2)            // '-1.01'
 * formatHalfUp(94, 2)                // '94.00'
 * formatHalfUp(0.5, 0)               // '1'
 */
export function formatHalfUp(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—';
  const match = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]\d+))?$/.exec(value.toPrecision(SIGNIFICANT_DIGITS));
  if (!match) return value.toFixed(decimals);
  const negative = match[1] === '-';
  const whole = match[2]!;
  let digits = whole + (match[3] ?? '');
  let point = whole.length + Number(match[4] ?? 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const keep = point + decimals;
  let roundUp = false;
  if (digits.length > keep) {
    roundUp = digits.charCodeAt(keep) >= 53; // '5'
    digits = digits.slice(0, keep);
  } else digits = digits.padEnd(keep, '0');

  if (roundUp) {
    const chars = digits.split('');
    let i = chars.length - 1;
    while (i >= 0 && chars[i] === '9') chars[i--] = '0';
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1);
    else {
      chars.unshift('1');
      point += 1;
    }
    digits = chars.join('');
  }
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point);
  const body = decimals > 0 ? `${integer}.${fraction}` : integer;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * Rounds `value` half up at `decimals` places (see `formatHalfUp`) and
 * returns the printed number. NaN stays NaN.
 *
 * A fast path handles values that are not near a half: it gives the same
 * result and keeps ranking 100,000 composites cheap.
 *
 * @example
 * roundHalfUp(92.555, 2)            // 92.56
 * roundHalfUp(73.57499999999999, 2) // 73.58
 * roundHalfUp(94.2449, 2)           // 94.24
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = POWERS[decimals] ?? 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  if (scaled < 1e9) {
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > 1e-6) {
      const rounded = Math.floor(scaled + 0.5) / factor;
      return value < 0 && rounded !== 0 ? -rounded : rounded;
    }
  }
  return Number(formatHalfUp(value, decimals));
}

const POWERS = [1, 10, 100, 1000, 10000, 100000, 1000000];
