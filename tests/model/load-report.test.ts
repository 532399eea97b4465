import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EditionError, loadEdition, loadReport } from '../../src/model/load-report.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the small edition with some files replaced by `change(text)`. */
function copyWith(changes: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(path.join(scratch, 'edition-'));
  cpSync('tests/fixtures/small/data', dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const at = path.join(dir, file);
    writeFileSync(at, change(readFileSync(at, 'utf8')));
  }
  return dir;
}

describe('loadReport({ dataDir })', () => {
  it('loads, validates and computes the small edition', async () => {
    const report = await loadReport({ dataDir: 'tests/fixtures/small/data' });
    expect(report.units[0]!.name).toBe('甲区');
    expect(report.meta.title).toMatch(/第三方评估报告$/);
  });

  it('throws an EditionError listing every issue with paths relative to the working directory', async () => {
    const dir = copyWith({
      'survey.yaml': (t) => t.replace('satisfied: 87', 'satisfied: 187'),
      'experiences/01-smart-court.yaml': (t) => t.replace('{department: 96,', '{department: 105,'),
      'units.yaml': () => '',
    });
    const error = await loadReport({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EditionError);
    const rel = path.relative(process.cwd(), dir);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${rel}/experiences/01-smart-court\\.yaml:11:\\d+ scores\\.alpha\\.department: .*found 105\\)$`)),
        expect.stringMatching(new RegExp(`^${rel}/survey\\.yaml:4:\\d+ satisfied: `)),
        expect.stringMatching(new RegExp(`^${rel}/units\\.yaml:1:1: 文件为空`)),
      ]),
    );
    expect((error as EditionError).issues.every((i) => i.file.startsWith(rel))).toBe(true);
  });

  it('names a missing file', async () => {
    const dir = copyWith({});
    rmSync(path.join(dir, 'survey.yaml'));
    const error = (await loadEdition({ dataDir: dir }).catch((e: unknown) => e)) as EditionError;
    expect(error.issues.map((i) => [path.basename(i.file), i.message])).toEqual([['survey.yaml', expect.stringMatching(/缺少必需的数据文件/)]]);
  });

  it('throws for a printed figure that does not reconcile', async () => {
    const dir = copyWith({ 'report.yaml': (t) => t.replace('satisfaction: "87%"', 'satisfaction: "88%"') });
    await expect(loadReport({ dataDir: dir })).rejects.toThrow(/report\.yaml:20:\d+ reported\.satisfaction: 印刷数字与计算结果不符 \(expected "87%" as computed, found "88%" as printed\)/);
  });
});
