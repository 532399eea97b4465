import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRank, rankOrder } from '../../src/scoring/rank.ts';

const ranks = (scores: number[]) => competitionRank(scores).map((p) => p.rank);

describe('competitionRank(scores)', () => {
  it.each([
    [[], []],
    [[90], [1]],
    [[90, 95, 80], [2, 1, 3]],
    [[90, 95, 90, 80], [2, 1, 2, 4]],
    [[95, 95, 95], [1, 1, 1]],
    [[80, NaN, 90], [2, 3, 1]],
    [[NaN, NaN], [1, 1]],
  ])('ranks %j as %j (1, 2, 2, 4 for ties)', (scores, expected) => {
    expect(ranks(scores)).toEqual(expected);
  });

  it('marks tied items and only them', () => {
    expect(competitionRank([90, 95, 90, 80]).map((p) => p.tied)).toEqual([true, false, true, false]);
  });

  it('does not mutate its input', () => {
    const scores = Object.freeze([90, 95, 90]);
    expect(() => competitionRank(scores)).not.toThrow();
    expect(scores).toEqual([90, 95, 90]);
  });

  const printed = fc.array(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100), { maxLength: 40 });

  it('gives the same rank to each item whatever the input order', () => {
    fc.assert(
      fc.property(
        printed.chain((scores) => fc.tuple(fc.constant(scores), fc.shuffledSubarray(scores.map((_, i) => i), { minLength: scores.length }))),
        ([scores, permutation]) => {
          const before = competitionRank(scores);
          const after = competitionRank(permutation.map((i) => scores[i]!));
          permutation.forEach((from, to) => expect(after[to]).toEqual(before[from]));
        },
      ),
    );
  });

  it('never lowers an item’s rank when its score rises', () => {
    fc.assert(
      fc.property(printed.filter((s) => s.length > 0), fc.nat(), fc.integer({ min: 1, max: 1000 }), (scores, pick, raise) => {
        const i = pick % scores.length;
        const raised = scores.map((s, j) => (j === i ? s + raise / 100 : s));
        expect(competitionRank(raised)[i]!.rank).toBeLessThanOrEqual(competitionRank(scores)[i]!.rank);
      }),
    );
  });

  it('always gives equal printed scores the same rank, and different ones different ranks', () => {
    fc.assert(
      fc.property(printed, (scores) => {
        const placings = competitionRank(scores);
        scores.forEach((a, i) =>
          scores.forEach((b, j) => expect(placings[i]!.rank === placings[j]!.rank).toBe(a === b)),
        );
      }),
    );
  });

  it('ranks so that a rank is one more than the number of higher scores', () => {
    fc.assert(
      fc.property(printed, (scores) => {
        competitionRank(scores).forEach((p, i) => expect(p.rank).toBe(1 + scores.filter((s) => s > scores[i]!).length));
      }),
    );
  });
});

describe('rankOrder(scores)', () => {
  it.each([
    [[90, 95, 90], [1, 0, 2]],
    [[80, 80, 80], [0, 1, 2]],
    [[NaN, 50, 60], [2, 1, 0]],
    [[], []],
  ])('orders %j as %j (highest first, ties in source order)', (scores, order) => {
    expect(rankOrder(scores)).toEqual(order);
  });
});
