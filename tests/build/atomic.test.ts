/**
 * A failed build never touches the published site: whatever breaks — YAML
 * syntax, a value the schema rejects, a template error in a chapter, an
 * oversized file, an alias bomb — `npm run build` exits non-zero, names the
 * file and line, and leaves the previous site byte-identical with no
 * staging folder left behind. Bounded input fails fast instead of hanging.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, editionDirs, runBuildCli } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

let work = '';
let site = '';
let before: Record<string, string> = {};

/** A fresh copy of the small edition that one case may break. */
async function copyOfSmall(name: string): Promise<{ data: string; content: string }> {
  const small = editionDirs('small');
  const data = path.join(work, name, 'data');
  const content = path.join(work, name, 'content');
  await cp(small.data, data, { recursive: true });
  await cp(small.content, content, { recursive: true });
  return { data, content };
}

async function firstFile(dir: string, pattern: RegExp): Promise<string> {
  const name = (await readdir(dir)).sort().find((f) => pattern.test(f));
  if (!name) throw new Error(`no file matching ${pattern} in ${dir}`);
  return path.join(dir, name);
}

async function buildInto(edition: { data: string; content: string }) {
  return runBuildCli(['--out', site, '--data', edition.data, '--content', edition.content], {}, 60_000);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-atomic-'));
  site = path.join(work, 'published', '_site');
  // The "previous" site: a finished build of the small edition.
  await cp(await builtSite('small'), site, { recursive: true });
  before = await hashTree(site);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function expectUntouched(): Promise<void> {
  expect(treeDifferences(before, await hashTree(site))).toEqual([]);
  expect(await readdir(path.dirname(site))).toEqual(['_site']);
}

describe('a failed build', () => {
  it('rejects a YAML syntax error, naming file:line, and leaves the site byte-identical', async () => {
    const edition = await copyOfSmall('yaml-syntax');
    await appendFile(path.join(edition.data, 'units.yaml'), '\n- {id: broken, name: [未闭合\n');
    const run = await buildInto(edition);
    expect(run.code, run.stdout).not.toBe(0);
    expect(run.stderr).toMatch(/units\.yaml:\d+:\d+/);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    await expectUntouched();
  });

  it('rejects a score the schema forbids, naming the experience file and field', async () => {
    const edition = await copyOfSmall('schema');
    const file = await firstFile(path.join(edition.data, 'experiences'), /\.yaml$/);
    const text = await readFile(file, 'utf8');
    const broken = text.replace(/(scores:[\s\S]*?:\s*\{?\s*\w+:\s*)\d+(\.\d+)?/, '$1105');
    expect(broken).not.toBe(text);
    await writeFile(file, broken);
    const run = await buildInto(edition);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${path.basename(file)}:`);
    expect(run.stderr).toMatch(/scores\./);
    await expectUntouched();
  });

  it('rejects a template syntax error in a chapter, naming the chapter and line, and leaves the site byte-identical', async () => {
    const edition = await copyOfSmall('chapter-syntax');
    await writeFile(path.join(edition.content, '98-broken.md'), '---\ntitle: 坏章节\n---\n正文\n\n{% if %}\n');
    const run = await buildInto(edition);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/98-broken\.md:6:\d+ template: [\u4e00-\u9fff]/);
    await expectUntouched();
  });

  it('rejects a chapter that quotes a figure the report does not have', async () => {
    const edition = await copyOfSmall('chapter-missing');
    await writeFile(path.join(edition.content, '98-missing.md'), '---\ntitle: 缺数章节\n---\n得分为{{ report.experienceById["no-such-experience"].spread.text }}。\n');
    const run = await buildInto(edition);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/98-missing\.md:4:\d+ template: 报告中没有这个值/);
    await expectUntouched();
  });
});

describe('bounded input', () => {
  it('rejects an oversized data file quickly with a clear error', async () => {
    const edition = await copyOfSmall('oversized');
    const file = path.join(edition.data, 'units.yaml');
    await appendFile(file, `\n# ${'填充'.repeat(8)}\n`.repeat(Math.ceil((2 * 1024 * 1024) / 24)));
    const run = await buildInto(edition);
    expect(run.code).not.toBe(0);
    expect(run.timedOut).toBe(false);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.stderr).toMatch(/units\.yaml/);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    await expectUntouched();
  });

  it('rejects a YAML alias bomb quickly instead of expanding it', async () => {
    const edition = await copyOfSmall('alias-bomb');
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const bomb = levels
      .map((level, i) => (i === 0 ? `${level}: &${level} ["哈","哈","哈","哈","哈","哈","哈","哈","哈","哈"]` : `${level}: &${level} [${Array(10).fill(`*${levels[i - 1]}`).join(',')}]`))
      .join('\n');
    await writeFile(path.join(edition.data, 'survey.yaml'), `${bomb}\n`);
    const run = await buildInto(edition);
    expect(run.code).not.toBe(0);
    expect(run.timedOut).toBe(false);
    expect(run.ms).toBeLessThan(20_000);
    expect(run.stderr).toMatch(/survey\.yaml/);
    await expectUntouched();
  });
});

describe('a successful build after failures', () => {
  it('replaces the site in one step and leaves no staging or old folder behind', async () => {
    const edition = await copyOfSmall('rebuild');
    const chapter = await firstFile(edition.content, /\.md$/);
    await appendFile(chapter, '\n本段为重建测试新增。\n');
    const run = await buildInto(edition);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/构建完成/);
    expect(treeDifferences(before, await hashTree(site))).not.toEqual([]);
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('本段为重建测试新增');
    expect(await readdir(path.dirname(site))).toEqual(['_site']);
  });
});
