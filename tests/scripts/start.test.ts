import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScratchFile } from '../../scripts/start.ts';
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

describe('isScratchFile(name)', () => {
  it.each([
    ['units.yaml', false],
    ['01-smart-court.yaml', false],
    ['.units.yaml.swp', true],
    ['units.yaml~', true],
    ['4913', true],
  ])('treats %j as scratch: %s', (name, scratch) => {
    expect(isScratchFile(name)).toBe(scratch);
  });
});

describe('npm start (live preview of the small fixture)', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let origin = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-start-'));
    await cp(path.join(root, 'tests/fixtures/small/data'), path.join(dir, 'data'), { recursive: true });
    await cp(path.join(root, 'tests/fixtures/small/content'), path.join(dir, 'content'), { recursive: true });
    child = spawn(process.execPath, [...typeScriptLoader, path.join(root, 'scripts/start.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', REPORT_DATA: path.join(dir, 'data'), REPORT_CONTENT: path.join(dir, 'content'), SITE_DIR: path.join(dir, '_site') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
    origin = await until('the preview address', () => /预览地址: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1]);
    await until('the first build', () => (output.includes('已更新 (首次构建)') ? true : undefined), 120_000);
  }, 150_000);

  afterAll(async () => {
    if (child?.pid) {
      const group = -child.pid;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(3000)]);
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // exited cleanly
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  const page = async (url: string) => {
    const res = await fetch(`${origin}${url}`);
    return { status: res.status, body: await res.text() };
  };

  it('serves the built site with a same-origin live-reload script', async () => {
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<script src="/__pinggu/live-reload.js"></script></body>');
    expect((await page('/__pinggu/live-reload.js')).body).toMatch(/new EventSource\(["'`]\/__pinggu\/events["'`]\)/);
    expect((await page('/downloads/annex-1.csv')).status).toBe(200);
  });

  it('rebuilds after a YAML edit and serves the updated page', async () => {
    const file = path.join(dir, 'data/experiences/01-smart-court.yaml');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace(/^title: .*$/m, 'title: 改过的智慧法院标题'));
    const started = Date.now();
    await until('the edited title', async () => ((await page('/experiences/smart-court/')).body.includes('改过的智慧法院标题') ? true : undefined), 30_000);
    console.log(`small fixture: edit served after ${Date.now() - started} ms`);
  }, 40_000);

  it('prints a validation error with file, line and field, and keeps serving the last good site', async () => {
    const file = path.join(dir, 'data/units.yaml');
    const good = await readFile(file, 'utf8');
    const before = output.length;
    await writeFile(file, `${good}\n- {id: Bad Id, name: 坏单位}\n`);
    const log = await until('the error report', () => (output.slice(before).includes('网站未更新') ? output.slice(before) : undefined), 30_000);
    expect(log).toMatch(/units\.yaml:\d+:\d+ /);
    expect(log).toContain('id');
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('坏单位');
    expect(home.body).toContain('改过的智慧法院标题');

    const after = output.length;
    await writeFile(file, good);
    await until('the rebuild after the fix', () => (output.slice(after).includes('已更新') ? true : undefined), 30_000);
  }, 70_000);
});
