import { describe, expect, it } from 'vitest';
import { buildDrawMatrix } from '../../src/scoring/draw-matrix.ts';
import { buildScoringMatrix } from '../../src/scoring/scoring-matrix.ts';
import { smallEdition } from '../model/small-edition.ts';

// Small edition: units alpha, beta, gamma; methods department, unit, survey;
// family-doctor leaves gamma out; alpha has no survey score in court-mediation.
const matrix = buildScoringMatrix(smallEdition());
const draw = buildDrawMatrix(matrix, { weights: [0.5, 0.3, 0.2], weightSpread: 0.25 });

describe('buildDrawMatrix(matrix, range)', () => {
  it('numbers the patterns of methods present by first appearance', () => {
    const patterns = Array.from({ length: draw.patternStart.length - 1 }, (_, p) =>
      Array.from(draw.patternMethods.slice(draw.patternStart[p]!, draw.patternStart[p + 1]!)),
    );
    expect(patterns).toEqual([[0, 1, 2], [0, 1]]);
  });

  it('sums each experience’s method scores per pattern', () => {
    // court-mediation: beta and gamma have every method, alpha only department and unit (90, 90).
    const groups = Array.from(draw.experienceGroups.pattern.slice(draw.experienceGroups.start[2]!, draw.experienceGroups.start[3]!));
    expect(groups).toEqual([1, 0]);
    const g = draw.experienceGroups.start[2]!;
    expect(Array.from(draw.experienceGroups.sums.slice(g * 3, g * 3 + 6))).toEqual([90, 90, 0, 88 + 95, 86 + 95, 84 + 95]);
    expect(Array.from(draw.experienceCounts)).toEqual([3, 2, 3, 3]);
  });

  it('sums each unit’s method scores per pattern, and counts where it has no composite', () => {
    // alpha: three experiences with every method, court-mediation without survey.
    const g = draw.unitGroups.start[0]!;
    expect(Array.from(draw.unitGroups.sums.slice(g * 3, g * 3 + 3))).toEqual([96 + 92 + 80, 94 + 90 + 82, 90 + 88 + 78]);
    expect(Array.from(draw.unitCounts)).toEqual([4, 4, 3]);
    expect(Array.from(draw.unitGaps)).toEqual([0, 0, 1]);
  });

  it('keeps for `lowest` only the composites that can be lowest', () => {
    // family-doctor: alpha (92, 90, 88) stays below beta (94, 96, 90) whatever the weights.
    expect(Array.from(draw.gapExperiences)).toEqual([1]);
    expect(Array.from(draw.gapCompositeScores)).toEqual([92, 90, 88]);
    expect(Array.from(draw.unitGapExperience.slice(draw.unitGapStart[2]!, draw.unitGapStart[3]!))).toEqual([0]);
  });

  it('keeps every composite that can be lowest when the ranges cross', () => {
    // Two units in an experience that leaves a third out: 90/80 against 80/90 cross at equal weights.
    const crossing = {
      unitIds: ['a', 'b', 'c'],
      experienceIds: ['e'],
      methodIds: ['x', 'y'],
      departmentIds: ['d'],
      scores: Float64Array.from([90, 80, 80, 90, Number.NaN, Number.NaN]),
      applicable: Uint8Array.from([1, 1, 0]),
      leadTotals: Float64Array.from([90]),
      leadOf: Int32Array.from([0]),
    };
    expect(buildDrawMatrix(crossing, { weights: [0.5, 0.5], weightSpread: 0.1 }).gapCompositeScores.length).toBe(4);
    expect(buildDrawMatrix(crossing, { weights: [0.8, 0.2], weightSpread: 0.1 }).gapCompositeScores).toEqual(Float64Array.from([80, 90]));
  });

  it('leaves out a method weighted 0, and a unit left with no counted method', () => {
    const zero = buildDrawMatrix(matrix, { weights: [0, 0, 1], weightSpread: 0.5 });
    // Only survey counts: alpha has no composite in court-mediation.
    expect(Array.from(zero.experienceCounts)).toEqual([3, 2, 2, 3]);
    expect(Array.from(zero.unitGaps)).toEqual([1, 0, 1]);
    expect(Array.from(zero.experienceGroups.sums.slice(0, 3))).toEqual([0, 0, 90 + 85 + 80]);
  });
});
