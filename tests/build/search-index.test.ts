import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedHtml, writeSearchIndex } from '../../scripts/lib/search-index.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function siteWithOnePage(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-search-'));
  scratch.push(dir);
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

describe('indexedHtml(html)', () => {
  it.each([
    ['<dt>批次</dt><dd>第2批</dd>', '<dt>批\u200B次 </dt><dd>第2批 </dd>'],
    ['<p class="甲">市民政局</p>', '<p class="甲">市\u200B民\u200B政\u200B局 </p>'],
    ['<h1>hotline 12345</h1>', '<h1>hotline 12345</h1>'],
    ['', ''],
  ])('gives Pagefind %j as %j', (html, indexed) => {
    expect(indexedHtml(html)).toBe(indexed);
  });
});
