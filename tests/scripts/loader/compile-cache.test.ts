import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, openCompileCache, projectCacheDir, pruneCompileCache, unusedForMs } from '../../../scripts/loader/compile-cache.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-compile-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A new, not yet existing cache folder. */
const cacheDir = () => path.join(scratch, `cache-${++folders}`);
const day = 24 * 60 * 60 * 1000;
/** The cache's entries: files named by their key. */
const entries = (dir: string) => readdirSync(dir).filter((f) => /^[0-9a-f]{64}$/.test(f));
/** Sets a file's modification time (when it was last used). */
const usedAt = (file: string, ms: number) => utimesSync(file, new Date(ms), new Date(ms));

describe('cacheKey(parts)', () => {
  it('is 64 hex digits, the same for the same parts, and apart for parts split differently', () => {
    expect(cacheKey(['a', 'bc'])).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(['a', 'bc'])).toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['a', 'bc'])).not.toBe(cacheKey(['ab', 'c']));
    expect(cacheKey(['评估'])).toBe(cacheKey([Buffer.from('评估')]));
  });

  it('gives different keys to different lists of parts', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(cacheKey(a)).not.toBe(cacheKey(b));
      }),
    );
  });
});

describe('openCompileCache(dir)', () => {
  it('reads back what was written under the same parts, and nothing under others', () => {
    const dir = cacheDir();
    const cache = openCompileCache(dir);
    expect(cache.read(['x'])).toBeUndefined();
    expect(existsSync(dir)).toBe(false); // created by the first write, not by opening
    cache.write(['nunjucks', '3.2.4', 'page.njk', '{{ a }}'], 'return { root };');
    expect(cache.read(['nunjucks', '3.2.4', 'page.njk', '{{ a }}'])).toBe('return { root };');
    expect(cache.read(['nunjucks', '3.2.4', 'page.njk', '{{ b }}'])).toBeUndefined();
    expect(openCompileCache(dir).read(['nunjucks', '3.2.4', 'page.njk', '{{ a }}'])).toBe('return { root };');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('marks an entry used whenever it is read', () => {
    const dir = cacheDir();
    const cache = openCompileCache(dir);
    cache.write(['kept'], 'a');
    const [entry] = entries(dir);
    usedAt(path.join(dir, entry!), Date.now() - 8 * day);
    cache.read(['kept']);
    expect(statSync(path.join(dir, entry!)).mtimeMs).toBeGreaterThan(Date.now() - day);
  });

  it('never throws when the folder cannot be written: the entry is simply not kept', () => {
    const blocked = path.join(scratch, 'a-file');
    writeFileSync(blocked, '');
    const cache = openCompileCache(path.join(blocked, 'cache'));
    expect(() => cache.write(['x'], 'y')).not.toThrow();
    expect(cache.read(['x'])).toBeUndefined();
  });

  it('removes the entries unused for a week when it opens, at most once a day, before anything is read', () => {
    const dir = cacheDir();
    const now = Date.now();
    const first = openCompileCache(dir, { now });
    first.write(['stale'], 's');
    first.write(['fresh'], 'f');
    const stale = cacheKey(['stale']);
    usedAt(path.join(dir, stale), now - 8 * day);
    // Opened again the same day: nothing is looked at, so the stale entry is still there.
    openCompileCache(dir, { now: now + 60_000 });
    expect(entries(dir)).toContain(stale);
    // A day later the opening removes it, and keeps what was used within the week.
    const later = openCompileCache(dir, { now: now + day + 60_000 });
    expect(entries(dir).sort()).toEqual([cacheKey(['fresh'])]);
    expect(later.read(['stale'])).toBeUndefined();
    expect(later.read(['fresh'])).toBe('f');
  });
});

describe('pruneCompileCache(dir)', () => {
  it('removes entries and leftover partial writes unused for longer than asked, and nothing else', () => {
    const dir = cacheDir();
    const now = Date.now();
    const cache = openCompileCache(dir, { now });
    for (const name of ['a', 'b', 'c']) cache.write([name], name);
    writeFileSync(path.join(dir, `${cacheKey(['d'])}.123.tmp`), 'half');
    writeFileSync(path.join(dir, 'README'), 'not an entry');
    for (const file of readdirSync(dir)) usedAt(path.join(dir, file), now - unusedForMs - day);
    usedAt(path.join(dir, cacheKey(['b'])), now - unusedForMs + day);
    expect(pruneCompileCache(dir, { now })).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([cacheKey(['b']), 'README', 'pruned'].sort());
  });

  it('has nothing to remove in a folder that does not exist, and creates none', () => {
    const dir = cacheDir();
    expect(pruneCompileCache(dir)).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps going past an entry it cannot remove', () => {
    const dir = cacheDir();
    const cache = openCompileCache(dir);
    cache.write(['x'], 'x');
    // A folder where an entry would be: removing it as a file fails.
    const odd = path.join(dir, cacheKey(['odd']));
    mkdirSync(odd);
    writeFileSync(path.join(odd, 'inner'), '');
    for (const file of [odd, path.join(dir, cacheKey(['x']))]) usedAt(file, Date.now() - 2 * unusedForMs);
    expect(pruneCompileCache(dir)).toBe(1);
    expect(entries(dir)).toEqual([cacheKey(['odd'])]);
  });
});

describe('projectCacheDir(root)', () => {
  it('is node_modules/.cache/pinggu under the project, which npm ci empties', () => {
    expect(projectCacheDir('/repo')).toBe(path.join('/repo', 'node_modules', '.cache', 'pinggu'));
  });
});
