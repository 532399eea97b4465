/**
 * Reading the files of an edition without trusting what sits at their
 * paths. An edition folder is written by editors and pull requests: where
 * a data file or a chapter is expected there may be a folder, a FIFO
 * (which would block the build forever), a device (`/dev/zero` never
 * ends), a socket, or a symbolic link to a file outside the edition
 * (`~/.ssh/id_rsa`). Each is refused by name before a byte is read.
 *
 * Every path is looked at with `lstat` first; a link is followed only
 * when its real target stays inside the folder being read. The file is
 * then opened with `O_NOFOLLOW | O_NONBLOCK` (a path swapped for a link or
 * a FIFO after the check fails or returns at once, never blocks), checked
 * again with `fstat` to be the very file first looked at, and read up to
 * the size cap and not a byte further.
 *
 * Synchronous on purpose: a data file or chapter is at most 1 MiB and is
 * parsed as soon as it is read, and five system calls from the page cache
 * cost less than the thread-pool round trips of their promise versions.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * The largest data file or chapter accepted, in bytes: 1 MiB.
 *
 * @example
 * EDITION_FILE_MAX_BYTES // 1048576
 */
export const EDITION_FILE_MAX_BYTES = 1024 * 1024;

/** `O_NOFOLLOW` and `O_NONBLOCK` where the platform has them (0 elsewhere). */
const SAFE_OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Why a path could not be read: nothing is there, or what is there is refused. */
export type EditionFileProblem = 'missing' | 'refused';

/**
 * A file or folder of an edition that cannot be read. `message` is
 * `<shown path>: <reason>`; `reason` is the Chinese explanation with its
 * `(expected …, found …)`, for callers that print the place their own way.
 *
 * @example
 * try { readEditionFileSync('content/01-a.md', { within: 'content' }); }
 * catch (e) { if (e instanceof EditionFileError && e.problem === 'refused') console.error(e.message); }
 */
export class EditionFileError extends Error {
  readonly file: string;
  readonly reason: string;
  readonly problem: EditionFileProblem;

  /**
   * @example
   * new EditionFileError('data/units.yaml', '文件不存在 (expected a file, found nothing)', 'missing').message
   * // 'data/units.yaml: 文件不存在 (expected a file, found nothing)'
   */
  constructor(file: string, reason: string, problem: EditionFileProblem = 'refused') {
    super(`${file}: ${reason}`);
    this.name = 'EditionFileError';
    this.file = file;
    this.reason = reason;
    this.problem = problem;
  }
}

/** Options for reading one file of an edition. */
export interface ReadEditionFileOptions {
  /** The folder the file must stay inside, links resolved (an edition folder). */
  within: string;
  /** Largest size accepted, in bytes (default {@link EDITION_FILE_MAX_BYTES}). */
  maxBytes?: number;
  /** The path as messages print it (default the path given). */
  shown?: string;
}

/** Options for listing a folder of an edition. */
export interface ListEditionFolderOptions {
  /** A folder the listed one must stay inside, links resolved; none for an edition's own root. */
  within?: string;
  /** The path as messages print it (default the path given). */
  shown?: string;
}

/** A listed folder: its real path (links resolved) and the names in it, sorted. */
export interface EditionFolder {
  real: string;
  names: string[];
}

/**
 * Why `info` is not a regular file, in Chinese with `(expected …, found …)`;
 * undefined for a regular file.
 *
 * @example
 * notAFile(lstatSync('content'))         // '这是一个文件夹，不是文件 (expected a file, found a directory)'
 * notAFile(lstatSync('data/units.yaml')) // undefined
 */
function notAFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  return `${kindName(info)}，拒绝读取 (expected a file, found ${kindEnglish(info)})`;
}

function kindName(info: Stats): string {
  if (info.isDirectory()) return '这是一个文件夹，不是文件';
  if (info.isFIFO()) return '这是一个命名管道（FIFO），不是文件';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '这是一个设备文件，不是普通文件';
  if (info.isSocket()) return '这是一个套接字（socket），不是文件';
  if (info.isSymbolicLink()) return '这是一个符号链接';
  return '这不是普通文件';
}

function kindEnglish(info: Stats): string {
  if (info.isFile()) return 'a file';
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'something other than a file';
}

/**
 * True when `inner` is `outer` or lies inside it (both absolute, links
 * already resolved); a sibling that merely shares a prefix (`/a/data-x`
 * beside `/a/data`) is not inside.
 *
 * @example
 * isInside('/a/data/units.yaml', '/a/data') // true
 * isInside('/a/data-x', '/a/data')          // false
 */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function tooLarge(maxBytes: number, found: number | string): string {
  return `文件过大，拒绝读取 (expected at most ${maxBytes} bytes, found ${found})`;
}

function outside(target: string, within: string): string {
  return `符号链接指向版本文件夹之外，拒绝读取 (expected a path inside ${within}, found a link to ${target})`;
}

