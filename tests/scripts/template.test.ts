import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../../src/workbook/read-xlsx.ts';
import { writeTemplate } from '../../scripts/template.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-template-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run template (scripts/template.ts)', () => {
  it('writes the three sheets of the edition given by --data, and says how many rows each has', async () => {
    const file = path.join(scratch, 'small.xlsx');
    const said = await writeTemplate({ file, dataDir: 'tests/fixtures/small/data' });
    expect(said).toMatch(/得分 12 行、牵头部门评估 4 行、问卷 7 行/);
    const sheets = await readXlsxSheets(readFileSync(file));
    expect(sheets.map((s) => s.name)).toEqual(['得分', '牵头部门评估', '问卷']);
    expect(sheets[0]!.rows[1]).toEqual(['smart-court', '建设智慧法院服务平台', 'alpha', '甲区', 96, 94, 90, null]);
  });

  it('writes the same bytes for the same edition', async () => {
    await writeTemplate({ file: path.join(scratch, 'a.xlsx'), dataDir: 'data' });
    await writeTemplate({ file: path.join(scratch, 'b.xlsx'), dataDir: 'data' });
    expect(readFileSync(path.join(scratch, 'a.xlsx')).equals(readFileSync(path.join(scratch, 'b.xlsx')))).toBe(true);
  });

  it('keeps an existing file unless --force is given', async () => {
    const file = path.join(scratch, 'kept.xlsx');
    writeFileSync(file, 'scores typed by someone');
    await expect(writeTemplate({ file, dataDir: 'data' })).rejects.toThrow(/已存在.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('scores typed by someone');
    await writeTemplate({ file, dataDir: 'data', force: true });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a name that is not .xlsx and an invalid edition, writing nothing', async () => {
    await expect(writeTemplate({ file: path.join(scratch, 'x.csv'), dataDir: 'data' })).rejects.toThrow(/\.xlsx/);
    const broken = path.join(scratch, 'broken');
    cpSync(path.join(root, 'tests/fixtures/small/data'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'units.yaml'), '- {id: alpha}\n');
    await expect(writeTemplate({ file: path.join(scratch, 'broken.xlsx'), dataDir: broken })).rejects.toThrow();
    expect(existsSync(path.join(scratch, 'broken.xlsx'))).toBe(false);
  });

  it('runs as npm run template, reading REPORT_DATA, and prints a usage line for a missing file', async () => {
    const file = path.join(scratch, 'cli.xlsx');
    const { stdout } = await exec(process.execPath, [...typeScriptLoader, 'scripts/template.ts', file], { cwd: root, env: { ...process.env, REPORT_DATA: 'tests/fixtures/other/data' } });
    expect(stdout).toMatch(/已写入 .*cli\.xlsx（tests\/fixtures\/other\/data 的当前数据）：得分 25 行/);
    const failed = await exec(process.execPath, [...typeScriptLoader, 'scripts/template.ts'], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/缺少文件名.*用法: npm run template -- <文件\.xlsx>/);
  });
});
