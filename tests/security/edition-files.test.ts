/**
 * What sits where an edition file is expected is untrusted. A folder, a
 * FIFO, a socket, a device, or a link leaving the edition, in place of a
 * data file (`data/*.yaml`, `data/experiences/*.yaml`) or a chapter
 * (`content/NN-*.md`), is refused by name by `npm run build` and
 * `npm run check`: quickly (a FIFO is never opened, a device never read),
 * exit 1, the file and a Chinese reason, and the published site untouched.
 * A chapter over 1 MiB is refused like a data file; a missing edition folder
 * is an error, not an empty report.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, editionDirs } from '../helpers/built-site.ts';
import { runCommand, type CommandRun } from '../helpers/run-command.ts';
import { canMakeDevices, makeEndlessDevice, makeFifo, makeSocket } from '../helpers/special-files.ts';
import { snapshotTree } from '../helpers/tree-hash.ts';

let work = '';
let site = '';
let published: Record<string, string> = {};
let closers: Array<() => Promise<void>> = [];
let count = 0;

beforeAll(async () => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-sec-files-')));
  site = path.join(work, 'published', '_site');
  cpSync(await builtSite('small'), site, { recursive: true });
  published = snapshotTree(site);
}, 300_000);
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the small edition for one case to spoil. */
function copyOfSmall(): { data: string; content: string } {
  const small = editionDirs('small');
  const base = path.join(work, `edition-${++count}`);
  cpSync(small.data, path.join(base, 'data'), { recursive: true });
  cpSync(small.content, path.join(base, 'content'), { recursive: true });
  return { data: path.join(base, 'data'), content: path.join(base, 'content') };
}

function build(edition: { data: string; content: string }): Promise<CommandRun> {
  return runCommand('build', ['--out', site, '--data', edition.data, '--content', edition.content], { unset: ['SITE_DIR'], timeoutMs: 60_000 });
}

function check(data: string): Promise<CommandRun> {
  return runCommand('check', [], { env: { REPORT_DATA: data }, timeoutMs: 60_000 });
}

/** A refusal: exit 1 quickly, the file and a Chinese reason named, the published site as it was, no staging folder. */
function expectRefused(run: CommandRun, file: RegExp, reason: string): void {
  expect(run.timedOut, 'the command hung').toBe(false);
  expect(run.ms).toBeLessThan(30_000);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  expect(run.stderr).toMatch(file);
  expect(run.stderr).toContain(reason);
  expect(snapshotTree(site)).toEqual(published);
  expect(readdirSync(path.dirname(site))).toEqual(['_site']);
}

/** Where a hostile data file goes, how it is made, and the reason it is refused with. */
type Make = (file: string, edition: { data: string; content: string }) => void | Promise<void>;
const hostile: Array<[string, Make, string]> = [
  ['a FIFO', (file) => makeFifo(file), '这是一个命名管道（FIFO），不是文件，拒绝读取'],
  ['a folder', (file) => { rmSync(file); mkdirSync(file); }, '这是一个文件夹，不是文件，拒绝读取'],
  ['a socket', async (file) => void closers.push(await makeSocket(file)), '这是一个套接字（socket），不是文件，拒绝读取'],
  ['a link to /etc/passwd', (file) => { rmSync(file); symlinkSync('/etc/passwd', file); }, '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link to /dev/zero', (file) => { rmSync(file); symlinkSync('/dev/zero', file); }, '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link to a file of another edition', (file) => { rmSync(file); symlinkSync(path.join(editionDirs('small').data, 'units.yaml'), file); }, '符号链接指向版本文件夹之外，拒绝读取'],
  ['a link loop', (file) => { rmSync(file); symlinkSync(file, file); }, '符号链接循环，拒绝读取'],
  ['a dangling link', (file) => { rmSync(file); symlinkSync(`${file}.gone`, file); }, '符号链接指向不存在的位置'],
];
const devices: Array<[string, Make, string]> = [['an endless character device', (file) => void makeEndlessDevice(file), '这是一个设备文件，不是普通文件，拒绝读取']];
const devicesAllowed = canMakeDevices();

describe.each([
  ['data/units.yaml', (e: { data: string }) => path.join(e.data, 'units.yaml'), /data\/units\.yaml:1:1: /],
  ['data/experiences/02-family-doctor.yaml', (e: { data: string }) => path.join(e.data, 'experiences', '02-family-doctor.yaml'), /data\/experiences\/02-family-doctor\.yaml:1:1: /],
])('%s', (_name, where, named) => {
  it.each(hostile)('is refused by build and check when it is %s', async (_kind, make, reason) => {
    const edition = copyOfSmall();
    await make(where(edition), edition);
    expectRefused(await build(edition), named, reason);
    const checked = await check(edition.data);
    expect(checked.timedOut).toBe(false);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(named);
    expect(checked.stderr).toContain(reason);
  });

  it.skipIf(!devicesAllowed).each(devices)('is refused when it is %s', async (_kind, make, reason) => {
    const edition = copyOfSmall();
    await make(where(edition), edition);
    expectRefused(await build(edition), named, reason);
  });

  it('is read through a link that stays inside the edition, and the build succeeds', async () => {
    const edition = copyOfSmall();
    const file = where(edition);
    mkdirSync(path.join(edition.data, 'shared'), { recursive: true });
    renameSync(file, path.join(edition.data, 'shared', path.basename(file)));
    symlinkSync(path.join(edition.data, 'shared', path.basename(file)), file);
    const out = path.join(work, `linked-${++count}`);
    const run = await runCommand('build', ['--out', out, '--data', edition.data, '--content', edition.content], { unset: ['SITE_DIR'] });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out)).toContain('index.html');
  });
});

