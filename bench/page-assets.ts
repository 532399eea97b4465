/**
 * What a page makes the browser load as soon as it opens: the stylesheets,
 * scripts, images and preloads its HTML references, and what those files
 * pull in statically. Used to weigh pages against the budgets; a dynamic
 * `import()` is lazy and not counted.
 */

/** References found in one file. */
export interface AssetRefs {
  /** Loaded as soon as the page opens. */
  eager: string[];
  /** Loaded only on demand (dynamic `import()`). */
  lazy: string[];
}

const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

/**
 * The URLs an HTML page loads eagerly: `<script src>` (not
 * `type="application/json"` data blocks), `<link rel=stylesheet|preload|
 * modulepreload|icon href>`, `<img src>`, `<source srcset>` first entry;
 * in document order, duplicates removed. Anchors are not loads.
 *
 * @example
 * htmlAssetRefs('<link rel="stylesheet" href="/assets/site.css"><script src="/assets/js/site.js" defer></script>');
 * // { eager: ['/assets/site.css', '/assets/js/site.js'], lazy: [] }
 */
export function htmlAssetRefs(html: string): AssetRefs {
  const eager: string[] = [];
  const add = (url: string | undefined) => {
    if (url && !url.startsWith('data:') && !eager.includes(url)) eager.push(url);
  };
  const tags = html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(script|link|img|source|iframe|video|audio)\b[^>]*>/gi);
  for (const [tag, name] of tags) {
    const attr = (a: string) => {
      const m = ATTRIBUTE(a).exec(tag);
      return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    };
    const kind = name!.toLowerCase();
    if (kind === 'script') add(attr('src'));
    else if (kind === 'link') {
      const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.some((r) => ['stylesheet', 'preload', 'modulepreload', 'icon', 'manifest'].includes(r))) add(attr('href'));
    } else if (kind === 'source') add(attr('srcset')?.split(/[\s,]+/)[0]);
    else add(attr('src'));
  }
  return { eager, lazy: [] };
}

/**
 * The modules a JavaScript file imports: static `import … from '…'`,
 * `import '…'` and `export … from '…'` are eager; `import('…')` with a
 * string literal is lazy. Only relative and root-relative specifiers are
 * returned (bundles import nothing bare).
 *
 * @example
 * jsAssetRefs('import{a}from"./chunk-X.js";const s=()=>import("/pagefind/pagefind.js")');
 * // { eager: ['./chunk-X.js'], lazy: ['/pagefind/pagefind.js'] }
 */
export function jsAssetRefs(js: string): AssetRefs {
  const local = (s: string) => s.startsWith('./') || s.startsWith('../') || s.startsWith('/');
  const eager = new Set<string>();
  const lazy = new Set<string>();
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g)) {
    if (local(m[1]!)) eager.add(m[1]!);
  }
  for (const m of js.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    if (local(m[1]!)) lazy.add(m[1]!);
  }
  return { eager: [...eager], lazy: [...lazy] };
}

/**
 * The stylesheets and fonts a CSS file loads: `@import` and `url(…)`.
 *
 * @example
 * cssAssetRefs('@import "print.css";body{background:url(/img/a.png)}'); // { eager: ['print.css', '/img/a.png'], lazy: [] }
 */
export function cssAssetRefs(css: string): AssetRefs {
  const eager = new Set<string>();
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) eager.add(m[1]!);
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!m[1]!.startsWith('data:')) eager.add(m[1]!);
  return { eager: [...eager], lazy: [] };
}
