/**
 * `buildSite(options)` as a function, the way tests and the bench call it:
 * it returns where the site went, how many pages, and per-stage timings,
 * and it throws (rather than exiting) with the loader's `EditionError`.
 */
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { editionDirs } from '../helpers/built-site.ts';
import { htmlPages } from '../helpers/site-files.ts';

let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-buildsite-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('buildSite(options)', () => {
  it('builds an edition into outDir and reports its pages and stage timings', async () => {
    const { data, content } = editionDirs('small');
    const outDir = path.join(work, 'site');
    const result = await buildSite({ dataDir: data, contentDir: content, outDir });
    expect(result.outDir).toBe(outDir);
    expect(result.pages).toBe((await htmlPages(outDir)).length);
    expect(result.pages).toBeGreaterThan(5);
    for (const stage of ['load', 'score', 'render', 'search', 'publish', 'total'] as const) {
      expect(result.timings[stage]).toBeGreaterThanOrEqual(0);
    }
    expect(result.timings.total).toBeGreaterThanOrEqual(result.timings.render);
    expect(result.timings.peakMemoryMiB).toBeGreaterThan(0);
    expect(await readdir(work)).toEqual(['site']);
  });

  it('writes every download', async () => {
    const { data, content } = editionDirs('small');
    const outDir = path.join(work, 'site-downloads');
    await buildSite({ dataDir: data, contentDir: content, outDir });
    for (const file of ['downloads/report.docx', 'downloads/annex-1.csv', 'data/report.json']) {
      expect((await stat(path.join(outDir, file))).size).toBeGreaterThan(0);
    }
    await rm(outDir, { recursive: true, force: true });
  });

  it('throws the loader’s EditionError, with its issues, for a broken edition', async () => {
    const { data, content } = editionDirs('small');
    const broken = path.join(work, 'broken');
    await cp(data, path.join(broken, 'data'), { recursive: true });
    await writeFile(path.join(broken, 'data', 'scheme.yaml'), 'scale: [\n');
    const failure = buildSite({ dataDir: path.join(broken, 'data'), contentDir: content, outDir: path.join(work, 'never') });
    await expect(failure).rejects.toMatchObject({ name: 'EditionError', issues: expect.any(Array) });
    await expect(failure).rejects.toThrow(/scheme\.yaml:\d+:\d+/);
    expect(await readdir(work)).not.toContain('never');
  });

  it('refuses to build over the project itself', async () => {
    await expect(buildSite({ outDir: path.resolve('.') })).rejects.toThrow(/输出目录不安全/);
  });
});