describe('a chapter (content/NN-*.md)', () => {
  const chapter = (e: { content: string }) => path.join(e.content, '02-problems.md');
  const named = /content\/02-problems\.md:1:1: /;

  it.each(hostile.filter(([kind]) => kind !== 'a link to a file of another edition'))('is refused when it is %s', async (_kind, make, reason) => {
    const edition = copyOfSmall();
    await make(chapter(edition), edition);
    expectRefused(await build(edition), named, reason);
  });

  it.skipIf(!devicesAllowed).each(devices)('is refused when it is %s', async (_kind, make, reason) => {
    const edition = copyOfSmall();
    await make(chapter(edition), edition);
    expectRefused(await build(edition), named, reason);
  });

  it('is refused when it is over 1 MiB, with the size', async () => {
    const edition = copyOfSmall();
    const text = `---\ntitle: 二、问题\n---\n${'问题描述。'.repeat(80_000)}\n`;
    writeFileSync(chapter(edition), text);
    expectRefused(await build(edition), named, `文件过大，拒绝读取 (expected at most 1048576 bytes, found ${Buffer.byteLength(text)})`);
  });

  it('is refused when a new chapter is a folder named like one', async () => {
    const edition = copyOfSmall();
    mkdirSync(path.join(edition.content, '09-extra.md'));
    expectRefused(await build(edition), /content\/09-extra\.md:1:1: /, '这是一个文件夹，不是文件');
  });
});

describe('the edition folders themselves', () => {
  it.each([
    ['a missing chapters folder (--content)', (e: { data: string; content: string }) => ({ ...e, content: path.join(path.dirname(e.content), 'no-content') }), /章节文件夹 \S*no-content 不存在/],
    ['a file as the chapters folder', (e: { data: string; content: string }) => {
      writeFileSync(path.join(path.dirname(e.content), 'content.txt'), 'x');
      return { ...e, content: path.join(path.dirname(e.content), 'content.txt') };
    }, /章节文件夹 \S*content\.txt 无法使用：这不是文件夹/],
    ['a missing data folder (--data)', (e: { data: string; content: string }) => ({ ...e, data: path.join(path.dirname(e.data), 'no-data') }), /数据文件夹 \S*no-data 不存在/],
    ['a FIFO as the data folder', (e: { data: string; content: string }) => {
      makeFifo(path.join(path.dirname(e.data), 'data-fifo'));
      return { ...e, data: path.join(path.dirname(e.data), 'data-fifo') };
    }, /数据文件夹 \S*data-fifo 无法使用：这不是文件夹/],
  ])('refuses %s before any work', async (_what, spoil, message) => {
    const run = await build(spoil(copyOfSmall()));
    expectRefused(run, message, '');
  });

  it('refuses a missing REPORT_CONTENT given in the environment', async () => {
    const edition = copyOfSmall();
    const run = await runCommand('build', ['--out', site], {
      env: { REPORT_DATA: edition.data, REPORT_CONTENT: path.join(work, 'nowhere') },
      unset: ['SITE_DIR'],
    });
    expectRefused(run, /章节文件夹 \S*nowhere 不存在/, 'REPORT_CONTENT');
  });

  it('makes npm start refuse a missing chapters folder before serving anything', async () => {
    const edition = copyOfSmall();
    const run = await runCommand('start', [], {
      env: { PORT: '0', REPORT_DATA: edition.data, REPORT_CONTENT: path.join(work, 'nowhere'), SITE_DIR: path.join(work, 'start-site') },
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/章节文件夹 \S*nowhere 不存在/);
    expect(run.stdout).not.toMatch(/预览地址/);
  });

  it('makes npm run check fail for a missing data folder, instead of reporting nothing', async () => {
    const run = await check(path.join(work, 'no-such-data'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no-such-data:1:1: 数据文件夹不存在 \(expected a folder, found nothing\)/);
    const empty = await runCommand('check', [], { env: { REPORT_DATA: '' } });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('环境变量 REPORT_DATA 为空');
  });

  it('builds an edition whose data folder is a link to the real one', async () => {
    const edition = copyOfSmall();
    const link = path.join(work, 'data-link');
    symlinkSync(edition.data, link);
    const out = path.join(work, 'via-link');
    const run = await runCommand('build', ['--out', out, '--data', link, '--content', edition.content], { unset: ['SITE_DIR'] });
    expect(run.code, run.stderr).toBe(0);
  });
});
