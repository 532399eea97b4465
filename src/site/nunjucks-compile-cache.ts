/**
 * Compile each Nunjucks template once per build instead of once per page.
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
 */

interface CompiledTemplate {
  blocks: unknown;
  rootRenderFunc: unknown;
}

interface NunjucksTemplateLike {
  env: object;
  path?: string | null;
  tmplStr?: unknown;
  tmplProps?: unknown;
  blocks?: unknown;
  rootRenderFunc?: unknown;
  compiled?: boolean;
  _compile(): void;
}

const PATCHED = Symbol.for('pinggu.nunjucksCompileCache');

/**
 * Make `Template#_compile` of this Nunjucks module reuse the compiled code
 * of an identical template (same environment, name and text). Idempotent:
 * calling it again (Eleventy re-reads its config on every watch rebuild)
 * changes nothing. Precompiled templates are left alone.
 *
 * @example
 * import nunjucks from 'nunjucks';
 * cacheNunjucksCompiles(nunjucks);
 * // two pages of one paginated template now share one compile
 */
export function cacheNunjucksCompiles(nunjucks: { Template: { prototype: object } }): void {
  const proto = nunjucks.Template.prototype as NunjucksTemplateLike & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
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
    compileOnce.call(this);
    cache.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
  };
  proto[PATCHED] = true;
}
