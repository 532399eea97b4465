import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/lib/preview-server.ts';
import { previewOptions } from '../../scripts/start.ts';

const site = mkdtempSync(path.join(os.tmpdir(), 'pinggu-preview-'));
writeFileSync(path.join(site, 'index.html'), '<!DOCTYPE html><body>首页</body>');
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** An address of this machine that other machines could reach, if it has one. */
const outward = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('startPreviewServer(options)', () => {
  it('listens on 127.0.0.1 by default and names that address in its origin', async () => {
    const server = await startPreviewServer({ siteDir: site, port: 0, placeholder: () => '' });
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.origin}/`)).text()).toContain('首页');
    } finally {
      await server.close();
    }
  });

  it.skipIf(outward === undefined)('cannot be reached through the machine’s outward address by default', async () => {
    const server = await startPreviewServer({ siteDir: site, port: 0, placeholder: () => '' });
    try {
      const port = new URL(server.origin).port;
      await expect(fetch(`http://${outward}:${port}/`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('listens where `host` says, and prints that address', async () => {
    const server = await startPreviewServer({ siteDir: site, port: 0, host: '0.0.0.0', placeholder: () => '' });
    try {
      expect(server.origin).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
      const port = new URL(server.origin).port;
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('previewOptions(env)', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(previewOptions({}).host).toBe('127.0.0.1');
    expect(previewOptions({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('refuses an empty SITE_DIR, REPORT_DATA or REPORT_CONTENT instead of using the working directory', () => {
    for (const name of ['SITE_DIR', 'REPORT_DATA', 'REPORT_CONTENT']) {
      expect(() => previewOptions({ [name]: '' })).toThrow(`环境变量 ${name} 为空`);
    }
  });
});

/** Reads a page's event stream until `count` events have come, or `ms` passed. */
async function events(origin: string, count: number, ms = 2000): Promise<Array<{ event: string; data: string }>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const found: Array<{ event: string; data: string }> = [];
  try {
    const response = await fetch(`${origin}/__pinggu/events`, { signal: controller.signal });
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffered.indexOf('\n\n')) !== -1) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event) found.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
        if (found.length >= count) return found;
      }
    }
  } catch {
    // aborted: return what came
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return found;
}

describe('startPreviewServer: the failed-build channel', () => {
  let dir: string;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-preview-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><p>网站</p></body></html>');
    server = await startPreviewServer({ siteDir: dir, port: 0, placeholder: () => '' });
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the client script and its stylesheet from files under /__pinggu/, and pages name the script', async () => {
    const script = await fetch(`${server.origin}/__pinggu/live-reload.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const text = await script.text();
    expect(text).toContain('build-failed');
    expect(text).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
    const css = await fetch(`${server.origin}/__pinggu/preview.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.banner');
    expect(await (await fetch(`${server.origin}/`)).text()).toContain('<script src="/__pinggu/live-reload.js"></script></body>');
  });

  it('sends a failure to open pages and to pages that connect later, until a reload', async () => {
    const failure = { problems: [{ file: 'data/units.yaml', line: 3, column: 5, field: '[1].id', message: '全角冒号“：”\n<b>x</b>' }], total: 1 };
    const open = events(server.origin, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.showFailure(failure);
    expect(await open).toEqual([{ event: 'build-failed', data: JSON.stringify(failure) }]);

    expect(await events(server.origin, 1)).toEqual([{ event: 'build-failed', data: JSON.stringify(failure) }]);

    server.reload();
    expect(await events(server.origin, 1, 500)).toEqual([]);
  });
});
