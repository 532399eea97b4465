import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import.ts';
import { writeTemplate } from '../../scripts/template.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of an edition's data folder to import into. */
function copyEdition(from: string, name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, from), dir, { recursive: true });
  return dir;
}

/** A copy of the small fixture without printed figures, so changed scores still reconcile. */
function freeEdition(name: string): string {
  const dir = copyEdition('tests/fixtures/small/data', name);
  const report = path.join(dir, 'report.yaml');
  writeFileSync(report, readFileSync(report, 'utf8').replace(/^reported:\n(?: {2}.*\n)+/m, 'reported: {}\n'));
  return dir;
}

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice) console.warn('soffice (LibreOffice) not found: skipping the tests of workbooks LibreOffice saves');

/** Converts a file with LibreOffice into `outDir`, with a profile of its own so parallel runs do not collide. */
function soffice(file: string, format: string, outDir: string): void {
  const profile = pathToFileURL(path.join(scratch, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file], { stdio: 'ignore', timeout: 120_000 });
}

describe('npm run import (scripts/import.ts)', () => {
  it.each(['data', 'tests/fixtures/small/data', 'tests/fixtures/other/data', 'tests/fixtures/hostile/data'])(
    'changes no byte of %s when its template comes back unedited',
    async (from) => {
      const dir = copyEdition(from, `round-${from.replace(/\W/g, '-')}`);
      const before = await hashTree(dir);
      const file = path.join(scratch, `${path.basename(dir)}.xlsx`);
      await writeTemplate({ file, dataDir: dir });
      const run = await runImport({ file, dataDir: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/没有需要写入的改动。\n\n排名变化：\n排名无变化。\n$/);
      expect(treeDifferences(before, await hashTree(dir))).toEqual([]);
    },
  );

  it.skipIf(!hasSoffice)('changes no byte when LibreOffice has opened and saved the template', { timeout: 240_000 }, async () => {
    for (const from of ['data', 'tests/fixtures/small/data']) {
      const dir = copyEdition(from, `lo-${from.replace(/\W/g, '-')}`);
      const before = await hashTree(dir);
      const file = path.join(scratch, `lo-${path.basename(dir)}.xlsx`);
      await writeTemplate({ file, dataDir: dir });
      const saved = path.join(scratch, `lo-out-${path.basename(dir)}`);
      soffice(file, 'xlsx:Calc MS Excel 2007 XML', saved);
      const run = await runImport({ file: path.join(saved, path.basename(file)), dataDir: dir });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/没有需要写入的改动/);
      expect(treeDifferences(before, await hashTree(dir))).toEqual([]);
    }
  });

  it.skipIf(!hasSoffice)('imports the 得分 sheet as LibreOffice saves it as CSV, after an edit', { timeout: 240_000 }, async () => {
    const dir = freeEdition('lo-csv');
    const file = path.join(scratch, 'lo-csv.xlsx');
    await writeTemplate({ file, dataDir: dir });
    const out = path.join(scratch, 'lo-csv-out');
    soffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76', out);
    const csv = path.join(out, 'lo-csv.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('smart-court,建设智慧法院服务平台,beta,乙县,90,92,85', 'smart-court,建设智慧法院服务平台,beta,乙县,90,92,87.5'));
    const run = await runImport({ file: csv, dataDir: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/已导入 .*lo-csv\.csv：1 处数值，1 个文件。/);
    expect(readFileSync(path.join(dir, 'experiences/01-smart-court.yaml'), 'utf8')).toContain('beta: {department: 90, unit: 92, survey: 87.5}');
  });

  it('writes only the changed values and prints what it wrote and the ranking diff', async () => {
    const dir = freeEdition('edit');
    const csvFile = path.join(scratch, 'edit.csv');
    const header = '经验编号,创新改革经验,单位编号,单位,部门评估,区县评估,问卷评估,备注';
    const template = path.join(scratch, 'edit.xlsx');
    await writeTemplate({ file: template, dataDir: dir });
    const { readXlsxSheets } = await import('../../src/workbook/read-xlsx.ts');
    const rows = (await readXlsxSheets(readFileSync(template)))[0]!.rows.slice(1).map((r) => r.map((v) => (v === null ? '' : String(v))));
    rows[0]![4] = '10';
    rows[0]![5] = '10';
    rows[0]![6] = '10';
    writeFileSync(csvFile, [header, ...rows.map((r) => r.join(','))].join('\r\n'));
    const before = await hashTree(dir);
    const run = await runImport({ file: csvFile, dataDir: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/已导入 .*edit\.csv：3 处数值，1 个文件。\n {2}.*experiences\/01-smart-court\.yaml：3 处\n/);
    expect(run.stdout).toMatch(/排名变化：\n区县（\d项变化）：\n名称/);
    expect(treeDifferences(before, await hashTree(dir))).toEqual(['experiences/01-smart-court.yaml (contents differ)']);
    expect(readFileSync(path.join(dir, 'experiences/01-smart-court.yaml'), 'utf8')).toContain('  alpha: {department: 10, unit: 10, survey: 10}\n');
  });

  it('writes nothing when anything is wrong, and lists every problem at its cell', async () => {
    const dir = copyEdition('tests/fixtures/small/data', 'refused');
    const file = path.join(scratch, 'refused.csv');
    writeFileSync(file, '经验编号,创新改革经验,单位编号,单位,部门评估,区县评估,问卷评估,备注\r\nsmart-court,,alpha,,105,15%,90,\r\n');
    const before = await hashTree(dir);
    const run = await runImport({ file, dataDir: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(/refused\.csv 有 7 处问题，未写入任何文件：$/),
      '得分!A1: 缺少经验 family-doctor（推行互联网+家庭医生签约服务）的全部 3 行 (expected one row per experience and unit, found none)',
      '得分!A1: 缺少经验 court-mediation（探索诉调对接多元化解纠纷机制）的全部 3 行 (expected one row per experience and unit, found none)',
      '得分!A1: 缺少经验 health-cloud（打造健康云数据平台）的全部 3 行 (expected one row per experience and unit, found none)',
      '得分!A2: 缺少经验 smart-court 与单位 beta（乙县）的行 (expected one row per experience and unit, found none)',
      '得分!A2: 缺少经验 smart-court 与单位 gamma（丙新区）的行 (expected one row per experience and unit, found none)',
      '得分!E2: 得分超出 0～100 的范围 (expected a number from 0 to 100, found 105)',
      expect.stringMatching(/^得分!F2: 不能填写百分数/),
      '',
    ]);
    expect(treeDifferences(before, await hashTree(dir))).toEqual([]);
  });

  it('lists the first 200 problems and says how many more there are', async () => {
    const file = path.join(scratch, 'many.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `no-such-${i},,alpha,,90,90,90,`);
    writeFileSync(file, ['经验编号,创新改革经验,单位编号,单位,部门评估,区县评估,问卷评估,备注', ...rows].join('\n'));
    const run = await runImport({ file, dataDir: 'tests/fixtures/small/data' });
    expect(run.code).toBe(1);
    const total = Number(/有 (\d+) 处问题，未写入任何文件：/.exec(run.stderr)![1]);
    expect(total).toBeGreaterThan(300);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('得分!'))).toHaveLength(200);
    expect(run.stderr).toMatch(new RegExp(`\n……另有 ${total - 200} 条未列出\n$`));
  });

  it('checks without writing under --dry-run', async () => {
    const dir = freeEdition('dry');
    const file = path.join(scratch, 'dry.xlsx');
    await writeTemplate({ file, dataDir: dir });
    const csv = path.join(scratch, 'dry.csv');
    const { readXlsxSheets } = await import('../../src/workbook/read-xlsx.ts');
    const rows = (await readXlsxSheets(readFileSync(file)))[0]!.rows.map((r) => r.map((v) => (v === null ? '' : String(v))));
    rows[1]![4] = '91';
    writeFileSync(csv, rows.map((r) => r.join(',')).join('\n'));
    const before = await hashTree(dir);
    const run = await runImport({ file: csv, dataDir: dir, dryRun: true });
    expect(run.stdout).toMatch(/检查通过（--dry-run，未写入）/);
    expect(treeDifferences(before, await hashTree(dir))).toEqual([]);
  });

  it('refuses a 200 MB file by its size, without reading it, within a second', async () => {
    const file = path.join(scratch, 'huge.xlsx');
    writeFileSync(file, '');
    truncateSync(file, 200 * 1024 * 1024);
    const started = performance.now();
    const run = await runImport({ file, dataDir: 'tests/fixtures/small/data' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/文件过大（200\.0 MiB），未读取/);
  });

  it.each([
    ['scores.xls', /另存为” Excel 工作簿（\.xlsx）/],
    ['scores.et', /另存为” Excel 工作簿（\.xlsx）/],
    ['scores.txt', /只能导入 \.xlsx 工作簿或 \.csv 文件/],
    ['missing.xlsx', /找不到文件/],
  ])('refuses %s with advice', async (name, message) => {
    const file = path.join(scratch, name);
    if (name !== 'missing.xlsx') writeFileSync(file, 'x');
    const run = await runImport({ file, dataDir: 'tests/fixtures/small/data' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it('says the edition itself must be fixed first when it is invalid', async () => {
    const dir = copyEdition('tests/fixtures/small/data', 'invalid');
    const survey = path.join(dir, 'survey.yaml');
    writeFileSync(survey, readFileSync(survey, 'utf8').replace('issued: 120', 'issued: 90'));
    const file = path.join(scratch, 'invalid.csv');
    writeFileSync(file, '经验编号\r\n');
    const run = await runImport({ file, dataDir: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/的数据本身有 1 处错误，请先用 npm run check 修复后再导入：\n.*survey\.yaml:3:8 valid: 有效问卷数不能多于发放数/);
  });

  it('runs as npm run import with --data, exiting 0 after an unedited template and 1 after a refusal', async () => {
    const dir = copyEdition('tests/fixtures/small/data', 'cli');
    mkdirSync(path.join(scratch, 'cli-files'));
    const file = path.join(scratch, 'cli-files', 'small.xlsx');
    await exec(process.execPath, [...typeScriptLoader, 'scripts/template.ts', file, '--data', dir], { cwd: root });
    const { stdout } = await exec(process.execPath, [...typeScriptLoader, 'scripts/import.ts', file, '--data', dir], { cwd: root });
    expect(stdout).toMatch(/排名无变化。/);
    writeFileSync(file, 'not a workbook');
    const failed = await exec(process.execPath, [...typeScriptLoader, 'scripts/import.ts', file, '--data', dir], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/文件不是 xlsx 工作簿/);
  });
});
