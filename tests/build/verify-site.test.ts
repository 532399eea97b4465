import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredSiteFiles, verifySite } from '../../scripts/lib/verify-site.ts';

describe('requiredSiteFiles(report)', () => {
  const report = {
    units: [{ id: 'north' }, { id: 'south' }],
    departments: [{ id: 'reform' }],
    experiences: [{ id: 'fast-cases' }],
  } as unknown as Parameters<typeof requiredSiteFiles>[0];

  it('lists a page for every unit, department and experience in the report', () => {
    const files = requiredSiteFiles(report);
    for (const page of ['units/north/index.html', 'units/south/index.html', 'departments/reform/index.html', 'experiences/fast-cases/index.html']) {
      expect(files).toContain(page);
    }
  });

  it('lists the contract outputs and the search bundle', () => {
    expect(requiredSiteFiles(report)).toEqual(
      expect.arrayContaining(['index.html', 'data/report.json', 'downloads/annex-1.csv', 'downloads/annex-2.csv', 'downloads/annex-3.csv', 'downloads/report.txt', 'downloads/report.docx', 'downloads/annexes.xlsx', 'pagefind/pagefind.js']),
    );
  });
});

describe('verifySite(siteDir, required)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-verify-'));
    await mkdir(path.join(dir, 'units', 'north'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    await writeFile(path.join(dir, 'units', 'north', 'index.html'), '');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves when every required file exists and is not empty', async () => {
    await expect(verifySite(dir, ['index.html'])).resolves.toBeUndefined();
  });

  it('names every missing and every empty file in one error', async () => {
    await expect(verifySite(dir, ['index.html', 'data/report.json', 'units/north/index.html'])).rejects.toThrow(
      '构建结果不完整 (incomplete site): 缺少 data/report.json; 文件为空 units/north/index.html',
    );
  });

  it('treats a folder where a file should be as missing', async () => {
    await expect(verifySite(dir, ['units'])).rejects.toThrow('缺少 units');
  });
});
