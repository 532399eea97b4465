/**
 * A small seeded pseudo-random number generator for synthetic editions.
 *
 * Synthetic editions must be byte-for-byte reproducible so that a benchmark
 * run and a test see the same data, so nothing here touches `Math.random`.
 * The generator is mulberry32: 32 bits of state, period 2^32, good enough
 * for spreading scores and far faster than anything cryptographic.
 */

/** A source of deterministic pseudo-random values. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included; `min > max` throws. */
  int(min: number, max: number): number;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
  /** One element of a non-empty list; an empty list throws. */
  pick<T>(items: readonly T[]): T;
}

/**
 * Create a mulberry32 generator from a seed; the same seed always yields the
 * same sequence, and seeds are reduced to 32 bits (`seed` and `seed + 2^32`
 * give the same sequence).
 *
 * @example
 * const a = createPrng(7), b = createPrng(7);
 * a.next() === b.next(); // true
 * createPrng(1).int(1, 6); // an integer from 1 to 6, the same on every run
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min, max) {
      if (min > max) throw new RangeError(`int(${min}, ${max}): min is greater than max`);
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick([]): the list is empty');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}
