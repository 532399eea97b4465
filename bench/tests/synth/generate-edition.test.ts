import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { generateEdition } from '../../synth/generate-edition.ts';
import { rawEditionFiles } from '../../synth/raw-edition-files.ts';
import { parseEdition } from '../../../src/schema/edition.ts';
import { computeReport } from '../../../src/model/compute-report.ts';

type Loose = Record<string, any>;

/** Parse every YAML file of a generated edition with the core schema (dates stay strings). */
function parsed(files: Map<string, string>): Map<string, Loose> {
  const out = new Map<string, Loose>();
  for (const [path, text] of files) {
    if (path.endsWith('.yaml')) out.set(path, yaml.load(text, { schema: yaml.CORE_SCHEMA }) as Loose);
  }
  return out;
}

const sizes = [
  { experiences: 1, units: 2 },
  { experiences: 20, units: 9 },
  { experiences: 37, units: 13, methods: 3, departments: 5 },
  { experiences: 12, units: 6, methods: 7, departments: 30 },
];

describe('generateEdition(options)', () => {
  it('gives byte-identical files for the same options', () => {
    const a = generateEdition({ experiences: 30, units: 11 });
    const b = generateEdition({ experiences: 30, units: 11 });
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, text] of a) expect(b.get(path)).toBe(text);
  });

  it('gives different scores for a different seed', () => {
    const a = generateEdition({ experiences: 5, units: 5, seed: 1 });
    const b = generateEdition({ experiences: 5, units: 5, seed: 2 });
    expect(a.get('data/experiences/0001-exp-0001.yaml')).not.toBe(b.get('data/experiences/0001-exp-0001.yaml'));
  });

  it.each(sizes)('writes every file of the contract for $experiences experiences × $units units', (size) => {
    const files = generateEdition(size);
    for (const name of ['report', 'scheme', 'units', 'departments', 'survey', 'activity']) {
      expect(files.has(`data/${name}.yaml`)).toBe(true);
    }
    const experienceFiles = [...files.keys()].filter((p) => p.startsWith('data/experiences/'));
    expect(experienceFiles).toHaveLength(size.experiences);
    expect(experienceFiles.every((p) => /^data\/experiences\/\d+-[a-z0-9-]+\.yaml$/.test(p))).toBe(true);
    expect([...files.keys()].filter((p) => /^content\/\d+-[a-z0-9-]+\.md$/.test(p)).length).toBeGreaterThan(0);
  });

  it.each(sizes)('keeps weights, maxima and scores within the contract for $experiences × $units', (size) => {
    const data = parsed(generateEdition(size));
    const scheme = data.get('data/scheme.yaml')!;
    const units = data.get('data/units.yaml') as Array<{ id: string }>;
    const departments = data.get('data/departments.yaml') as Array<{ id: string }>;
    const criteria = scheme.criteria as Array<{ id: string; max: number }>;
    const methods = scheme.methods as Array<{ id: string; weight: number }>;

    expect(units).toHaveLength(size.units);
    expect(departments).toHaveLength(size.departments ?? Math.max(1, Math.round(size.experiences * 0.85)));
    expect(methods).toHaveLength(size.methods ?? 5);
    expect(methods.reduce((s, m) => s + m.weight, 0)).toBeCloseTo(1, 12);
    expect(criteria.reduce((s, c) => s + c.max, 0)).toBe(scheme.scale);
    expect(methods.map((m) => m.id)).toContain(scheme.spread_method);

    const unitIds = new Set(units.map((u) => u.id));
    const departmentIds = new Set(departments.map((d) => d.id));
    const maxOf = new Map(criteria.map((c) => [c.id, c.max]));
    for (const [path, experience] of data) {
      if (!path.startsWith('data/experiences/')) continue;
      expect(departmentIds.has(experience.lead)).toBe(true);
      if (experience.origin !== undefined) expect(unitIds.has(experience.origin)).toBe(true);
      if (experience.status === 'discontinued') expect(experience.status_note).toBeTruthy();
      for (const [criterion, points] of Object.entries(experience.lead_assessment as Record<string, number>)) {
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(maxOf.get(criterion)!);
      }
      const notApplicable = Object.keys(experience.not_applicable ?? {});
      const scored = Object.keys(experience.scores);
      // Every unit is either scored or not applicable, never both.
      expect([...scored, ...notApplicable].sort()).toEqual([...unitIds].sort());
      for (const byMethod of Object.values(experience.scores as Record<string, Record<string, unknown>>)) {
        expect(Object.keys(byMethod).length).toBeGreaterThan(0);
        expect(byMethod).toHaveProperty(scheme.spread_method);
        for (const value of Object.values(byMethod)) {
          const total =
            typeof value === 'number'
              ? value
              : Object.entries(value as Record<string, number>).reduce((s, [c, p]) => {
                  expect(p).toBeLessThanOrEqual(maxOf.get(c)!);
                  return s + p;
                }, 0);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(scheme.scale);
        }
      }
    }

    const survey = data.get('data/survey.yaml')!;
    expect(survey.valid).toBeLessThanOrEqual(survey.issued);
    expect(survey.satisfied).toBeLessThanOrEqual(survey.valid);
    for (const count of Object.values(survey.awareness as Record<string, number>)) {
      expect(count).toBeLessThanOrEqual(survey.valid);
    }
  });

  it('scores every unit in every experience when no unit is to be left out', () => {
    const data = parsed(generateEdition({ experiences: 50, units: 7, notApplicableShare: 0 }));
    for (const [path, experience] of data) {
      if (!path.startsWith('data/experiences/')) continue;
      expect(experience.not_applicable).toBeUndefined();
      expect(Object.keys(experience.scores)).toHaveLength(7);
    }
  });

  it('prints the reported shares that the survey and experiences imply', () => {
    const data = parsed(generateEdition({ experiences: 40, units: 9 }));
    const report = data.get('data/report.yaml')!;
    const survey = data.get('data/survey.yaml')!;
    const experiences = [...data].filter(([p]) => p.startsWith('data/experiences/')).map(([, e]) => e);
    const plus = experiences.filter((e) => e.internet_plus).length;
    expect(report.reported.satisfaction).toBe(`${Math.round((100 * survey.satisfied) / survey.valid)}%`);
    expect(report.reported.internet_plus_share).toBe(`${Math.round((100 * plus) / experiences.length)}%`);
  });

  it.each(sizes)('passes the project schema and scores with every printed figure reconciled for $experiences × $units', (size) => {
    const files = generateEdition(size);
    const result = parseEdition(rawEditionFiles(files));
    expect('issues' in result ? result.issues : []).toEqual([]);
    if (!('edition' in result)) return;
    const report = computeReport(result.edition);
    expect(report.experiences).toHaveLength(size.experiences);
    expect(report.units).toHaveLength(size.units);
    expect(report.reconciliation.length).toBeGreaterThanOrEqual(5);
    expect(report.reconciliation.filter((r) => !r.ok)).toEqual([]);
  });

  it('draws every assumption of the uncertainty block, 10,000 times unless told otherwise', () => {
    const scheme = (options: Parameters<typeof generateEdition>[0]) => parsed(generateEdition(options)).get('data/scheme.yaml')!;
    expect(scheme({ experiences: 3, units: 2 }).uncertainty).toEqual({
      draws: 10000,
      seed: 20180706,
      weights: 0.25,
      lead_weight: [0.4, 0.6],
      not_applicable: ['lowest', 'exclude', 'zero'],
    });
    expect(scheme({ experiences: 3, units: 2, uncertaintyDraws: 50 }).uncertainty.draws).toBe(50);
    expect(scheme({ experiences: 3, units: 2, uncertaintyDraws: 0 }).uncertainty).toBeUndefined();
  });

  it.each([
    { experiences: 0, units: 9 },
    { experiences: 5, units: 1 },
    { experiences: 5, units: 5, methods: 0 },
    { experiences: 5, units: 5, departments: 0 },
    { experiences: 5, units: 5, notApplicableShare: 1.5 },
    { experiences: 5, units: 5, uncertaintyDraws: -1 },
  ])('refuses an impossible size %o', (size) => {
    expect(() => generateEdition(size)).toThrow(RangeError);
  });
});
