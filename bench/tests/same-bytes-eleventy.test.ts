import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlBytes, htmlPages, writeSameBytesProject } from '../same-bytes-eleventy.ts';

// Pages with what a template engine or a writer could alter: CJK text,
// template syntax in the output, no final newline, trailing blank lines.
const site: Record<string, string> = {
  'index.html': '<!doctype html><html lang="zh-CN"><title>首页</title><p>{{ not.a.variable }} {% raw %}</p></html>\n',
  'units/boshan/index.html': '<html lang="zh-CN"><p>博山区 &amp; “引号” \'x\'</p></html>',
  'experiences/a/index.html': '<html>\n\n<p>a</p>\n\n\n',
  '404.html': '<html><p>没有</p></html>\n',
  'pagefind/fragment/x.html': 'not a page of the site',
  'assets/site.css': 'body{}',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'same-bytes-'));
  for (const [rel, text] of Object.entries(site)) {
    await mkdir(path.dirname(path.join(dir, 'site', rel)), { recursive: true });
    await writeFile(path.join(dir, 'site', rel), text);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('htmlPages(siteDir)', () => {
  it('lists the HTML pages, not the Pagefind bundle or other files', async () => {
    expect(await htmlPages(path.join(dir, 'site'))).toEqual(['404.html', 'experiences/a/index.html', 'index.html', 'units/boshan/index.html']);
  });
});

describe('writeSameBytesProject(dir, siteDir)', () => {
  it('makes bare Eleventy write every page again with the same bytes at the same path', async () => {
    const project = path.join(dir, 'project');
    const written = await writeSameBytesProject(project, path.join(dir, 'site'));
    const pages = ['404.html', 'experiences/a/index.html', 'index.html', 'units/boshan/index.html'];
    expect(written).toEqual({ pages: 4, bytes: pages.reduce((n, p) => n + Buffer.byteLength(site[p]!), 0) });

    const { default: Eleventy } = await import('@11ty/eleventy');
    const elev = new Eleventy(path.join(project, 'src'), path.join(project, '_site'), { configPath: path.join(project, 'eleventy.config.js'), quietMode: true });
    elev.disableLogger();
    await elev.write();

    expect(await htmlPages(path.join(project, '_site'))).toEqual(pages);
    for (const page of pages) expect(await readFile(path.join(project, '_site', page), 'utf8')).toBe(site[page]);
    expect(await htmlBytes(path.join(project, '_site'))).toBe(written.bytes);
  });
});
