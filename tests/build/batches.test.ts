/**
 * Rendering in batches (several Eleventy runs, each writing a slice of the
 * per-item pages) must not change a byte of the site: a build forced into
 * small batches (`batchRows`) is compared file by file with the one-run
 * build of the same edition, downloads and search index included.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { renderSite } from '../../scripts/lib/render-site.ts';
import { loadReport } from '../../src/model/load-report.ts';
import { planRenderBatches } from '../../src/site/render-batches.ts';
import { renderChapters } from '../../src/site/render-chapters.ts';
import { editionDirs, type EditionName } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-batches-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.each<[EditionName, number]>([
  ['small', 1],
  ['zibo', 60],
])('building the %s edition in batches of %i rows', (edition, rows) => {
  it('writes a site byte-identical to the one-run build, downloads and search index included', async () => {
    const { data, content } = editionDirs(edition);
    const report = await loadReport({ dataDir: data });
    expect(planRenderBatches(report).length).toBe(1); // the default budget: one run
    expect(planRenderBatches(report, rows).length).toBeGreaterThan(2);

    const oneRun = await buildSite({ dataDir: data, contentDir: content, outDir: path.join(work, `${edition}-one`) });
    const batched = await buildSite({ dataDir: data, contentDir: content, outDir: path.join(work, `${edition}-batched`), batchRows: rows });

    expect(batched.pages).toBe(oneRun.pages);
    const a = await hashTree(oneRun.outDir);
    const b = await hashTree(batched.outDir);
    expect(Object.keys(a)).toContain('downloads/report.docx');
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeDifferences(a, b)).toEqual([]);
  });
});

describe('renderSite({ batchRows })', () => {
  /** Render the small edition, without downloads. */
  async function renderSmall(outDir: string, options: { batchRows?: number; input?: string } = {}) {
    const { data, content } = editionDirs('small');
    const report = await loadReport({ dataDir: data });
    const result = await renderSite({ report, chapters: renderChapters(content, report), outDir, ...options });
    return { report, result };
  }

  it('runs Eleventy once per planned batch and writes the pages of one run, each once', async () => {
    const single = await renderSmall(path.join(work, 'render-one'));
    expect(single.result.batches).toBe(1);
    const { report, result } = await renderSmall(path.join(work, 'render-batched'), { batchRows: 1 });
    expect(result.batches).toBe(planRenderBatches(report, 1).length);
    expect(result.batches).toBeGreaterThan(5);
    expect(result.pages).toEqual(single.result.pages);
  });

  it('renders every page in one run when given no batch size (npm start)', async () => {
    const { result } = await renderSmall(path.join(work, 'render-unbatched'));
    expect(result.batches).toBe(1);
  });

  it('fails, naming the page, when a template writes the same page in two batches', async () => {
    const templates = path.join(work, 'stray-templates');
    await mkdir(templates, { recursive: true });
    // Paginates over the whole report instead of the batch's slice, so every run writes every page.
    await writeFile(
      path.join(templates, 'stray.njk'),
      '---\npagination:\n  data: report.units\n  size: 1\n  alias: u\npermalink: "/stray/{{ u.id }}/"\n---\n{{ u.name }}\n',
    );
    await expect(renderSmall(path.join(work, 'render-stray'), { input: path.relative(process.cwd(), templates), batchRows: 1 })).rejects.toThrow(
      /^页面 stray\/[^/]+\/index\.html 在第 1 批和第 2 批渲染中都被写出/,
    );
  });

  it('rejects a batch size that is not a positive number, in Chinese first', async () => {
    await expect(renderSmall(path.join(work, 'render-bad-rows'), { batchRows: 0 })).rejects.toThrow(/^每批行数必须是正数/);
  });
});
