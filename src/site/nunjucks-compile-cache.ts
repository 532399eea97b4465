/**
 * Compile each Nunjucks template once per build instead of once per page,
 * and, given a folder, once per change of its text instead of once per
 * build.
 *
 * Eleventy 3.1 does not cache compiled Nunjucks templates (its Nunjucks
 * engine is not `cacheable`; see 11ty/eleventy#3819), and it creates a new
 * `nunjucks.Template` for every page a paginated template writes, so the
 * whole template (an experience page: ~100 lines with its blocks) is parsed,
 * compiled to JavaScript and `eval`ed again for each of hundreds of pages.
 * Measured on the 10× synthetic edition (463 pages) this was ~2.2 s of
 * ~8 s render CPU time; see docs/performance.md.
 *
 * The compiled result depends only on the template's text and name and on
 * its environment (filters, extensions, options), so it is cached per
 * environment: a new build (watch mode creates a new environment) starts
 * with an empty cache, and an edited template has a new text and so a new
 * entry. Rendering is unchanged: the site built with and without the cache
 * is byte-identical.
 *
 * Compiling is still the largest fixed cost of a small build (the page
 * templates, layout, includes and permalinks; see docs/performance.md),
 * most of it warming up Nunjucks' parser and code generator. Chapters are
 * not Nunjucks (`chapter-liquid.ts`) and never pass through here. With a
 * `dir`, the generated JavaScript is also kept on disk under a key that
 * hashes everything
 * `compiler.compile` reads — the Nunjucks version, the text, the name, the
 * environment's options, async filters and extensions (tags and parse
 * function) — and the next
 * build evaluates it instead of compiling, as Nunjucks does with
 * precompiled templates. An unreadable or broken entry is compiled afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

interface CompiledTemplate {
  blocks: unknown;
  rootRenderFunc: unknown;
}

interface NunjucksEnvLike {
  opts?: unknown;
  asyncFilters?: string[];
  extensionsList?: Array<{ tags?: string[]; __name?: string; parse?: unknown }>;
}

interface NunjucksTemplateLike {
  env: NunjucksEnvLike;
  path?: string | null;
  tmplStr?: unknown;
  tmplProps?: unknown;
  blocks?: unknown;
  rootRenderFunc?: unknown;
  compiled?: boolean;
  _compile(): void;
}

const PATCHED = Symbol.for('pinggu.nunjucksCompileCache');

/** Options of {@link cacheNunjucksCompiles}. */
export interface CompileCacheOptions {
  /** Folder for the generated JavaScript of every template compiled (created on first write); none: memory only. */
  dir?: string;
}

/** The module shape this needs: `Template` to patch and `compiler` to compile with. */
interface NunjucksModule {
  Template: { prototype: object };
  compiler?: { compile: (...args: unknown[]) => string };
}

/** What a patched prototype keeps: the disk layer of the latest call. */
interface PatchState {
  onDisk: ((env: NunjucksEnvLike, name: string | null, text: string) => unknown) | undefined;
}

/**
 * Make `Template#_compile` of this Nunjucks module reuse the compiled code
 * of an identical template (same environment, name and text), and with
 * `dir` the code compiled by an earlier build. Calling it again (Eleventy
 * re-reads its config on every watch rebuild) keeps the one patch and takes
 * the new call's `dir`. Precompiled templates are left alone.
 *
 * @example
 * import nunjucks from 'nunjucks';
 * cacheNunjucksCompiles(nunjucks, { dir: 'node_modules/.cache/pinggu/nunjucks' });
 * // two pages of one paginated template now share one compile, and the next build none
 */
export function cacheNunjucksCompiles(nunjucks: NunjucksModule, { dir }: CompileCacheOptions = {}): void {
  const proto = nunjucks.Template.prototype as NunjucksTemplateLike & { [PATCHED]?: PatchState };
  const compiler = nunjucks.compiler;
  const onDisk = dir && compiler ? diskCache(path.resolve(dir), compiler) : undefined;
  if (proto[PATCHED]) {
    proto[PATCHED].onDisk = onDisk;
    return;
  }
  const state: PatchState = { onDisk };
  const compileOnce = proto._compile;
  const caches = new WeakMap<object, Map<string, CompiledTemplate>>();

  proto._compile = function (this: NunjucksTemplateLike): void {
    if (this.tmplProps || typeof this.tmplStr !== 'string') return compileOnce.call(this);
    let cache = caches.get(this.env);
    if (!cache) caches.set(this.env, (cache = new Map()));
    const key = `${this.path ?? ''}\u0000${this.tmplStr}`;
    const hit = cache.get(key);
    if (hit) {
      this.blocks = hit.blocks;
      this.rootRenderFunc = hit.rootRenderFunc;
      this.compiled = true;
      return;
    }
    if (state.onDisk) {
      // Nunjucks' own path for precompiled templates: blocks and root from the evaluated code.
      this.tmplProps = state.onDisk(this.env, this.path ?? null, this.tmplStr);
      try {
        compileOnce.call(this);
      } finally {
        this.tmplProps = undefined;
      }
    } else {
      compileOnce.call(this);
    }
    cache.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
  };
  proto[PATCHED] = state;
}

/**
 * The disk layer: returns a template's evaluated code (`{ root, b_… }`),
 * read from `dir` when an earlier compile left it there, else compiled and
 * written. A compile error is thrown as Nunjucks throws it.
 */
function diskCache(
  dir: string,
  compiler: { compile: (...args: unknown[]) => string },
): (env: NunjucksEnvLike, name: string | null, text: string) => unknown {
  const version = nunjucksVersion();
  // Every saved edit of a template under `npm start` leaves an entry: drop those no build has used for a week.
  setTimeout(() => void pruneUnused(dir, UNUSED_FOR_MS), 0).unref();
  return (env, name, text) => {
    // An extension's parse function builds the nodes its tags compile to, so its source is part of the key.
    const extensions = (env.extensionsList ?? []).map((e) => [e.__name ?? '', e.tags ?? [], String(e.parse)]);
    const key = createHash('sha256')
      .update(JSON.stringify([version, env.opts ?? null, env.asyncFilters ?? [], extensions, name, text]))
      .digest('hex');
    const file = path.join(dir, `${key}.js`);
    let source: string | undefined;
    try {
      source = readFileSync(file, 'utf8');
      const props = new Function(source)(); // eslint-disable-line no-new-func -- what Nunjucks itself does with compiled code
      touch(file);
      return props;
    } catch {
      // absent, unreadable or broken: compile it
    }
    source = compiler.compile(text, env.asyncFilters, env.extensionsList, name, env.opts);
    const props = new Function(source)(); // eslint-disable-line no-new-func
    try {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, source);
      renameSync(partial, file);
    } catch {
      // a read-only cache only costs the next build its compile
    }
    return props;
  };
}

/** How long an entry may go unused before {@link pruneUnused} removes it. */
const UNUSED_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** Marks an entry as used now (its modification time), so pruning keeps it. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only: the entry may be pruned and compiled again later
  }
}

/**
 * Removes the entries of `dir` not used (read or written) for `unusedForMs`,
 * and leftovers of interrupted writes; never fails the build.
 *
 * @example
 * await pruneUnused('node_modules/.cache/pinggu/nunjucks', 7 * 24 * 3600 * 1000) // 3 (entries removed)
 */
export async function pruneUnused(dir: string, unusedForMs: number): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  const before = Date.now() - unusedForMs;
  for (const name of names) {
    if (!name.endsWith('.js') && !name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info || info.mtimeMs >= before) continue;
    await rm(file, { force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}

function nunjucksVersion(): string {
  try {
    return (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
