/**
 * What the site needs of a compile cache: a text kept under the parts that
 * decide it (the compiler's name and version, its options, the source).
 * The site compiles Nunjucks templates and bundles browser code; given a
 * cache, it reads back what an earlier build compiled instead. The callers
 * that run a build pass the project's one disk cache; without one, the
 * site keeps compiled work in memory for the run only.
 */

/** A part of a cache key: text or bytes. */
export type CacheKeyPart = string | Uint8Array;

/**
 * A store of compiled text by key parts. `read` gives `undefined` for an
 * entry never written (or unreadable); `write` never throws (a cache that
 * cannot be written only costs the next build its compile).
 *
 * @example
 * const parts = ['nunjucks', '3.2.4', 'page.njk', text];
 * const code = cache.read(parts) ?? compile(text); // after compiling: cache.write(parts, code)
 */
export interface CompileCache {
  read(parts: readonly CacheKeyPart[]): string | undefined;
  write(parts: readonly CacheKeyPart[], text: string): void;
}
