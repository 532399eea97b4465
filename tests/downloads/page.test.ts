/**
 * The downloads page of a real build: every file it links to exists in the
 * built site, and every download the build wrote is linked from it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/built-site.ts';
import { decodeEntities } from '../helpers/html-tags.ts';

describe('the downloads page (/downloads/) of the small fixture', () => {
  it('links every written download, and every link resolves to a file of the build', async () => {
    const site = await builtSite('small');
    const html = await readFile(path.join(site, 'downloads/index.html'), 'utf8');
    const links = [...html.matchAll(/href="(\/(?:downloads|data)\/[^"]+)"/g)].map((m) => decodeEntities(m[1]!));
    const files = new Set(links);
    for (const link of files) {
      await expect(readFile(path.join(site, link))).resolves.toBeInstanceOf(Buffer);
    }
    const written = (await readdir(path.join(site, 'downloads'))).filter((f) => f !== 'index.html').map((f) => `/downloads/${f}`);
    expect([...written, '/data/report.json'].filter((f) => !files.has(f))).toEqual([]);
  }, 300_000);

  it('links each chapter to its text download from the home page', async () => {
    const site = await builtSite('small');
    const home = await readFile(path.join(site, 'index.html'), 'utf8');
    const chapterLinks = [...home.matchAll(/class="chapter-links"[^>]*><a href="(\/downloads\/[^"]+\.txt)"/g)].map((m) => m[1]!);
    expect(chapterLinks.length).toBeGreaterThan(0);
    for (const link of chapterLinks) await expect(readFile(path.join(site, link), 'utf8')).resolves.toMatch(/来源：/);
  }, 300_000);
});
