/**
 * What changed in the rankings between two computed reports, for editors
 * who want to see what their YAML edit did (`npm run diff -- <git-ref>`).
 */
import type { Report } from './types.ts';

/** One item whose printed score or rank moved, or that was added or removed. */
export interface DiffRow {
  id: string;
  /** Name (or title) as printed, from the newer report when the item exists there. */
  name: string;
  /** Printed score before and after; null where the item is absent or not ranked. */
  scoreBefore: string | null;
  scoreAfter: string | null;
  rankBefore: number | null;
  rankAfter: number | null;
}

export interface RankingDiff {
  units: DiffRow[];
  departments: DiffRow[];
  experiences: DiffRow[];
}

/** What the diff reads of a ranked item. */
interface Ranked {
  id: string;
  name: string;
  text: string | null;
  rank: number | null;
}

/**
 * Rows for the items of one ranking whose printed score or rank differs:
 * items of the newer list in its (rank) order, then removed items in their
 * old order. Items are matched by id; an unchanged item gives no row.
 */
function diffList(before: Ranked[], after: Ranked[]): DiffRow[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const rows: DiffRow[] = [];
  for (const item of after) {
    const prev = old.get(item.id);
    if (prev && prev.text === item.text && prev.rank === item.rank) continue;
    rows.push({
      id: item.id,
      name: item.name,
      scoreBefore: prev?.text ?? null,
      scoreAfter: item.text,
      rankBefore: prev?.rank ?? null,
      rankAfter: item.rank,
    });
  }
  const now = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (now.has(item.id)) continue;
    rows.push({ id: item.id, name: item.name, scoreBefore: item.text, scoreAfter: null, rankBefore: item.rank, rankAfter: null });
  }
  return rows;
}

/**
 * Compares the rankings of two reports: for units, departments and
 * experiences, a row for every item whose printed score or rank changed,
 * and for every item added or removed. Comparison is on printed values, so
 * a change below the printed precision is not a move. A department that
 * leads nothing has a null score and rank. Identical reports give three
 * empty lists.
 *
 * @example
 * rankingDiff(before, after).units
 * // → [{ id: 'zichuan', name: '淄川区', scoreBefore: '92.10', scoreAfter: '93.40', rankBefore: 4, rankAfter: 2 }, …]
 */
export function rankingDiff(before: Report, after: Report): RankingDiff {
  const experiences = (r: Report): Ranked[] => r.experiences.map((e) => ({ id: e.id, name: e.title, text: e.text, rank: e.rank }));
  return {
    units: diffList(before.units, after.units),
    departments: diffList(before.departments, after.departments),
    experiences: diffList(experiences(before), experiences(after)),
  };
}

/**
 * True when no ranking moved.
 *
 * @example
 * isEmptyDiff(rankingDiff(report, report)) // → true
 */
export function isEmptyDiff(diff: RankingDiff): boolean {
  return diff.units.length + diff.departments.length + diff.experiences.length === 0;
}
