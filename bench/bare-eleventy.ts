/**
 * The baseline of the build benchmark: bare Eleventy 3 (same version as the
 * site) writing N trivial pages from one Nunjucks pagination template, with
 * no plugins, no filters, no data beyond the list of page numbers.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Time and memory of one bare Eleventy run. */
export interface BareEleventyResult {
  pages: number;
  /** Wall time of `new Eleventy(…).write()`, the Eleventy import included, ms. */
  ms: number;
}

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

/**
 * Build a project written by {@link writeBareProject} into `<dir>/_site`
 * and time it. Eleventy resolves paths from the working directory, so the
 * caller runs this with `cwd` = `dir` (the benchmark runs it in a child).
 *
 * @example
 * process.chdir('/tmp/bare'); await buildBareProject(100); // { pages: 100, ms: 420 }
 */
export async function buildBareProject(pages: number): Promise<BareEleventyResult> {
  const started = performance.now();
  const { default: Eleventy } = await import('@11ty/eleventy');
  const elev = new Eleventy('src', '_site', { configPath: 'eleventy.config.js', quietMode: true });
  elev.disableLogger();
  const written = (await elev.write()) as unknown;
  const ms = performance.now() - started;
  const templates = Array.isArray(written) ? (written[1] as unknown[]) : [];
  if (templates.length !== pages) throw new Error(`bare Eleventy wrote ${templates.length} pages, expected ${pages}`);
  return { pages, ms };
}
