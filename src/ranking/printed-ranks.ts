/**
 * Competition ranks on printed scores, computed into reused buffers: the
 * rule of `competitionRank` (1, 2, 2, 4; NaN last, tied with other NaN)
 * for a loop that ranks the same items thousands of times.
 */
import { roundHalfUp } from './round-half-up.ts';

/** Up to this many items, ranks are counted pair by pair instead of sorting. */
const SMALL = 32;

/** Buffers for ranking `n` items; `createRankBuffers(n)` sizes them. */
export interface RankBuffers {
  /** Printed score × 10^decimals, an integer; −∞ for NaN. */
  keys: Float64Array;
  /** The keys sorted ascending. */
  sorted: Float64Array;
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
  return { keys: new Float64Array(n), sorted: new Float64Array(n), ranks: new Int32Array(n) };
}

/**
 * Ranks `scores` by their printed value (half up at `decimals`), highest
 * first, into `buffers.ranks`: an item's rank is 1 + the number of items
 * printed strictly higher, so equal printed scores share a rank and the
 * next rank skips (1, 2, 2, 4). NaN ranks after every number, tied with
 * any other NaN. Empty input ranks nothing. Sorting the integer keys
 * without a comparator and counting by binary search gives the same ranks
 * as sorting indices, with no allocation; up to 32 items, counting the
 * higher keys pair by pair is faster still. The buffers must be sized for
 * exactly `scores.length` items.
 *
 * @example
 * printedRanks([90.004, 95, 89.996, NaN], 2, createRankBuffers(4)) // Int32Array [2, 1, 2, 4]
 */
export function printedRanks(scores: ArrayLike<number>, decimals: number, buffers: RankBuffers): Int32Array {
  const { keys, sorted, ranks } = buffers;
  const n = scores.length;
  if (keys.length !== n) throw new RangeError(`printedRanks: buffers for ${keys.length} items, ${n} scores`);
  const factor = 10 ** decimals;
  for (let i = 0; i < n; i++) {
    const printed = roundHalfUp(scores[i]!, decimals);
    keys[i] = Number.isNaN(printed) ? Number.NEGATIVE_INFINITY : Math.round(printed * factor);
  }
  if (n <= SMALL) {
    // A few items: counting pairs is cheaper than calling a sort.
    for (let i = 0; i < n; i++) {
      let higher = 0;
      for (let j = 0; j < n; j++) if (keys[j]! > keys[i]!) higher++;
      ranks[i] = 1 + higher;
    }
    return ranks;
  }
  sorted.set(keys);
  sorted.sort();
  for (let i = 0; i < n; i++) {
    // First position whose key is greater than this one's: everything from there on prints higher.
    const key = keys[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = 1 + n - lo;
  }
  return ranks;
}
