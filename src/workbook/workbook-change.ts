/**
 * A value the workbook changes in the edition: which cell, which file
 * entry, what it was and what it becomes.
 */
import type { WorkbookIssue } from './workbook-issue.ts';

/** Where in the edition a value lives: an experience file by index, or survey.yaml; and the field path in it. */
export interface ChangeTarget {
  part: number | 'survey';
  path: readonly string[];
}

/** One value that differs between the workbook and the edition. */
export interface WorkbookChange {
  sheet: string;
  row: number;
  column: number;
  target: ChangeTarget;
  /** The value in the edition now (a criterion map for a score given by criterion); undefined when absent. */
  before: number | Readonly<Record<string, number>> | undefined;
  /** The workbook's value; undefined for an emptied cell (the entry is removed). */
  after: number | undefined;
}

/** What reading the sheets found: the changes, the problems that stop an import, and notes that do not. */
export interface SheetReading {
  changes: WorkbookChange[];
  issues: WorkbookIssue[];
  notices: WorkbookIssue[];
}
