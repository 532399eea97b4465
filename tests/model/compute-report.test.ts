import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditionError } from '../../src/data/errors.ts';
import path from 'node:path';
import { computeReport, ReconciliationError } from '../../src/model/compute-report.ts';
import { formatPercent, formatScore } from '../../src/scoring/format.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Edition } from '../../src/schema/edition.ts';
import { edit, readEditionTexts } from '../schema/edition-files.ts';
import { smallEdition } from './small-edition.ts';

/*
 * The small edition by hand. Weights: department 0.5, unit 0.3, survey 0.2;
 * lead weight 0.5; not applicable counts the lowest composite.
 *
 * Composites c(e,u) = Σ w·s / Σ w over the methods present:
 *   smart-court     alpha 48+28.2+18 = 94.2   beta 45+27.6+17 = 89.6   gamma 40+25.5+16 = 81.5
 *   family-doctor   alpha 46+27+17.6 = 90.6   beta 47+28.8+18 = 93.8   gamma not applicable
 *   court-mediation alpha (45+27)/0.8 = 90.0  beta 44+25.8+16.8 = 86.6 gamma 47.5+28.5+19 = 95
 *   health-cloud    alpha 40+24.6+15.6 = 80.2 beta 42+24+19 = 85       gamma 35+22.5+14 = 71.5
 * Experience scores S = 0.5·L + 0.5·mean c:
 *   smart-court     L 95, mean 265.3/3 = 88.4333 → 91.71667 → 91.72 (1)
 *   family-doctor   L 90, mean 92.2             → 91.1     → 91.10 (2)
 *   court-mediation L 90, mean 271.6/3 = 90.5333 → 90.26667 → 90.27 (3)
 *   health-cloud    L 80, mean 236.7/3 = 78.9    → 79.45    → 79.45 (4)
 * Unit scores (gamma counts family-doctor's lowest composite, 90.6):
 *   alpha (94.2+90.6+90+80.2)/4 = 88.75, beta (89.6+93.8+86.6+85)/4 = 88.75 → tied 1st, alpha first
 *   gamma (81.5+90.6+95+71.5)/4 = 84.65 → 3rd
 * Departments: court (95+90)/2 = 92.5 (1), health (90+80)/2 = 85 (2), archive leads none.
 * Means: experiences 352.5333/4 = 88.13; units 262.15/3 = 87.38; departments 88.75.
 * Shares: satisfaction 87/100 = 87%; internet+ 3/4 = 75%; rectification 1/2 = 50%.
 * Spread (department): smart-court 96-80 = 16; awareness smart-court 64/100 = 64%.
 */
