import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotApplicablePolicy } from '../../src/scoring/unit-score.ts';
import type { AssumptionRanges } from '../../src/scoring/draw-assumptions.ts';
import { buildDrawMatrix } from '../../src/scoring/draw-matrix.ts';
import { createRankBuffers, printedRanks } from '../../src/scoring/printed-ranks.ts';
import { roundHalfUp } from '../../src/scoring/round-half-up.ts';
import { scoreScheme } from '../../src/scoring/score-scheme.ts';
import type { ScoringMatrix } from '../../src/scoring/scoring-matrix.ts';
import { seededRandom } from '../../src/scoring/seeded-random.ts';
import { isDrawn, rankSpreads, simulateRanks, type SimulationOptions } from '../../src/scoring/simulate-ranks.ts';
import { arbitraryScheme } from './arbitrary-matrix.ts';

// Two units, one method. e1 applies to both (a 90, b 80); e2 only to a (60).
// exclude: U(a) = 75, U(b) = 80, so b leads. lowest: U(b) = (80 + 60) / 2 = 70, so a leads.
// Lead assessments: S(e1) = 70·lw + 85·(1 − lw), S(e2) = 100·lw + 60·(1 − lw): e2 leads once lw > 5/11.
const twoUnits: ScoringMatrix = {
  unitIds: ['a', 'b'],
  experienceIds: ['e1', 'e2'],
  methodIds: ['m'],
  departmentIds: ['d'],
  scores: Float64Array.from([90, 80, 60, Number.NaN]),
  applicable: Uint8Array.from([1, 1, 1, 0]),
  leadTotals: Float64Array.from([70, 100]),
  leadOf: Int32Array.from([0, 0]),
};
const twoUnitRanges: AssumptionRanges = {
  weights: [1],
  weightSpread: 0.5,
  leadWeight: { low: 0.4, high: 0.5 },
  notApplicable: ['lowest', 'exclude'],
  baseline: { leadWeight: 0.5, notApplicable: 'lowest' },
};

/** Replays the generator: the numbers draw k takes for its lead weight and its policy (one method: the 2nd and 3rd). */
function replay(seed: number, draws: number) {
  const random = seededRandom(seed);
  return Array.from({ length: draws }, () => {
    random();
    return { lead: random(), policy: random() };
  });
}

describe('isDrawn(ranges)', () => {
  it.each([
    ['the example', twoUnitRanges, { weights: false, leadWeight: true, notApplicable: true }],
    ['two weighted methods and a spread', { ...twoUnitRanges, weights: [0.5, 0.5] }, { weights: true, leadWeight: true, notApplicable: true }],
    ['one weighted method of two', { ...twoUnitRanges, weights: [1, 0] }, { weights: false, leadWeight: true, notApplicable: true }],
    ['no spread', { ...twoUnitRanges, weights: [0.5, 0.5], weightSpread: 0 }, { weights: false, leadWeight: true, notApplicable: true }],
    ['one lead weight and one policy', { ...twoUnitRanges, leadWeight: { low: 0.4, high: 0.4 }, notApplicable: ['zero'] as const },
      { weights: false, leadWeight: false, notApplicable: false }],
  ])('tells which assumptions %s draws', (_, ranges, expected) => {
    expect(isDrawn(ranges as AssumptionRanges)).toEqual(expected);
  });
});

