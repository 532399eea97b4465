import { formatScore } from '../scoring/format.ts';

/** Round steps a value axis may use, smallest first. */
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/**
 * The step between value-axis ticks: the smallest round step that divides
 * both ends of the axis (so every tick, the ends included, is a round
 * number) and gives at most `maxTicks` intervals. When no step is few
 * enough, the largest round step dividing both ends; when none divides
 * them, the whole range is one step.
 *
 * @example
 * tickStep(85, 100, 8) // => 5 (1 would give 15 intervals)
 * tickStep(0, 80, 4)   // => 20
 */
export function tickStep(min: number, max: number, maxTicks: number): number {
  const range = max - min;
  if (!(range > 0)) return 1;
  const divides = (value: number, step: number): boolean => Math.abs(value / step - Math.round(value / step)) < 1e-9;
  const round = STEPS.filter((step) => divides(min, step) && divides(max, step));
  return round.find((step) => range / step <= Math.max(1, maxTicks)) ?? round[round.length - 1] ?? range;
}

/**
 * A value-axis tick as printed: through the report's one number formatter,
 * with as many decimals as the step has (none for the whole steps the axis
 * uses), so a tick never shows a locale's thousands separator or floating
 * noise that the tables do not.
 *
 * @example
 * tickLabel(85, 5)    // => '85'
 * tickLabel(1000, 50) // => '1000'
 * tickLabel(0.3, 0.1) // => '0.3'
 */
export function tickLabel(value: number, step: number): string {
  // The step's shortest decimal form says how many places its multiples need (2.5 → 1, 0.25 → 2).
  const fraction = /\.(\d+)$/.exec(String(step))?.[1] ?? '';
  return formatScore(value, Math.min(6, fraction.length));
}
