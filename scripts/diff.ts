/**
 * `npm run diff -- <git-ref>`: compares the rankings computed from the data
 * of a commit with those of the working tree, and prints what moved (name,
 * score before → after, rank before → after) or `排名无变化。`. Exits 0 in
 * both cases; 1 for a bad ref, a folder missing at that ref, or invalid data.
 *
 * The data folder is `REPORT_DATA` (default `data`), relative to the working
 * directory, and must lie inside the git repository of the working
 * directory. Project modules are found relative to this file, so the
 * script can run with any repository as its working directory.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDiff } from '../src/diff/format-diff.ts';
import { rankingDiff } from '../src/model/ranking-diff.ts';
import { loadReport } from '../src/model/load-report.ts';
import type { Report } from '../src/model/types.ts';

/** An error the editor can act on, printed without a stack trace. */
class DiffError extends Error {}

/** Runs git in `cwd` and returns its stdout as bytes; a git failure becomes a DiffError. */
function git(cwd: string, args: string[], what: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
    throw new DiffError(`${what}${stderr ? `\n${stderr}` : ''}`);
  }
}

/**
 * Writes the files of `folder` (relative to the repository root) as they
 * are at `commit` into `target`, byte for byte, and returns how many.
 */
function exportFolder(root: string, commit: string, folder: string, target: string): number {
  const listing = git(root, ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder], `无法列出 ${commit} 中的 ${folder}`);
  const files = listing.toString('utf8').split('\0').filter(Boolean);
  for (const file of files) {
    const relative = path.relative(folder, file);
    const dest = path.join(target, relative);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, git(root, ['cat-file', 'blob', `${commit}:${file}`], `无法读取 ${commit}:${file}`));
  }
  return files.length;
}

/**
 * Loads a report, turning an edition error into a message naming the side.
 * Printed figures that no longer reconcile are recorded, not fatal: an
 * editor comparing rankings is often midway through an edit.
 */
async function load(dataDir: string, side: string, shownAs?: string): Promise<Report> {
  try {
    return await loadReport({ dataDir, reconcile: 'record' });
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    // Name files of the exported commit as `<ref>:<folder>/…`, not by the temporary folder.
    if (shownAs) message = message.split(dataDir).join(shownAs).split(path.relative(process.cwd(), dataDir)).join(shownAs);
    throw new DiffError(`${side}的数据无效 (invalid data):\n${message}`);
  }
}

/**
 * Compares the rankings of `ref`'s data with the working tree's and
 * returns the text to print.
 *
 * @example
 * await diffAgainst('HEAD~1', { cwd: '/path/to/repo' })
 * // → '区县（1项变化）：\n名称    得分 前→后 …' or '排名无变化。\n'
 */
export async function diffAgainst(ref: string, { cwd, dataDir }: { cwd: string; dataDir?: string }): Promise<string> {
  if (!ref || ref.startsWith('-')) throw new DiffError('用法: npm run diff -- <git-ref>（例如 HEAD~1、main、一个提交号）');
  const root = git(cwd, ['rev-parse', '--show-toplevel'], `${cwd} 不在 git 仓库中 (not a git repository)`).toString().trim();
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], `找不到提交 ${ref} (unknown git ref)`)
    .toString()
    .trim();
  const workingData = path.resolve(cwd, dataDir || process.env.REPORT_DATA || 'data');
  const folder = path.relative(root, workingData).split(path.sep).join('/');
  if (folder.startsWith('..') || path.isAbsolute(folder)) {
    throw new DiffError(`数据目录 ${workingData} 不在仓库 ${root} 中 (data folder outside the repository)`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pinggu-diff-'));
  try {
    const count = exportFolder(root, commit, folder || '.', tmp);
    if (count === 0) throw new DiffError(`提交 ${ref} 中没有 ${folder || '.'} 目录 (no data folder at that commit)`);
    const before = await load(tmp, `提交 ${ref} `, `${ref}:${folder || '.'}`);
    const after = await load(workingData, '工作区');
    const header = `比较 ${ref}（${commit.slice(0, 7)}）与工作区的 ${folder || '.'}：`;
    const stale = after.reconciliation.filter((r) => !r.ok);
    const notice = stale.length
      ? `\n注意：工作区有 ${stale.length} 处公布数字与计算结果不一致（${stale.map((r) => `${r.key} 公布 ${r.printed}，计算 ${r.computed}`).join('；')}），构建会失败，请更新 report.yaml 的 reported。\n`
      : '';
    return `${header}\n\n${formatDiff(rankingDiff(before, after))}${notice}`;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  try {
    process.stdout.write(await diffAgainst(process.argv[2] ?? '', { cwd: process.cwd() }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${error instanceof DiffError ? '' : '比较失败 (diff failed): '}${message}\n`);
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
