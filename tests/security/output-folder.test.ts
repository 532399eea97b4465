/**
 * `npm run build` replaces an output folder only when a pinggu build made
 * it. Every other output (a home folder, the project's sources, the
 * edition, a folder reached through a link into them, someone's folder,
 * a file, a FIFO) is refused before any work: exit 1, a Chinese message
 * naming the path, the target exactly as it was, nothing created beside it.
 * The commands run as npm runs them, from the project root or elsewhere.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputFolder, SITE_MARKER } from '../../scripts/lib/output-folder.ts';
import { builtSite, editionDirs, projectRoot } from '../helpers/built-site.ts';
import { runCommand, type CommandRun } from '../helpers/run-command.ts';
import { makeFifo } from '../helpers/special-files.ts';
import { snapshotTree } from '../helpers/tree-hash.ts';

let work = '';
let home = '';
let edition = { data: '', content: '' };
let site = '';

beforeAll(async () => {
  work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-sec-out-')));
  site = await builtSite('small');
  // A stand-in home folder: never the real one.
  home = path.join(work, 'home');
  mkdirSync(path.join(home, 'Documents'), { recursive: true });
  writeFileSync(path.join(home, '.bashrc'), 'export PATH\n');
  writeFileSync(path.join(home, 'Documents', 'thesis.docx'), 'years of work');
  const small = editionDirs('small');
  edition = { data: path.join(work, 'edition', 'data'), content: path.join(work, 'edition', 'content') };
  cpSync(small.data, edition.data, { recursive: true });
  cpSync(small.content, edition.content, { recursive: true });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds the edition copy into `out`, from `cwd`, with `HOME` pointing at the stand-in. */
function build(out: string | undefined, options: { env?: Record<string, string>; cwd?: string; data?: string } = {}): Promise<CommandRun> {
  const args = ['--data', options.data ?? edition.data, '--content', edition.content, ...(out === undefined ? [] : ['--out', out])];
  return runCommand('build', args, { env: { HOME: home, ...options.env }, unset: ['SITE_DIR'], cwd: options.cwd, timeoutMs: 120_000 });
}

/** Leftovers a build could have made beside `target`. */
function helpersBeside(target: string): string[] {
  const base = path.basename(target);
  try {
    return readdirSync(path.dirname(target)).filter((n) => n.startsWith(`${base}.tmp-`) || n.startsWith(`${base}.old-`));
  } catch {
    return [];
  }
}

/** Asserts a refusal: exit 1, Chinese, the path named, `target` unchanged, nothing made beside it. */
async function expectRefused(run: Promise<CommandRun>, target: string, before: Record<string, string>, named: string, why: string | RegExp): Promise<void> {
  const result = await run;
  expect(result.timedOut).toBe(false);
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stdout).not.toMatch(/构建完成/);
  expect(result.stderr).toContain(named);
  expect(result.stderr).toMatch(why);
  expect(result.stderr).toMatch(/[\u4e00-\u9fff]/);
  expect(snapshotTree(target)).toEqual(before);
  expect(helpersBeside(target)).toEqual([]);
}

