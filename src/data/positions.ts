/**
 * Where each value of a parsed YAML document sits in its text.
 *
 * js-yaml returns plain values; we keep their places on the side, in a map
 * from each mapping or sequence object to the places of its keys and items,
 * so an error found later by the schema can name its line and column.
 */
import type { PathKey, Position } from './errors.ts';

/** The place of one entry of a mapping or sequence. */
export interface EntryPosition {
  /** Where the key is (for a sequence item: where the item is). */
  key: Position;
  /** Where the value starts. */
  value: Position;
}

/** Positions of every container's entries, plus the document's own start. */
export interface PositionIndex {
  root: Position;
  entries: WeakMap<object, Map<PathKey, EntryPosition>>;
}

/**
 * Finds the best place for a field path: the value itself when it exists
 * and is a scalar, the key when the value is a container, and otherwise
 * the nearest existing parent.
 *
 * @example
 * // for `a:\n  b: 1` the path ['a', 'b'] is at line 2, column 6 (the value 1)
 */
export function locate(value: unknown, index: PositionIndex, path: readonly PathKey[]): Position {
  let current: unknown = value;
  let best: Position = index.root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') break;
    const entry = index.entries.get(current)?.get(typeof key === 'number' && !Array.isArray(current) ? String(key) : key);
    if (!entry) break;
    current = (current as Record<PathKey, unknown>)[key];
    best = current !== null && typeof current === 'object' ? entry.key : entry.value;
  }
  return best;
}

/**
 * Turns character offsets into 1-based line and column, by binary search
 * over the offsets where lines start.
 *
 * @example
 * lineColumnFinder('ab\ncd')(3) // { line: 2, column: 1 }
 */
export function lineColumnFinder(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * Skips the spaces, line breaks, comments and sequence dashes before a
 * node, so a node's place is where its first character is.
 *
 * @example
 * skipToContent('  # c\n  x', 0) // 8
 */
export function skipToContent(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\ufeff') i++;
    else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n') && !text.startsWith('---', i)) i++;
    else if ((ch === ':' || ch === ',' || ch === '?') && (text[i + 1] === ' ' || text[i + 1] === '\n')) i++;
    else break;
  }
  return i;
}

/**
 * The `listener` option of js-yaml's `load`: called as each node opens and
 * closes, with the loader's state (offset, result, kind) at that moment.
 *
 * @example
 * const count: YamlListener = (event) => { if (event === 'close') nodes++; };
 */
export type YamlListener = (event: 'open' | 'close', state: { position: number; result: unknown; kind: string | null }) => void;

interface Frame {
  start: number;
  children: ClosedNode[];
}

interface ClosedNode {
  start: number;
  result: unknown;
}

/**
 * Builds a js-yaml `listener` that records positions, and the index it fills.
 * Each composed node opens and closes; a mapping's direct children close as
 * key, value, key, value…; a sequence's as its items.
 *
 * @example
 * const { listener, index } = positionRecorder(text);
 * yaml.load(text, { listener });
 * locate(value, index, ['scores', 'zichuan']);
 */
export function positionRecorder(text: string): {
  listener: YamlListener;
  index: PositionIndex;
} {
  const at = lineColumnFinder(text);
  const place = (offset: number): Position => at(skipToContent(text, offset));
  const index: PositionIndex = { root: place(0), entries: new WeakMap() };
  const stack: Frame[] = [];

  const listener: YamlListener = (event, state) => {
    if (event === 'open') {
      stack.push({ start: state.position, children: [] });
      return;
    }
    const frame = stack.pop();
    if (!frame) return;
    const { result, kind } = state;
    if (kind === 'mapping' && result !== null && typeof result === 'object' && !index.entries.has(result)) {
      const map = new Map<PathKey, EntryPosition>();
      for (let i = 0; i + 1 < frame.children.length; i += 2) {
        const keyNode = frame.children[i]!;
        const valueNode = frame.children[i + 1]!;
        map.set(String(keyNode.result), { key: place(keyNode.start), value: place(valueNode.start) });
      }
      index.entries.set(result, map);
    } else if (kind === 'sequence' && Array.isArray(result) && !index.entries.has(result)) {
      const map = new Map<PathKey, EntryPosition>();
      frame.children.forEach((item, i) => {
        const p = place(item.start);
        map.set(i, { key: p, value: p });
      });
      index.entries.set(result, map);
    }
    stack.at(-1)?.children.push({ start: frame.start, result });
  };
  return { listener, index };
}
