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
 * (`scripts/lib/output-folder.ts`).
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { outputState, OutputFolderError, STAGING_MARKER, writeSiteMarker, type OutputFolder } from './output-folder.ts';

/** Staging folders created by this process and not yet published or discarded. */
const pending = new Set<string>();

/**
 * Aside folders of this process not yet deleted, each with the output
 * folder whose previous site it holds, and whether that site was checked
 * there to be the one the build meant to replace.
 */
const asides = new Map<string, { target: string; verified: boolean }>();

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
  const staging = makeOwnFolder(target, 'tmp');
  pending.add(staging);
  return staging;
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
  writeSiteMarker(staging);
  pending.delete(staging);
  if (!lstatOrUndefined(target)) {
    try {
      renameSync(staging, target);
    } catch (error) {
      pending.add(staging);
      throw error;
    }
    removeStagingMarker(target);
    return;
  }
  pending.add(staging);
  // Refuses a file, a link, or a folder that is no longer empty or a pinggu site.
  const state = outputState(target, { acceptsOldSite: output.acceptsOldSite });
  const before = lstatSync(target);

  const aside = makeOwnFolder(target, 'old');
  asides.set(aside, { target, verified: false });
  const old = path.join(aside, 'site');
  renameSync(target, old);
  try {
    // The folder moved aside must be the one just checked, and still hold only a site.
    const moved = lstatSync(old);
    if (moved.ino !== before.ino || moved.dev !== before.dev || outputState(old, { acceptsOldSite: output.acceptsOldSite }) !== state) {
      throw new OutputFolderError(`输出目录 ${target} 在发布时被替换成了另一个文件夹：拒绝替换 (the output folder changed while publishing)`);
    }
    asides.set(aside, { target, verified: true });
    renameSync(staging, target);
    pending.delete(staging);
  } catch (error) {
    settleAside(aside);
    throw error;
  }
  removeStagingMarker(target);
  await rm(aside, { recursive: true, force: true });
  asides.delete(aside);
}

/**
 * Settles an aside folder after a swap stopped: the previous site goes back
 * when the output path is free. The aside folder is deleted once it holds
 * no site, or holds a checked previous site already replaced by the new
 * one; otherwise it is kept (and forgotten, so no clean-up deletes it) for
 * the next run to restore.
 */
function settleAside(aside: string): void {
  const entry = asides.get(aside);
  asides.delete(aside);
  if (!entry) return;
  const old = path.join(aside, 'site');
  try {
    if (!lstatOrUndefined(entry.target) && lstatOrUndefined(old)) renameSync(old, entry.target);
    if (!lstatOrUndefined(old) || (entry.verified && lstatOrUndefined(entry.target))) rmSync(aside, { recursive: true, force: true });
  } catch {
    // Kept as it is; the next run restores it.
  }
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
  pending.delete(staging);
  const deadline = Date.now() + timeoutMs;
  let absentSince = 0;
  while (Date.now() < deadline) {
    if (await stat(staging).catch(() => null)) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      absentSince = 0;
    } else if (absentSince === 0) {
      absentSince = Date.now();
    } else if (Date.now() - absentSince >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Deletes, synchronously, every staging folder this process created and
 * has not yet published or discarded: for a build interrupted by Ctrl-C or
 * a kill signal, where no asynchronous work will run any more. An aside
 * folder still being deleted is deleted; one whose site is not replaced
 * yet is put back in place, so the published folder is never left
 * missing. A write already under way in another thread may recreate a folder just
 * removed, so each is removed until it stays gone for a moment.
 *
 * @example
 * process.once('SIGINT', () => { discardPendingStagingDirsSync(); process.exit(130); });
 */
export function discardPendingStagingDirsSync(): void {
  for (const aside of [...asides.keys()]) settleAside(aside);
  const folders = [...pending];
  pending.clear();
  for (let round = 0; round < 3 && folders.some((f) => lstatOrUndefined(f)); round++) {
    for (const folder of folders) {
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch {
        // Best effort while the process is going down.
      }
    }
    // Let a write that was already running in the thread pool finish before looking again.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
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

/**
 * Cleans up after a build that was killed outright (SIGKILL, power loss):
 * beside the output folder, every `<out>.tmp-<8 hex>` and
 * `<out>.old-<8 hex>` folder whose `.pinggu-staging` marker names that
 * folder, this host and a process that no longer runs is deleted; if the
 * output folder is missing and an aside folder holds the previous site,
 * that site is put back first. A folder with such a name but no valid
 * marker, or whose process still runs (a build going on in parallel), is
 * kept and listed.
 *
 * @example
 * removeStaleStagingDirs('/repo/_site');
 * // { removed: ['/repo/_site.tmp-3f9a1c2b'], kept: [] }
 */
export function removeStaleStagingDirs(outDir: string | OutputFolder): StaleCleanup {
  const target = typeof outDir === 'string' ? path.resolve(outDir) : outDir.path;
  const base = path.basename(target);
  const result: StaleCleanup = { removed: [], kept: [] };
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return result;
  }
  const leftovers = names.filter((name) => name.startsWith(`${base}.`) && /^\.(tmp|old)-[0-9a-f]{8}$/.test(name.slice(base.length)));
  // Aside folders first: one may hold the previous site, to put back before anything is deleted.
  leftovers.sort((a, b) => Number(b.includes('.old-', base.length)) - Number(a.includes('.old-', base.length)));
  for (const name of leftovers) {
    const folder = path.join(path.dirname(target), name);
    if (!isStaleOwnFolder(folder)) {
      result.kept.push(folder);
      continue;
    }
    const old = path.join(folder, 'site');
    if (name.slice(base.length).startsWith('.old-') && lstatOrUndefined(old)) {
      if (!lstatOrUndefined(target)) {
        renameSync(old, target);
        result.restored = target;
      } else if (!isReplacedSite(old)) {
        result.kept.push(folder);
        continue;
      }
    }
    rmSync(folder, { recursive: true, force: true });
    result.removed.push(folder);
  }
  return result;
}

/** True when an aside folder's `site` is a pinggu site (or an empty folder) that a build had replaced. */
function isReplacedSite(old: string): boolean {
  try {
    return outputState(old, { acceptsOldSite: true }) !== 'absent';
  } catch {
    return false;
  }
}

/** True when `folder` is a real folder whose marker says this host's process, now gone, made it. */
function isStaleOwnFolder(folder: string): boolean {
  const info = lstatOrUndefined(folder);
  const markerInfo = lstatOrUndefined(path.join(folder, STAGING_MARKER));
  if (!info?.isDirectory() || !markerInfo?.isFile() || markerInfo.size > 4096) return false;
  const lines = readFileSync(path.join(folder, STAGING_MARKER), 'utf8').split('\n');
  const field = (key: string) => lines.find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2);
  const pid = Number(field('pid'));
  if (lines[0] !== STAGING_FORMAT || field('folder') !== path.basename(folder) || field('host') !== os.hostname()) return false;
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  return !isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