describe('computeReport(edition) on the small edition', () => {
  const report = computeReport(smallEdition());

  it('ranks experiences by printed score', () => {
    expect(report.experiences.map((e) => [e.id, e.text, e.rank, e.tied])).toEqual([
      ['smart-court', '91.72', 1, false],
      ['family-doctor', '91.10', 2, false],
      ['court-mediation', '90.27', 3, false],
      ['health-cloud', '79.45', 4, false],
    ]);
    expect(report.experiences[0]!.exact).toBeCloseTo(91.716667, 5);
  });

  it('ranks units, tied units sharing a rank in source order', () => {
    expect(report.units.map((u) => [u.id, u.text, u.rank, u.tied])).toEqual([
      ['alpha', '88.75', 1, true],
      ['beta', '88.75', 1, true],
      ['gamma', '84.65', 3, false],
    ]);
  });

  it('ranks departments and lists one that leads nothing last, unranked, with a warning', () => {
    expect(report.departments.map((d) => [d.id, d.text, d.rank, d.ranked, d.experiences])).toEqual([
      ['court', '92.50', 1, true, ['smart-court', 'court-mediation']],
      ['health', '85.00', 2, true, ['family-doctor', 'health-cloud']],
      ['archive', null, null, false, []],
    ]);
    expect(report.warnings).toEqual([expect.stringContaining('市档案馆')]);
  });

  it('keeps each unit’s composites, ranks and methods inside an experience', () => {
    const court = report.experienceById['court-mediation']!;
    expect(court.units.map((u) => [u.unit, u.composite.text, u.rank])).toEqual([
      ['gamma', '95.00', 1],
      ['alpha', '90.00', 2],
      ['beta', '86.60', 3],
    ]);
    expect(court.units[1]!.methods).toEqual({ department: 90, unit: 90 });
    expect(court.units[0]!.methods).toEqual({ department: 95, unit: 95, survey: 95 });
  });

  it('shows what a unit counted for an experience that does not apply to it', () => {
    const gamma = report.unitById.gamma!;
    const entry = gamma.experiences.find((x) => x.experience === 'family-doctor')!;
    expect(entry).toMatchObject({ composite: null, rank: null, notApplicableReason: '不适合在丙新区推广' });
    expect(entry.counted).toBeCloseTo(90.6, 10);
    expect(gamma.strongest.map((x) => x.experience)).toEqual(['court-mediation', 'smart-court', 'health-cloud']);
    expect(gamma.weakest.map((x) => x.experience)).toEqual(['health-cloud', 'smart-court', 'court-mediation']);
    // The same entries as in the full list, each with the rank among the units the experience ranks.
    expect(gamma.strongest[0]).toBe(gamma.experiences.find((x) => x.experience === 'court-mediation'));
    expect(gamma.strongest[0]).toMatchObject({ rank: 1, among: 3, status: 'active' });
    expect(entry.among).toBe(2);
  });

  it('lists every experience that does not apply to a unit, and the surveyed experiences best known first', () => {
    expect(report.notApplicable).toEqual([
      { experience: 'family-doctor', title: '推行互联网+家庭医生签约服务', unit: 'gamma', unitName: report.unitById.gamma!.name, reason: '不适合在丙新区推广' },
    ]);
    expect(report.byAwareness.map((e) => [e.id, e.awareness!.text])).toEqual([
      ['smart-court', '64%'],
      ['family-doctor', '35.0%'],
      ['court-mediation', '20.0%'],
    ]);
  });

  it('names the spread method and counts what each department leads', () => {
    expect(report.scheme.spreadMethodName).toBe('部门评估');
    expect(report.departments.map((d) => d.experienceCount)).toEqual([2, 2, 0]);
    expect(report.survey.validText).toBe(String(report.survey.valid));
  });

  it('lists every experience in each unit in source order, so an experience’s entry sits at its order', async () => {
    // The default edition, whose ranking is not its source order.
    const zibo = await loadReport({ dataDir: path.resolve(import.meta.dirname, '../../data') });
    const bySource = [...zibo.experiences].sort((a, b) => a.order - b.order).map((e) => e.id);
    expect(bySource).not.toEqual(zibo.experiences.map((e) => e.id));
    for (const unit of zibo.units) {
      expect(unit.experiences.map((x) => x.experience)).toEqual(bySource);
      for (const e of zibo.experiences) expect(unit.experiences[e.order - 1]!.experience).toBe(e.id);
    }
  });

  it('computes the statistics and prints them at the published precision', () => {
    const s = report.stats;
    expect([s.experienceMean.text, s.unitMean.text, s.departmentMean.text]).toEqual(['88.13', '87.38', '88.75']);
    expect([s.satisfaction.text, s.internetPlusShare.text, s.rectificationShare.text]).toEqual(['87%', '75%', '50%']);
    expect(s.spreadMax).toMatchObject({ experience: 'smart-court', value: 16, text: '16' });
    expect(s.awarenessMax).toMatchObject({ experience: 'smart-court', text: '64%' });
    expect(s.awarenessMin).toMatchObject({ experience: 'court-mediation', text: '20.0%' });
    expect(s.counts).toEqual({
      experiences: 4, units: 3, departments: 3, rankedDepartments: 2, internetPlus: 3, discontinued: 1, methods: 3, criteria: 2,
      scenarios: 5, surveyed: 3, unsurveyed: 1,
    });
  });

  it('flags the discontinued experience and keeps it ranked', () => {
    expect(report.experienceById['health-cloud']).toMatchObject({ status: 'discontinued', statusNote: '因机构改革原因终止推广', rank: 4 });
  });

  it('reconciles every printed figure', () => {
    expect(report.reconciliation.every((r) => r.ok)).toBe(true);
    expect(report.reconciliation.map((r) => r.key)).toContain('awareness:smart-court');
  });

  it('names every reconciled figure in Chinese, never by its key', () => {
    for (const r of report.reconciliation) expect(r.label, r.key).toMatch(/^[^a-z_:]*$/);
    expect(report.reconciliation.find((r) => r.key === 'awareness:smart-court')?.label).toBe(`群众知晓率——${report.experienceById['smart-court']!.title}`);
  });

  it('re-ranks under every scenario and reports the ranges', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual(['equal-weights', 'exclude-na', 'without-department', 'without-unit', 'without-survey']);
    // Without the department method (unit 0.6, survey 0.4): alpha 352/4 = 88.0, beta 354/4 = 88.5, gamma 340.2/4 = 85.05.
    const without = report.scenarios.find((s) => s.id === 'without-department')!;
    expect(without.units).toEqual([
      { id: 'beta', score: 88.5, rank: 1 },
      { id: 'alpha', score: 88, rank: 2 },
      { id: 'gamma', score: 85.05, rank: 3 },
    ]);
    const alpha = report.sensitivity.units.find((r) => r.id === 'alpha')!;
    expect(alpha.ranks.baseline).toBe(1);
    expect(alpha.ranks['without-department']).toBe(2);
    expect([alpha.min, alpha.max]).toEqual([1, 2]);
    expect(report.sensitivity.departments.map((r) => r.id)).toEqual(['court', 'health']);
    expect(report.sensitivity.units.map((r) => r.id)).toEqual(report.units.map((u) => u.id));
    expect(report.sensitivity.biggestMover).toMatchObject({ id: 'alpha', baselineRank: 1, scenarioRank: 2 });
    expect(report.sensitivity.biggestMover!.sentence).toMatch(/^在“.+”情形下，甲区的排名由第1位降至第2位，变动最大，原因是/);
  });

  it('sets provenance from the illustrative lists', () => {
    expect(report.provenance).toMatchObject({ unitScores: false, experienceScores: true, departmentScores: true, survey: true });
    expect(report.provenance.notice).toMatch(/示意值/);
  });
});

