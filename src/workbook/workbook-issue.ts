/**
 * Problems found in a workbook, each naming its sheet and cell
 * (`得分!F7`), and the notes an import prints without stopping.
 */
import { cellAddress } from './cell-address.ts';
import { SHEETS } from './layout.ts';

/** One problem (or notice) in a workbook: where, and a Chinese message. */
export interface WorkbookIssue {
  sheet: string;
  /** 0-based row and column; undefined for the sheet as a whole. */
  row?: number | undefined;
  column?: number | undefined;
  /** Several cells at once (`得分!F7`, `得分!G9`) when one problem has many sources; listed instead of row and column. */
  cells?: readonly string[] | undefined;
  /** Chinese explanation, ending with `(expected …, found …)` when both are known. */
  message: string;
}

/** How many cells a problem with many sources lists before saying how many more there are. */
const CELLS_SHOWN = 8;

/**
 * Where an issue is, as printed: `得分!F7`, a list `得分!F7、得分!G9`, or the sheet alone.
 *
 * @example
 * issuePlace({ sheet: '得分', row: 6, column: 5, message: '' }) // '得分!F7'
 */
function issuePlace(issue: WorkbookIssue): string {
  if (issue.cells && issue.cells.length > 0) {
    const shown = issue.cells.slice(0, CELLS_SHOWN).join('、');
    return issue.cells.length > CELLS_SHOWN ? `${shown} 等 ${issue.cells.length} 处` : shown;
  }
  if (issue.row === undefined) return issue.sheet;
  return `${issue.sheet}!${cellAddress(issue.row, issue.column ?? 0)}`;
}

/**
 * An issue as one line: `得分!F7: 说明 (expected …, found …)`.
 *
 * @example
 * formatWorkbookIssue({ sheet: '问卷', row: 2, column: 1, message: '应填写整数' }) // '问卷!B3: 应填写整数'
 */
export function formatWorkbookIssue(issue: WorkbookIssue): string {
  return `${issuePlace(issue)}: ${issue.message}`;
}

/**
 * Issues in reading order: sheets as the template orders them (others
 * after, by name), then by row and column; a sheet-wide issue first.
 * Equal places keep the order they were found in.
 *
 * @example
 * sortWorkbookIssues([{ sheet: '问卷', message: 'b' }, { sheet: '得分', row: 3, column: 0, message: 'a' }])[0].sheet // '得分'
 */
export function sortWorkbookIssues(issues: readonly WorkbookIssue[]): WorkbookIssue[] {
  const order: string[] = Object.values(SHEETS);
  const sheetRank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...issues].sort(
    (a, b) =>
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.column ?? -1) - (b.column ?? -1),
  );
}
