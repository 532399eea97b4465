/**
 * Which folder a build may replace. The build publishes by renaming a new
 * site over the output folder and deleting the old one, so the output
 * folder must be one the build itself made, and must lie where no
 * mistake can reach the project, the edition or a home folder.
 *
 * Two checks, both on the path with every symbolic link resolved:
 *
 * - **Where.** Never the filesystem root, a home folder, the project
 *   folder or anything holding it, a folder inside the project's sources
 *   (`src/`, `.git/`, `node_modules/`, …), or a folder inside or holding
 *   the edition's data or chapters. The output path itself may not be a
 *   symbolic link (renaming would replace the link, not the site).
 * - **What.** An existing output is replaced only when it is an empty
 *   folder, or a site a pinggu build published: a regular file
 *   `.pinggu-site` (see {@link siteMarkerText}) beside an `index.html`,
 *   and nothing at the top level that the marker does not list. A site
 *   published before pinggu wrote markers is recognised only at the old
 *   default, `<project>/_site`, by a strict signature ({@link isOldPingguSite}).
 *   Anything else (a file, a folder of someone's files, a copied marker)
 *   is refused, untouched.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isInside } from '../../src/data/read-edition-file.ts';

/**
 * The marker file a pinggu build writes at the top of every site it publishes.
 *
 * @example
 * path.join('_site', SITE_MARKER) // '_site/.pinggu-site'
 */
export const SITE_MARKER = '.pinggu-site';

/**
 * The marker file written into a staging or aside folder when it is created
 * (`scripts/lib/staging-dir.ts`); a site published from a staging folder may
 * still hold it for an instant, so the site check accepts it.
 *
 * @example
 * path.join('_site.tmp-3f9a1c2b', STAGING_MARKER) // '_site.tmp-3f9a1c2b/.pinggu-staging'
 */
export const STAGING_MARKER = '.pinggu-staging';

/** The first line of a site marker: the format and its version. */
const SITE_FORMAT = 'pinggu-site 1';

/** Largest marker file read, in bytes: a real one lists a dozen names. */
const MARKER_MAX_BYTES = 64 * 1024;

/**
 * Top-level names of the project that are its sources: an output folder
 * may not lie inside any of them. Any name starting with `.` (`.git`,
 * `.ci`, `.eleventy.js`) and any top-level file count too.
 */
const PROJECT_SOURCES = new Set(['assets', 'bench', 'content', 'data', 'docs', 'node_modules', 'schema', 'scripts', 'src', 'templates', 'tests']);

/** The top-level names of a site built before sites carried markers. */
const OLD_SITE_ENTRIES = new Set(['assets', 'data', 'departments', 'downloads', 'experiences', 'favicon.svg', 'index.html', 'method', 'pagefind', 'units']);

/** What is at the output path when the build starts. */
export type OutputState = 'absent' | 'empty' | 'site' | 'old-site';

/** An output folder the build may write: where it is, and what is there now. */
export interface OutputFolder {
  /** Absolute path with every existing component's links resolved; all writes use it. */
  path: string;
  state: OutputState;
  /** Whether a site without a marker may be recognised by its signature (only at the old default). */
  acceptsOldSite: boolean;
}

/** The folders an output folder must keep clear of. */
export interface OutputGuard {
  /** The project folder (holding `templates/` and `.eleventy.js`). */
  projectRoot: string;
  /** The edition's data and chapters folders. */
  editionDirs: string[];
  /** Home folders (default `os.homedir()` and `HOME`). */
  homeDirs?: string[];
}

/**
 * The error for an output folder the build will not write: its message is
 * Chinese first and names the path.
 *
 * @example
 * new OutputFolderError('输出目录不安全 (unsafe output folder): /home/ed 是用户主目录').name // 'OutputFolderError'
 */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/**
 * Checks that `outDir` may be written and replaced by a build, and returns
 * its resolved path and what is there. Throws an {@link OutputFolderError}
 * (and touches nothing) when the folder lies where a mistake would reach
 * the project, the edition or a home folder, or when something is there
 * that pinggu did not make. Relative paths resolve from the working
 * directory; a trailing slash or `..` segment changes nothing.
 *
 * @example
 * checkOutputFolder('/repo/_site', { projectRoot: '/repo', editionDirs: ['/repo/data', '/repo/content'] });
 * // { path: '/repo/_site', state: 'site', acceptsOldSite: true }
 * checkOutputFolder('/repo/src', { projectRoot: '/repo', editionDirs: [] });
 * // throws '输出目录不安全 (unsafe output folder): /repo/src 位于项目源文件 /repo/src 之内'
 */
export function checkOutputFolder(outDir: string, guard: OutputGuard): OutputFolder {
  const target = resolveOutputPath(outDir);
  checkLocation(target, guard);
  const acceptsOldSite = target.real === path.join(realPath(guard.projectRoot), '_site');
  return { path: target.real, state: outputState(target.real, { acceptsOldSite }), acceptsOldSite };
}

