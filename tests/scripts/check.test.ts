import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { typeScriptLoader } from '../helpers/built-site.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function check(dataDir: string, contentDir = 'tests/fixtures/small/content'): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...typeScriptLoader, 'scripts/check.ts'], {
      env: { ...process.env, REPORT_DATA: dataDir, REPORT_CONTENT: contentDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run check (scripts/check.ts)', () => {
  it('prints a Chinese summary and the warnings for a valid edition, and exits 0', async () => {
    const result = await check('tests/fixtures/small/data');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/检查通过：4 项经验、3 个单位、3 个牵头部门（2 个参与排名）.*2 章正文均可生成/);
    expect(result.stderr).toMatch(/提示：牵头部门“市档案馆”/);
  });

  it('prints every error and exits 1 for a bad edition, writing nothing', async () => {
    const dir = path.join(scratch, 'bad');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const at = path.join(dir, file);
      writeFileSync(at, readFileSync(at, 'utf8').replace(from, to));
    };
    edit('survey.yaml', 'satisfied: 87', 'satisfied: 187');
    edit('scheme.yaml', 'weight: 0.5}', 'weight: 0.6}');
    edit('experiences/02-family-doctor.yaml', 'lead: health', 'lead: nobody');
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/有 3 处错误/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/experiences\/02-family-doctor\.yaml:5:7 lead: 未知的牵头部门 id/),
      expect.stringMatching(/scheme\.yaml:7:1 methods: 各评估方式权重之和应为 1/),
      expect.stringMatching(/survey\.yaml:4:12 satisfied: 满意人数不能多于有效问卷数/),
    ]);
  });

  it('exits 1 naming the printed and the computed figure when they disagree', async () => {
    const dir = path.join(scratch, 'mismatch');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    const report = path.join(dir, 'report.yaml');
    writeFileSync(report, readFileSync(report, 'utf8').replace('experience_mean: "88.13"', 'experience_mean: "88.14"'));
    const result = await check(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/report\.yaml:17:\d+ reported\.experience_mean: 印刷数字与计算结果不符 \(expected "88\.13" as computed, found "88\.14" as printed\)/);
  });

  it('renders the chapters as the build does and prints the mistakes of every chapter, with file and line', async () => {
    const dir = path.join(scratch, 'chapters');
    cpSync('tests/fixtures/small/content', dir, { recursive: true });
    writeFileSync(path.join(dir, '03-broken.md'), `---\ntitle: 坏章节\n---\n${'正文\n'.repeat(29)}前文{% include "../data/units.yaml" %}\n`);
    writeFileSync(path.join(dir, '04-typo.md'), '---\ntitle: 拼错\n---\n{{ report.stats.satisfacton.text }}\n');
    const result = await check('tests/fixtures/small/data', dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/有 2 处正文错误/);
    const shown = path.relative(process.cwd(), dir);
    expect(lines.slice(1)).toEqual([
      `${shown}/03-broken.md:33:3 template: 章节中不能使用 {% include %}：章节不能引用其他文件，请把内容直接写进章节 (tag "include" is not allowed in chapters)`,
      `${shown}/04-typo.md:4:4 template: 报告中没有这个值：report.stats.satisfacton，请检查拼写和 id (undefined variable: report.stats.satisfacton)`,
    ]);
  });
});
