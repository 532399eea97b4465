import { describe, expect, it } from 'vitest';
import { leadAssessment } from '../../src/scoring/lead-assessment.ts';

describe('leadAssessment(points)', () => {
  it.each([
    [{ progress: 24, duty: 19, supervision: 19, effect: 24, publicity: 9 }, 95],
    [{ work: 57, effect: 38 }, 95],
    [{}, 0],
  ])('sums %j to %d', (points, expected) => expect(leadAssessment(points)).toBe(expected));
});
