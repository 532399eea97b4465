import { describe, expect, it } from 'vitest';
import { EditionError } from '../../src/data/errors.ts';
import { computeReport } from '../../src/model/compute-report.ts';
import type { Report } from '../../src/model/types.ts';
import { MAX_UNCERTAINTY_ITEMS, uncertaintySizeProblem } from '../../src/model/uncertainty-model.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
import { smallEdition } from './small-edition.ts';

/*
 * The small edition (see compute-report.test.ts): alpha and beta tie at
 * 88.75, gamma 84.65; smart-court 91.72 and family-doctor 91.10 swap once
 * the lead weight falls below 3.77 / 8.77 ≈ 0.43 (smart-court's lead
 * assessment is 5 points higher, its mean composite 3.77 lower); court
 * 92.5 and health 85 lead; archive leads nothing.
 */
const withUncertainty = (block: string): Report =>
  computeReport(smallEdition(edit(readEditionTexts(), 'scheme.yaml', 'spread_method: department\n', `spread_method: department\n${block}\n`)));

const WIDE = 'uncertainty: {draws: 2000, seed: 7, weights: 0.3, lead_weight: [0.3, 0.7], not_applicable: [lowest, exclude, zero]}';

describe('computeReport(edition).uncertainty', () => {
  const report = withUncertainty(WIDE);
  const u = report.uncertainty!;

  it('is absent when the scheme has no uncertainty block', () => {
    const plain = computeReport(smallEdition());
    expect(plain.uncertainty).toBeUndefined();
    expect(plain.units.some((x) => x.uncertainty !== undefined)).toBe(false);
  });

  it('lists units, ranked departments and experiences by base rank, with the base rank', () => {
    expect(u.units.map((x) => [x.id, x.rank])).toEqual(report.units.map((x) => [x.id, x.rank]));
    expect(u.departments.map((x) => [x.id, x.rank])).toEqual([['court', 1], ['health', 2]]);
    expect(u.experiences.map((x) => [x.id, x.rank])).toEqual(report.experiences.map((x) => [x.id, x.rank]));
    expect(u).toMatchObject({ draws: 2000, seed: 7, assumptions: { weights: 0.3, leadWeight: { low: 0.3, high: 0.7 }, notApplicable: ['lowest', 'exclude', 'zero'] } });
  });

  it('splits the tie at the top between alpha and beta, and keeps gamma third', () => {
    const [alpha, beta, gamma] = u.units;
    expect(alpha!.top).toBeGreaterThan(0.2);
    expect(beta!.top).toBeGreaterThan(0.2);
    expect(alpha!.top + beta!.top).toBeGreaterThanOrEqual(1);
    expect([alpha!.low, alpha!.high, beta!.low, beta!.high]).toEqual([1, 2, 1, 2]);
    expect(gamma).toMatchObject({ median: 3, low: 3, high: 3, top: 0 });
  });

  it('swaps the first two experiences with the lead weight', () => {
    const [first, second] = u.experiences;
    expect([first!.id, second!.id]).toEqual(['smart-court', 'family-doctor']);
    expect([first!.low, first!.high, second!.low, second!.high]).toEqual([1, 2, 1, 2]);
    // Near the crossing the two print equal and share rank 1, so the shares add up to a little over 1.
    expect(first!.top + second!.top).toBeGreaterThanOrEqual(1);
    expect(first!.top + second!.top).toBeLessThan(1.05);
  });

  it('keeps department ranks, which no drawn assumption touches', () => {
    expect(u.departments.map(({ median, low, high, top }) => [median, low, high, top])).toEqual([[1, 1, 1, 1], [2, 2, 2, 0]]);
    expect(report.departmentById.archive!.uncertainty).toBeUndefined();
  });

  it('puts each item’s interval on the item too', () => {
    for (const x of u.units) expect(report.unitById[x.id]!.uncertainty).toEqual({ median: x.median, low: x.low, high: x.high, top: x.top });
    for (const x of u.experiences) expect(report.experienceById[x.id]!.uncertainty).toEqual({ median: x.median, low: x.low, high: x.high, top: x.top });
    expect(report.departmentById.court!.uncertainty).toEqual({ median: 1, low: 1, high: 1, top: 1 });
  });

  it('measures what each assumption does alone', () => {
    const [weights, leadWeight, notApplicable] = u.effects;
    expect(u.effects.map((e) => [e.assumption, e.varied])).toEqual([['weights', true], ['leadWeight', true], ['notApplicable', true]]);
    // The weights break the alpha–beta tie: both intervals 1..2, gamma fixed.
    expect(weights!.width.units).toBeCloseTo(2 / 3, 10);
    // The lead weight moves experiences only; the policy touches only gamma, which stays third.
    expect(leadWeight!.width).toMatchObject({ units: 0, departments: 0 });
    expect(leadWeight!.width.experiences).toBeCloseTo(0.5, 10);
    expect(notApplicable!.width).toEqual({ units: 0, departments: 0, experiences: 0, overall: 0 });
    expect(notApplicable!.shift.overall).toBe(0);
    // Overall: 9 ranked items; weights 2 ranks wide in all, the lead weight 2.
    expect(weights!.width.overall).toBeGreaterThanOrEqual(2 / 9);
    expect(u.mostInfluential).toMatchObject({ units: 'weights', departments: null });
  });

  it('names the neighbours whose intervals overlap', () => {
    expect(u.indistinct.units).toEqual([{ higher: 'alpha', lower: 'beta' }]);
    expect(u.indistinct.departments).toEqual([]);
    expect(u.indistinct.experiences[0]).toEqual({ higher: 'smart-court', lower: 'family-doctor' });
  });

  it('gives the same result for the same seed, and another for another seed', () => {
    expect(withUncertainty(WIDE).uncertainty).toEqual(u);
    expect(withUncertainty(WIDE.replace('seed: 7', 'seed: 8')).uncertainty!.units[0]!.top).not.toBe(u.units[0]!.top);
  });

  it('puts every interval on the base rank when nothing is drawn wide, and says no assumption moves anything', () => {
    const fixed = withUncertainty('uncertainty: {draws: 50, seed: 1, weights: 0, lead_weight: 0.5, not_applicable: [lowest]}').uncertainty!;
    for (const x of [...fixed.units, ...fixed.departments, ...fixed.experiences]) {
      expect([x.median, x.low, x.high]).toEqual([x.rank, x.rank, x.rank]);
      expect(x.top).toBe(x.rank === 1 ? 1 : 0);
    }
    expect(fixed.effects.every((e) => !e.varied && e.width.overall === 0)).toBe(true);
    expect(fixed.mostInfluential).toEqual({ units: null, departments: null, experiences: null, overall: null });
    // alpha and beta are tied: still indistinct.
    expect(fixed.indistinct.units).toEqual([{ higher: 'alpha', lower: 'beta' }]);
  });

  it('holds an assumption the block leaves out at the scheme’s own value', () => {
    const onlyWeights = withUncertainty('uncertainty: {draws: 200, seed: 3, weights: 0.3}').uncertainty!;
    expect(onlyWeights.assumptions).toEqual({ weights: 0.3, leadWeight: { low: 0.5, high: 0.5 }, notApplicable: ['lowest'] });
    expect(onlyWeights.effects.map((e) => e.varied)).toEqual([true, false, false]);
  });

  it('gives each unit the same interval whatever the order of units.yaml', () => {
    const texts = readEditionTexts();
    const units = texts.get('units.yaml')!;
    const lines = units.split('\n');
    const reordered = new Map(texts).set('units.yaml', [lines[0], lines[3], lines[1], lines[2], ...lines.slice(4)].join('\n'));
    const block = 'spread_method: department\n';
    const other = computeReport(smallEdition(edit(reordered, 'scheme.yaml', block, `${block}${WIDE}\n`))).uncertainty!;
    const byId = (list: typeof u.units) => Object.fromEntries(list.map(({ id, median, low, high, top }) => [id, { median, low, high, top }]));
    expect(byId(other.units)).toEqual(byId(u.units));
    expect(other.experiences).toEqual(u.experiences);
  });
});

