import { describe, expect, it } from 'vitest';
import { scoreScheme } from '../../src/scoring/score-scheme.ts';
import { buildScoringMatrix } from '../../src/scoring/scoring-matrix.ts';
import { smallEdition } from '../model/small-edition.ts';

// Composites of the small edition at weights 0.5 / 0.3 / 0.2 (see tests/model/compute-report.test.ts).
const m = buildScoringMatrix(smallEdition());
const weights = { department: 0.5, unit: 0.3, survey: 0.2 };

describe('scoreScheme(matrix, weights)', () => {
  it('computes composites, experience, unit and department scores under the lowest policy', () => {
    const s = scoreScheme(m, { methods: weights, leadWeight: 0.5, notApplicable: 'lowest' });
    expect(Array.from(s.composites.slice(0, 3))).toEqual([expect.closeTo(94.2, 10), expect.closeTo(89.6, 10), expect.closeTo(81.5, 10)]);
    expect(s.composites[1 * 3 + 2]).toBeNaN();
    expect(s.counted[1 * 3 + 2]).toBeCloseTo(90.6, 10); // lowest composite in family-doctor
    expect(Array.from(s.experiences)).toEqual([
      expect.closeTo(91.716667, 5),
      expect.closeTo(91.1, 10),
      expect.closeTo(90.266667, 5),
      expect.closeTo(79.45, 10),
    ]);
    expect(Array.from(s.units)).toEqual([expect.closeTo(88.75, 10), expect.closeTo(88.75, 10), expect.closeTo(84.65, 10)]);
    expect(Array.from(s.departments.slice(0, 2))).toEqual([92.5, 85]);
    expect(s.departments[2]).toBeNaN();
  });

  it.each([
    ['exclude', 248 / 3],
    ['zero', 248 / 4],
  ] as const)('counts gamma’s not-applicable item under %s', (policy, gamma) => {
    expect(scoreScheme(m, { methods: weights, leadWeight: 0.5, notApplicable: policy }).units[2]).toBeCloseTo(gamma, 10);
  });

  it('gives the same scores when every weight is scaled by one constant', () => {
    const a = scoreScheme(m, { methods: weights, leadWeight: 0.5, notApplicable: 'lowest' });
    const b = scoreScheme(m, { methods: { department: 5, unit: 3, survey: 2 }, leadWeight: 0.5, notApplicable: 'lowest' });
    a.units.forEach((u, i) => expect(b.units[i]).toBeCloseTo(u, 10));
    a.experiences.forEach((x, i) => expect(b.experiences[i]).toBeCloseTo(x, 10));
  });

  it('re-weights over the methods present when a method is dropped', () => {
    // alpha in court-mediation has only department and unit: 90 either way.
    const s = scoreScheme(m, { methods: { unit: 0.6, survey: 0.4 }, leadWeight: 0.5, notApplicable: 'lowest' });
    expect(s.composites[2 * 3 + 0]).toBe(90);
    expect(s.units[1]).toBeCloseTo(88.5, 10);
  });
});
