/**
 * Floor of the render stage: bare Eleventy (the same 3.1.8, no plugins)
 * writing the pages a build wrote, byte for byte, at the same paths. One
 * Nunjucks pagination template outputs each page's HTML, read from the
 * built file by a one-line filter; no layouts, no data beyond the list of
 * pages. Its time is what Eleventy needs to carry output of this size; the
 * build's render time beyond it is the project's templates and code.
 */
import { readdir, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One page to write: its path under the output folder and the built file holding its HTML. */
export interface SameBytesPage {
  url: string;
  file: string;
}

/**
 * Every HTML page under `siteDir`, as paths relative to it, sorted; the
 * Pagefind bundle (`pagefind/`) is not a page of the site.
 *
 * @example
 * await htmlPages('/tmp/pinggu-bench/default/_site'); // ['departments/agriculture/index.html', …, 'index.html', …]
 */
export async function htmlPages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('pagefind/'))
    .sort();
}

/**
 * Write a throw-away Eleventy project under `dir` that writes every HTML
 * page of `siteDir` again, with the same bytes at the same path. Returns
 * the pages and their total size in bytes.
 *
 * @example
 * await writeSameBytesProject('/tmp/same', '/tmp/pinggu-bench/default/_site'); // { pages: 49, bytes: 2_900_000 }
 */
export async function writeSameBytesProject(dir: string, siteDir: string): Promise<{ pages: number; bytes: number }> {
  const urls = await htmlPages(siteDir);
  const pages: SameBytesPage[] = urls.map((url) => ({ url, file: path.resolve(siteDir, url) }));
  let bytes = 0;
  for (const p of pages) bytes += (await stat(p.file)).size;
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src', '_data'), { recursive: true });
  await writeFile(
    path.join(dir, 'eleventy.config.js'),
    [
      "import { readFileSync } from 'node:fs';",
      'export default function (eleventyConfig) {',
      "  eleventyConfig.addFilter('builtPage', (file) => readFileSync(file, 'utf8'));",
      '}',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(dir, 'src', '_data', 'builtPages.json'), JSON.stringify(pages));
  await writeFile(
    path.join(dir, 'src', 'page.njk'),
    // No newline after the output: the written file is the built page exactly.
    ['---', 'pagination:', '  data: builtPages', '  size: 1', '  alias: built', 'permalink: "{{ built.url }}"', '---', '{{ built.file | builtPage | safe }}'].join('\n'),
  );
  return { pages: pages.length, bytes };
}

/**
 * Total bytes of the HTML pages under `siteDir` (as {@link htmlPages}
 * lists them): the check that the same-bytes project wrote what the build did.
 *
 * @example
 * await htmlBytes('/tmp/same/_site'); // 2_900_000
 */
export async function htmlBytes(siteDir: string): Promise<number> {
  let bytes = 0;
  for (const rel of await htmlPages(siteDir)) bytes += (await stat(path.join(siteDir, rel))).size;
  return bytes;
}
