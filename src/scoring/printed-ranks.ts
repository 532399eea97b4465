/**
 * Competition ranks on printed scores, computed into reused buffers: the
 * rule of `competitionRank` (1, 2, 2, 4; NaN last, tied with other NaN)
 * for a loop that ranks the same items thousands of times.
 */
import { roundHalfUp } from './round-half-up.ts';

/** Buffers for ranking `n` items; `createRankBuffers(n)` sizes them. */
export interface RankBuffers {
  /** Printed score × 10^decimals, an integer; −∞ for NaN. */
  keys: Float64Array;
  /** Item indices, highest key first after a call; kept for the next call to start from. */
  order: Int32Array;
  /** Scratch for rebuilding the order: key and index packed in one number. */
  packed: Float64Array;
  /** Competition rank per item, in input order. */
  ranks: Int32Array;
}

/**
 * Allocates buffers for ranking `n` items.
 *
 * @example
 * createRankBuffers(3).ranks.length // 3
 */
export function createRankBuffers(n: number): RankBuffers {
  return { keys: new Float64Array(n), order: Int32Array.from({ length: n }, (_, i) => i), packed: new Float64Array(n), ranks: new Int32Array(n) };
}

/**
 * Ranks `scores` by their printed value (half up at `decimals`), highest
 * first, into `buffers.ranks`: an item's rank is 1 + the number of items
 * printed strictly higher, so equal printed scores share a rank and the
 * next rank skips (1, 2, 2, 4). NaN ranks after every number, tied with
 * any other NaN. Empty input ranks nothing. Allocates nothing; the
 * buffers must be sized for exactly `scores.length` items.
 *
 * Ranking the same items over and over with scores that move a little,
 * the order of the last call is nearly sorted already: an insertion sort
 * of the indices on the integer keys finishes it in about n steps. When
 * the scores moved so much that it would take more than 32n moves (about
 * what a full sort costs), the order is rebuilt by one numeric sort of key
 * and index packed into one number (no comparator to call).
 *
 * @example
 * printedRanks([90.004, 95, 89.996, NaN], 2, createRankBuffers(4)) // Int32Array [2, 1, 2, 4]
 */
export function printedRanks(scores: ArrayLike<number>, decimals: number, buffers: RankBuffers): Int32Array {
  const { keys, order, ranks } = buffers;
  const n = scores.length;
  if (keys.length !== n) throw new RangeError(`printedRanks: buffers for ${keys.length} items, ${n} scores`);
  const factor = 10 ** decimals;
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    const scaled = score * factor;
    const fraction = scaled - Math.floor(scaled);
    // roundHalfUp's own fast path, inlined: away from a half, half up is floor(x + 0.5).
    if (scaled >= 0 && scaled < 1e9 && Math.abs(fraction - 0.5) > 1e-6) keys[i] = Math.floor(scaled + 0.5);
    else {
      const printed = roundHalfUp(score, decimals);
      keys[i] = Number.isNaN(printed) ? Number.NEGATIVE_INFINITY : Math.round(printed * factor);
    }
  }
  if (!insertionSort(keys, order, 32 * n)) rebuildOrder(buffers);
  for (let p = 0; p < n; p++) {
    const item = order[p]!;
    ranks[item] = p > 0 && keys[item] === keys[order[p - 1]!] ? ranks[order[p - 1]!]! : p + 1;
  }
  return ranks;
}

/** Sorts `order` by key, highest first; gives up (false) after `budget` moves, leaving `order` a permutation. */
function insertionSort(keys: Float64Array, order: Int32Array, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < order.length; i++) {
    const item = order[i]!;
    const key = keys[item]!;
    let j = i - 1;
    while (j >= 0 && keys[order[j]!]! < key) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = item;
    moves += i - 1 - j;
    if (moves > budget) return false;
  }
  return true;
}

/**
 * Sorts `order` by key, highest first, from scratch. Packs each finite key
 * and its index into `(key − min + 1) · n + index` (NaN's −∞ key as 0 · n +
 * index), sorts the numbers ascending and reads the indices back from the
 * end. Packing is exact while the numbers stay below 2^53; beyond that (a
 * scale and precision no edition has) the indices are sorted with a
 * comparator instead.
 */
function rebuildOrder(buffers: RankBuffers): void {
  const { keys, order, packed } = buffers;
  const n = keys.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (key === Number.NEGATIVE_INFINITY) continue;
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (!((max - min + 2) * n < Number.MAX_SAFE_INTEGER)) {
    order.sort((a, b) => keys[b]! - keys[a]! || a - b);
    return;
  }
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    packed[i] = (key === Number.NEGATIVE_INFINITY ? 0 : key - min + 1) * n + i;
  }
  packed.sort();
  for (let p = 0; p < n; p++) order[p] = packed[n - 1 - p]! % n;
}
