/**
 * Floor of the search stage: Pagefind alone over the pages a build wrote,
 * with the options of the build's search step (`scripts/lib/search-index.ts`:
 * the same `excludeSelectors`, `addDirectory`, `writeFiles`), and nothing
 * written alongside (the build writes the downloads in that window). The
 * pages are read whole: the build hands Pagefind each page with its left-out
 * figures already cut (`scripts/lib/left-out-figures.ts`), which this floor
 * of Pagefind alone does not.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { leftOutSelectors } from '../scripts/lib/left-out-figures.ts';

/** What one run of {@link measurePagefindFloor} found. */
export interface PagefindFloorResult {
  pages: number;
  /** Importing Pagefind, indexing and writing the index, closing its process, ms. */
  ms: number;
}

/**
 * Index the HTML pages under `siteDir` and write the index to `outDir`
 * (outside the site, so the site is left as built), timing the step as the
 * build's search stage is timed: from importing Pagefind to closing it.
 *
 * @example
 * await measurePagefindFloor('/tmp/pinggu-bench/default/_site', '/tmp/pf'); // { pages: 49, ms: 150 }
 */
export async function measurePagefindFloor(siteDir: string, outDir: string): Promise<PagefindFloorResult> {
  await rm(outDir, { recursive: true, force: true });
  const started = performance.now();
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...leftOutSelectors] });
    if (!index || errors.length > 0) throw new Error(`Pagefind createIndex: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: path.resolve(siteDir) });
    if (added.errors.length > 0) throw new Error(`Pagefind addDirectory: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.resolve(outDir) });
    if (written.errors.length > 0) throw new Error(`Pagefind writeFiles: ${written.errors.join('; ')}`);
    await pagefind.close();
    return { pages: added.page_count, ms: performance.now() - started };
  } catch (error) {
    await pagefind.close();
    throw error;
  }
}
