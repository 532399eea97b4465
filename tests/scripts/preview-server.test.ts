import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/lib/preview-server.ts';

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