describe('npm run build refuses an output folder it did not make', () => {
  it.each([
    ['the home folder (SITE_DIR=$HOME)', () => home, () => ({ env: { SITE_DIR: home } }), '是用户主目录'],
    ['a folder holding the home folder', () => work, () => ({}), '包含用户主目录'],
    ['src/ (--out src)', () => path.join(projectRoot, 'src'), () => ({ out: 'src' }), '是项目的源文件夹'],
    ['.git (--out .git)', () => path.join(projectRoot, '.git'), () => ({ out: '.git' }), '是项目的源文件夹'],
    ['the default edition’s data/experiences (SITE_DIR=data/experiences)', () => path.join(projectRoot, 'data', 'experiences'), () => ({ env: { SITE_DIR: 'data/experiences' }, data: path.join(projectRoot, 'data') }), '位于版本文件夹'],
    ['node_modules/.cache', () => path.join(projectRoot, 'node_modules', '.cache'), () => ({ out: 'node_modules/.cache' }), '位于项目源文件'],
    ['tests/fixtures (a folder holding editions)', () => path.join(projectRoot, 'tests', 'fixtures'), () => ({ out: 'tests/fixtures' }), '是项目的源文件夹|位于项目源文件'],
    ['the edition’s experiences folder', () => path.join(edition.data, 'experiences'), () => ({}), '位于版本文件夹'],
    ['the edition’s chapters folder, with a trailing slash', () => edition.content, () => ({ out: `${edition.content}/` }), '是版本文件夹'],
    ['the data folder reached through `..`', () => edition.data, () => ({ out: path.join(edition.data, 'experiences', '..') }), '是版本文件夹'],
    ['the folder holding the edition', () => path.dirname(edition.data), () => ({}), '包含版本文件夹'],
  ])('refuses %s', async (_what, target, how, why) => {
    const { out, env, data } = { out: undefined as string | undefined, env: undefined as Record<string, string> | undefined, data: undefined as string | undefined, ...how() };
    const before = snapshotTree(target());
    await expectRefused(build(env ? undefined : (out ?? target()), { env, data }), target(), before, target(), new RegExp(why));
  });

  it('refuses the home folder even with a site marker placed in it by hand', async () => {
    cpSync(path.join(site, SITE_MARKER), path.join(home, SITE_MARKER));
    cpSync(path.join(site, 'index.html'), path.join(home, 'index.html'));
    try {
      const before = snapshotTree(home);
      await expectRefused(build(home), home, before, home, /是用户主目录/);
    } finally {
      rmSync(path.join(home, SITE_MARKER));
      rmSync(path.join(home, 'index.html'));
    }
  });

  it('refuses an unrelated folder with a copied marker and a home page beside other files', async () => {
    const folder = path.join(work, 'photos');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'holiday.jpg'), 'jpeg');
    cpSync(path.join(site, SITE_MARKER), path.join(folder, SITE_MARKER));
    cpSync(path.join(site, 'index.html'), path.join(folder, 'index.html'));
    await expectRefused(build(folder), folder, snapshotTree(folder), folder, /pinggu 没有写入的内容：holiday\.jpg/);
  });

  it.each([
    ['an unrelated folder', (p: string) => { mkdirSync(p); writeFileSync(path.join(p, 'notes.md'), '# mine'); }, /不是 pinggu 生成的网站/],
    ['a folder holding only a dot file', (p: string) => { mkdirSync(p); writeFileSync(path.join(p, '.env'), 'TOKEN=1'); }, /不是 pinggu 生成的网站/],
    ['an existing file', (p: string) => writeFileSync(p, 'a file, not a folder'), /是一个文件，不是文件夹/],
    ['a FIFO (never opened, never waited on)', (p: string) => makeFifo(p), /是一个文件，不是文件夹/],
    ['a pinggu site with a file added beside it', (p: string) => { cpSync(site, p, { recursive: true }); writeFileSync(path.join(p, 'CNAME'), 'example.org'); }, /pinggu 没有写入的内容：CNAME/],
    ['a copy of a site without its marker', (p: string) => { cpSync(site, p, { recursive: true }); rmSync(path.join(p, SITE_MARKER)); }, /不是 pinggu 生成的网站/],
  ])('refuses %s', async (what, make, why) => {
    const target = path.join(work, 'targets', what.replace(/[^a-z]+/gi, '-'));
    mkdirSync(path.dirname(target), { recursive: true });
    make(target);
    await expectRefused(build(target), target, snapshotTree(target), target, why);
  });

  it('refuses a path through a link into the edition, naming where it leads', async () => {
    const link = path.join(work, 'to-data');
    symlinkSync(edition.data, link);
    const before = snapshotTree(edition.data);
    await expectRefused(build(path.join(link, 'site')), edition.data, before, `${path.join(link, 'site')}（经符号链接解析为 ${path.join(edition.data, 'site')}）`, /位于版本文件夹/);
  });

  it('refuses a path through a link into the project’s sources', async () => {
    const link = path.join(work, 'to-src');
    symlinkSync(path.join(projectRoot, 'src'), link);
    const before = snapshotTree(path.join(projectRoot, 'src'));
    await expectRefused(build(path.join(link, 'site')), path.join(projectRoot, 'src'), before, path.join(link, 'site'), /位于项目源文件/);
  });

  it('refuses an output that is itself a link, even to a pinggu site', async () => {
    const real = path.join(work, 'real-site');
    cpSync(site, real, { recursive: true });
    const link = path.join(work, 'site-link');
    symlinkSync(real, link);
    const before = snapshotTree(real);
    await expectRefused(build(link), link, { '.': `link ${real}` }, link, /是符号链接/);
    expect(snapshotTree(real)).toEqual(before);
  });

  it('refuses a path through a link loop', async () => {
    symlinkSync(path.join(work, 'loop-b'), path.join(work, 'loop-a'));
    symlinkSync(path.join(work, 'loop-a'), path.join(work, 'loop-b'));
    const result = await build(path.join(work, 'loop-a', 'site'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/符号链接循环/);
    expect(result.stderr).toContain(path.join(work, 'loop-a', 'site'));
  });

  it('refuses SITE_DIR=. run from someone’s folder, resolving it from where the command ran', async () => {
    const folder = path.join(work, 'elsewhere');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'keep.txt'), 'keep');
    await expectRefused(build(undefined, { env: { SITE_DIR: '.' }, cwd: folder }), folder, snapshotTree(folder), folder, /不是 pinggu 生成的网站/);
  });

  it('refuses a relative --out from another working directory, naming the resolved path', async () => {
    const folder = path.join(work, 'cwd-test');
    mkdirSync(path.join(folder, 'docs'), { recursive: true });
    writeFileSync(path.join(folder, 'docs', 'a.md'), 'a');
    const target = path.join(folder, 'docs');
    await expectRefused(build('docs', { cwd: folder }), target, snapshotTree(target), target, /不是 pinggu 生成的网站/);
  });

  it('refuses an empty SITE_DIR instead of building into the working directory', async () => {
    const before = snapshotTree(projectRoot + '/src');
    const result = await build(undefined, { env: { SITE_DIR: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/环境变量 SITE_DIR 为空/);
    expect(snapshotTree(projectRoot + '/src')).toEqual(before);
  });

  it('never targets the project itself or its parent (checked without building)', () => {
    // No home folder here: a checkout under /tmp has the test's own home beside it, which would be refused first.
    const guard = { projectRoot, editionDirs: [path.join(projectRoot, 'data'), path.join(projectRoot, 'content')], homeDirs: [] };
    expect(() => checkOutputFolder('.', guard)).toThrow('是项目文件夹本身');
    expect(() => checkOutputFolder(path.dirname(projectRoot), guard)).toThrow(`包含项目文件夹 ${realpathSync(projectRoot)}`);
    expect(() => checkOutputFolder(`${projectRoot}/src/..`, guard)).toThrow('是项目文件夹本身');
  });
});

