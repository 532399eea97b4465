import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/types.ts';
import { sensitivityTables } from '../../../src/site/views/sensitivity-tables.ts';

const scenarios = [{ id: 'a' }, { id: 'b' }] as Report['scenarios'];
const row = (id: string, ranks: Record<string, number>) => {
  const values = Object.values(ranks);
  return { id, name: `名${id}`, ranks, min: Math.min(...values), max: Math.max(...values) };
};

describe('sensitivityTables(report)', () => {
  const tables = sensitivityTables({
    scenarios,
    sensitivity: {
      units: [row('u1', { baseline: 1, a: 2, b: 1 }), row('u2', { baseline: 2, a: 1 })],
      departments: [],
      experiences: [row('e1', { baseline: 1, a: 1, b: 1 })],
    },
  });

  it('gives one table per view that has rows, units first, with its noun, links and column style', () => {
    expect(tables.map((t) => [t.id, t.noun, t.href, t.longNames])).toEqual([
      ['units', '单位', '/units/', false],
      ['experiences', '创新改革经验', '/experiences/', true],
    ]);
  });

  it('prints each rank, — where a scenario ranks no item, and the range with whether it moved', () => {
    expect(tables[0]!.rows).toEqual([
      { id: 'u1', name: '名u1', baseline: '1', scenarios: ['2', '1'], range: '1–2', moved: true },
      { id: 'u2', name: '名u2', baseline: '2', scenarios: ['1', '—'], range: '1–2', moved: true },
    ]);
    expect(tables[1]!.rows[0]).toMatchObject({ range: '1–1', moved: false });
  });
});
