/**
 * Atomic publication of a built site: everything is written into a staging
 * folder beside the destination and swapped in with `rename` only when the
 * whole build has succeeded, so a failed build never leaves a half-written
 * `_site` behind.
 *
 * The build creates every folder it later deletes, and proves it: a
 * staging folder (`<out>.tmp-<8 hex>`) and an aside folder
 * (`<out>.old-<8 hex>`, where the previous site waits while the new one is
 * moved in) are made with an exclusive `mkdir` and get a `.pinggu-staging`
 * marker naming the folder, the process and the host at once. A later run
 * deletes a leftover only when that marker is there and its process is
 * gone; a folder that merely has such a name is left alone. The previous
 * site is deleted only after it has been moved into the aside folder and
 * checked there, by inode and content, to be the folder the build checked
 * (`scripts/lib/output-folder.ts`). A folder of the build's own is deleted
 * contents first and marker last, so a deletion cut short still leaves it
 * provably the build's.
 *
 * An interrupted build dies at once (no signal handler waits for the event
 * loop); its guardian process (`scripts/lib/guardian.ts`) then cleans up
 * with {@link removeStaleStagingDirs}, as the next run would.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { outputState, OutputFolderError, STAGING_MARKER, writeSiteMarker, type OutputFolder } from './output-folder.ts';

/** First line of a staging marker. */
const STAGING_FORMAT = 'pinggu-staging 1';

/** A staging or aside folder's name for an output folder named `base`. */
function helperName(base: string, kind: 'tmp' | 'old'): string {
  return `${base}.${kind}-${randomBytes(4).toString('hex')}`;
}

/** The marker that proves a folder was made by this process. */
function stagingMarkerText(folder: string): string {
  return [
    STAGING_FORMAT,
    '# pinggu（评估）构建进行中的临时文件夹；构建中断后，下一次构建会删除它。',
    `folder: ${path.basename(folder)}`,
    `pid: ${process.pid}`,
    `host: ${os.hostname()}`,
    '',
  ].join('\n');
}

/**
 * Makes a new folder named `<base>.<kind>-<random>` beside `target` with an
 * exclusive `mkdir` (an existing folder of that name is never reused) and
 * writes its marker with an exclusive create.
 */
function makeOwnFolder(target: string, kind: 'tmp' | 'old'): string {
  for (let attempt = 0; ; attempt++) {
    const folder = path.join(path.dirname(target), helperName(path.basename(target), kind));
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      throw error;
    }
    writeFileSync(path.join(folder, STAGING_MARKER), stagingMarkerText(folder), { flag: 'wx' });
    return folder;
  }
}

/**
 * Creates an empty staging folder (but for its marker) in the same parent
 * folder as the output (`_site.tmp-<random>`), so the final `rename` stays
 * on one filesystem and is atomic. The parent folder is created when missing.
 *
 * @example
 * await createStagingDir('/repo/_site'); // '/repo/_site.tmp-3f9a1c2b'
 */
export async function createStagingDir(outDir: string | OutputFolder): Promise<string> {
  const target = typeof outDir === 'string' ? path.resolve(outDir) : outDir.path;
  await mkdir(path.dirname(target), { recursive: true });
  return makeOwnFolder(target, 'tmp');
}

/**
 * Replaces the output folder with `staging`. The site marker is written
 * into the staging folder first. When nothing is at the output path, the
 * staging folder takes its name. Otherwise what is there is checked again
 * (it may have changed during the build) and must still be an empty folder
 * or a pinggu site; it is renamed into a fresh aside folder, checked there
 * once more to be that very folder, the staging folder is renamed into
 * place, and only then is the aside folder deleted. If the second rename
 * fails, the previous site is moved back, so the output is never missing
 * after a failure. A refused output throws an `OutputFolderError`; nothing
 * is then deleted.
 *
 * @example
 * await publishStagingDir('/repo/_site.tmp-3f9a1c2b', checkOutputFolder('/repo/_site', guard));
 */
