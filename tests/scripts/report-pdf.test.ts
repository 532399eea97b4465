import { existsSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { chromiumSetting, chromiumUsable, pdfPlan, pdfWanted, planReportPdf, reportPdfOptions, siteFile, writeReportPdf } from '../../scripts/lib/report-pdf.ts';
import { chromiumPath, skipBrowser } from '../helpers/browser.ts';
import { editionDirs, runBuildCli } from '../helpers/built-site.ts';

describe('pdfWanted(env)', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['1', true],
    ['yes', true],
    ['0', false],
    ['false', false],
    [' OFF ', false],
    ['no', false],
  ])('reads REPORT_PDF=%j as %s', (value, wanted) => {
    expect(pdfWanted(value === undefined ? {} : { REPORT_PDF: value })).toBe(wanted);
  });

  it.each(['nope', '2', 'ja', '\u0000', '0 1'])('refuses REPORT_PDF=%j in Chinese instead of reading it as yes', (value) => {
    expect(() => pdfWanted({ REPORT_PDF: value })).toThrow('环境变量 REPORT_PDF 只能是 1 或 0');
  });
});

describe('pdfPlan(given)', () => {
  const base = { requested: true, chromium: '/opt/chromium', chromiumFound: true, driverFound: true };

  it('prints with the browser found when the PDF is wanted', () => {
    expect(pdfPlan(base)).toEqual({ build: true, chromium: '/opt/chromium' });
  });

  it('says nothing when the PDF was turned off, whatever is installed', () => {
    expect(pdfPlan({ ...base, requested: false, chromiumFound: false })).toEqual({ build: false });
  });

  it.each([
    [{ chromiumFound: false }, /^未找到 Chromium（\/opt\/chromium），本次构建不生成 PDF 版（report\.pdf），下载页不列出它$/],
    [{ driverFound: false }, /^未安装 playwright-core.*本次构建不生成 PDF 版/],
  ])('skips with one line of Chinese when %j', (missing, notice) => {
    const plan = pdfPlan({ ...base, ...missing });
    expect(plan.build).toBe(false);
    expect(plan.build ? '' : plan.notice).toMatch(notice);
    expect(plan.build ? '' : plan.notice).not.toContain('\n');
  });
});

describe('planReportPdf(given)', () => {
  it('skips, saying where it looked, when no browser is at the given path', async () => {
    const plan = await planReportPdf({ requested: true, chromium: '/nonexistent/chromium' });
    expect(plan).toEqual({ build: false, notice: expect.stringContaining('/nonexistent/chromium') });
  });
});

