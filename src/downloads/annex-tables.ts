/**
 * The three annex tables of the report as rows of printed text, shared by
 * every download format (CSV, plain text, Word) so that they cannot drift
 * apart. The column headers are the ones the data contract fixes.
 */
import { annexTitle } from '../model/annex-titles.ts';
import { rankRangeText, rankText, TIE_MARK } from '../model/text/rank-text.ts';
import { intervalNote } from '../model/uncertainty-text.ts';
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
  /** For each body row, whether its rank is shared (并列). */
  tied: boolean[];
  /**
   * With an uncertainty analysis, each row's 90% interval as printed
   * (`2～5`, or `3` alone) and the sentence that says how to read it;
   * null without one. The CSV leaves it out: its columns are fixed.
   */
  interval: { cells: string[]; note: string } | null;
}

/** The header of the column of 90% rank intervals. */
export const INTERVAL_COLUMN = '90%区间';

/** The annex numbers in order. */
export const ANNEX_NUMBERS = [1, 2, 3] as const;

/**
 * Builds annex `n` of the report as printed rows.
 *
 * Annex 1 ranks the units (排名,单位,得分), annex 2 the lead departments
 * (排名,牵头部门,得分), annex 3 the experiences (排名,创新改革经验,牵头部门,得分).
 * The rank column holds the plain competition rank (`2`, `2`, `4`, the rank
 * printer's `number` form), so it sorts as a number; `tied` says which
 * rows share their rank, for the formats that mark it in a column of its
 * own ({@link withTieColumn}). The CSV's columns are fixed by the data
 * contract, so there equal numbers alone say it.
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
      tied: report.units.map((u) => u.tied),
      interval: intervals(report, 'units', report.units),
    };
  }
  if (n === 2) {
    const departments = rankedDepartments(report);
    return {
      number: 2,
      title,
      columns: ['排名', '牵头部门', '得分'],
      numeric: [true, false, true],
      rows: departments.map((d) => [rankText(d, 'number'), d.name, d.text!]),
      tied: departments.map((d) => d.tied === true),
      interval: intervals(report, 'departments', departments),
    };
  }
  return {
    number: 3,
    title,
    columns: ['排名', '创新改革经验', '牵头部门', '得分'],
    numeric: [true, false, false, true],
    rows: report.experiences.map((e) => [rankText(e, 'number'), e.title, e.leadName, e.text]),
    tied: report.experiences.map((e) => e.tied),
    interval: intervals(report, 'experiences', report.experiences),
  };
}

/** The interval cells and note of one annex's rows, or null without an uncertainty analysis. */
function intervals(
  report: Report,
  view: 'units' | 'departments' | 'experiences',
  items: ReadonlyArray<{ uncertainty?: { low: number; high: number } }>,
): AnnexTable['interval'] {
  if (!report.uncertainty) return null;
  return { cells: items.map((item) => rankRangeText(item.uncertainty, 'cell')), note: intervalNote(report, view) };
}

/** The departments annex 2 lists: those ranked, in rank order. */
function rankedDepartments(report: Report) {
  return report.departments.filter((d) => d.ranked && d.rank !== null && d.text !== null);
}

/**
 * An annex as every format for people prints it (the site, the text and
 * Word downloads, the workbook): the 并列 column after the rank (`并列`
 * where the row shares its rank with another, empty otherwise) and, with
 * an uncertainty analysis, the 90%区间 column last.
 *
 * @example
 * readerColumns(annexTable(report, 1)).rows[3] // → ['4', '并列', '桓台县', '93.10', '3～5']
 */
export function readerColumns(annex: AnnexTable): Pick<AnnexTable, 'columns' | 'rows' | 'numeric'> {
  const interval = annex.interval;
  return {
    columns: [annex.columns[0]!, TIE_MARK, ...annex.columns.slice(1), ...(interval ? [INTERVAL_COLUMN] : [])],
    numeric: [annex.numeric[0]!, false, ...annex.numeric.slice(1), ...(interval ? [true] : [])],
    rows: annex.rows.map((row, i) => [
      row[0]!,
      annex.tied[i] ? TIE_MARK : '',
      ...row.slice(1),
      ...(interval ? [interval.cells[i]!] : []),
    ]),
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
