/**
 * Data quoted in Markdown chapters must read as text, not as Markdown: a
 * unit named `[甲](https://example.com)` or `*乙*` must not become a link or
 * emphasis. `markdownSafe(report)` gives chapter templates a read-only view
 * of the report in which every string has Markdown's inline punctuation
 * backslash-escaped. `<`, `>`, `&` and quotes are left to Nunjucks'
 * autoescape (markdown-it prints those entities back as text; the chapter
 * renderer turns autoescape's `&#92;` back into the backslashes). Ordinary
 * Chinese names and printed figures come out unchanged.
 */

/** Inline Markdown punctuation that could turn data into markup. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]~|]/g;

/**
 * Backslash-escapes Markdown inline punctuation in one string.
 *
 * @example
 * escapeMarkdown('[甲](https://x.example)') // '\\[甲\\](https://x.example)'
 * escapeMarkdown('94.24')                  // '94.24'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** One view cache per leaf function. */
const viewsByLeaf = new WeakMap<(text: string) => unknown, WeakMap<object, object>>();

/**
 * A read-only view of `value` whose strings, at any depth, read as
 * `leaf(string)` (default `escapeMarkdown`); numbers, booleans and null read as they are.
 * Arrays stay arrays (`Array.isArray` is true), so loops and filters work,
 * and a frozen report works too (the view wraps an empty shell, so proxy
 * invariants on frozen properties never apply). Writing through it throws.
 *
 * @example
 * markdownSafe({ units: [{ name: '*甲*' }] }).units[0].name // '\\*甲\\*'
 */
export function markdownSafe<T>(value: T, leaf: (text: string) => unknown = escapeMarkdown): T {
  if (typeof value === 'string') return leaf(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const original = value as unknown as object;
  const views = viewsByLeaf.get(leaf) ?? new WeakMap<object, object>();
  viewsByLeaf.set(leaf, views);
  let view = views.get(original);
  if (!view) {
    const isArray = Array.isArray(original);
    const readOnly = () => {
      throw new TypeError('markdownSafe: 报告数据只读 (the report is read-only in chapters)');
    };
    const created: object = new Proxy(isArray ? [] : Object.create(Object.getPrototypeOf(original) as object | null), {
      get: (_shell, key) => {
        const found = Reflect.get(original, key);
        // Methods (Array.prototype.map …) stay callable; called on the view, they read elements through it.
        return typeof found === 'function' ? found : markdownSafe(found, leaf);
      },
      has: (_shell, key) => Reflect.has(original, key),
      ownKeys: () => Reflect.ownKeys(original),
      getOwnPropertyDescriptor: (_shell, key) => {
        const found = Reflect.getOwnPropertyDescriptor(original, key);
        if (!found) return undefined;
        // An array's length is non-configurable on the shell too; every other key is reported configurable.
        if (isArray && key === 'length') return { value: found.value, writable: true, enumerable: false, configurable: false };
        return { value: markdownSafe(found.value, leaf), writable: false, enumerable: found.enumerable ?? true, configurable: true };
      },
      set: readOnly,
      defineProperty: readOnly,
      deleteProperty: readOnly,
    });
    views.set(original, created);
    view = created;
  }
  return view as T;
}
