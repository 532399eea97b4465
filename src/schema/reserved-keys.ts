/**
 * Mapping keys the schemas cannot keep. js-yaml stores a `__proto__:` key
 * as an ordinary own property, but zod drops it from every object and
 * record it parses (a guard against prototype pollution), so a unit
 * scored under `__proto__`, or a figure reported under it, would vanish
 * without a word. Such keys are found on the loose value, before the
 * schemas run, and refused where they are written.
 */
import type { PathKey } from '../data/errors.ts';

/**
 * The keys refused in every mapping of every file.
 *
 * @example
 * RESERVED_KEYS.has('__proto__') // true
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__']);

/**
 * The paths of every reserved key in a parsed document, in document order
 * within each mapping. Walks with a stack, never recursion, so any depth
 * is safe; a mapping reached through several aliases is looked at once.
 * A value that is no mapping or list gives none.
 *
 * @example
 * reservedKeyPaths(yaml.load('scores:\n  __proto__: {unit: 90}\n')) // [['scores', '__proto__']]
 * reservedKeyPaths([1, 2]) // []
 */
export function reservedKeyPaths(value: unknown): PathKey[][] {
  const found: PathKey[][] = [];
  const seen = new Set<object>();
  // Each place remembers its parent, not its whole path: copying paths would cost depth² in a deep document.
  const stack: Place[] = [{ value, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const node = place.value;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const children: Place[] = [];
    const visit = (child: unknown, key: PathKey) => {
      if (child !== null && typeof child === 'object') children.push({ value: child, key, parent: place });
    };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], i);
    } else {
      for (const key of Object.keys(node)) {
        if (RESERVED_KEYS.has(key)) found.push([...pathOf(place), key]);
        visit((node as Record<string, unknown>)[key], key);
      }
    }
    // Pushed in reverse so that the stack hands them out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

/** A value met on the walk, with the key it was found under and the place holding it. */
interface Place {
  value: unknown;
  key: PathKey | undefined;
  parent: Place | undefined;
}

/** The keys from the document's root down to `place`. */
function pathOf(place: Place): PathKey[] {
  const path: PathKey[] = [];
  for (let p: Place | undefined = place; p?.key !== undefined; p = p.parent) path.push(p.key);
  return path.reverse();
}
