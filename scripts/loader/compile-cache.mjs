/**
 * The one disk cache of things the project compiles to start faster: its
 * TypeScript turned into JavaScript (`scripts/loader/`), the JavaScript
 * Nunjucks generates for each page template, and the bundled browser code.
 *
 * An entry is a text stored under a key that hashes everything that decides
 * the text (the compiler's version, its options, the source), so an entry
 * is never stale: a changed source has a new key. Entries are files named
 * by their key in one folder, written under a temporary name and renamed,
 * so concurrent builds never read half of one.
 *
 * One cleanup rule: an entry neither read nor written for a week is
 * deleted. Reading an entry marks it used (its modification time); the
 * first opening of the cache on a day removes the unused ones, before the
 * caller reads anything, in the same call (never in the background).
 * The folder is safe to delete at any time; the next run fills it again.
 *
 * Plain JavaScript: the TypeScript loader uses it before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How long an entry may go unused before it is deleted. */
export const unusedForMs = 7 * 24 * 60 * 60 * 1000;

/** How often opening the cache looks for unused entries. */
const pruneEveryMs = 24 * 60 * 60 * 1000;

/** The file whose modification time says when unused entries were last removed. */
const pruneStamp = 'pruned';

/** An entry's file name: 64 hex digits. */
const entryName = /^[0-9a-f]{64}$/;

/**
 * The project's cache folder.
 *
 * @example
 * projectCacheDir('/repo'); // '/repo/node_modules/.cache/pinggu'
 */
export function projectCacheDir(root) {
  return path.join(root, 'node_modules', '.cache', 'pinggu');
}

/**
 * The key of an entry: SHA-256, in hex, of labelled parts (strings or
 * bytes), so that `['a', 'bc']` and `['ab', 'c']` differ.
 *
 * @example
 * cacheKey(['typescript', '0.28.2', 'src/a.ts', 'export {}']); // 64 hex digits
 */
export function cacheKey(parts) {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * Opens the cache in `dir` (created on the first write), first removing the
 * entries unused for a week when that was last done more than a day ago.
 * An entry is named by the parts that decide it (`cacheKey`): the
 * compiler's name and version, its options, the source.
 *
 * @example
 * const cache = openCompileCache(projectCacheDir('/repo'));
 * const parts = ['nunjucks', version, name, text];
 * const code = cache.read(parts) ?? compile(); // then cache.write(parts, code)
 */
export function openCompileCache(dir, { now = Date.now() } = {}) {
  if (lastPruned(dir) < now - pruneEveryMs) pruneCompileCache(dir, { now });
  return {
    dir,
    read(parts) {
      const file = path.join(dir, cacheKey(parts));
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const time = new Date();
        utimesSync(file, time, time);
      } catch {
        // read-only: the entry may be removed and compiled again later
      }
      return text;
    },
    write(parts, text) {
      const file = path.join(dir, cacheKey(parts));
      const partial = `${file}.${process.pid}.tmp`;
      try {
        // A new folder has nothing unused: the next day's first opening looks.
        if (mkdirSync(dir, { recursive: true }) !== undefined) markPruned(dir, now);
        writeFileSync(partial, text);
        renameSync(partial, file);
      } catch {
        try {
          rmSync(partial, { force: true });
        } catch {
          // nothing was written
        }
      }
    },
  };
}

/**
 * Removes the entries of `dir` unused (not read or written) since
 * `now - unusedForMs`, and what interrupted writes left; returns how many
 * files it removed. A missing folder has nothing to remove. Never throws.
 *
 * @example
 * pruneCompileCache('node_modules/.cache/pinggu'); // 3
 */
export function pruneCompileCache(dir, { now = Date.now(), unusedFor = unusedForMs } = {}) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!entryName.test(name) && !name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs >= now - unusedFor) continue;
      rmSync(file, { force: true });
      removed++;
    } catch {
      // removed meanwhile by another run
    }
  }
  markPruned(dir, now);
  return removed;
}

/** Records that unused entries were removed at `now`; a read-only folder is looked at again next time. */
function markPruned(dir, now) {
  try {
    const stamp = path.join(dir, pruneStamp);
    writeFileSync(stamp, '');
    utimesSync(stamp, new Date(now), new Date(now));
  } catch {
    // read-only
  }
}

/** When unused entries were last removed (ms), or 0. */
function lastPruned(dir) {
  try {
    return statSync(path.join(dir, pruneStamp)).mtimeMs;
  } catch {
    return 0;
  }
}
