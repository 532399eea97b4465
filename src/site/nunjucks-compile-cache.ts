/**
 * Compile each Nunjucks template once per build instead of once per page,
 * and, given a compile cache, once per change of its text instead of once
 * per build.
 *
 * Eleventy 3.1 does not cache compiled Nunjucks templates (its Nunjucks
 * engine is not `cacheable`; see 11ty/eleventy#3819), and it creates a new
 * `nunjucks.Template` for every page a paginated template writes, so the
 * whole template is parsed, compiled to JavaScript and `eval`ed again for
 * each of hundreds of pages.
 *
 * The compiled result depends only on the template's text and name and on
 * its environment (filters, extensions, options), so it is cached per
 * environment: a new build (watch mode creates a new environment) starts
 * with an empty cache, and an edited template has a new text and so a new
 * entry. Rendering is unchanged: the site built with and without the cache
 * is byte-identical.
 *
 * Compiling is still the largest fixed cost of a small build, most of it
 * warming up Nunjucks' parser and code generator. Chapters are not Nunjucks
 * (`chapter-liquid.ts`) and never pass through here. With a compile cache,
 * the generated JavaScript is also kept under everything
 * `compiler.compile` reads — the Nunjucks version, the text, the name, the
 * environment's options, async filters and extensions (tags and parse
 * function) — and the next build evaluates it instead of compiling, as
 * Nunjucks does with precompiled templates. An unreadable or broken entry
 * is compiled afresh.
 */
import { createRequire } from 'node:module';
import type { CompileCache } from './compile-cache.ts';

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
export interface NunjucksCacheOptions {
  /** Where the generated JavaScript of every template is kept for the next build; none: memory only. */
  cache?: CompileCache;
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
 * of an identical template (same environment, name and text), and with a
 * `cache` the code compiled by an earlier build. Calling it again (Eleventy
 * re-reads its config on every watch rebuild, and each render batch is a
 * new Eleventy run) keeps the one patch and takes the new call's `cache`.
 * Precompiled templates are left alone.
 *
 * @example
 * import nunjucks from 'nunjucks';
 * cacheNunjucksCompiles(nunjucks, { cache: openCompileCache(projectCacheDir(root)) });
 * // two pages of one paginated template now share one compile, and the next build none
 */
export function cacheNunjucksCompiles(nunjucks: NunjucksModule, { cache }: NunjucksCacheOptions = {}): void {
  const proto = nunjucks.Template.prototype as NunjucksTemplateLike & { [PATCHED]?: PatchState };
  const compiler = nunjucks.compiler;
  const onDisk = cache && compiler ? keptCompiles(cache, compiler) : undefined;
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
 * The kept layer: returns a template's evaluated code (`{ root, b_… }`),
 * read from `cache` when an earlier compile left it there, else compiled
 * and kept. A compile error is thrown as Nunjucks throws it.
 */
function keptCompiles(
  cache: CompileCache,
  compiler: { compile: (...args: unknown[]) => string },
): (env: NunjucksEnvLike, name: string | null, text: string) => unknown {
  const version = nunjucksVersion();
  return (env, name, text) => {
    // An extension's parse function builds the nodes its tags compile to, so its source is part of the key.
    const extensions = (env.extensionsList ?? []).map((e) => [e.__name ?? '', e.tags ?? [], String(e.parse)]);
    const parts = ['nunjucks', version, JSON.stringify([env.opts ?? null, env.asyncFilters ?? [], extensions]), name ?? '', text];
    const kept = cache.read(parts);
    if (kept !== undefined) {
      try {
        return new Function(kept)(); // eslint-disable-line no-new-func -- what Nunjucks itself does with compiled code
      } catch {
        // a broken entry: compile it again
      }
    }
    const source = compiler.compile(text, env.asyncFilters, env.extensionsList, name, env.opts);
    const props = new Function(source)(); // eslint-disable-line no-new-func
    cache.write(parts, source);
    return props;
  };
}

function nunjucksVersion(): string {
  try {
    return (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