/** The output path, lexically resolved, and the same path with every existing component's links resolved. */
interface ResolvedPath {
  given: string;
  real: string;
}

/**
 * Resolves every link in the existing part of `outDir`; refuses the
 * output path itself being a link, a dangling link or a link loop on the way.
 */
function resolveOutputPath(outDir: string): ResolvedPath {
  const given = path.resolve(outDir);
  let existing = given;
  const rest: string[] = [];
  for (;;) {
    const info = lstatOrUndefined(existing);
    if (info) {
      if (existing === given && info.isSymbolicLink()) {
        const to = realPathOrUndefined(given);
        throw new OutputFolderError(
          `输出目录不安全 (unsafe output folder): ${given} 是符号链接${to ? `（指向 ${to}）` : ''}，构建不会替换它。请直接给出真实的文件夹路径。`,
        );
      }
      break;
    }
    if (existing === path.dirname(existing)) break;
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  let real: string;
  try {
    real = realpathSync.native(existing);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ELOOP' ? '路径中有符号链接循环' : code === 'ENOENT' ? '路径中有指向不存在位置的符号链接' : `路径无法解析（${code}）`;
    throw new OutputFolderError(`输出目录不安全 (unsafe output folder): ${given} ${why}`);
  }
  return { given, real: path.join(real, ...rest) };
}

/** Refuses an output location that could reach the project, the edition or a home folder. */
function checkLocation(target: ResolvedPath, guard: OutputGuard): void {
  const out = target.real;
  const named = out === target.given ? out : `${target.given}（经符号链接解析为 ${out}）`;
  const refuse = (why: string) => new OutputFolderError(`输出目录不安全 (unsafe output folder): ${named} ${why}`);
  if (out === path.parse(out).root) throw refuse('是文件系统根目录');

  const homes = (guard.homeDirs ?? [os.homedir(), process.env.HOME ?? '']).filter((h) => h !== '').map(realPath);
  for (const home of homes) {
    if (out === home) throw refuse('是用户主目录');
    if (isInside(home, out)) throw refuse(`包含用户主目录 ${home}`);
  }

  const root = realPath(guard.projectRoot);
  if (out === root) throw refuse('是项目文件夹本身');
  if (isInside(root, out)) throw refuse(`包含项目文件夹 ${root}`);

  for (const dir of guard.editionDirs.map(realPath)) {
    if (isInside(out, dir)) throw refuse(out === dir ? `是版本文件夹 ${dir}` : `位于版本文件夹 ${dir} 之内`);
    if (isInside(dir, out)) throw refuse(`包含版本文件夹 ${dir}`);
  }

  if (isInside(out, root)) {
    const top = path.join(root, path.relative(root, out).split(path.sep)[0]!);
    const topInfo = lstatOrUndefined(top);
    const isFile = topInfo !== undefined && !topInfo.isDirectory();
    if (path.basename(top).startsWith('.') || PROJECT_SOURCES.has(path.basename(top)) || (isFile && out !== top)) {
      throw refuse(out === top ? '是项目的源文件夹' : `位于项目源文件 ${top} 之内`);
    }
  }
}

/**
 * What is at `dir` now, if a build may replace it: absent, an empty folder,
 * a marked pinggu site, or (when `acceptsOldSite`) a site built before
 * markers. Throws an {@link OutputFolderError} naming `dir` for anything
 * else. Used when the build starts and again on the folder moved aside
 * just before it is deleted.
 *
 * @example
 * outputState('/tmp/new-site', { acceptsOldSite: false }) // 'absent'
 * outputState(os.homedir(), { acceptsOldSite: false })
 * // throws '输出目录 /root 已存在，且不是 pinggu 生成的网站（没有 .pinggu-site 标记文件）：拒绝替换。…'
 */
export function outputState(dir: string, { acceptsOldSite }: { acceptsOldSite: boolean }): OutputState {
  const info = lstatOrUndefined(dir);
  if (!info) return 'absent';
  if (info.isSymbolicLink()) throw new OutputFolderError(`输出目录不安全 (unsafe output folder): ${dir} 是符号链接，构建不会替换它。`);
  if (!info.isDirectory()) throw new OutputFolderError(`输出位置 ${dir} 是一个文件，不是文件夹：拒绝替换 (output path is not a directory)。`);
  const names = readdirSync(dir);
  if (names.length === 0) return 'empty';
  const marker = readSiteMarker(dir);
  if (marker) {
    const unknown = names.filter((name) => name !== SITE_MARKER && name !== STAGING_MARKER && !marker.has(name));
    if (unknown.length === 0 && isRegularFile(path.join(dir, 'index.html'))) return 'site';
    if (unknown.length > 0) {
      throw new OutputFolderError(
        `输出目录 ${dir} 中有 pinggu 没有写入的内容：${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ` 等 ${unknown.length} 项` : ''}。` +
          '构建只替换它自己生成的网站：请把这些文件移到别处，或换一个输出目录 (the folder holds files pinggu did not write)。',
      );
    }
  }
  if (acceptsOldSite && isOldPingguSite(dir)) return 'old-site';
  throw new OutputFolderError(
    `输出目录 ${dir} 已存在，且不是 pinggu 生成的网站（没有 ${SITE_MARKER} 标记文件）：拒绝替换。` +
      '请换一个新的或空的文件夹；如果它确是旧版 pinggu 生成的网站，请先自行删除它 (not a pinggu site; refusing to replace it)。',
  );
}

/**
 * The text of a site marker: the format line `pinggu-site 1`, two comment
 * lines saying what the file is for, and the site's top-level names as one
 * JSON list. Deterministic (no date, no host), so two builds stay
 * byte-identical.
 *
 * @example
 * siteMarkerText(['index.html', 'assets']).split('\n')[0] // 'pinggu-site 1'
 * siteMarkerText(['index.html', 'assets']).split('\n')[3] // 'entries: ["assets","index.html"]'
 */
export function siteMarkerText(entries: readonly string[]): string {
  return [
    SITE_FORMAT,
    '# 此文件由 pinggu（评估）构建写入：构建只会替换带有此文件、且顶层只含下列条目的文件夹。请勿复制或编辑。',
    '# Written by a pinggu build: a build replaces only a folder holding this file and, at its top, nothing but these entries.',
    `entries: ${JSON.stringify([...new Set(entries)].sort())}`,
    '',
  ].join('\n');
}

/**
 * Writes the site marker into a finished site folder, listing what is at
 * its top now and `pagefind` (which `npm start` adds after publishing).
 *
 * @example
 * writeSiteMarker('/repo/_site.tmp-3f9a1c2b'); // writes /repo/_site.tmp-3f9a1c2b/.pinggu-site
 */
export function writeSiteMarker(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name !== SITE_MARKER && name !== STAGING_MARKER);
  writeFileSync(path.join(dir, SITE_MARKER), siteMarkerText([...entries, 'pagefind']));
}

