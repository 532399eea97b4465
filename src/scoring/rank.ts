/**
 * Competition ranking on printed scores: 1, 2, 2, 4.
 */

/** An item's place: its rank and whether another item shares it. */
export interface Placing {
  rank: number;
  tied: boolean;
}

/**
 * Ranks printed scores, highest first. Equal scores share the rank of the
 * first of them and the next rank skips (1, 2, 2, 4); `tied` marks every
 * item that shares its rank. The result is in input order. NaN (no score)
 * ranks after every number, tied with any other NaN. Empty input gives [].
 * `order` may pass `rankOrder(scores)` when the caller has it already.
 *
 * @example
 * competitionRank([90, 95, 90, 80])
 * // [{ rank: 2, tied: true }, { rank: 1, tied: false }, { rank: 2, tied: true }, { rank: 4, tied: false }]
 */
export function competitionRank(scores: ArrayLike<number>, order: readonly number[] = rankOrder(scores)): Placing[] {
  const placings = new Array<Placing>(scores.length);
  let i = 0;
  while (i < order.length) {
    let j = i + 1;
    const score = key(scores[order[i]!]!);
    while (j < order.length && key(scores[order[j]!]!) === score) j++;
    for (let k = i; k < j; k++) placings[order[k]!] = { rank: i + 1, tied: j - i > 1 };
    i = j;
  }
  return placings;
}

/**
 * Indices of `scores` in display order: highest score first, equal scores
 * in source (input) order; NaN last.
 *
 * @example
 * rankOrder([90, 95, 90]) // [1, 0, 2]
 */
export function rankOrder(scores: ArrayLike<number>): number[] {
  const keys = Float64Array.from(scores, key);
  const order = Array.from(keys, (_, i) => i);
  order.sort((a, b) => keys[b]! - keys[a]! || a - b);
  return order;
}

function key(score: number): number {
  return Number.isNaN(score) ? Number.NEGATIVE_INFINITY : score;
}