describe('computeReport(edition) with a drop-method scenario that cannot score everything', () => {
  // Court mediation scored by the department method alone: without it, that experience has no score left.
  let texts = readEditionTexts();
  texts = edit(texts, 'experiences/03-court-mediation.yaml', 'alpha: {department: 90, unit: 90}', 'alpha: {department: 90}');
  texts = edit(texts, 'experiences/03-court-mediation.yaml', 'beta: {department: 88, unit: 86, survey: 84}', 'beta: {department: 88}');
  texts = edit(texts, 'experiences/03-court-mediation.yaml', '    unit: 95\n    survey: 95\n', '');
  const report = computeReport(smallEdition(texts), { reconcile: 'record' });

  it('leaves that scenario out instead of ranking the experience last in it, and says why', () => {
    expect(report.scenarios.map((s) => s.id)).toEqual(['equal-weights', 'exclude-na', 'without-unit', 'without-survey']);
    expect(Object.keys(report.sensitivity.experiences[0]!.ranks)).not.toContain('without-department');
    expect(report.warnings).toContainEqual(
      '情形“不计部门评估”（without-department）未列入敏感性分析：经验 court-mediation 的得分全部来自该情形不计的评估方式，无法计算。',
    );
  });

  it('keeps every experience and unit ranked in every scenario it shows', () => {
    for (const scenario of report.scenarios) {
      expect(scenario.experiences.map((e) => e.score).every(Number.isFinite), scenario.id).toBe(true);
      expect(scenario.units.map((u) => u.score).every(Number.isFinite), scenario.id).toBe(true);
    }
  });
});