describe('npm start refuses the same output folders', () => {
  it.each([
    ['the home folder', () => home, '是用户主目录'],
    ['src/', () => path.join(projectRoot, 'src'), '是项目的源文件夹'],
    ['an unrelated folder', () => {
      const folder = path.join(work, 'start-unrelated');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'keep.txt'), 'keep');
      return folder;
    }, '不是 pinggu 生成的网站'],
  ])('refuses %s before serving anything', async (_what, target, why) => {
    const dir = target();
    const before = snapshotTree(dir);
    const run = runCommand('start', [], {
      env: { HOME: home, PORT: '0', SITE_DIR: dir, REPORT_DATA: edition.data, REPORT_CONTENT: edition.content },
      timeoutMs: 60_000,
    });
    await expectRefused(run, dir, before, dir, new RegExp(why));
    expect((await run).stdout).not.toMatch(/预览地址/);
  });
});

describe('npm run build replaces what it made', () => {
  it('builds into an empty folder, then replaces its own site, leaving no helper folder', async () => {
    const out = path.join(work, 'mine', 'site');
    mkdirSync(out, { recursive: true });
    const first = await build(out);
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(out)).toContain(SITE_MARKER);
    const second = await build(out);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(path.dirname(out))).toEqual(['site']);
  });

  it('builds into a relative --out from another working directory', async () => {
    const folder = path.join(work, 'relative-ok');
    mkdirSync(folder);
    const result = await build('out/site', { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(path.join(folder, 'out', 'site'))).toContain('index.html');
  });

  it('keeps folders that only look like its staging folders, and says so', async () => {
    const out = path.join(work, 'decoys', 'site');
    mkdirSync(path.dirname(out), { recursive: true });
    cpSync(site, out, { recursive: true });
    const decoys = ['site.tmp-0123abcd', 'site.old-89abcdef'].map((n) => path.join(path.dirname(out), n));
    for (const decoy of decoys) {
      mkdirSync(decoy);
      writeFileSync(path.join(decoy, 'mine.txt'), 'mine');
    }
    const before = decoys.map((d) => snapshotTree(d));
    const result = await build(out);
    expect(result.code, result.stderr).toBe(0);
    expect(decoys.map((d) => snapshotTree(d))).toEqual(before);
    expect(result.stderr).toContain(`${decoys[0]} 看似构建临时文件夹，但无法证明由已结束的 pinggu 构建创建，未删除`);
  });
});
