import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePagefindFloor } from '../pagefind-floor.ts';

describe('measurePagefindFloor(siteDir, outDir)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pagefind-floor-'));
    for (const [rel, title] of [['index.html', '首页'], ['units/a/index.html', '博山区']] as const) {
      await mkdir(path.dirname(path.join(dir, 'site', rel)), { recursive: true });
      await writeFile(path.join(dir, 'site', rel), `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>评估报告</p></main></body></html>`);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('indexes every page into a folder outside the site and leaves the site as it was', async () => {
    const result = await measurePagefindFloor(path.join(dir, 'site'), path.join(dir, 'index'));
    expect(result.pages).toBe(2);
    expect(result.ms).toBeGreaterThan(0);
    expect(await readdir(path.join(dir, 'index'))).toContain('pagefind-entry.json');
    expect((await readdir(path.join(dir, 'site'))).sort()).toEqual(['index.html', 'units']);
  });
});