describe('computeReport(edition) when a printed figure does not reconcile', () => {
  const texts = edit(readEditionTexts(), 'report.yaml', 'unit_mean: "87.38"', 'unit_mean: "87.39"');

  it('throws an EditionError naming report.yaml’s line, the printed and the computed text', () => {
    let error: unknown;
    try {
      computeReport(smallEdition(texts));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EditionError);
    expect(error).toBeInstanceOf(ReconciliationError);
    const issue = (error as EditionError).issues[0]!;
    expect(issue).toMatchObject({ file: 'data/report.yaml', line: 18, path: 'reported.unit_mean' });
    expect((error as Error).message).toMatch(/^data\/report\.yaml:18:\d+ reported\.unit_mean: .*"87\.38".*"87\.39"/);
    expect((error as ReconciliationError).report.reconciliation.find((r) => r.key === 'unit_mean')).toMatchObject({
      key: 'unit_mean', printed: '87.39', computed: '87.38', ok: false,
    });
  });

  it('only records the mismatch when asked to', () => {
    const report = computeReport(smallEdition(texts), { reconcile: 'record' });
    expect(report.reconciliation.filter((r) => !r.ok).map((r) => r.key)).toEqual(['unit_mean']);
  });
});

describe('computeReport(edition) when the data holds more items than the published text counts', () => {
  const fifth = readEditionTexts().get('experiences/02-family-doctor.yaml')!.replace('id: family-doctor', 'id: fifth-experience');
  const texts = new Map(readEditionTexts()).set('experiences/05-fifth-experience.yaml', fifth);

  it('refuses a title that says 4项 over five experiences, at count:experiences, in Chinese', () => {
    let error: unknown;
    try {
      computeReport(smallEdition(texts));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReconciliationError);
    const issue = (error as EditionError).issues.find((i) => i.path === 'reported.count:experiences');
    expect(issue).toMatchObject({ file: 'data/report.yaml', line: 25 });
    expect(issue!.message).toMatch(/^原文所称数目与数据不符.*\(expected "5" as counted in the data, found "4" as printed\)$/);
  });

  it.each([
    ['count:experiences', '"4"', '"5"', '4'],
    ['count:units', '"3"', '"9"', '3'],
    ['count:departments', '"2"', '"3"', '2'],
  ])('reconciles %s like a printed figure', (key, from, to, computed) => {
    const texts = edit(readEditionTexts(), 'report.yaml', `"${key}": ${from}`, `"${key}": ${to}`);
    const report = computeReport(smallEdition(texts), { reconcile: 'record' });
    expect(report.reconciliation.filter((r) => !r.ok)).toMatchObject([{ key, printed: to.slice(1, -1), computed, ok: false }]);
  });
});

describe('computeReport(edition) properties', () => {
  const base = smallEdition();

  function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
  }

  it('does not mutate its input', () => {
    const edition = structuredClone({ ...base, source: undefined });
    const before = JSON.stringify(edition);
    expect(() => computeReport(deepFreeze(edition))).not.toThrow();
    expect(JSON.stringify(edition)).toBe(before);
  });

  const permute = <T>(list: readonly T[], order: number[]) => order.map((i) => list[i]!);
  const reorderKeys = <T>(record: Record<string, T>, order: number[]) => {
    const keys = Object.keys(record);
    return Object.fromEntries(order.filter((i) => i < keys.length).map((i) => [keys[i]!, record[keys[i]!]!]));
  };

  it('gives every item the same rank whatever the order of units, departments, experiences and score entries', () => {
    const baseline = computeReport(base, { reconcile: 'record' });
    const rankOf = (r: ReturnType<typeof computeReport>) => ({
      units: Object.fromEntries(r.units.map((u) => [u.id, u.rank])),
      experiences: Object.fromEntries(r.experiences.map((e) => [e.id, e.rank])),
      departments: Object.fromEntries(r.departments.map((d) => [d.id, d.rank])),
    });
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        (unitOrder, keyOrder, experienceOrder, departmentOrder) => {
        const edition: Edition = {
          ...base,
          units: permute(base.units, unitOrder),
          departments: permute(base.departments, departmentOrder),
          experiences: permute(base.experiences, experienceOrder).map((e) => ({ ...e, scores: reorderKeys(e.scores, keyOrder) })),
        };
        expect(rankOf(computeReport(edition, { reconcile: 'record' }))).toEqual(rankOf(baseline));
      }),
    );
  });

  it('never lowers a unit’s rank when one of its scores rises', () => {
    const baseline = computeReport(base, { reconcile: 'record' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.constantFrom('alpha', 'beta', 'gamma'), fc.integer({ min: 1, max: 5 }), (e, unit, raise) => {
        const experience = base.experiences[e]!;
        const scores = experience.scores[unit];
        if (!scores || typeof scores.unit !== 'number') return;
        const raised: Edition = {
          ...base,
          experiences: base.experiences.map((x, i) =>
            i === e ? { ...x, scores: { ...x.scores, [unit]: { ...scores, unit: Math.min(100, (scores.unit as number) + raise) } } } : x,
          ),
        };
        const after = computeReport(raised, { reconcile: 'record' });
        expect(after.unitById[unit]!.rank).toBeLessThanOrEqual(baseline.unitById[unit]!.rank);
      }),
    );
  });

  it('changes nothing when every method weight is scaled by one constant', () => {
    const baseline = computeReport(base, { reconcile: 'record' });
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (k) => {
        const scaled: Edition = {
          ...base,
          scheme: { ...base.scheme, methods: base.scheme.methods.map((m) => ({ ...m, weight: m.weight * k })) },
        };
        const after = computeReport(scaled, { reconcile: 'record' });
        expect(after.units.map((u) => [u.id, u.text, u.rank])).toEqual(baseline.units.map((u) => [u.id, u.text, u.rank]));
        expect(after.experiences.map((x) => [x.id, x.text, x.rank])).toEqual(baseline.experiences.map((x) => [x.id, x.text, x.rank]));
      }),
    );
  });
});