describe('uncertaintySizeProblem(units, experiences)', () => {
  it.each([
    [9, 20, undefined],
    [1000, MAX_UNCERTAINTY_ITEMS - 1000, undefined],
    [1000, MAX_UNCERTAINTY_ITEMS - 999, /单位和经验合计过多.*\(expected at most 2000 units and experiences together, found 2001\)/],
  ])('judges %i units and %i experiences', (units, experiences, message) => {
    const problem = uncertaintySizeProblem(units, experiences);
    if (message) expect(problem).toMatch(message);
    else expect(problem).toBeUndefined();
  });

  it('stops computeReport at scheme.yaml’s uncertainty line for an edition too large', () => {
    const texts = edit(readEditionTexts(), 'scheme.yaml', 'spread_method: department\n', `spread_method: department\n${WIDE}\n`);
    const edition = smallEdition(texts);
    const many = { ...edition, units: [...edition.units, ...Array.from({ length: MAX_UNCERTAINTY_ITEMS }, (_, i) => ({ id: `u${i}`, name: `单位${i}`, illustrative: [] }))] };
    const thrown = (() => {
      try {
        computeReport(many);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(EditionError);
    expect((thrown as EditionError).issues).toEqual([
      expect.objectContaining({ file: 'data/scheme.yaml', line: 14, path: 'uncertainty', message: expect.stringMatching(/单位和经验合计过多/) }),
    ]);
  });
});
