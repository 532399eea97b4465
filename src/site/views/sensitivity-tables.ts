import { rankText } from '../../model/text/rank-text.ts';
import type { Report, SensitivityRow } from '../../model/types.ts';

/** One row of a sensitivity table: an item's rank at the baseline, under each scenario, and its range. */
export interface SensitivityTableRow {
  id: string;
  name: string;
  baseline: string;
  /** One cell per scenario of the report, in its order; `—` where the item has no rank under it. */
  scenarios: string[];
  /** Best to worst rank (`1–3`). */
  range: string;
  /** True when some scenario ranks the item differently. */
  moved: boolean;
}

/** One table of the method page's sensitivity section. */
export interface SensitivityTable {
  /** `units`, `departments` or `experiences`: the figure's id is `sensitivity-<id>`. */
  id: 'units' | 'departments' | 'experiences';
  /** What the rows are (`单位`), for the caption and the first column. */
  noun: string;
  /** Where an item's page is: `<href><id>/`. */
  href: string;
  /** Long names (experience titles) get a wrapping first column. */
  longNames: boolean;
  rows: SensitivityTableRow[];
}

const TABLES = [
  { id: 'units', noun: '单位', href: '/units/', longNames: false },
  { id: 'departments', noun: '牵头部门', href: '/departments/', longNames: false },
  { id: 'experiences', noun: '创新改革经验', href: '/experiences/', longNames: true },
] as const;

/**
 * The sensitivity tables of the method page, units, departments and
 * experiences in that order, each row's ranks printed by the one rank
 * printer; a view with no rows is left out.
 *
 * @example
 * sensitivityTables(report)[0].rows[0]
 * // { id: 'zhangdian', name: '张店区', baseline: '1', scenarios: ['1', '2', …], range: '1–2', moved: true }
 */
export function sensitivityTables(report: Pick<Report, 'scenarios' | 'sensitivity'>): SensitivityTable[] {
  const row = (r: SensitivityRow): SensitivityTableRow => ({
    id: r.id,
    name: r.name,
    baseline: rankText({ rank: r.ranks.baseline }, 'number'),
    scenarios: report.scenarios.map((s) => rankText({ rank: r.ranks[s.id] }, 'number')),
    range: `${rankText({ rank: r.min }, 'number')}–${rankText({ rank: r.max }, 'number')}`,
    moved: r.min !== r.max,
  });
  return TABLES.map((table) => ({ ...table, rows: report.sensitivity[table.id].map(row) })).filter((table) => table.rows.length > 0);
}