describe('the printed figures of random editions', () => {
  const base = smallEdition();
  // Scores in steps of 0.005 and lead points in halves, so means and composites land on printed halves (1.005, 73.575).
  const score = fc.integer({ min: 12_000, max: 20_000 }).map((n) => n / 200);
  const randomEdition = fc
    .record({
      decimals: fc.integer({ min: 0, max: 3 }),
      scores: fc.array(score, { minLength: 64, maxLength: 64 }),
      lead: fc.array(fc.integer({ min: 0, max: 80 }).map((n) => n / 2), { minLength: 8, maxLength: 8 }),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ decimals, scores, lead, weights }): Edition => {
      let next = 0;
      const total = weights.reduce((a, b) => a + b, 0);
      return {
        ...base,
        report: { ...base.report, reported: {} },
        scheme: { ...base.scheme, decimals, methods: base.scheme.methods.map((m, i) => ({ ...m, weight: weights[i]! / total })) },
        experiences: base.experiences.map((e, i) => ({
          ...e,
          lead_assessment: { work: lead[2 * i]!, effect: lead[2 * i + 1]! },
          scores: Object.fromEntries(
            Object.entries(e.scores).map(([unit, methods]) => [
              unit,
              Object.fromEntries(Object.entries(methods).map(([m, v]) => [m, typeof v === 'number' ? scores[next++ % scores.length]! : v])),
            ]),
          ),
        })),
      };
    });

  it('prints every score, composite and mean as the one formatter prints its exact value', () => {
    fc.assert(
      fc.property(randomEdition, (edition) => {
        const report = computeReport(edition, { reconcile: 'record' });
        const d = report.scheme.decimals;
        const pairs: Array<[number, string]> = [
          ...report.units.map((u): [number, string] => [u.exact, u.text]),
          ...report.experiences.map((e): [number, string] => [e.exact, e.text]),
          ...report.experiences.map((e): [number, string] => [e.unitMean.value, e.unitMean.text]),
          ...report.experiences.map((e): [number, string] => [e.spread.value, e.spread.text]),
          ...report.experiences.flatMap((e) => e.units.map((u): [number, string] => [u.composite.value, u.composite.text])),
          ...report.departments.filter((x) => x.ranked).map((x): [number, string] => [x.exact!, x.text!]),
          [report.stats.experienceMean.value, report.stats.experienceMean.text],
          [report.stats.unitMean.value, report.stats.unitMean.text],
          [report.stats.departmentMean.value, report.stats.departmentMean.text],
        ];
        for (const [exact, text] of pairs) expect(text).toBe(formatScore(exact, d));
        expect(report.stats.satisfaction.text).toBe(formatPercent(report.stats.satisfaction.value, 1));
        // The printed number is the printed text read back: sorting and ranking see what readers see.
        for (const u of report.units) expect(u.score).toBe(Number(u.text));
      }),
      { numRuns: 200 },
    );
  });
});