describe('simulateRanks(draw, options)', () => {
  const draw = buildDrawMatrix(twoUnits, { weights: [1], weightSpread: 0.5 });
  const options: SimulationOptions = { draws: 1000, seed: 42, decimals: 2, ranges: twoUnitRanges };
  const run = simulateRanks(draw, options);
  const lowestDraws = replay(42, 1000).filter((d) => Math.floor(d.policy * 2) === 0).length;

  it('ranks a first in exactly the draws whose policy is lowest', () => {
    expect(lowestDraws).toBeGreaterThan(400);
    expect(lowestDraws).toBeLessThan(600);
    expect(Array.from(run.all.units.counts)).toEqual([lowestDraws, 1000 - lowestDraws, 1000 - lowestDraws, lowestDraws]);
    const [a, b] = rankSpreads(run.all.units, 1000);
    expect(a!.top).toBe(lowestDraws / 1000);
    expect(b!.top).toBe(1 - lowestDraws / 1000);
    expect([a!.low, a!.high, b!.low, b!.high]).toEqual([1, 2, 1, 2]);
  });

  it('ranks e2 first in exactly the draws whose lead weight prints it at least as high', () => {
    const e2Leads = replay(42, 1000).filter(({ lead }) => {
      const lw = 0.4 + 0.1 * lead;
      return roundHalfUp(100 * lw + 60 * (1 - lw), 2) >= roundHalfUp(70 * lw + 85 * (1 - lw), 2);
    }).length;
    expect(e2Leads).toBeGreaterThan(0);
    expect(e2Leads).toBeLessThan(1000);
    expect(run.all.experiences.counts[2]).toBe(e2Leads);
  });

  it('draws each assumption alone on the same numbers, and not the one it cannot draw', () => {
    // One method: the weights always normalise to 1.
    expect(run.alone.weights).toBeNull();
    expect(run.alone.leadWeight).toEqual({ units: null, experiences: run.all.experiences });
    expect(run.alone.notApplicable).toEqual({ units: run.all.units, experiences: null });
  });

  // Properties over arbitrary editions and ranges.
  const runs = fc.record({
    scheme: arbitraryScheme({ maxUnits: 7, maxExperiences: 7 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    draws: fc.integer({ min: 1, max: 60 }),
    spread: fc.double({ min: 0, max: 0.9, noNaN: true }),
    lead: fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([x, y]) => ({ low: Math.min(x, y), high: Math.max(x, y) })),
    policies: fc.shuffledSubarray<NotApplicablePolicy>(['lowest', 'exclude', 'zero'], { minLength: 1 }),
    baseLead: fc.double({ min: 0, max: 1, noNaN: true }),
    basePolicy: fc.constantFrom<NotApplicablePolicy>('lowest', 'exclude', 'zero'),
  });
  type Run = typeof runs extends fc.Arbitrary<infer T> ? T : never;
  const rangesOf = (r: Run): AssumptionRanges => ({
    weights: r.scheme.weights,
    weightSpread: r.spread,
    leadWeight: r.lead,
    notApplicable: r.policies,
    baseline: { leadWeight: r.baseLead, notApplicable: r.basePolicy },
  });
  const simulate = (r: Run, ranges = rangesOf(r)) =>
    simulateRanks(buildDrawMatrix(r.scheme.matrix, { weights: r.scheme.weights, weightSpread: r.spread }), {
      draws: r.draws,
      seed: r.seed,
      decimals: 2,
      ranges,
    });

  it('gives the same counts for the same seed', () => {
    fc.assert(
      fc.property(runs, (r) => {
        expect(simulate(r)).toEqual(simulate(r));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps low ≤ median ≤ high and top in 0..1, and counts every draw once per item', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const run = simulate(r);
        for (const view of [run.all.units, run.all.experiences]) {
          for (let i = 0; i < view.items; i++) {
            const row = view.counts.slice(i * view.items, (i + 1) * view.items);
            expect(row.reduce((a, b) => a + b, 0)).toBe(r.draws);
          }
          for (const s of rankSpreads(view, r.draws)) {
            expect(s.low).toBeLessThanOrEqual(s.median);
            expect(s.median).toBeLessThanOrEqual(s.high);
            expect(s.top).toBeGreaterThanOrEqual(0);
            expect(s.top).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('puts every interval on the base rank when nothing is drawn wide', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const ranges: AssumptionRanges = {
          ...rangesOf(r),
          weightSpread: 0,
          leadWeight: { low: r.baseLead, high: r.baseLead },
          notApplicable: [r.basePolicy],
        };
        const run = simulate(r, ranges);
        const base = scoreScheme(r.scheme.matrix, {
          methods: Object.fromEntries(r.scheme.matrix.methodIds.map((id, k) => [id, r.scheme.weights[k]!])),
          leadWeight: r.baseLead,
          notApplicable: r.basePolicy,
        });
        const baseUnits = Array.from(printedRanks(base.units, 2, createRankBuffers(base.units.length)));
        const baseExperiences = Array.from(printedRanks(base.experiences, 2, createRankBuffers(base.experiences.length)));
        expect(rankSpreads(run.all.units, r.draws).map((s) => [s.low, s.median, s.high])).toEqual(baseUnits.map((k) => [k, k, k]));
        expect(rankSpreads(run.all.experiences, r.draws).map((s) => [s.low, s.median, s.high])).toEqual(baseExperiences.map((k) => [k, k, k]));
        expect(run.alone).toEqual({ weights: null, leadWeight: null, notApplicable: null });
      }),
      { numRuns: 100 },
    );
  });

  it('counts each assumption alone as drawing everything with the others held at the baseline', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const run = simulate(r);
        const held = { lead: { low: r.baseLead, high: r.baseLead }, policies: [r.basePolicy] };
        const only = {
          weights: simulate(r, { ...rangesOf(r), leadWeight: held.lead, notApplicable: held.policies }).all,
          leadWeight: simulate(r, { ...rangesOf(r), weightSpread: 0, notApplicable: held.policies }).all,
          notApplicable: simulate(r, { ...rangesOf(r), weightSpread: 0, leadWeight: held.lead }).all,
        };
        const drawn = isDrawn(rangesOf(r));
        if (drawn.weights) expect(run.alone.weights).toEqual(only.weights);
        if (drawn.leadWeight) expect(run.alone.leadWeight!.experiences).toEqual(only.leadWeight.experiences);
        if (drawn.notApplicable) expect(run.alone.notApplicable!.units).toEqual(only.notApplicable.units);
      }),
      { numRuns: 100 },
    );
  });

  it('gives each unit and experience the same counts whatever their order in the input', () => {
    fc.assert(
      fc.property(runs, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (r, shiftUnits, shiftExperiences) => {
        const m = r.scheme.matrix;
        const nU = m.unitIds.length;
        const nE = m.experienceIds.length;
        const nM = m.methodIds.length;
        // Rotate units and experiences, and move every cell with them.
        const unitAt = (u: number) => (u + shiftUnits) % nU;
        const experienceAt = (e: number) => (e + shiftExperiences) % nE;
        const moved: ScoringMatrix = {
          ...m,
          unitIds: m.unitIds.map((_, u) => m.unitIds[unitAt(u)]!),
          experienceIds: m.experienceIds.map((_, e) => m.experienceIds[experienceAt(e)]!),
          scores: Float64Array.from({ length: nE * nU * nM }, (_, i) => {
            const e = Math.floor(i / (nU * nM));
            const u = Math.floor(i / nM) % nU;
            return m.scores[(experienceAt(e) * nU + unitAt(u)) * nM + (i % nM)]!;
          }),
          applicable: Uint8Array.from({ length: nE * nU }, (_, i) => m.applicable[experienceAt(Math.floor(i / nU)) * nU + unitAt(i % nU)]!),
          leadTotals: Float64Array.from({ length: nE }, (_, e) => m.leadTotals[experienceAt(e)]!),
          leadOf: Int32Array.from({ length: nE }, (_, e) => m.leadOf[experienceAt(e)]!),
        };
        const before = simulate(r);
        const after = simulate({ ...r, scheme: { ...r.scheme, matrix: moved } });
        const rows = (counts: Uint32Array, n: number) => Array.from({ length: n }, (_, i) => Array.from(counts.slice(i * n, (i + 1) * n)));
        const unitRows = rows(before.all.units.counts, nU);
        const experienceRows = rows(before.all.experiences.counts, nE);
        expect(rows(after.all.units.counts, nU)).toEqual(unitRows.map((_, u) => unitRows[unitAt(u)]));
        expect(rows(after.all.experiences.counts, nE)).toEqual(experienceRows.map((_, e) => experienceRows[experienceAt(e)]));
      }),
      { numRuns: 100 },
    );
  });
});