describe('chromiumUsable(file)', () => {
  it('accepts an executable file, also through a symlink, and refuses a folder, a plain file, a relative path and nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-chromium-'));
    try {
      const { chmod, symlink } = await import('node:fs/promises');
      await writeFile(path.join(dir, 'browser'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'browser'), 0o755);
      await writeFile(path.join(dir, 'plain'), '');
      await chmod(path.join(dir, 'plain'), 0o644);
      await symlink(path.join(dir, 'browser'), path.join(dir, 'link'));
      await symlink(dir, path.join(dir, 'folder-link'));
      const cases: [string, boolean][] = [
        [path.join(dir, 'browser'), true],
        [path.join(dir, 'link'), true],
        [dir, false],
        [path.join(dir, 'folder-link'), false],
        [path.join(dir, 'missing'), false],
        ['browser', false],
        ['', false],
        [path.join(dir, 'plain'), false],
      ];
      for (const [file, usable] of cases) expect(chromiumUsable(file), file).toBe(usable);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('siteFile(siteDir, urlPath)', () => {
  it('answers only files inside the site folder, whatever the path is encoded as or links to', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-site-file-'));
    try {
      const { symlink } = await import('node:fs/promises');
      const site = path.join(dir, 'site');
      await mkdir(path.join(site, 'downloads'), { recursive: true });
      await writeFile(path.join(site, 'index.html'), '');
      await writeFile(path.join(site, 'downloads/index.html'), '');
      await writeFile(path.join(site, 'downloads/表.csv'), '');
      await writeFile(path.join(dir, 'secret.txt'), '');
      await symlink(path.join(dir, 'secret.txt'), path.join(site, 'out.txt'));
      await symlink(dir, path.join(site, 'up'));
      await symlink(path.join(site, 'index.html'), path.join(site, 'in.html'));
      const cases: [string, string | null][] = [
        ['/', path.join(site, 'index.html')],
        ['/downloads/', path.join(site, 'downloads/index.html')],
        [`/downloads/${encodeURIComponent('表')}.csv`, path.join(site, 'downloads/表.csv')],
        ['/in.html', path.join(site, 'index.html')],
        ['/../secret.txt', null],
        ['/%2e%2e/secret.txt', null],
        ['/downloads/..%2f..%2fsecret.txt', null],
        ['/out.txt', null],
        ['/up/secret.txt', null],
        ['/missing.html', null],
        ['/%E0%A4%A', null],
        ['/index.html%00.png', null],
      ];
      for (const [urlPath, file] of cases) expect(siteFile(site, urlPath), urlPath).toBe(file === null ? null : await realpath(file));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reportPdfOptions', () => {
  it('asks for a tagged A4 PDF with bookmarks, paged by the print stylesheet', () => {
    expect(reportPdfOptions).toMatchObject({ format: 'A4', preferCSSPageSize: true, tagged: true, outline: true, displayHeaderFooter: false });
  });
});

describe('chromiumSetting(env)', () => {
  it.each([
    [{}, '/usr/bin/chromium'],
    [{ REPORT_CHROMIUM: '' }, '/usr/bin/chromium'],
    [{ REPORT_CHROMIUM: ' /opt/chrome/chrome ' }, '/opt/chrome/chrome'],
  ])('reads %j as %s', (env, chromium) => {
    expect(chromiumSetting(env)).toBe(chromium);
  });
});

describe('npm run build where Chromium is absent', () => {
  it('publishes the site without report.pdf, links none, and says so in one line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-nopdf-'));
    try {
      const { data, content } = editionDirs('small');
      const out = path.join(dir, '_site');
      const run = await runBuildCli(['--out', out, '--data', data, '--content', content], { REPORT_PDF: '1', REPORT_CHROMIUM: path.join(dir, 'no-chromium') });
      expect(run.code, run.stderr).toBe(0);
      const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes('Chromium'));
      expect(lines).toEqual([`提示: 未找到 Chromium（${path.join(dir, 'no-chromium')}），本次构建不生成 PDF 版（report.pdf），下载页不列出它`]);
      expect(existsSync(path.join(out, 'downloads/report.pdf'))).toBe(false);
      expect(await readFile(path.join(out, 'downloads/index.html'), 'utf8')).not.toContain('report.pdf');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.skipIf(skipBrowser())('writeReportPdf(siteDir, given)', () => {
  /** A one-page site whose home page has `body`, printed; resolves to the PDF's first bytes or rejects. */
  async function print(body: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-pdf-'));
    try {
      await mkdir(path.join(dir, 'downloads'));
      await writeFile(path.join(dir, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
      await writeFile(path.join(dir, 'style.css'), 'h1 { color: #000 }');
      await writeReportPdf(dir, { chromium: chromiumPath });
      return (await readFile(path.join(dir, 'downloads/report.pdf'))).subarray(0, 5).toString('latin1');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('prints a page that asks only for its own files', async () => {
    await expect(print('<link rel="stylesheet" href="/style.css"><h1>评估报告</h1>')).resolves.toBe('%PDF-');
  }, 60_000);

  it('refuses to print a page that asks for another host', async () => {
    await expect(print('<h1>评估报告</h1><img src="https://example.com/track.png" alt="">')).rejects.toThrow(/生成 PDF 版失败.*站外地址.*example\.com/);
  }, 60_000);
});
