import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { leftOutSelectors } from '../../scripts/lib/left-out-figures.ts';
import { indexedHtml, openSearchIndex, spacedHanHtml, writeSearchIndex } from '../../scripts/lib/search-index.ts';
import { builtSite } from '../helpers/built-site.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/** An empty folder, removed after the tests. */
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-search-'));
  scratch.push(dir);
  return dir;
}

async function siteWithOnePage(): Promise<string> {
  const dir = await scratchDir();
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评估</title></head><body><main><h1>创新改革经验</h1><p>第三方评估报告</p></main></body></html>\n',
  );
  return dir;
}

describe('writeSearchIndex(siteDir, { whileIndexing })', () => {
  it('runs the work given while Pagefind reads the pages, and writes the index', async () => {
    const dir = await siteWithOnePage();
    const order: string[] = [];
    const result = await writeSearchIndex(dir, {
      whileIndexing: async () => {
        order.push('work started');
        await writeFile(path.join(dir, 'side-file.txt'), 'written meanwhile');
        order.push('work done');
      },
    });
    expect(result.pages).toBe(1);
    expect(order).toEqual(['work started', 'work done']);
    expect(existsSync(path.join(dir, 'side-file.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('fails the step when that work fails', async () => {
    const dir = await siteWithOnePage();
    await expect(
      writeSearchIndex(dir, {
        whileIndexing: async () => {
          throw new Error('下载文件写入失败');
        },
      }),
    ).rejects.toThrow('下载文件写入失败');
  });
});

/** A small page whose text names `word`. */
const page = (word: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${word}</title></head><body><main><h1>${word}</h1><p>创新改革经验${word}</p></main></body></html>\n`;

/** Every file Pagefind wrote under `dir`/pagefind, by path, with its bytes. */
async function searchFiles(dir: string): Promise<Record<string, Buffer>> {
  const root = path.join(dir, 'pagefind');
  const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  return Object.fromEntries(await Promise.all(files.map(async (f) => [path.relative(root, path.join(f.parentPath, f.name)), await readFile(path.join(f.parentPath, f.name))])));
}

describe('openSearchIndex(): pages handed over as they are rendered', () => {
  const pages = { 'index.html': page('首页'), 'units/a/index.html': page('张店区'), 'units/b/index.html': page('淄川区'), 'method/index.html': page('评估方法') };

  it('writes the index the pages on disk give, whatever order they come in, once told which pages come', async () => {
    const [fromDisk, handed] = [await scratchDir(), await scratchDir()];
    for (const [name, html] of Object.entries(pages)) {
      await mkdir(path.dirname(path.join(fromDisk, name)), { recursive: true });
      await writeFile(path.join(fromDisk, name), html);
    }
    expect((await writeSearchIndex(fromDisk)).pages).toBe(4);

    const search = await openSearchIndex();
    search.expect(Object.keys(pages));
    for (const name of ['units/b/index.html', 'method/index.html', 'units/a/index.html', 'index.html']) search.add(name, pages[name as keyof typeof pages]);
    expect((await search.write(handed)).pages).toBe(4);

    const [a, b] = [await searchFiles(fromDisk), await searchFiles(handed)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(b[name]!.equals(a[name]!), name).toBe(true);
  });

  it('refuses a page it was not told of, or one given twice', async () => {
    const search = await openSearchIndex();
    try {
      search.expect(['index.html']);
      expect(() => search.add('other/index.html', page('其他'))).toThrow('收到未预期的页面');
      search.add('index.html', page('首页'));
      expect(() => search.add('index.html', page('首页'))).toThrow('收到未预期的页面');
    } finally {
      await search.close();
    }
  });

  it('fails to write while a page it was told of never came, and closes', async () => {
    const dir = await scratchDir();
    const search = await openSearchIndex();
    search.expect(['index.html', 'method/index.html']);
    search.add('index.html', page('首页'));
    await expect(search.write(dir)).rejects.toThrow(/页面未渲染.*method\/index\.html/);
    expect(existsSync(path.join(dir, 'pagefind'))).toBe(false);
    await search.close(); // a second close is harmless
  });

  it('refuses a list of pages that names one twice, or that comes after the first page', async () => {
    const search = await openSearchIndex();
    try {
      expect(() => search.expect(['index.html', 'method/index.html', 'index.html'])).toThrow(/页面重复.*index\.html/);
      search.add('index.html', page('首页'));
      expect(() => search.expect(['index.html'])).toThrow('before the first page');
    } finally {
      await search.close();
    }
  });

  it('fails to write an index of no pages: search would find nothing', async () => {
    const dir = await scratchDir();
    const search = await openSearchIndex();
    await expect(search.write(dir)).rejects.toThrow('没有可索引的页面');
  });
});

describe('indexedHtml(html)', () => {
  it.each([
    ['<dt>批次</dt><dd>第2批</dd>', '<dt>批\u200B次 </dt><dd>第2批 </dd>'],
    ['<p class="甲">市民政局</p>', '<p class="甲">市\u200B民\u200B政\u200B局 </p>'],
    ['<h1>hotline 12345</h1>', '<h1>hotline 12345</h1>'],
    ['<p>𠀀𠀁</p>区 县<br>', '<p>𠀀\u200B𠀁 </p>区 县 <br>'],
    ['', ''],
  ])('gives Pagefind %j as %j', (html, indexed) => {
    expect(indexedHtml(html)).toBe(indexed);
  });
});

describe('figures cut before Pagefind reads a page', () => {
  it.each(['zibo', 'small'] as const)('leave the %s site the index its whole pages give, byte for byte', async (name) => {
    const site = await builtSite(name);
    const pages = (await readdir(site, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    const html = await Promise.all(pages.map((page) => readFile(path.join(site, ...page.split('/')), 'utf8')));
    const [cut, whole] = [await scratchDir(), await scratchDir()];

    const search = await openSearchIndex();
    search.expect(pages);
    pages.forEach((page, i) => search.add(page, html[i]!));
    expect((await search.write(cut)).pages).toBe(pages.length);

    // Pagefind alone, given every page whole, leaves the same figures out by its selectors.
    const pagefind = await import('pagefind');
    const { index } = await pagefind.createIndex({ excludeSelectors: [...leftOutSelectors] });
    try {
      for (const [i, page] of pages.entries()) expect((await index!.addHTMLFile({ sourcePath: page, content: spacedHanHtml(html[i]!) })).errors).toEqual([]);
      expect((await index!.writeFiles({ outputPath: path.join(whole, 'pagefind') })).errors).toEqual([]);
    } finally {
      await pagefind.close();
    }

    const [a, b] = [await searchFiles(whole), await searchFiles(cut)];
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const file of Object.keys(a)) expect(b[file]!.equals(a[file]!), file).toBe(true);
    // Not a comparison of two uncut indexes: the tables went.
    const length = (texts: string[]) => texts.reduce((sum, text) => sum + text.length, 0);
    expect(length(html.map(indexedHtml))).toBeLessThan(0.85 * length(html.map(spacedHanHtml)));
  });
});
