/**
 * Test helper: an edition's files as text, its template as sheets that a
 * test can change cell by cell, and an import run in memory.
 */
import { edit, rawFiles, readEditionTexts, SMALL } from '../schema/edition-files.ts';
import { parseEdition, type Edition } from '../../src/schema/edition.ts';
import { parseCellAddress } from '../../src/workbook/cell-address.ts';
import type { CellFact, CellValue, SheetInput } from '../../src/workbook/cell-value.ts';
import { importWorkbook, type ImportOutcome } from '../../src/workbook/import-workbook.ts';
import { templateSheets } from '../../src/workbook/template-sheets.ts';
import { formatWorkbookIssue } from '../../src/workbook/workbook-issue.ts';

export { edit, readEditionTexts, SMALL };

/** A sheet a test may change. */
export interface EditableSheet {
  name: string;
  rows: CellValue[][];
  facts?: Map<string, CellFact>;
  merges?: string[];
}

/** The small fixture's texts with `reported` emptied, so changed scores reconcile. */
export function smallWithoutReported(): Map<string, string> {
  const texts = readEditionTexts(SMALL);
  const report = texts.get('report.yaml')!;
  const next = new Map(texts);
  next.set('report.yaml', report.replace(/^reported:\n(?: {2}.*\n)+/m, 'reported: {}\n'));
  return next;
}

/** The valid edition of some texts (throws when they are not valid). */
export function editionOf(texts: Map<string, string>): Edition {
  const parsed = parseEdition(rawFiles(texts));
  if ('issues' in parsed) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.edition;
}

/** The template of an edition as sheets of plain values, fresh arrays a test may change. */
export function templateOf(texts: Map<string, string>): EditableSheet[] {
  return templateSheets(editionOf(texts)).map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
}

/** The sheet of that name. */
export function sheet(sheets: EditableSheet[], name: string): EditableSheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Sets a cell by address (`F7`), growing the grid as needed. */
export function setCell(sheets: EditableSheet[], name: string, address: string, value: CellValue): void {
  const { row, column } = parseCellAddress(address)!;
  const rows = sheet(sheets, name).rows;
  while (rows.length <= row) rows.push([]);
  while (rows[row]!.length <= column) rows[row]!.push(null);
  rows[row]![column] = value;
}

/** The address of the cell in a sheet's header `column` on the row whose first cells are `keys` (e.g. experience id, _, unit id). */
export function findCell(sheets: EditableSheet[], name: string, keys: { [column: number]: string }, header: string): string {
  const rows = sheet(sheets, name).rows;
  const column = rows[0]!.indexOf(header);
  const row = rows.findIndex((r) => Object.entries(keys).every(([c, v]) => r[Number(c)] === v));
  if (column === -1 || row === -1) throw new Error(`no cell ${header} for ${JSON.stringify(keys)}`);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

/** Runs the import in memory on texts named `data/<name>`. */
export function importIn(texts: Map<string, string>, sheets: readonly SheetInput[], kind: 'xlsx' | 'csv' = 'xlsx'): ImportOutcome {
  const byFile = new Map([...texts].map(([name, text]) => [`data/${name}`, text]));
  return importWorkbook({ files: rawFiles(texts), texts: byFile, sheets, kind });
}

/** The issues of a refused import, formatted; fails when the import was not refused. */
export function refusal(outcome: ImportOutcome): string[] {
  if (outcome.status !== 'refused') throw new Error(`expected a refusal, found ${outcome.status}`);
  return outcome.issues.map(formatWorkbookIssue);
}

/** The text written for one file by an import that succeeded. */
export function writtenText(outcome: ImportOutcome, name: string): string | undefined {
  if (outcome.status !== 'ok') throw new Error(`expected success, found ${outcome.status}: ${outcome.status === 'refused' ? outcome.issues.map(formatWorkbookIssue).join('\n') : ''}`);
  return outcome.written.find((w) => w.file === `data/${name}`)?.text;
}
