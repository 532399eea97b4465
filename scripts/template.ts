/**
 * `npm run template -- <file.xlsx> [--data <dir>] [--force]`: writes the
 * score workbook (sheets 得分, 牵头部门评估, 问卷) for the current edition
 * (`--data`, else `REPORT_DATA`, else `data/`), to be filled in Excel or
 * WPS and read back with `npm run import`. An existing file is kept unless
 * `--force` is given: it may hold scores someone typed.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EditionError } from '../src/data/errors.ts';
import { loadEdition } from '../src/model/load-report.ts';
import { templateSheets } from '../src/workbook/template-sheets.ts';
import { templateWorkbook } from '../src/workbook/write-xlsx.ts';
import { parseWorkbookArgs } from './lib/workbook-args.ts';

const USAGE = 'npm run template -- <文件.xlsx> [--data <数据目录>] [--force]';

/**
 * Writes the workbook for an edition and returns the lines to print.
 * Throws an Error with a Chinese message for a bad file name, an existing
 * file without `force`, or an invalid edition (an `EditionError`).
 *
 * @example
 * await writeTemplate({ file: 'scores.xlsx', dataDir: 'data' })
 * // '已写入 scores.xlsx：…'
 */
export async function writeTemplate(options: { file: string; dataDir: string; force?: boolean }): Promise<string> {
  if (!/\.xlsx$/i.test(options.file)) throw new Error(`模板须保存为 .xlsx 文件 (expected a file name ending in .xlsx, found ${JSON.stringify(options.file)})`);
  if (existsSync(options.file) && !options.force) {
    throw new Error(`${options.file} 已存在，为免覆盖已填写的分数，未写入；确要覆盖请加 --force (file exists)`);
  }
  const edition = await loadEdition({ dataDir: options.dataDir });
  const sheets = templateSheets(edition);
  const bytes = await templateWorkbook(sheets, { date: edition.report.published.date });
  const temporary = path.join(path.dirname(options.file), `.${path.basename(options.file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, options.file);
  } finally {
    await rm(temporary, { force: true });
  }
  const counts = sheets.map((s) => `${s.name} ${s.rows.length - 1} 行`).join('、');
  return `已写入 ${options.file}（${options.dataDir} 的当前数据）：${counts}。\n在 Excel 或 WPS 中填写后，用 npm run import -- ${options.file} 导入。\n`;
}

async function main(): Promise<void> {
  try {
    const args = parseWorkbookArgs(process.argv.slice(2), { usage: USAGE, flags: ['force'], env: process.env });
    process.stdout.write(await writeTemplate({ file: args.file, dataDir: args.dataDir, force: args.flags.has('force') }));
  } catch (error) {
    if (error instanceof EditionError) process.stderr.write(`数据有 ${error.issues.length} 处错误，请先用 npm run check 修复：\n${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
