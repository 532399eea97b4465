/**
 * Two builds of the same commit are byte-identical: no wall-clock
 * timestamps (dates come from the data), stable ordering, content hashes,
 * and no trace of the folder the build ran in. The second build goes to a
 * different folder than the shared one, so an absolute output path leaking
 * into any file shows up as a difference.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite, editionDirs, runBuildCli, type EditionName } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each<EditionName>(['zibo', 'small'])('building the %s edition twice', (edition) => {
  it('produces byte-identical trees, downloads and search index included', async () => {
    const first = await builtSite(edition);
    const dir = await mkdtemp(path.join(os.tmpdir(), `pinggu-repro-${edition}-`));
    scratch.push(dir);
    const second = path.join(dir, 'elsewhere', 'site');
    const { data, content } = editionDirs(edition);
    const run = await runBuildCli(['--out', second, '--data', data, '--content', content]);
    expect(run.code, run.stderr).toBe(0);

    const a = await hashTree(first);
    const b = await hashTree(second);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(Object.keys(a)).toContain('downloads/report.docx');
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeDifferences(a, b)).toEqual([]);
  });
});
