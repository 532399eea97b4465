/**
 * The Monte Carlo loop: draw the assumptions, score every experience and
 * unit, rank them by printed score, and count how often each lands on each
 * rank. Everything is allocated before the first draw.
 */
import { drawAssumptions, type AssumptionRanges, type DrawnAssumptions, type VariedAssumptions } from './draw-assumptions.ts';
import type { DrawMatrix } from './draw-matrix.ts';
import { createRankBuffers, printedRanks } from './printed-ranks.ts';
import { rankSpread, type RankSpread } from './rank-interval.ts';
import { createDrawScores, scoreDraw } from './score-draw.ts';
import { seededRandom } from './seeded-random.ts';

/** What one simulation run draws. */
export interface SimulationOptions {
  draws: number;
  seed: number;
  /** Printed precision of scores: ranks are by printed score. */
  decimals: number;
  ranges: AssumptionRanges;
  /** Assumptions drawn; the others stay at the baseline. */
  varied: VariedAssumptions;
}

/** Rank counts per item: `counts[i * items + r − 1]` draws ranked item i at r. */
export interface RankCounts {
  items: number;
  counts: Uint32Array;
}

/** A run's counts; a view none of whose assumptions was drawn is null (its ranks stay the baseline's). */
export interface SimulatedRanks {
  draws: number;
  units: RankCounts | null;
  experiences: RankCounts | null;
}

/**
 * Runs `options.draws` draws from the seeded generator and counts each
 * unit's and experience's rank in every draw. Unit scores move only with
 * the weights and the policy, experience scores only with the weights and
 * the lead weight, so a view whose assumptions are all held is not scored
 * at all; when only the policy is drawn, each policy is scored once. The
 * same options always give the same counts.
 *
 * @example
 * const run = simulateRanks(draw, { draws: 10000, seed: 1, decimals: 2, ranges,
 *   varied: { weights: true, leadWeight: true, notApplicable: true } });
 * run.units!.counts[0] // draws that ranked the first unit 1st
 */
export function simulateRanks(draw: DrawMatrix, options: SimulationOptions): SimulatedRanks {
  const { varied, decimals } = options;
  const views = {
    units: varied.weights || varied.notApplicable,
    experiences: varied.weights || varied.leadWeight,
  };
  const random = seededRandom(options.seed);
  const drawn: DrawnAssumptions = {
    weights: new Float64Array(draw.methods),
    leadWeight: options.ranges.baseline.leadWeight,
    notApplicable: options.ranges.baseline.notApplicable,
  };
  const scores = createDrawScores(draw);
  const unitBuffers = createRankBuffers(draw.units);
  const experienceBuffers = createRankBuffers(draw.experiences);
  const units = views.units ? new Uint32Array(draw.units * draw.units) : null;
  const experiences = views.experiences ? new Uint32Array(draw.experiences * draw.experiences) : null;

  // With the weights and the lead weight held, a draw's ranks depend on its policy alone: rank each policy once.
  const byPolicy = !varied.weights && !varied.leadWeight ? new Map<string, Int32Array>() : null;
  for (let k = 0; k < options.draws; k++) {
    drawAssumptions(random, options.ranges, varied, drawn);
    const known = byPolicy?.get(drawn.notApplicable);
    if (known) {
      if (units) count(units, known);
      continue;
    }
    scoreDraw(draw, drawn, scores, views);
    if (units) {
      const ranks = printedRanks(scores.units, decimals, unitBuffers);
      count(units, ranks);
      byPolicy?.set(drawn.notApplicable, ranks.slice());
    }
    if (experiences) count(experiences, printedRanks(scores.experiences, decimals, experienceBuffers));
  }
  return {
    draws: options.draws,
    units: units && { items: draw.units, counts: units },
    experiences: experiences && { items: draw.experiences, counts: experiences },
  };
}

function count(counts: Uint32Array, ranks: Int32Array): void {
  const n = ranks.length;
  for (let i = 0; i < n; i++) {
    const at = i * n + ranks[i]! - 1;
    counts[at] = counts[at]! + 1;
  }
}

/**
 * Each item's median, 5th and 95th percentile rank and share at rank 1,
 * in item order (see `rankSpread`).
 *
 * @example
 * rankSpreads({ items: 2, counts: new Uint32Array([3, 1, 1, 3]) }, 4)
 * // [{ median: 1, low: 1, high: 2, top: 0.75 }, { median: 2, low: 1, high: 2, top: 0.25 }]
 */
export function rankSpreads(ranks: RankCounts, draws: number): RankSpread[] {
  return Array.from({ length: ranks.items }, (_, i) => rankSpread(ranks.counts, draws, i * ranks.items, ranks.items));
}
