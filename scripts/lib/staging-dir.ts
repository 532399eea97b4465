/**
 * Atomic publication of a built site: everything is written into a staging
 * folder beside the destination and swapped in with `rename` only when the
 * whole build has succeeded, so a failed build never leaves a half-written
 * `_site` behind.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Staging folders created by this process and not yet published or discarded. */
const pending = new Set<string>();

/** The swap in progress, if any: the published folder and where its old version was moved. */
let swapping: { target: string; aside: string } | undefined;

/**
 * Creates an empty staging folder in the same parent folder as `outDir`
 * (`_site.tmp-<random>`), so the final `rename` stays on one filesystem and
 * is atomic.
 *
 * @example
 * await createStagingDir('/repo/_site'); // '/repo/_site.tmp-3f9a1c2b'
 */
export async function createStagingDir(outDir: string): Promise<string> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const staging = `${path.resolve(outDir)}.tmp-${randomBytes(4).toString('hex')}`;
  await mkdir(staging);
  pending.add(staging);
  return staging;
}

/**
 * Replaces `outDir` with `staging`: the old folder is renamed aside
 * (`_site.old-<random>`), the staging folder renamed into place, and only
 * then is the old folder deleted. When `outDir` does not exist yet the
 * staging folder simply takes its name. If the second rename fails the old
 * folder is moved back, so `outDir` is never missing after a failure.
 *
 * @example
 * await publishStagingDir('/repo/_site.tmp-3f9a1c2b', '/repo/_site');
 */
export async function publishStagingDir(staging: string, outDir: string): Promise<void> {
  const target = path.resolve(outDir);
  pending.delete(staging);
  const existing = await stat(target).catch(() => null);
  if (!existing) {
    await rename(staging, target);
    return;
  }
  if (!existing.isDirectory()) {
    throw new Error(`输出位置不是文件夹 (output path is not a directory): ${target}`);
  }
  const aside = `${target}.old-${randomBytes(4).toString('hex')}`;
  swapping = { target, aside };
  await rename(target, aside);
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  } finally {
    swapping = undefined;
  }
  await rm(aside, { recursive: true, force: true });
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
 * a kill signal, where no asynchronous work will run any more. A swap cut
 * off between its two renames is completed backwards: the previous site
 * goes back in place, so the published folder is never left missing.
 *
 * @example
 * process.once('SIGINT', () => { discardPendingStagingDirsSync(); process.exit(130); });
 */
export function discardPendingStagingDirsSync(): void {
  if (swapping) {
    const { target, aside } = swapping;
    try {
      if (!existsSync(target) && existsSync(aside)) renameSync(aside, target);
    } catch {
      // Best effort while the process is going down.
    }
    swapping = undefined;
  }
  for (const staging of pending) {
    try {
      rmSync(staging, { recursive: true, force: true });
    } catch {
      // Best effort while the process is going down.
    }
  }
  pending.clear();
}
