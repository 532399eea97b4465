/**
 * The Monte Carlo loop: draw the assumptions, score every experience and
 * unit, rank them by printed score, and count how often each lands on each
 * rank, both with every assumption drawn and with each drawn alone.
 * Everything is allocated before the first draw.
 */
import { drawAssumptions, type Assumption, type AssumptionRanges, type DrawnAssumptions } from './draw-assumptions.ts';
import type { DrawMatrix } from './draw-matrix.ts';
import { createRankBuffers, printedRanks } from './printed-ranks.ts';
import { rankSpread, type RankSpread } from './rank-interval.ts';
import { createCompositeSums, experienceScores, sumComposites, unitScores } from './score-draw.ts';
import { seededRandom } from './seeded-random.ts';

/** What a simulation draws. */
export interface SimulationOptions {
  draws: number;
  seed: number;
  /** Printed precision of scores: ranks are by printed score. */
  decimals: number;
  ranges: AssumptionRanges;
}

/** Rank counts per item: `counts[i * items + r − 1]` draws ranked item i at r. */
export interface RankCounts {
  items: number;
  counts: Uint32Array;
}

/** Counts per view; null for a view the assumptions drawn do not move (its ranks stay the baseline's). */
export interface ViewCounts {
  units: RankCounts | null;
  experiences: RankCounts | null;
}

/** A simulation's counts: every assumption at once, and each alone. */
export interface SimulatedRanks {
  draws: number;
  /** Every assumption drawn from its range. */
  all: { units: RankCounts; experiences: RankCounts };
  /**
   * One assumption drawn, the others at the baseline, from the same numbers
   * (draw k's weights are the same in every run). Null for an assumption
   * whose range is a single value: it is not drawn at all.
   */
  alone: Record<Assumption, ViewCounts | null>;
}

/**
 * Whether an assumption's range holds more than one value: weights with
 * h > 0 and two methods weighted (one alone always normalises to 1), a lead
 * weight range with low < high, two or more policies.
 *
 * @example
 * isDrawn({ weights: [1, 0], weightSpread: 0.3, … }).weights // false: one weighted method
 */
export function isDrawn(ranges: AssumptionRanges): Record<Assumption, boolean> {
  let weighted = 0;
  for (let m = 0; m < ranges.weights.length; m++) if (ranges.weights[m]! > 0) weighted++;
  return {
    weights: ranges.weightSpread > 0 && weighted > 1,
    leadWeight: ranges.leadWeight.low < ranges.leadWeight.high,
    notApplicable: ranges.notApplicable.length > 1,
  };
}

/**
 * Runs `options.draws` draws from the seeded generator and counts each
 * unit's and experience's rank in every draw, with every assumption drawn
 * (`all`) and with each drawn alone (`alone`), in one pass: the composites
 * under draw k's weights are summed once and scored with the drawn and the
 * baseline lead weight and policy as each run needs. Unit scores move only
 * with the weights and the policy, experience scores only with the weights
 * and the lead weight; a run whose scores equal another's in a draw counts
 * that run's ranks again instead of ranking anew. The same options always
 * give the same counts.
 *
 * @example
 * const run = simulateRanks(draw, { draws: 10000, seed: 1, decimals: 2, ranges });
 * run.all.units.counts[0] // draws that ranked the first unit 1st
 */
export function simulateRanks(draw: DrawMatrix, options: SimulationOptions): SimulatedRanks {
  const { ranges, decimals } = options;
  const drawn = isDrawn(ranges);
  const { leadWeight: baseLead, notApplicable: basePolicy } = ranges.baseline;
  const withLowest = ranges.notApplicable.includes('lowest') || basePolicy === 'lowest';

  // The baseline's sums, for every run that holds the weights.
  const baseWeights = Float64Array.from(ranges.weights);
  const total = baseWeights.reduce((a, b) => a + b, 0);
  if (total > 0) baseWeights.forEach((w, m) => (baseWeights[m] = w / total));
  const baseSums = sumComposites(draw, baseWeights, createCompositeSums(draw), withLowest);
  const drawnSums = drawn.weights ? createCompositeSums(draw) : baseSums;

  const histogram = (n: number) => ({ items: n, counts: new Uint32Array(n * n) });
  const all = { units: histogram(draw.units), experiences: histogram(draw.experiences) };
  const alone: Record<Assumption, ViewCounts | null> = {
    weights: drawn.weights ? { units: histogram(draw.units), experiences: histogram(draw.experiences) } : null,
    leadWeight: drawn.leadWeight ? { units: null, experiences: histogram(draw.experiences) } : null,
    notApplicable: drawn.notApplicable ? { units: histogram(draw.units), experiences: null } : null,
  };

  // Scores and rank buffers per run, so each run's last order seeds its next sort.
  const unitScoresOf = { all: new Float64Array(draw.units), weights: new Float64Array(draw.units) };
  const experienceScoresOf = { all: new Float64Array(draw.experiences), weights: new Float64Array(draw.experiences), leadWeight: new Float64Array(draw.experiences) };
  const unitRanks = { all: createRankBuffers(draw.units), weights: createRankBuffers(draw.units) };
  const experienceRanks = { all: createRankBuffers(draw.experiences), weights: createRankBuffers(draw.experiences), leadWeight: createRankBuffers(draw.experiences) };
  // The policy alone moves units among as many rankings as there are policies: rank each once.
  const policyRanks = new Map(
    ranges.notApplicable.map((policy) => [policy, printedRanks(unitScores(draw, baseSums, policy, unitScoresOf.all), decimals, createRankBuffers(draw.units)).slice()]),
  );

  const random = seededRandom(options.seed);
  const sample: DrawnAssumptions = { weights: new Float64Array(draw.methods), leadWeight: baseLead, notApplicable: basePolicy };
  for (let k = 0; k < options.draws; k++) {
    drawAssumptions(random, ranges, sample);
    const sums = drawn.weights ? sumComposites(draw, sample.weights, drawnSums, withLowest) : baseSums;
    const policy = sample.notApplicable;
    const lead = sample.leadWeight;

    const allUnits = printedRanks(unitScores(draw, sums, policy, unitScoresOf.all), decimals, unitRanks.all);
    const allExperiences = printedRanks(experienceScores(draw, sums, lead, experienceScoresOf.all), decimals, experienceRanks.all);
    count(all.units, allUnits);
    count(all.experiences, allExperiences);

    if (alone.weights) {
      const units = policy === basePolicy ? allUnits : printedRanks(unitScores(draw, sums, basePolicy, unitScoresOf.weights), decimals, unitRanks.weights);
      const experiences =
        lead === baseLead ? allExperiences : printedRanks(experienceScores(draw, sums, baseLead, experienceScoresOf.weights), decimals, experienceRanks.weights);
      count(alone.weights.units!, units);
      count(alone.weights.experiences!, experiences);
    }
    if (alone.leadWeight) {
      const experiences = drawn.weights
        ? printedRanks(experienceScores(draw, baseSums, lead, experienceScoresOf.leadWeight), decimals, experienceRanks.leadWeight)
        : allExperiences;
      count(alone.leadWeight.experiences!, experiences);
    }
    if (alone.notApplicable) count(alone.notApplicable.units!, drawn.weights ? policyRanks.get(policy)! : allUnits);
  }
  return { draws: options.draws, all, alone };
}

function count(histogram: RankCounts, ranks: Int32Array): void {
  const { items, counts } = histogram;
  for (let i = 0; i < items; i++) {
    const at = i * items + ranks[i]! - 1;
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

