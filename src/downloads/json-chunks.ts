/**
 * `JSON.stringify(value, null, indent)` in pieces, so a large document
 * (report.json is 239 MB at 50× scale) can be written to a file without
 * ever holding it as one string: that string alone took 456 MiB of heap
 * (two bytes a character once it holds Chinese), and its UTF-8 copy another
 * 239 MB.
 *
 * The pieces joined are exactly what `JSON.stringify` returns: containers
 * down to `depth` are written here key by key and item by item, anything
 * deeper by `JSON.stringify` itself, re-indented (a JSON text has no raw
 * line breaks inside its strings, so every `\n` is a line of layout).
 */

/**
 * Yields the text of `JSON.stringify(value, null, indent)` in order, one
 * piece per value below the top `depth` levels. Follows `JSON.stringify`
 * in every rule that matters for plain data: `toJSON` is called, `undefined`,
 * functions and symbols are left out of objects and become `null` in arrays,
 * non-finite numbers become `null`, and an empty container is `[]` or `{}`.
 * A top-level value that `JSON.stringify` would not serialize yields nothing.
 *
 * @example
 * [...jsonChunks({ a: [1, 2], b: 'x' }, 2, 1)].join('') === JSON.stringify({ a: [1, 2], b: 'x' }, null, 2) // true
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 3): Generator<string> {
  const top = prepared(value, '');
  // JSON.stringify indents by at most 10 spaces, and by none at all for 0 or less.
  if (top !== undefined) yield* chunks(top, ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent)))), depth, '');
}

function* chunks(value: unknown, gap: string, depth: number, pad: string): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, gap);
    yield pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
    return;
  }
  const inner = pad + gap;
  const before = (first: boolean) => (gap ? `${first ? '' : ','}\n${inner}` : first ? '' : ',');
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield before(i === 0);
      yield* chunks(prepared(value[i], String(i)) ?? null, gap, depth - 1, inner);
    }
    yield gap ? `\n${pad}]` : ']';
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = prepared((value as Record<string, unknown>)[key], key);
    if (item === undefined) continue;
    yield `${first ? '{' : ''}${before(first)}${JSON.stringify(key)}:${gap ? ' ' : ''}`;
    yield* chunks(item, gap, depth - 1, inner);
    first = false;
  }
  yield first ? '{}' : gap ? `\n${pad}}` : '}';
}

/** A value as `JSON.stringify` sees it under `key`: after `toJSON`, with what it leaves out as undefined. */
function prepared(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}
