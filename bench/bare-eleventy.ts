/**
 * The baseline of the build benchmark: bare Eleventy 3 (same version as the
 * site) writing N trivial pages from one Nunjucks pagination template, with
 * no plugins, no filters, no data beyond the list of page numbers. The
 * benchmark builds it with `eleventy-child.mjs`, in plain Node.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write a throw-away Eleventy project under `dir` that renders `pages`
 * pages `<html lang="zh-CN"><title>n</title><p>n</p>`, one per page number.
 *
 * @example
 * await writeBareProject('/tmp/bare', 100); // /tmp/bare/src/page.njk, /tmp/bare/src/_data/numbers.json
 */
export async function writeBareProject(dir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src', '_data'), { recursive: true });
  await writeFile(path.join(dir, 'eleventy.config.js'), 'export default function () {}\n');
  await writeFile(
    path.join(dir, 'src', '_data', 'numbers.json'),
    JSON.stringify(Array.from({ length: pages }, (_, i) => i + 1)),
  );
  await writeFile(
    path.join(dir, 'src', 'page.njk'),
    [
      '---',
      'pagination:',
      '  data: numbers',
      '  size: 1',
      '  alias: n',
      'permalink: "p/{{ n }}/index.html"',
      '---',
      '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{{ n }}</title><p>{{ n }}</p></html>',
      '',
    ].join('\n'),
  );
}
