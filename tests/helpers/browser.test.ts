import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardContext, isSameOrigin, launchBrowser, skipBrowser } from './browser.ts';

describe('skipBrowser({ present, ci })', () => {
  it.each([
    [true, undefined, false],
    [true, 'true', false],
    [false, undefined, true],
    [false, 'false', true],
  ])('with chromium present=%s and CI=%s skips: %s', (present, ci, skip) => {
    expect(skipBrowser({ present, ci })).toBe(skip);
  });

  it.each(['true', '1'])('fails loudly when chromium is missing and CI=%s', (ci) => {
    expect(() => skipBrowser({ present: false, ci })).toThrow(/chromium is required in CI/);
  });
});

describe('isSameOrigin(url, origin)', () => {
  it.each([
    ['http://127.0.0.1:3000/a.js', true],
    ['http://127.0.0.1:3001/a.js', false],
    ['http://localhost:3000/a.js', false],
    ['https://cdn.example/x.js', false],
    ['data:image/png;base64,AAAA', true],
    ['blob:http://127.0.0.1:3000/1', true],
    ['not a url', false],
  ])('judges %s same-origin: %s', (url, expected) => {
    expect(isSameOrigin(url, 'http://127.0.0.1:3000')).toBe(expected);
  });
});

describe.skipIf(skipBrowser())('guardContext(context, origin)', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  const pages: Record<string, string> = {
    '/clean': '<!doctype html><title>ok</title><p>ok</p>',
    '/bad':
      '<!doctype html><title>bad</title><script>console.error("boom"); alert("hi"); fetch("http://198.51.100.1/x").catch(() => {}); throw new Error("thrown")</script>',
  };
  beforeAll(async () => {
    server = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(pages[req.url ?? ''] ?? ''));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('records nothing for a page that behaves', async () => {
    const context = await browser.newContext();
    const guard = await guardContext(context, origin);
    await (await context.newPage()).goto(`${origin}/clean`);
    expect(guard.list()).toEqual([]);
    await context.close();
  });

  it('records a console error, a dialog, a thrown error and a request to another host', async () => {
    const context = await browser.newContext();
    const guard = await guardContext(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/bad`);
    await page.waitForTimeout(300);
    expect(guard.problems.consoleErrors.join()).toContain('boom');
    expect(guard.problems.dialogs.join()).toContain('alert hi');
    expect(guard.problems.pageErrors.join()).toContain('thrown');
    expect(guard.problems.foreignRequests).toEqual(['http://198.51.100.1/x']);
    guard.reset();
    expect(guard.list()).toEqual([]);
    await context.close();
  });
});
