/** Types of `compile-cache.mjs` (plain JavaScript: the TypeScript loader uses it before anything is compiled). */
import type { CacheKeyPart, CompileCache } from '../../src/site/compile-cache.ts';

/** How long an entry may go unused before it is deleted (a week). */
export declare const unusedForMs: number;

/** The project's cache folder, `<root>/node_modules/.cache/pinggu`. */
export declare function projectCacheDir(root: string): string;

/** SHA-256, in hex, of labelled parts. */
export declare function cacheKey(parts: readonly CacheKeyPart[]): string;

/** The cache in `dir`, after removing the entries unused for a week when that was last done more than a day ago. */
export declare function openCompileCache(dir: string, options?: { now?: number }): CompileCache & { dir: string };

/** Removes the entries of `dir` unused since `now - unusedFor`, and leftovers of interrupted writes; returns how many files it removed. */
export declare function pruneCompileCache(dir: string, options?: { now?: number; unusedFor?: number }): number;