/**
 * The names a folder's site marker lists, or undefined when it has no
 * marker pinggu could have written: not a regular file, too large, a wrong
 * first line, or no readable `entries:` list.
 *
 * @example
 * readSiteMarker('/repo/_site') // Set { 'assets', 'data', …, 'units' }
 * readSiteMarker(os.homedir())  // undefined
 */
export function readSiteMarker(dir: string): Set<string> | undefined {
  const file = path.join(dir, SITE_MARKER);
  const info = lstatOrUndefined(file);
  if (!info?.isFile() || info.size > MARKER_MAX_BYTES) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines[0] !== SITE_FORMAT) return undefined;
  const listed = lines.find((line) => line.startsWith('entries: '));
  if (!listed) return undefined;
  try {
    const entries: unknown = JSON.parse(listed.slice('entries: '.length));
    if (!Array.isArray(entries) || !entries.every((e) => typeof e === 'string' && e !== '' && !e.includes('/'))) return undefined;
    return new Set(entries as string[]);
  } catch {
    return undefined;
  }
}

/**
 * True when `dir` is, by a strict signature, a site a pinggu build
 * published before sites carried markers: nothing at its top but the
 * names such a build wrote, none a link; `index.html` beginning with
 * pinggu's `<meta name="pinggu:title">`; `data/report.json` and
 * `assets/manifest.json` present as files.
 *
 * @example
 * isOldPingguSite('/repo/_site') // true for a site built by an earlier pinggu
 * isOldPingguSite(os.homedir())  // false
 */
export function isOldPingguSite(dir: string): boolean {
  const names = readdirSync(dir);
  if (!names.every((name) => OLD_SITE_ENTRIES.has(name) && !lstatOrUndefined(path.join(dir, name))?.isSymbolicLink())) return false;
  if (!['data/report.json', 'assets/manifest.json', 'index.html'].every((file) => isRegularFile(path.join(dir, file)))) return false;
  const head = readFileSync(path.join(dir, 'index.html')).subarray(0, 8192).toString('utf8');
  return head.startsWith('<!DOCTYPE html>') && head.includes('<meta name="pinggu:title"');
}

function isRegularFile(file: string): boolean {
  return lstatOrUndefined(file)?.isFile() ?? false;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function realPathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** A folder's real path; for a path that does not exist, its existing part resolved. */
function realPath(dir: string): string {
  const resolved = path.resolve(dir);
  const real = realPathOrUndefined(resolved);
  if (real) return real;
  const parent = path.dirname(resolved);
  return parent === resolved ? resolved : path.join(realPath(parent), path.basename(resolved));
}
