/**
 * The failed-build banner of `npm start`, as an editor meets it: the
 * preview runs on a copy of the small fixture, a save breaks a file, the
 * open page (a phone-sized one) shows every error with its file and line,
 * a page opened while the build is broken shows them too, the site on
 * disk stays as it was, and the next good save reloads the pages without
 * the banner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardContext, launchBrowser, skipBrowser, type Guard } from '../helpers/browser.ts';
import { hashTree } from '../helpers/tree-hash.ts';
import { typeScriptLoader } from '../helpers/built-site.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 100 ms until it returns a value, or fails after `ms`. */
async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(skipBrowser())('npm start: the banner of a failed rebuild', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let origin = '';
  let browser: Browser;
  let context: BrowserContext;
  let guard: Guard;
  let page: Page;
  let units = '';
  const unitsFile = () => path.join(dir, 'data/units.yaml');
  const banner = (on: Page) => on.getByRole('alert', { name: '构建失败' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-banner-'));
    await cp(path.join(root, 'tests/fixtures/small/data'), path.join(dir, 'data'), { recursive: true });
    await cp(path.join(root, 'tests/fixtures/small/content'), path.join(dir, 'content'), { recursive: true });
    units = await readFile(unitsFile(), 'utf8');
    child = spawn(process.execPath, [...typeScriptLoader, path.join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', REPORT_DATA: path.join(dir, 'data'), REPORT_CONTENT: path.join(dir, 'content'), SITE_DIR: path.join(dir, '_site') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
    origin = await until('the preview address', () => /预览地址: (http:\/\/[^/\s]+)\//.exec(output)?.[1]);
    await until('the first build', () => (output.includes('已更新 (首次构建)') ? true : undefined), 120_000);
    browser = await launchBrowser();
    // A phone: the banner must be readable at 390 CSS pixels.
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    guard = await guardContext(context, origin);
    page = await context.newPage();
    await page.goto(`${origin}/units/beta/`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (child?.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(3000)]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // exited cleanly
      }
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows no banner while the build is good', async () => {
    await expect(page.locator('#pinggu-build-failure').count()).resolves.toBe(0);
  });

  it('shows every error of a broken save in the open page, with file, line and message, and leaves the site as it was', async () => {
    const site = await hashTree(path.join(dir, '_site'));
    const before = output.length;
    await writeFile(unitsFile(), units.replace('{id: beta, name: 乙县}', '{id: beta, name：乙县}'));
    await until('the failed rebuild', () => (output.slice(before).includes('网站未更新') ? true : undefined), 30_000);

    const alert = banner(page);
    await alert.waitFor({ timeout: 10_000 });
    const text = await alert.innerText();
    expect(text).toContain('构建失败');
    expect(text).toMatch(/units\.yaml:3:18/);
    expect(text).toContain('第 3 行');
    expect(text).toContain('全角冒号“：”：改为半角冒号加空格“: ”，写作 name: 乙县');
    await page.screenshot({ path: path.join(dir, 'banner-phone.png') });
    await writeFile(path.join(os.tmpdir(), 'pinggu-banner-phone.png'), await readFile(path.join(dir, 'banner-phone.png')));

    // Fit for a phone: within the width, text no smaller than 16 px, the list scrolls inside at most 60% of the height.
    const box = (await alert.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeLessThanOrEqual(844 * 0.6 + 1);
    expect(await alert.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);

    // The site on disk is the last good build.
    expect(await hashTree(path.join(dir, '_site'))).toEqual(site);
    expect(await page.locator('h1').first().innerText()).toContain('乙县');
    expect(guard.list()).toEqual([]);
  });

  it('shows the errors as text only: a message holding markup adds no element', async () => {
    await writeFile(unitsFile(), units.replace('{id: gamma,', '{id: "<img src=x onerror=alert(1)>",'));
    const alert = banner(page);
    await until('the markup in the banner', async () => ((await alert.innerText()).includes('<img src=x onerror=alert(1)>') ? true : undefined), 30_000);
    expect(await page.locator('#pinggu-build-failure img').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('pinggu-build-failure')!.shadowRoot!.querySelectorAll('img').length)).toBe(0);
    expect(guard.list()).toEqual([]);
  });

  it('shows the errors in a page opened while the build is broken', async () => {
    const other = await context.newPage();
    await other.goto(`${origin}/`);
    await banner(other).waitFor({ timeout: 10_000 });
    expect(await banner(other).innerText()).toMatch(/units\.yaml:4:\d+/);
    await other.close();
  });

  it('can be folded away and read by a screen reader (axe finds no violation in it)', async () => {
    const toggle = page.getByRole('button', { name: '收起' });
    await toggle.click();
    await expect(page.getByRole('button', { name: '展开' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await page.getByRole('button', { name: '展开' }).click();
    expect(guard.list()).toEqual([]);
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run({ include: [['#pinggu-build-failure']] }, { preload: false });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(guard.list()).toEqual([]);
  });

  it('goes when the next save builds: the page reloads without it', async () => {
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await writeFile(unitsFile(), units);
    await reloaded;
    await page.waitForTimeout(300);
    expect(await page.locator('#pinggu-build-failure').count()).toBe(0);
    const fresh = await context.newPage();
    await fresh.goto(`${origin}/`);
    await fresh.waitForTimeout(500);
    expect(await fresh.locator('#pinggu-build-failure').count()).toBe(0);
    expect(guard.list()).toEqual([]);
  }, 40_000);
});
