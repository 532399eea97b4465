/**
 * Bounds of a bar chart's value axis: a round step below the lowest value
 * and above the highest, so that close scores (88–96) are told apart while
 * the axis still starts at a round, labelled number.
 *
 * Rules: the step is 5 for a range up to 30 and 10 above; the lower bound
 * leaves at least a quarter of the range (and at least 1) below the lowest
 * value and never goes under `floor`; the upper bound is the next step at or
 * above the highest value and never exceeds `ceiling`. With no values the
 * axis is `floor..ceiling`.
 *
 * @example
 * axisBounds([88.4, 96.12], { floor: 0, ceiling: 100 }) // => { min: 85, max: 100 }
 * axisBounds([20.1, 73.6], { floor: 0, ceiling: 100 })  // => { min: 0, max: 80 }
 */
export function axisBounds(
  values: readonly number[],
  limits: { floor: number; ceiling: number },
): { min: number; max: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { min: limits.floor, max: limits.ceiling };
  const lowest = Math.min(...finite);
  const highest = Math.max(...finite);
  const range = highest - lowest;
  const step = range > 30 ? 10 : 5;
  const pad = Math.max(1, range * 0.25);
  let min = Math.floor((lowest - pad) / step) * step;
  // A long way above the floor relative to the range: show from the floor.
  if (lowest - limits.floor < range * 1.5) min = limits.floor;
  min = Math.max(limits.floor, min);
  const max = Math.min(limits.ceiling, Math.max(min + step, Math.ceil(highest / step) * step));
  return { min, max };
}

/**
 * The note a chart carries when its value axis does not start at zero, so
 * that bar lengths are not read as proportions: names the axis and where it
 * starts. No note for an axis from zero.
 *
 * @example
 * axisNote(85, '分', 'horizontal') // => '注：横轴自85分起，条形长度不与数值成比例。'
 * axisNote(0, '%', 'horizontal')   // => undefined
 */
export function axisNote(min: number, unit: '分' | '%', orientation: 'horizontal' | 'vertical'): string | undefined {
  if (min === 0) return undefined;
  return `注：${orientation === 'horizontal' ? '横轴' : '纵轴'}自${min}${unit}起，条形长度不与数值成比例。`;
}
