/**
 * A seeded source of uniform numbers for the uncertainty analysis, so that
 * the same seed gives the same draws, and the same report bytes, on every
 * machine and every Node version: no `Math.random`, only 32-bit integer
 * arithmetic (`Math.imul`, shifts) whose results JavaScript defines exactly.
 *
 * The generator is mulberry32 (Tommy Ettinger, 2017): 32 bits of state, a
 * period of 2^32, and it passes the usual statistical batteries well enough
 * for a few hundred thousand numbers a build. It is the generator the
 * synthetic editions use (`bench/synth/prng.ts`).
 */

/**
 * Returns a function that yields the next number of the mulberry32 sequence
 * for `seed`, a float in [0, 1) with 32 random bits. The seed is reduced to
 * 32 bits (`seed >>> 0`), so the schema keeps seeds in 0..2^32 − 1.
 *
 * @example
 * const random = seededRandom(20180706);
 * random() // 0.8845663410611451, on every machine
 * seededRandom(1)() === seededRandom(1)() // true
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