/** The reason for a failed `lstat`, `realpath` or `open`, by error code. */
function failure(error: unknown, link: boolean): { reason: string; problem: EditionFileProblem } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return link
      ? { reason: '符号链接指向不存在的位置 (expected a file, found a dangling symbolic link)', problem: 'refused' }
      : { reason: '文件不存在 (expected a file, found nothing)', problem: 'missing' };
  }
  if (code === 'ELOOP') return { reason: '符号链接循环，拒绝读取 (expected a file, found a symbolic link loop)', problem: 'refused' };
  return { reason: `无法读取 (expected a readable file, found ${code ?? String(error)})`, problem: 'refused' };
}

/**
 * Reads one edition file whole, refusing anything but a regular file no
 * larger than `maxBytes` that lies, links resolved, inside `within`.
 * Throws an {@link EditionFileError}: `problem` is `'missing'` when
 * nothing is at the path, `'refused'` for everything else (a folder,
 * FIFO, device, socket, a link leaving `within`, a dangling link or a
 * link loop, a file too large, or one swapped while it was opened).
 *
 * @example
 * readEditionFileSync('/ed/content/01-a.md', { within: '/ed/content', shown: 'content/01-a.md' }).toString('utf8')
 * // '---\ntitle: 一、概述\n---\n…'
 */
export function readEditionFileSync(file: string, options: ReadEditionFileOptions): Buffer {
  const shown = options.shown ?? file;
  const maxBytes = options.maxBytes ?? EDITION_FILE_MAX_BYTES;
  const fail = (reason: string, problem: EditionFileProblem = 'refused') => new EditionFileError(shown, reason, problem);
  let target = file;
  let info: Stats;
  let link = false;
  try {
    info = lstatSync(file);
    if (info.isSymbolicLink()) {
      link = true;
      target = realpathSync.native(file);
      if (!isInside(target, options.within)) throw fail(outside(target, options.within));
      info = lstatSync(target);
    }
  } catch (error) {
    if (error instanceof EditionFileError) throw error;
    const { reason, problem } = failure(error, link);
    throw fail(reason, problem);
  }
  checkRegular(info, maxBytes, fail);
  let fd: number;
  try {
    fd = openSync(target, SAFE_OPEN_FLAGS);
  } catch (error) {
    throw fail(failure(error, false).reason);
  }
  try {
    checkSame(info, fstatSync(fd), maxBytes, fail);
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    // Read until end of file, never past the cap: a file that grows while it is read stays bounded.
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw fail(tooLarge(maxBytes, `more than ${maxBytes}`));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function checkRegular(info: Stats, maxBytes: number, fail: (reason: string) => EditionFileError): void {
  const kind = notAFile(info);
  if (kind) throw fail(kind);
  if (info.size > maxBytes) throw fail(tooLarge(maxBytes, info.size));
}

/** The opened file must be the one looked at: a swap between `lstat` and `open` is refused. */
function checkSame(looked: Stats, opened: Stats, maxBytes: number, fail: (reason: string) => EditionFileError): void {
  checkRegular(opened, maxBytes, fail);
  if (opened.dev !== looked.dev || opened.ino !== looked.ino) {
    throw fail('文件在读取时被替换，拒绝读取 (expected the file that was checked, found another one)');
  }
}

/**
 * Lists a folder of an edition, refusing a missing path, a file, or a
 * link whose target leaves `within`. Names come sorted; what each name is
 * is left to {@link readEditionFileSync}.
 *
 * @example
 * listEditionFolderSync('/ed/content').names // ['01-overview.md', '02-problems.md']
 * listEditionFolderSync('/ed/nothing')
 * // throws EditionFileError '/ed/nothing: 文件夹不存在 (expected a folder, found nothing)'
 */
export function listEditionFolderSync(dir: string, options: ListEditionFolderOptions = {}): EditionFolder {
  const shown = options.shown ?? dir;
  let real: string;
  try {
    real = realpathSync.native(dir);
  } catch (error) {
    throw folderFailure(error, shown, dir);
  }
  const problem = folderProblem(real, lstatSync(real), options.within);
  if (problem) throw new EditionFileError(shown, problem);
  return { real, names: readdirSync(real).sort() };
}

function folderProblem(real: string, info: Stats, within: string | undefined): string | undefined {
  if (within !== undefined && !isInside(real, within)) {
    return `符号链接指向版本文件夹之外，拒绝读取 (expected a folder inside ${within}, found a link to ${real})`;
  }
  if (!info.isDirectory()) return `这不是文件夹 (expected a folder, found ${kindEnglish(info)})`;
  return undefined;
}

function folderFailure(error: unknown, shown: string, dir: string): EditionFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if ((code === 'ENOENT' || code === 'ENOTDIR') && !isLink(dir)) {
    return new EditionFileError(shown, '文件夹不存在 (expected a folder, found nothing)', 'missing');
  }
  if (code === 'ENOENT') return new EditionFileError(shown, '符号链接指向不存在的位置 (expected a folder, found a dangling symbolic link)');
  if (code === 'ELOOP') return new EditionFileError(shown, '符号链接循环 (expected a folder, found a symbolic link loop)');
  return new EditionFileError(shown, `无法读取文件夹 (expected a readable folder, found ${code ?? String(error)})`);
}
