/** The counts the benchmark takes on its command line, checked. */

/** A command line the benchmark cannot run: said in one line, without a stack. */
export class UsageError extends Error {}

/**
 * A count given on the command line (`--repeat 3`, `--runs 7`): a whole
 * number from 1 to `most` in plain digits, or `fallback` when not given. Anything else
 * stops the benchmark with the option named, instead of running no build
 * (`NaN`) or a million.
 *
 * @example
 * countOption('repeat', undefined, 3, 100) // 3
 * countOption('repeat', '5', 3, 100)       // 5
 * countOption('repeat', 'abc', 3, 100)     // throws UsageError: --repeat 须为 1～100 的整数 …
 */
export function countOption(name: string, value: string | undefined, fallback: number, most: number): number {
  if (value === undefined) return fallback;
  const n = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= most)) throw new UsageError(`--${name} 须为 1～${most} 的整数 (expected a whole number from 1 to ${most}, found "${value}")`);
  return n;
}
