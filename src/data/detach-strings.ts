/**
 * Parsed strings that still hold their whole file in memory, and the copy
 * that lets the file go.
 *
 * js-yaml cuts each scalar out of the file's text with `slice`. V8 keeps
 * a slice of 13 characters or more as a view into the text it came from,
 * so one kept title keeps its whole file alive: at 50× (1,000 experience
 * files) that was 73 MiB of file text held by the edition for nothing.
 * Values are unchanged; only their storage is.
 */

/** Shorter strings are copied by V8 anyway (`SlicedString::kMinLength`). */
const SLICE_MIN_LENGTH = 13;

/**
 * Replaces every string value of 13 characters or more in a parsed
 * document (mapping values and list items, at any depth) by a copy that
 * does not share storage with the text it was parsed from. Mapping keys
 * need nothing: V8 stores property names as copies of their own. Walks
 * every place a value is used, so it must run on a document whose
 * expanded size has been checked (`expandedSize`); it has no cycles then.
 *
 * @example
 * const doc = yaml.load(text) as { title: string };
 * detachStrings(doc); // doc.title is equal, and no longer keeps `text` alive
 */
export function detachStrings(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const container = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const item = container[i];
        if (typeof item === 'string') {
          if (item.length >= SLICE_MIN_LENGTH) container[i] = detached(item);
        } else if (item !== null && typeof item === 'object') stack.push(item);
      }
    } else {
      for (const key in container) {
        if (!Object.hasOwn(container, key)) continue;
        const item = container[key];
        if (typeof item === 'string') {
          if (item.length >= SLICE_MIN_LENGTH) container[key] = detached(item);
        } else if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
}

/**
 * An equal string in storage of its own: prefixing one character makes a
 * pair that `slice` must first flatten into a fresh string, and the slice
 * then points into that fresh copy, not into the file. Any string, lone
 * surrogates included, comes back unchanged.
 *
 * @example
 * detached('建设智慧法院服务平台（第一批）') === '建设智慧法院服务平台（第一批）' // true
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
