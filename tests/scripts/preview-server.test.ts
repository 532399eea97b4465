import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPreviewServer } from '../../scripts/lib/preview-server.ts';
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