export async function publishStagingDir(staging: string, outDir: string | OutputFolder): Promise<void> {
  const output: OutputFolder = typeof outDir === 'string' ? { path: path.resolve(outDir), state: 'absent', acceptsOldSite: false } : outDir;
  const target = output.path;
  // The output was checked on its real path; a link put on that path since would lead the rename elsewhere.
  if (realpathSync(path.dirname(target)) !== path.dirname(target) || lstatOrUndefined(target)?.isSymbolicLink()) {
    throw new OutputFolderError(`输出目录 ${target} 的路径在构建期间被改成了符号链接：拒绝发布 (the output path changed while building)`);
  }
  writeSiteMarker(staging);
  if (!lstatOrUndefined(target)) {
    renameSync(staging, target);
    removeStagingMarker(target);
    return;
  }
  // Refuses a file, a link, or a folder that is no longer empty or a pinggu site.
  const state = outputState(target, { acceptsOldSite: output.acceptsOldSite });
  const before = lstatSync(target);

  // A kill between the two renames leaves the previous site in the aside folder, whose marker lets the guardian
  // (or the next run) put it back.
  const aside = makeOwnFolder(target, 'old');
  const old = path.join(aside, 'site');
  renameSync(target, old);
  try {
    // The folder moved aside must be the one just checked, and still hold only a site.
    const moved = lstatSync(old);
    if (moved.ino !== before.ino || moved.dev !== before.dev || outputState(old, { acceptsOldSite: output.acceptsOldSite }) !== state) {
      throw new OutputFolderError(`输出目录 ${target} 在发布时被替换成了另一个文件夹：拒绝替换 (the output folder changed while publishing)`);
    }
    renameSync(staging, target);
  } catch (error) {
    // Put back whatever was moved aside; the aside folder goes only once it is empty again.
    try {
      if (!lstatOrUndefined(target)) renameSync(old, target);
      if (!lstatOrUndefined(old)) rmSync(aside, { recursive: true, force: true });
    } catch {
      // Left in the aside folder, whose marker lets the next run put it back.
    }
    throw error;
  }
  // The old site is now garbage: say so in the marker, so a clean-up after a kill deletes the rest without judging it.
  appendFileSync(path.join(aside, STAGING_MARKER), 'replaced: yes\n');
  removeStagingMarker(target);
  await removeOwnFolder(aside);
}

/** Deletes a folder this build made: its contents first, its marker last. */
async function removeOwnFolder(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (name !== STAGING_MARKER) await rm(path.join(folder, name), { recursive: true, force: true });
  }
  await rm(folder, { recursive: true, force: true });
}

