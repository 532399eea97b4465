/**
 * Two builds of the same commit are byte-identical: no wall-clock
 * timestamps (dates come from the data), stable ordering, content hashes,
 * and no trace of the folder the build ran in. The two builds run back to
 * back (not against the run's shared build, which may predate an edit made
 * while the suite runs) into folders of different names and depths, so an
 * absolute output path leaking into any file shows up as a difference.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editionDirs, runBuildCli, type EditionName } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each<EditionName>(['zibo', 'small'])('building the %s edition twice', (edition) => {
  it('produces byte-identical trees, downloads and search index included', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `pinggu-repro-${edition}-`));
    scratch.push(dir);
    const first = path.join(dir, '_site');
    const second = path.join(dir, 'elsewhere', 'deeper', 'site');
    const { data, content } = editionDirs(edition);
    for (const out of [first, second]) {
      const run = await runBuildCli(['--out', out, '--data', data, '--content', content]);
      expect(run.code, run.stderr).toBe(0);
    }

    const a = await hashTree(first);
    const b = await hashTree(second);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(Object.keys(a)).toContain('downloads/report.docx');
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeDifferences(a, b)).toEqual([]);
  });
});
