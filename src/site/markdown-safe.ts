/**
 * Data quoted in Markdown chapters must read as text, not as Markdown: a
 * unit named `[甲](https://example.com)` or `*乙*` must not become a link or
 * emphasis. `markdownSafe(report)` gives chapter templates a read-only view
 * of the report in which every string has Markdown's inline punctuation
 * backslash-escaped. `<`, `>`, `&` and quotes are left to the chapter
 * language's output escaping (markdown-it prints those entities back as
 * text). Ordinary Chinese names and printed figures come out unchanged.
 *
 * The view is also what keeps chapters from reaching code: it shows only
 * plain data, so a template finds no function to call and no prototype to
 * climb (see `chapter-liquid.ts`).
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

/** A list, or an object made by `{}` or `Object.create(null)`: data, not an instance of a class. */
function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype;
}

/** The own data property `key` of `target` (never a getter, never inherited), or undefined. */
function ownData(target: object, key: PropertyKey): unknown {
  const found = Reflect.getOwnPropertyDescriptor(target, key);
  return found && 'value' in found ? found.value : undefined;
}

/**
 * A read-only view of `value` whose strings, at any depth, read as
 * `leaf(string)` (default `escapeMarkdown`); numbers, booleans and null
 * read as they are. Only data shows through: an object's own data
 * properties (no getters, nothing inherited, no prototype: the view of an
 * object has none), and nothing that is a function, a symbol or an
 * instance of a class, which read as undefined. Arrays stay arrays
 * (`Array.isArray` is true) whose elements are views, and keep the
 * methods of `Array.prototype` for code that loops over them. A frozen
 * report works too (the view wraps an empty shell, so proxy invariants on
 * frozen properties never apply). Writing through it throws.
 *
 * @example
 * markdownSafe({ units: [{ name: '*甲*' }] }).units[0].name // '\\*甲\\*'
 * markdownSafe({ a: 1 }).constructor                      // undefined
 */
export function markdownSafe<T>(value: T, leaf: (text: string) => unknown = escapeMarkdown): T {
  if (typeof value === 'string') return leaf(value) as T;
  if (typeof value === 'function' || typeof value === 'symbol') return undefined as T;
  if (value === null || typeof value !== 'object') return value;
  const original = value as unknown as object;
  if (!isPlainData(original)) return undefined as T;
  const views = viewsByLeaf.get(leaf) ?? new WeakMap<object, object>();
  viewsByLeaf.set(leaf, views);
  let view = views.get(original);
  if (!view) {
    const isArray = Array.isArray(original);
    const readOnly = () => {
      throw new TypeError('markdownSafe: 报告数据只读 (the report is read-only in chapters)');
    };
    const created: object = new Proxy(isArray ? [] : Object.create(null), {
      get: (_shell, key) => {
        if (Object.hasOwn(original, key)) return markdownSafe(ownData(original, key), leaf);
        // A list keeps Array.prototype's methods and iterator (Liquid's loops and filters call them); called on the
        // view, they read elements through it. An object keeps nothing it inherits.
        return isArray ? Reflect.get(Array.prototype, key) : undefined;
      },
      has: (_shell, key) => Object.hasOwn(original, key) || (isArray && Reflect.has(Array.prototype, key)),
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
      setPrototypeOf: readOnly,
    });
    views.set(original, created);
    view = created;
  }
  return view as T;
}