function removeStagingMarker(site: string): void {
  try {
    unlinkSync(path.join(site, STAGING_MARKER));
  } catch {
    // Already gone; a leftover marker in a site is harmless.
  }
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Deletes a staging folder after a failed build, and keeps it deleted.
 * When one Eleventy template fails, `write()` rejects at once while other
 * templates and passthrough copies are still being written; a late write
 * recreates the folder (with `mkdir -p`) after it was removed. So the folder
 * is removed again until it has stayed absent for `quietMs`, for at most
 * `timeoutMs`. Never throws: it runs while another error is being reported.
 *
 * @example
 * await discardStagingDir('/repo/_site.tmp-3f9a1c2b');
 */
export async function discardStagingDir(staging: string, { quietMs = 300, timeoutMs = 10_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let absentSince = 0;
  while (Date.now() < deadline) {
    if (await stat(staging).catch(() => null)) {
      await removeOwnFolder(staging).catch(() => undefined);
      absentSince = 0;
    } else if (absentSince === 0) {
      absentSince = Date.now();
    } else if (Date.now() - absentSince >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What {@link removeStaleStagingDirs} did beside one output folder. */
export interface StaleCleanup {
  /** Leftover staging and aside folders deleted. */
  removed: string[];
  /** A previous site put back from an aside folder, if any. */
  restored?: string;
  /** Folders named like leftovers that are not provably pinggu's, left alone. */
  kept: string[];
}

/** Options for {@link removeStaleStagingDirs}. */
export interface StaleCleanupOptions {
  /**
   * Only the folders of this process, known to have ended (the guardian's
   * build): others are neither touched nor listed, and the process is not
   * looked up (it may be a zombie not yet reaped).
   */
  madeBy?: number;
}

/**
 * Cleans up after a build that was killed outright (SIGKILL, power loss):
 * beside the output folder, every `<out>.tmp-<8 hex>` and
 * `<out>.old-<8 hex>` folder whose `.pinggu-staging` marker names that
 * folder, this host and a process that no longer runs is deleted. An aside
 * folder whose previous site was not replaced yet puts that site back when
 * the output folder is missing; one whose marker says `replaced`, or whose
 * site is a pinggu site and the output is in place, is deleted. A folder
 * with such a name but no valid marker, whose process still runs (a build
 * going on in parallel), or holding something else, is kept and listed.
 *
 * @example
 * removeStaleStagingDirs('/repo/_site');
 * // { removed: ['/repo/_site.tmp-3f9a1c2b'], kept: [] }
 */
export function removeStaleStagingDirs(outDir: string | OutputFolder, options: StaleCleanupOptions = {}): StaleCleanup {
  const target = typeof outDir === 'string' ? path.resolve(outDir) : outDir.path;
  const base = path.basename(target);
  const result: StaleCleanup = { removed: [], kept: [] };
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return result;
  }
  const kindOf = (name: string) => /^\.(tmp|old)-[0-9a-f]{8}$/.exec(name.slice(base.length))?.[1];
  const leftovers = names.filter((name) => name.startsWith(`${base}.`) && kindOf(name) !== undefined);
  // Aside folders first: one may hold the previous site, to put back before anything is deleted.
  leftovers.sort((a, b) => Number(kindOf(b) === 'old') - Number(kindOf(a) === 'old'));
  for (const name of leftovers) {
    const folder = path.join(path.dirname(target), name);
    const marker = ownMarker(folder);
    if (options.madeBy !== undefined && marker?.pid !== options.madeBy) continue;
    if (!marker || (options.madeBy === undefined && (marker.pid === process.pid || isRunning(marker.pid)))) {
      result.kept.push(folder);
      continue;
    }
    const old = path.join(folder, 'site');
    if (kindOf(name) === 'old' && !marker.replaced && lstatOrUndefined(old)) {
      if (!lstatOrUndefined(target)) {
        renameSync(old, target);
        result.restored = target;
      } else if (!isReplacedSite(old)) {
        result.kept.push(folder);
        continue;
      }
    }
    removeOwnFolderSync(folder);
    result.removed.push(folder);
  }
  return result;
}

/** {@link removeOwnFolder}, synchronously. */
function removeOwnFolderSync(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (name !== STAGING_MARKER) rmSync(path.join(folder, name), { recursive: true, force: true });
  }
  rmSync(folder, { recursive: true, force: true });
}

/** True when an aside folder's `site` is a pinggu site (or an empty folder) that a build had replaced. */
function isReplacedSite(old: string): boolean {
  try {
    return outputState(old, { acceptsOldSite: true }) !== 'absent';
  } catch {
    return false;
  }
}

/**
 * What the `.pinggu-staging` marker of `folder` says, when it is a real
 * folder whose marker names that folder and this host: the process that
 * made it, and whether its old site was already replaced.
 */
function ownMarker(folder: string): { pid: number; replaced: boolean } | undefined {
  const info = lstatOrUndefined(folder);
  const markerInfo = lstatOrUndefined(path.join(folder, STAGING_MARKER));
  if (!info?.isDirectory() || !markerInfo?.isFile() || markerInfo.size > 4096) return undefined;
  const lines = readFileSync(path.join(folder, STAGING_MARKER), 'utf8').split('\n');
  const field = (key: string) => lines.find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2);
  const pid = Number(field('pid'));
  if (lines[0] !== STAGING_FORMAT || field('folder') !== path.basename(folder) || field('host') !== os.hostname()) return undefined;
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, replaced: field('replaced') === 'yes' };
}

/** Whether process `pid` runs: it exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}
