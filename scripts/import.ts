/**
 * `npm run import -- <file.xlsx|file.csv> [--data <dir>] [--dry-run]`:
 * reads the score workbook (or its 得分 sheet as CSV) back into the edition
 * (`--data`, else `REPORT_DATA`, else `data/`). Everything is checked
 * first; nothing is written unless all of it is valid. Then only the
 * changed values are rewritten in place, and the ranking diff is printed.
 * `--dry-run` checks and prints the diff without writing.
 *
 * Exit codes: 0 imported (or nothing to change), 1 refused.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssues } from '../src/data/errors.ts';
import { loadEditionFiles } from '../src/data/load-edition-files.ts';
import { formatDiff } from '../src/diff/format-diff.ts';
import { formatScore } from '../src/scoring/format.ts';
import type { SheetInput } from '../src/workbook/cell-value.ts';
import { importWorkbook } from '../src/workbook/import-workbook.ts';
import { readCsvSheet } from '../src/workbook/read-csv.ts';
import { readXlsxSheets } from '../src/workbook/read-xlsx.ts';
import { formatWorkbookIssue, type WorkbookIssue } from '../src/workbook/workbook-issue.ts';
import { WORKBOOK_LIMITS, WorkbookFileError } from '../src/workbook/xlsx-guard.ts';
import { parseWorkbookArgs } from './lib/workbook-args.ts';

const USAGE = 'npm run import -- <文件.xlsx 或 文件.csv> [--data <数据目录>] [--dry-run]';

/** What a run prints and how it exits. */
export interface ImportRun {
  code: 0 | 1;
  stdout: string;
  stderr: string;
}

/**
 * Reads a workbook or CSV file into sheets, refusing by size before
 * reading and by extension: `.xls`, `.et` and `.ods` get advice to save as
 * `.xlsx`.
 */
async function readSheets(file: string): Promise<{ sheets: SheetInput[]; kind: 'xlsx' | 'csv' }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xls' || extension === '.et' || extension === '.ods') {
    throw new WorkbookFileError(`不能直接读取 ${extension} 文件，请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再导入 (expected .xlsx or .csv, found ${extension})`);
  }
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new WorkbookFileError(`只能导入 .xlsx 工作簿或 .csv 文件 (expected .xlsx or .csv, found ${JSON.stringify(extension || path.basename(file))})`);
  }
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new WorkbookFileError(`找不到文件 ${file} (expected a file, found nothing)`);
  }
  if (size > WORKBOOK_LIMITS.maxFileBytes) {
    throw new WorkbookFileError(`文件过大（${formatScore(size / 1024 / 1024, 1)} MiB），未读取；得分工作簿通常不到 1 MiB (expected at most ${WORKBOOK_LIMITS.maxFileBytes} bytes, found ${size})`);
  }
  const bytes = new Uint8Array(await readFile(file));
  if (extension === '.csv') return { sheets: [readCsvSheet(bytes)], kind: 'csv' };
  return { sheets: await readXlsxSheets(bytes), kind: 'xlsx' };
}

/** Writes each file next to itself under a temporary name first, then renames them all into place. */
async function writeAll(files: ReadonlyArray<{ file: string; text: string }>): Promise<void> {
  const temporary = files.map((f) => ({ ...f, tmp: path.join(path.dirname(f.file), `.${path.basename(f.file)}.${process.pid}.tmp`) }));
  try {
    for (const f of temporary) await writeFile(f.tmp, f.text);
    for (const f of temporary) await rename(f.tmp, f.file);
  } finally {
    for (const f of temporary) await rm(f.tmp, { force: true });
  }
}

/** How many problems a refusal lists before saying how many more there are. */
const LISTED = 200;

function lines(issues: readonly WorkbookIssue[], prefix = ''): string {
  const shown = issues.slice(0, LISTED).map((i) => `${prefix}${formatWorkbookIssue(i)}\n`).join('');
  return issues.length > LISTED ? `${shown}……另有 ${issues.length - LISTED} 条未列出\n` : shown;
}

/**
 * Runs one import and returns what to print: the refusal with every
 * problem at its cell, or what was written (file by file), the notices,
 * and the ranking diff. Paths are relative to the working directory.
 *
 * @example
 * const run = await runImport({ file: 'scores.xlsx', dataDir: 'data' });
 * process.stdout.write(run.stdout); process.exitCode = run.code;
 */
export async function runImport(options: { file: string; dataDir: string; dryRun?: boolean }): Promise<ImportRun> {
  const { file, dataDir } = options;
  let read: { sheets: SheetInput[]; kind: 'xlsx' | 'csv' };
  try {
    read = await readSheets(file);
  } catch (error) {
    if (error instanceof WorkbookFileError) return { code: 1, stdout: '', stderr: `${file}: ${error.message}\n未写入任何文件。\n` };
    throw error;
  }

  const files = await loadEditionFiles(dataDir);
  const texts = new Map<string, string>();
  for (const raw of [...files.experiences, files.survey]) {
    if (raw.issues.length === 0) texts.set(raw.file, await readFile(raw.file, 'utf8'));
  }
  const outcome = importWorkbook({ files, texts, sheets: read.sheets, kind: read.kind });

  if (outcome.status === 'edition-invalid') {
    return { code: 1, stdout: '', stderr: `${dataDir} 的数据本身有 ${outcome.issues.length} 处错误，请先用 npm run check 修复后再导入：\n${formatIssues(outcome.issues)}\n` };
  }
  if (outcome.status === 'refused') {
    const notices = outcome.notices.length > 0 ? `\n${lines(outcome.notices, '提示：')}` : '';
    return { code: 1, stdout: '', stderr: `${file} 有 ${outcome.issues.length} 处问题，未写入任何文件：\n${lines(outcome.issues)}${notices}` };
  }

  let out = '';
  if (outcome.written.length === 0) out += `${file} 与 ${dataDir} 的数据一致，没有需要写入的改动。\n`;
  else {
    const total = outcome.written.reduce((n, w) => n + w.changes, 0);
    // A file edited by someone else since it was read would be overwritten: refuse instead.
    for (const w of outcome.written) {
      if ((await readFile(w.file, 'utf8')) !== texts.get(w.file)) {
        return { code: 1, stdout: '', stderr: `${w.file} 在导入过程中被修改，为免覆盖，未写入任何文件；请重新导入。\n` };
      }
    }
    if (!options.dryRun) await writeAll(outcome.written);
    out += `${options.dryRun ? '检查通过（--dry-run，未写入）' : '已导入'} ${file}：${total} 处数值，${outcome.written.length} 个文件。\n`;
    for (const w of outcome.written) out += `  ${w.file}：${w.changes} 处\n`;
  }
  if (outcome.notices.length > 0) out += `\n${lines(outcome.notices, '提示：')}`;
  out += `\n排名变化：\n${formatDiff(outcome.diff)}`;
  return { code: 0, stdout: out, stderr: '' };
}

async function main(): Promise<void> {
  try {
    const args = parseWorkbookArgs(process.argv.slice(2), { usage: USAGE, flags: ['dry-run'], env: process.env });
    const run = await runImport({ file: args.file, dataDir: args.dataDir, dryRun: args.flags.has('dry-run') });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    process.exitCode = run.code;
  } catch (error) {
    process.stderr.write(`导入失败，未写入任何文件 (import failed): ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
