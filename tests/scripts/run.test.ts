import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleCli, cliEntries, commands } from '../../scripts/run.mjs';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tiny project: `main.ts` imports `lib.ts` and reports where it thinks it lives. */
function project(name: string): { dir: string; cacheDir: string; entries: Record<string, string> } {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'lib.ts'), "export const value: string = 'first';\n");
  writeFileSync(
    path.join(dir, 'main.ts'),
    "import { value } from './lib.ts';\nexport const here: string = import.meta.url;\nexport default value;\n",
  );
  writeFileSync(path.join(dir, 'unrelated.ts'), 'export const x = 1;\n');
  return { dir, cacheDir: path.join(dir, 'cache'), entries: { main: path.join(dir, 'main.ts') } };
}

async function load(dir: string): Promise<{ default: string; here: string }> {
  return import(`${pathToFileURL(path.join(dir, 'main.mjs')).href}?t=${Date.now()}`);
}

/** Runs `node scripts/run.mjs args…` from the project root. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['scripts/run.mjs', ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('scripts/run.mjs bundle cache', () => {
  it('reuses the bundle when no input changed, even if a file outside the bundle did', async () => {
    const { dir, cacheDir, entries } = project('reuse');
    const first = await bundleCli({ root: dir, cacheDir, entries });
    expect(first.reused).toBe(false);
    writeFileSync(path.join(dir, 'unrelated.ts'), 'export const x = 2;\n');
    const second = await bundleCli({ root: dir, cacheDir, entries });
    expect(second).toEqual({ dir: first.dir, reused: true });
    expect((await load(second.dir)).default).toBe('first');
  });

  it('rebuilds into a new folder when an imported source changes, and runs the new code', async () => {
    const { dir, cacheDir, entries } = project('rebuild');
    const first = await bundleCli({ root: dir, cacheDir, entries });
    writeFileSync(path.join(dir, 'lib.ts'), "export const value: string = 'second';\n");
    const second = await bundleCli({ root: dir, cacheDir, entries });
    expect(second.reused).toBe(false);
    expect(second.dir).not.toBe(first.dir);
    expect((await load(second.dir)).default).toBe('second');
    expect(await bundleCli({ root: dir, cacheDir, entries })).toEqual({ dir: second.dir, reused: true });
  });

  it('bundles again, and names the missing import, when a bundled input is deleted', async () => {
    const { dir, cacheDir, entries } = project('deleted');
    await bundleCli({ root: dir, cacheDir, entries });
    rmSync(path.join(dir, 'lib.ts'));
    await expect(bundleCli({ root: dir, cacheDir, entries })).rejects.toThrow(/lib\.ts/);
  });

  it('keeps two checkouts sharing one cache apart, each running its own code', async () => {
    const a = project('checkout-a');
    const b = project('checkout-b');
    writeFileSync(path.join(b.dir, 'lib.ts'), "export const value: string = 'b';\n");
    const cacheDir = path.join(scratch, 'shared-cache');
    const first = await bundleCli({ root: a.dir, cacheDir, entries: a.entries });
    const second = await bundleCli({ root: b.dir, cacheDir, entries: b.entries });
    expect(second.dir).not.toBe(first.dir);
    expect((await load(second.dir)).here).toBe(pathToFileURL(path.join(b.dir, 'main.ts')).href);
    expect((await load(second.dir)).default).toBe('b');
    expect(await bundleCli({ root: a.dir, cacheDir, entries: a.entries })).toEqual({ dir: first.dir, reused: true });
  });

  it('keeps import.meta.url naming the source file, not the bundle', async () => {
    const { dir, cacheDir, entries } = project('meta');
    const { dir: out } = await bundleCli({ root: dir, cacheDir, entries });
    expect((await load(out)).here).toBe(pathToFileURL(path.join(dir, 'main.ts')).href);
  });

  it('leaves no temporary folder behind', async () => {
    const { dir, cacheDir, entries } = project('tidy');
    await bundleCli({ root: dir, cacheDir, entries });
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('tmp-'))).toEqual([]);
  });
});

describe('node scripts/run.mjs <command>', () => {
  it('bundles every npm command and the Eleventy config', () => {
    const entries = cliEntries(root);
    for (const command of ['build', 'start', 'check', 'diff', 'template', 'import']) {
      expect(commands).toContain(command);
      expect(entries[command]).toBe(path.join(root, 'scripts', `${command}.ts`));
    }
    expect(entries.config).toBe(path.join(root, '.eleventy.js'));
  });

  it('runs check with its arguments and exit code, as tsx did', async () => {
    const good = await run(['check'], { REPORT_DATA: 'tests/fixtures/small/data', REPORT_CONTENT: 'tests/fixtures/small/content' });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/检查通过：4 项经验/);
    const missing = await run(['check'], { REPORT_DATA: path.join(scratch, 'no-such-edition') });
    expect(missing.code).toBe(1);
  });

  it('builds a site with the bundled Eleventy config and prints the Chinese summary', async () => {
    const out = path.join(scratch, 'site');
    const result = await run(['build', '--data', 'tests/fixtures/small/data', '--content', 'tests/fixtures/small/content', '--out', out]);
    expect(result.stderr).not.toMatch(/构建失败/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^构建完成: \d+ 页 → /);
    expect(readdirSync(out)).toContain('index.html');
  });

  it('rejects an unknown command with a Chinese usage line and exit code 2', async () => {
    const result = await run(['deploy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^未知命令 deploy \(unknown command\)。用法: node scripts\/run\.mjs <build\|start\|check\|diff/);
  });
});
