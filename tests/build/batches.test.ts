/**
 * Rendering in batches (several Eleventy runs, each writing a slice of the
 * per-item pages) must not change a byte of the site: a build forced into
 * small batches (`PINGGU_BATCH_ROWS`) is compared file by file with the
 * one-run build of the same edition, downloads and search index included.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { renderSite } from '../../scripts/lib/render-site.ts';
import { loadReport } from '../../src/model/load-report.ts';
import { planRenderBatches } from '../../src/site/render-batches.ts';
import { currentBatch, receiveDownloads, useReport } from '../../src/site/report-source.ts';
import { editionDirs, projectRoot, type EditionName } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-batches-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const savedEnv = { rows: process.env.PINGGU_BATCH_ROWS, data: process.env.REPORT_DATA, content: process.env.REPORT_CONTENT };
afterEach(() => {
  for (const [name, value] of [['PINGGU_BATCH_ROWS', savedEnv.rows], ['REPORT_DATA', savedEnv.data], ['REPORT_CONTENT', savedEnv.content]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  useReport(undefined);
  receiveDownloads(undefined);
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
    process.env.PINGGU_BATCH_ROWS = String(rows);
    const batched = await buildSite({ dataDir: data, contentDir: content, outDir: path.join(work, `${edition}-batched`) });

    expect(batched.pages).toBe(oneRun.pages);
    const a = await hashTree(oneRun.outDir);
    const b = await hashTree(batched.outDir);
    expect(Object.keys(a)).toContain('downloads/report.docx');
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeDifferences(a, b)).toEqual([]);
  });
});

describe('renderSite({ batched: true })', () => {
  /** Render the small edition with the report injected and the downloads left out. */
  async function renderSmall(outDir: string, options: { batched?: boolean; root?: string; configPath?: string } = {}) {
    const { data, content } = editionDirs('small');
    process.env.REPORT_DATA = data;
    process.env.REPORT_CONTENT = content;
    const report = await loadReport({ dataDir: data });
    useReport(report);
    receiveDownloads(() => undefined);
    const result = await renderSite({ root: options.root ?? projectRoot, configPath: options.configPath ?? path.join(projectRoot, '.eleventy.js'), outDir, batched: options.batched });
    return { report, result };
  }

  it('runs Eleventy once per planned batch and writes the pages of one run, each once', async () => {
    const single = await renderSmall(path.join(work, 'render-one'));
    expect(single.result.batches).toBe(1);
    process.env.PINGGU_BATCH_ROWS = '1';
    const { report, result } = await renderSmall(path.join(work, 'render-batched'), { batched: true });
    expect(result.batches).toBe(planRenderBatches(report, 1).length);
    expect(result.batches).toBeGreaterThan(5);
    expect(result.pages).toEqual(single.result.pages);
    expect(currentBatch()).toBeUndefined();
  });

  it('stays one run when not batched, whatever PINGGU_BATCH_ROWS says (npm start)', async () => {
    process.env.PINGGU_BATCH_ROWS = '1';
    const { result } = await renderSmall(path.join(work, 'render-unbatched'));
    expect(result.batches).toBe(1);
  });

  it('fails, naming the page, when a template writes the same page in two batches', async () => {
    const root = path.join(work, 'stray-root');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    // Paginates over the whole report instead of the batch's slice, so every run writes every page.
    await writeFile(
      path.join(root, 'templates', 'stray.njk'),
      '---\npagination:\n  data: report.units\n  size: 1\n  alias: u\npermalink: "/stray/{{ u.id }}/"\n---\n{{ u.name }}\n',
    );
    // The project's config, reading its templates from this root (the config names its input folder).
    const configPath = path.join(root, 'stray.config.mjs');
    const input = path.relative(process.cwd(), path.join(root, 'templates'));
    await writeFile(
      configPath,
      `import config from ${JSON.stringify(pathToFileURL(path.join(projectRoot, '.eleventy.js')).href)};\n` +
        `export default (c) => { const options = config(c); return { ...options, dir: { ...options.dir, input: ${JSON.stringify(input)} } }; };\n`,
    );
    process.env.PINGGU_BATCH_ROWS = '1';
    await expect(renderSmall(path.join(work, 'render-stray'), { root, configPath, batched: true })).rejects.toThrow(
      /^页面 stray\/[^/]+\/index\.html 在第 1 批和第 2 批渲染中都被写出/,
    );
    expect(currentBatch()).toBeUndefined();
  });

  it('rejects a PINGGU_BATCH_ROWS that is not a positive integer, in Chinese first', async () => {
    process.env.PINGGU_BATCH_ROWS = '10k';
    await expect(renderSmall(path.join(work, 'render-bad-rows'), { batched: true })).rejects.toThrow(/^环境变量 PINGGU_BATCH_ROWS 须为正整数/);
  });
});
