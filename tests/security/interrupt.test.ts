/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop `npm run build`, `npm run check`
 * and `npm start` within 2 s, in the middle of rendering or of Pagefind's
 * indexing, with real processes and real signals: the command is gone, its
 * children (Pagefind) are gone, its staging folder is gone, and the
 * published site is byte-identical. A build killed outright together with
 * its guardian leaves a staging folder that the next run removes, and only
 * that one. A synthetic edition ten times the default's size keeps each
 * stage long enough to be caught in the middle.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticEdition } from '../../bench/synth-edition.ts';
import { builtSite, projectRoot } from '../helpers/built-site.ts';
import { isGone, processName } from '../helpers/processes.ts';
import { startCommand, until, type RunningCommand } from '../helpers/run-command.ts';
import { snapshotTree } from '../helpers/tree-hash.ts';
import { spawn } from 'node:child_process';

/** The limit the task sets, from the signal to everything stopped and cleaned. */
const LIMIT_MS = 2000;

let work = '';
let edition = { data: '', content: '' };
let previous = '';

beforeAll(async () => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-sec-int-')));
  await writeSyntheticEdition({ experiences: 200, units: 90 }, path.join(work, 'ed10x'));
  edition = { data: path.join(work, 'ed10x', 'data'), content: path.join(work, 'ed10x', 'content') };
  previous = await builtSite('small');
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding the previous site as `_site`, for one case. */
function publishedSite(name: string): { out: string; before: Record<string, string> } {
  const out = path.join(work, name, '_site');
  mkdirSync(path.dirname(out), { recursive: true });
  cpSync(previous, out, { recursive: true });
  return { out, before: snapshotTree(out) };
}

/** Staging and aside folders beside `out`. */
function helpers(out: string): string[] {
  return readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.tmp-`) || n.startsWith(`${path.basename(out)}.old-`));
}

/** Direct children of `pid` (not its guardian), by pid and name. */
function children(pid: number): Array<{ pid: number; name: string }> {
  try {
    const ids = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number));
    return ids.map((id) => ({ pid: id, name: processName(id) }));
  } catch {
    return [];
  }
}

function buildInto(out: string): RunningCommand {
  return startCommand('build', ['--out', out, '--data', edition.data, '--content', edition.content], { unset: ['SITE_DIR'], timeoutMs: 180_000 });
}

/**
 * The moment a build is rendering: its staging folder holds a page, and
 * neither the search index nor the downloads are written yet (Pagefind runs
 * beside the rendering, indexing each page as it comes).
 */
function rendering(out: string): true | undefined {
  const staging = helpers(out)[0];
  if (!staging) return undefined;
  const dir = path.join(path.dirname(out), staging);
  return existsSync(path.join(dir, 'index.html')) && !existsSync(path.join(dir, 'pagefind')) && !existsSync(path.join(dir, 'data', 'report.json')) ? true : undefined;
}

/** The Pagefind process of a command, while it indexes. */
function indexing(run: RunningCommand): number | undefined {
  return children(run.child.pid!).find((c) => c.name.startsWith('pagefind'))?.pid;
}

/**
 * Sends `signal` and checks what must hold within the limit: the command
 * has ended by it, `gone` pids have ended, no staging folder is left, and the
 * published site is as it was.
 */
async function interruptAndCheck(
  run: RunningCommand,
  signal: NodeJS.Signals,
  { out, before, gone = [] }: { out: string; before?: Record<string, string>; gone?: number[] },
): Promise<void> {
  const sent = Date.now();
  run.child.kill(signal);
  const ended = await run.done;
  expect(ended.signal ?? ended.code, ended.stderr).toBe(signal);
  expect(ended.exitedAt - sent).toBeLessThan(LIMIT_MS);
  for (const pid of gone) expect(await isGone(pid, Math.max(0, sent + LIMIT_MS - Date.now())), `process ${pid}`).toBe(true);
  await until('the staging folder to be removed', () => (helpers(out).length === 0 ? true : undefined), Math.max(0, sent + LIMIT_MS - Date.now()));
  if (before) expect(snapshotTree(out)).toEqual(before);
  expect(ended.stderr).toMatch(/已中断/);
}

describe('npm run build, interrupted', () => {
  it.each([['SIGTERM'], ['SIGINT'], ['SIGHUP']] as const)('stops on %s in the middle of rendering, and cleans up within 2 s', async (signal) => {
    const { out, before } = publishedSite(`render-${signal}`);
    const run = buildInto(out);
    await until('rendering', () => rendering(out), 120_000);
    await interruptAndCheck(run, signal, { out, before, gone: children(run.child.pid!).filter((c) => c.name !== 'node').map((c) => c.pid) });
  });

  it.each([['SIGINT'], ['SIGTERM']] as const)('stops on %s while Pagefind indexes, and Pagefind stops too', async (signal) => {
    const { out, before } = publishedSite(`pagefind-${signal}`);
    const run = buildInto(out);
    const pagefind = await until('Pagefind', () => indexing(run), 120_000);
    await interruptAndCheck(run, signal, { out, before, gone: [pagefind] });
  });

  it('is cleaned up even when killed outright (SIGKILL), by its guardian', async () => {
    const { out, before } = publishedSite('sigkill');
    const run = buildInto(out);
    await until('rendering', () => rendering(out), 120_000);
    await interruptAndCheck(run, 'SIGKILL', { out, before });
  });

  it('stops when the npm that started it is killed, as npm leaves its shell’s child behind', async () => {
    const { out, before } = publishedSite('npm');
    const npm = spawn('npm', ['run', 'build', '--', '--out', out, '--data', edition.data, '--content', edition.content], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    npm.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // npm → sh → node scripts/build.ts
    const build = await until('the build under npm', () => {
      const sh = children(npm.pid!)[0];
      const node = sh && children(sh.pid).find((c) => c.name === 'node');
      return node && helpers(out).length > 0 ? node.pid : undefined;
    }, 120_000);
    const sent = Date.now();
    npm.kill('SIGTERM');
    expect(await isGone(build, LIMIT_MS), stderr).toBe(true);
    await until('the staging folder to be removed', () => (helpers(out).length === 0 ? true : undefined), Math.max(0, sent + LIMIT_MS - Date.now()));
    expect(snapshotTree(out)).toEqual(before);
  });
});

describe('a staging folder left by a build killed with its guardian', () => {
  it('is removed by the next build, which leaves look-alike folders alone', async () => {
    const { out } = publishedSite('leftover');
    const run = buildInto(out);
    await until('rendering', () => rendering(out), 120_000);
    const guardian = children(run.child.pid!).find((c) => c.name === 'node');
    expect(guardian, 'the guardian').toBeDefined();
    process.kill(guardian!.pid, 'SIGKILL');
    await isGone(guardian!.pid, 2000);
    run.child.kill('SIGKILL');
    await run.done;
    const [leftover] = helpers(out);
    expect(leftover).toBeDefined();
    // A folder with a staging name but no marker, someone's: must survive.
    const lookAlike = path.join(path.dirname(out), '_site.tmp-0123abcd');
    mkdirSync(lookAlike);
    writeFileSync(path.join(lookAlike, 'notes.txt'), 'mine');

    const next = await startCommand('build', ['--out', out, '--data', path.join(projectRoot, 'tests/fixtures/small/data'), '--content', path.join(projectRoot, 'tests/fixtures/small/content')], { unset: ['SITE_DIR'] }).done;
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(`已删除上次被强行中止的构建留下的临时文件夹 ${path.join(path.dirname(out), leftover!)}`);
    expect(helpers(out)).toEqual(['_site.tmp-0123abcd']);
    expect(readFileSync(path.join(lookAlike, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('npm run check, interrupted', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)('stops on %s within 2 s while it validates', async (signal) => {
    const run = startCommand('check', [], { env: { REPORT_DATA: edition.data } });
    // Started, bundle checked, reading and validating the 10x edition.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const sent = Date.now();
    run.child.kill(signal);
    const ended = await run.done;
    expect(ended.signal, `${ended.stdout}${ended.stderr}`).toBe(signal);
    expect(ended.exitedAt - sent).toBeLessThan(LIMIT_MS);
  });
});

describe('npm start, interrupted', () => {
  function preview(out: string): RunningCommand {
    return startCommand('start', [], {
      env: { PORT: '0', REPORT_DATA: edition.data, REPORT_CONTENT: edition.content, SITE_DIR: out },
      timeoutMs: 180_000,
    });
  }

  it('stops on SIGTERM in the middle of its first build, and cleans up within 2 s', async () => {
    const { out, before } = publishedSite('start-render');
    const run = preview(out);
    await until('rendering', () => rendering(out), 120_000);
    await interruptAndCheck(run, 'SIGTERM', { out, before });
  });

  it('stops on SIGINT while Pagefind indexes the published site, and Pagefind stops too', async () => {
    const { out } = publishedSite('start-pagefind');
    const run = preview(out);
    const pagefind = await until('Pagefind', () => indexing(run), 120_000);
    const sent = Date.now();
    run.child.kill('SIGINT');
    const ended = await run.done;
    expect(ended.signal).toBe('SIGINT');
    expect(ended.exitedAt - sent).toBeLessThan(LIMIT_MS);
    expect(await isGone(pagefind, Math.max(0, sent + LIMIT_MS - Date.now()))).toBe(true);
    expect(helpers(out)).toEqual([]);
  });
});
