import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRankBuffers, printedRanks } from '../../src/scoring/printed-ranks.ts';
import { competitionRank } from '../../src/scoring/rank.ts';
import { roundHalfUp } from '../../src/scoring/round-half-up.ts';

const ranks = (scores: number[], decimals = 2) => Array.from(printedRanks(scores, decimals, createRankBuffers(scores.length)));

describe('printedRanks(scores, decimals, buffers)', () => {
  it.each([
    [[], []],
    [[90], [1]],
    [[90, 95, 80], [2, 1, 3]],
    [[90.004, 95, 89.996, 80], [2, 1, 2, 4]],
    [[92.555, 92.56, 92.554], [1, 1, 3]],
    [[73.57499999999999, 73.58], [1, 1]],
    [[80, NaN, 90, NaN], [2, 3, 1, 3]],
  ])('ranks %j by printed score as %j', (scores, expected) => {
    expect(ranks(scores)).toEqual(expected);
  });

  it('ranks at the printed precision', () => {
    expect(ranks([90.4, 90.6, 89.6], 0)).toEqual([2, 1, 2]); // 90, 91, 90
  });

  it.each([
    ['scores in reverse order (the order is rebuilt by sorting)', Array.from({ length: 50 }, (_, i) => 50 + i / 4)],
    ['scores too large to pack with their index', Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? Number.NaN : 1e15 * (1 + (i % 9))))],
    ['only NaN', Array.from({ length: 40 }, () => Number.NaN)],
  ])('ranks %s as competitionRank does', (_, scores) => {
    expect(ranks(scores)).toEqual(competitionRank(scores.map((v) => roundHalfUp(v, 2))).map((p) => p.rank));
  });

  it('refuses buffers of another size', () => {
    expect(() => printedRanks([1, 2], 2, createRankBuffers(3))).toThrow(RangeError);
  });

  // Up to 32 items are counted pair by pair, more are sorted: both paths are checked.
  const scores = fc.array(
    fc.oneof(fc.integer({ min: 0, max: 2000 }).map((n) => 80 + n / 200), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Number.NaN)),
    { maxLength: 80 },
  );

  it('gives the ranks of competitionRank on the printed scores', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 4 }), (values, decimals) => {
        const expected = competitionRank(values.map((v) => roundHalfUp(v, decimals))).map((p) => p.rank);
        expect(ranks(values, decimals)).toEqual(expected);
      }),
    );
  });

  it('gives the same result when its buffers are reused', () => {
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const buffers = createRankBuffers(a.length);
        printedRanks(b.slice(0, a.length).concat(a.slice(b.length)), 2, buffers);
        expect(Array.from(printedRanks(a, 2, buffers))).toEqual(ranks(a));
      }),
    );
  });
});
