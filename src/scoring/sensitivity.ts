/**
 * Sensitivity rows: each item's rank at the baseline and under every
 * scenario, with the best and worst of them.
 */
import { ownRecord } from './own-record.ts';

/** One item's rank at the baseline and under every scenario. */
export interface SensitivityRow {
  id: string;
  name: string;
  /** Scenario id -> rank (the baseline is under the id `baseline`). */
  ranks: Record<string, number>;
  min: number;
  max: number;
}

/**
 * Builds one row per item, in item order: `ranks.baseline` then each
 * scenario's rank by id; `min` is the best (smallest) rank and `max` the
 * worst. NaN ranks (an item not ranked) are left out of min and max; an
 * item with none gets min = max = NaN.
 *
 * @example
 * sensitivityRows([{ id: 'a', name: '甲' }], [2], { 'exclude-na': [1] })
 * // [{ id: 'a', name: '甲', ranks: { baseline: 2, 'exclude-na': 1 }, min: 1, max: 2 }]
 */
export function sensitivityRows(
  items: ReadonlyArray<{ id: string; name: string }>,
  baseline: readonly number[],
  scenarios: Readonly<Record<string, readonly number[]>>,
): SensitivityRow[] {
  return items.map((item, i) => {
    const ranks = ownRecord<number>([['baseline', baseline[i]!]]);
    for (const [id, list] of Object.entries(scenarios)) ranks[id] = list[i]!;
    const values = Object.values(ranks).filter((r) => !Number.isNaN(r));
    return {
      id: item.id,
      name: item.name,
      ranks,
      min: values.length ? Math.min(...values) : Number.NaN,
      max: values.length ? Math.max(...values) : Number.NaN,
    };
  });
}
