import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutputFolder,
  isOldPingguSite,
  outputState,
  readSiteMarker,
  SITE_MARKER,
  siteMarkerText,
  writeSiteMarker,
  type OutputGuard,
} from '../../scripts/lib/output-folder.ts';
import { makeFifo } from '../helpers/special-files.ts';

/**
 * A fake machine in a temporary folder: a home folder, a project with its
 * sources and default edition, an edition elsewhere, and links into them.
 */
const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pinggu-outdir-')));
const home = path.join(tmp, 'home', 'editor');
const root = path.join(home, 'code', 'pinggu');
const external = path.join(tmp, 'editions', 'y2020');
const guard: OutputGuard = {
  projectRoot: root,
  editionDirs: [path.join(root, 'data'), path.join(root, 'content')],
  homeDirs: [home],
};
const externalGuard: OutputGuard = { ...guard, editionDirs: [path.join(external, 'data'), path.join(external, 'content')] };

/** A folder holding what a pinggu build publishes, marker included. */
function makeSite(dir: string, { marker = true } = {}): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta name="pinggu:title" content="报告">\n');
  writeFileSync(path.join(dir, 'data', 'report.json'), '{}');
  writeFileSync(path.join(dir, 'assets', 'manifest.json'), '{}');
  if (marker) writeSiteMarker(dir);
}

