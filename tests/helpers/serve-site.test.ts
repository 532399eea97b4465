import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServedSite } from './serve-site.ts';

describe('serveSite(dir)', () => {
  let dir = '';
  let server: ServedSite;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-serve-'));
    await mkdir(path.join(dir, 'units', 'north'), { recursive: true });
    await mkdir(path.join(dir, 'pagefind'));
    await writeFile(path.join(dir, 'index.html'), '<p>首页</p>');
    await writeFile(path.join(dir, 'units', 'north', 'index.html'), '<p>北区</p>');
    await writeFile(path.join(dir, 'pagefind', 'wasm.zh-cn.pagefind'), Buffer.from([0, 1]));
    await writeFile(path.join(dir, 'pagefind', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
    await writeFile(path.join(os.tmpdir(), 'pinggu-outside.txt'), 'secret');
    server = await serveSite(dir);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(path.join(os.tmpdir(), 'pinggu-outside.txt'), { force: true });
  });

  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a folder URL with its index.html as UTF-8 HTML', async () => {
    const response = await fetch(`${server.origin}/units/north/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<p>北区</p>');
  });

  it('redirects a folder URL without its slash', async () => {
    const response = await fetch(`${server.origin}/units/north`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/units/north/');
  });

  it.each([
    ['/pagefind/x.wasm', 'application/wasm'],
    ['/pagefind/wasm.zh-cn.pagefind', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await fetch(server.origin + url);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each(['/missing.html', '/..%2Fpinggu-outside.txt', '/%2e%2e/pinggu-outside.txt'])('answers %s with 404', async (url) => {
    expect((await fetch(server.origin + url)).status).toBe(404);
  });
});
