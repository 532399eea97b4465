/**
 * The three annex tables of the report as rows of printed text, shared by
 * every download format (CSV, plain text, Word) so that they cannot drift
 * apart. The column headers are the ones the data contract fixes.
 */
import { annexTitle } from '../model/annex-titles.ts';
import { rankText } from '../model/text/rank-text.ts';
import type { Report } from '../model/types.ts';

/** One annex: its number, its Chinese title, its header row and its body rows. */
export interface AnnexTable {
  /** 1, 2 or 3, as in `annex-1.csv`. */
  number: 1 | 2 | 3;
  /** Caption as printed in the report (`annexTitle`). */
  title: string;
  /** Header cells exactly as the contract fixes them. */
  columns: string[];
  /** Which columns hold numbers (rank, score); the rest are text from YAML. */
  numeric: boolean[];
  /** Body rows in rank order, ties in source order; every cell printed text. */
  rows: string[][];
}

/** The annex numbers in order. */
export const ANNEX_NUMBERS = [1, 2, 3] as const;

/**
 * Builds annex `n` of the report as printed rows.
 *
 * Annex 1 ranks the units (排名,单位,得分), annex 2 the lead departments
 * (排名,牵头部门,得分), annex 3 the experiences (排名,创新改革经验,牵头部门,得分).
 * The rank column holds the plain competition rank (`2`, `2`, `4`, the rank
 * printer's `number` form): 并列 is a display convention of the site and is
 * not written into the data files.
 * The score column holds the printed score (`92.56`). A department that
 * leads no experience is not ranked and is left out of annex 2. The report's
 * lists are already in rank order, so rows keep that order.
 *
 * @example
 * annexTable(report, 1).rows[0] // → ['1', '张店区', '95.12']
 */
export function annexTable(report: Report, n: 1 | 2 | 3): AnnexTable {
  const title = annexTitle(report, n);
  if (n === 1) {
    return {
      number: 1,
      title,
      columns: ['排名', '单位', '得分'],
      numeric: [true, false, true],
      rows: report.units.map((u) => [rankText(u, 'number'), u.name, u.text]),
    };
  }
  if (n === 2) {
    return {
      number: 2,
      title,
      columns: ['排名', '牵头部门', '得分'],
      numeric: [true, false, true],
      rows: report.departments
        .filter((d) => d.ranked && d.rank !== null && d.text !== null)
        .map((d) => [rankText(d, 'number'), d.name, d.text!]),
    };
  }
  return {
    number: 3,
    title,
    columns: ['排名', '创新改革经验', '牵头部门', '得分'],
    numeric: [true, false, false, true],
    rows: report.experiences.map((e) => [rankText(e, 'number'), e.title, e.leadName, e.text]),
  };
}

/**
 * All three annexes in order.
 *
 * @example
 * annexTables(report).map((a) => a.number) // → [1, 2, 3]
 */
export function annexTables(report: Report): AnnexTable[] {
  return ANNEX_NUMBERS.map((n) => annexTable(report, n));
}