beforeAll(() => {
  for (const dir of ['src/site', '.git/objects', 'node_modules/.cache', 'data/experiences', 'content', 'templates', 'tests/fixtures/small/data', 'build']) {
    mkdirSync(path.join(root, dir), { recursive: true });
  }
  writeFileSync(path.join(root, 'package.json'), '{}');
  writeFileSync(path.join(home, '.bashrc'), 'export PATH\n');
  mkdirSync(path.join(external, 'data'), { recursive: true });
  mkdirSync(path.join(external, 'content'), { recursive: true });
  symlinkSync(path.join(root, 'data'), path.join(tmp, 'to-data'));
  symlinkSync(root, path.join(tmp, 'to-project'));
  symlinkSync(path.join(tmp, 'loop-b'), path.join(tmp, 'loop-a'));
  symlinkSync(path.join(tmp, 'loop-a'), path.join(tmp, 'loop-b'));
  symlinkSync(path.join(tmp, 'nowhere'), path.join(tmp, 'dangling'));
  mkdirSync(path.join(tmp, 'sites', 'real'), { recursive: true });
  symlinkSync(path.join(tmp, 'sites', 'real'), path.join(tmp, 'sites', 'link'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('checkOutputFolder(outDir, guard): where the output may be', () => {
  it.each([
    ['the filesystem root', () => '/', '是文件系统根目录'],
    ['the home folder', () => home, '是用户主目录'],
    ['the home folder with a trailing slash', () => `${home}/`, '是用户主目录'],
    ['a folder holding the home folder', () => path.dirname(home), '包含用户主目录'],
    ['the project folder', () => root, '是项目文件夹本身'],
    ['the project folder reached by `..`', () => path.join(root, 'src', '..'), '是项目文件夹本身'],
    ['the project through a link', () => path.join(tmp, 'to-project'), '是符号链接'],
    ['the project through a linked parent', () => path.join(tmp, 'to-project', '.'), '是符号链接'],
    ['src/', () => path.join(root, 'src'), '是项目的源文件夹'],
    ['a folder inside src/', () => path.join(root, 'src', 'site', 'out'), `位于项目源文件 ${path.join(root, 'src')} 之内`],
    ['.git', () => path.join(root, '.git'), '是项目的源文件夹'],
    ['a new folder inside .git', () => path.join(root, '.git', 'site'), '位于项目源文件'],
    ['node_modules/.cache/site', () => path.join(root, 'node_modules', '.cache', 'site'), '位于项目源文件'],
    ['templates/', () => path.join(root, 'templates'), '是项目的源文件夹'],
    ['a fixture edition', () => path.join(root, 'tests', 'fixtures', 'small'), '位于项目源文件'],
    ['a folder inside a project file', () => path.join(root, 'package.json', 'site'), '位于项目源文件'],
    ['the data folder', () => path.join(root, 'data'), '是版本文件夹'],
    ['data/experiences', () => path.join(root, 'data', 'experiences'), '位于版本文件夹'],
    ['a new folder inside content/', () => path.join(root, 'content', 'site'), '位于版本文件夹'],
    ['a folder inside data/ reached through a link', () => path.join(tmp, 'to-data', 'site'), '（经符号链接解析为'],
    ['a path through a link loop', () => path.join(tmp, 'loop-a', 'site'), '符号链接循环'],
    ['a path through a dangling link', () => path.join(tmp, 'dangling', 'site'), '指向不存在位置的符号链接'],
    ['an output that is itself a link', () => path.join(tmp, 'sites', 'link'), '是符号链接（指向'],
    ['the parent of the project', () => path.dirname(root), '包含项目文件夹'],
  ])('refuses %s', (_what, out, why) => {
    expect(() => checkOutputFolder(out(), guard)).toThrow('输出目录不安全 (unsafe output folder)');
    expect(() => checkOutputFolder(out(), guard)).toThrow(why);
  });

  it.each([
    ['an edition folder elsewhere', path.join(external, 'data'), '是版本文件夹'],
    ['a folder inside it', path.join(external, 'content', 'site'), '位于版本文件夹'],
    ['the folder holding it', external, '包含版本文件夹'],
  ])('refuses %s, for a build of that edition', (_what, out, why) => {
    expect(() => checkOutputFolder(out, externalGuard)).toThrow(why);
  });

  it('names the resolved path when a link leads into the edition', () => {
    expect(() => checkOutputFolder(path.join(tmp, 'to-data', 'new'), guard)).toThrow(
      `${path.join(tmp, 'to-data', 'new')}（经符号链接解析为 ${path.join(root, 'data', 'new')}） 位于版本文件夹 ${path.join(root, 'data')} 之内`,
    );
  });

  it.each([
    ['the default _site, not built yet', path.join(root, '_site'), path.join(root, '_site')],
    ['a new folder beside the sources', path.join(root, 'public'), path.join(root, 'public')],
    ['a new folder inside an unrelated project folder', path.join(root, 'build', 'site'), path.join(root, 'build', 'site')],
    ['a new folder elsewhere, with a trailing slash', `${tmp}/out/site/`, path.join(tmp, 'out', 'site')],
    ['a path with `..` segments', path.join(tmp, 'out', '..', 'out2', 'site'), path.join(tmp, 'out2', 'site')],
    ['a path inside a linked real folder', path.join(tmp, 'sites', 'link', 'site'), path.join(tmp, 'sites', 'real', 'site')],
  ])('accepts %s, resolved', (_what, out, resolved) => {
    expect(checkOutputFolder(out, guard)).toEqual({ path: resolved, state: 'absent', acceptsOldSite: resolved === path.join(root, '_site') });
  });

  it('resolves a relative path from the working directory', () => {
    const target = path.join(tmp, 'relative-site');
    expect(checkOutputFolder(path.relative(process.cwd(), target), guard).path).toBe(target);
  });

  it('uses the home folder of the environment by default', () => {
    expect(() => checkOutputFolder(os.homedir(), { projectRoot: root, editionDirs: [] })).toThrow('是用户主目录');
  });
});

describe('checkOutputFolder(outDir, guard): what may be replaced', () => {
  it('accepts an empty folder and a marked pinggu site', () => {
    mkdirSync(path.join(tmp, 'empty'));
    expect(checkOutputFolder(path.join(tmp, 'empty'), guard).state).toBe('empty');
    makeSite(path.join(tmp, 'built'));
    expect(checkOutputFolder(path.join(tmp, 'built'), guard).state).toBe('site');
  });

  it('accepts a site carrying a staging marker left by a publish cut short', () => {
    const dir = path.join(tmp, 'built-with-staging-marker');
    makeSite(dir);
    writeFileSync(path.join(dir, '.pinggu-staging'), 'pinggu-staging 1\n');
    expect(checkOutputFolder(dir, guard).state).toBe('site');
  });

  const refused: Array<[string, (dir: string) => void, string]> = [
    ['an existing file', (dir) => writeFileSync(dir, 'keep me'), '是一个文件，不是文件夹'],
    ['a FIFO', (dir) => makeFifo(dir), '是一个文件，不是文件夹'],
    ['a folder of someone’s files', (dir) => { mkdirSync(dir); writeFileSync(path.join(dir, 'thesis.docx'), 'x'); }, '不是 pinggu 生成的网站'],
    ['a folder with only a hidden file', (dir) => { mkdirSync(dir); writeFileSync(path.join(dir, '.env'), 'SECRET=1'); }, '不是 pinggu 生成的网站'],
    ['a site with an extra file beside it', (dir) => { makeSite(dir); writeFileSync(path.join(dir, 'notes.txt'), 'mine'); }, '中有 pinggu 没有写入的内容：notes.txt'],
    ['a marker copied into a home-like folder', (dir) => {
      makeSite(path.join(tmp, 'donor'), {});
      mkdirSync(dir);
      writeFileSync(path.join(dir, '.bashrc'), 'x');
      mkdirSync(path.join(dir, 'Documents'));
      writeFileSync(path.join(dir, 'index.html'), '<p>mine</p>');
      cpSync(path.join(tmp, 'donor', SITE_MARKER), path.join(dir, SITE_MARKER));
    }, '中有 pinggu 没有写入的内容：.bashrc、Documents'],
    ['a marker with no site beside it', (dir) => { mkdirSync(dir); writeFileSync(path.join(dir, SITE_MARKER), siteMarkerText(['index.html'])); }, '不是 pinggu 生成的网站'],
    ['a marker with a wrong format line', (dir) => { makeSite(dir); writeFileSync(path.join(dir, SITE_MARKER), 'pinggu-site 2\nentries: ["index.html","assets","data"]\n'); }, '不是 pinggu 生成的网站'],
    ['a marker that is a folder', (dir) => { makeSite(dir, { marker: false }); mkdirSync(path.join(dir, SITE_MARKER)); }, '不是 pinggu 生成的网站'],
    ['a marker that is a link to a real one', (dir) => {
      makeSite(path.join(tmp, 'donor2'));
      makeSite(dir, { marker: false });
      symlinkSync(path.join(tmp, 'donor2', SITE_MARKER), path.join(dir, SITE_MARKER));
    }, '不是 pinggu 生成的网站'],
    ['a marker listing a path instead of a name', (dir) => { makeSite(dir); writeFileSync(path.join(dir, SITE_MARKER), 'pinggu-site 1\nentries: ["../..","index.html","assets","data"]\n'); }, '不是 pinggu 生成的网站'],
    ['an old-style site outside the old default', (dir) => makeSite(dir, { marker: false }), '不是 pinggu 生成的网站'],
  ];
  it.each(refused)('refuses %s', (_what, make, why) => {
    const dir = path.join(tmp, 'state', _what.replace(/[^a-z]+/g, '-'));
    mkdirSync(path.dirname(dir), { recursive: true });
    make(dir);
    expect(() => checkOutputFolder(dir, guard)).toThrow(why);
    expect(() => checkOutputFolder(dir, guard)).toThrow(dir);
  });
});

describe('a site built before sites carried markers, at the old default _site', () => {
  const old = path.join(root, '_site');

  it('is recognised by its signature at <project>/_site', () => {
    rmSync(old, { recursive: true, force: true });
    makeSite(old, { marker: false });
    for (const name of ['departments', 'units', 'pagefind']) mkdirSync(path.join(old, name));
    expect(isOldPingguSite(old)).toBe(true);
    expect(checkOutputFolder(old, guard)).toEqual({ path: old, state: 'old-site', acceptsOldSite: true });
  });

  it.each([
    ['an entry no pinggu build wrote', (dir: string) => writeFileSync(path.join(dir, 'notes.txt'), 'mine')],
    ['a home page that is not pinggu’s', (dir: string) => writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><title>mine</title>')],
    ['no data/report.json', (dir: string) => rmSync(path.join(dir, 'data', 'report.json'))],
    ['a linked folder among its entries', (dir: string) => symlinkSync(home, path.join(dir, 'units'))],
  ])('is refused when it has %s', (_what, spoil) => {
    rmSync(old, { recursive: true, force: true });
    makeSite(old, { marker: false });
    spoil(old);
    expect(isOldPingguSite(old)).toBe(false);
    expect(() => checkOutputFolder(old, guard)).toThrow('不是 pinggu 生成的网站');
  });
});

describe('outputState(dir, options)', () => {
  it('says absent for nothing at the path', () => {
    expect(outputState(path.join(tmp, 'not-there'), { acceptsOldSite: false })).toBe('absent');
  });
});

describe('siteMarkerText(entries) and readSiteMarker(dir)', () => {
  it('starts with the format line and lists the names sorted, without repeats', () => {
    expect(siteMarkerText(['index.html', 'assets', 'assets']).split('\n')).toEqual([
      'pinggu-site 1',
      expect.stringMatching(/^# 此文件由 pinggu（评估）构建写入/),
      expect.stringMatching(/^# Written by a pinggu build/),
      'entries: ["assets","index.html"]',
      '',
    ]);
  });

  it('reads back exactly the names written (property)', () => {
    const dir = path.join(tmp, 'marker-roundtrip');
    mkdirSync(dir, { recursive: true });
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !n.includes('/'));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), (names) => {
        writeFileSync(path.join(dir, SITE_MARKER), siteMarkerText(names));
        expect(readSiteMarker(dir)).toEqual(new Set(names));
      }),
      { numRuns: 100 },
    );
  });
});
