/**
 * How many values a parsed document would hold if every alias were copied
 * out in full: the measure that stops "billion laughs" files, whose few
 * lines expand to billions of values when anything walks them.
 */

/**
 * Counts the values in a tree, counting a shared (aliased) object once per
 * place it is used, and stops early once the count passes `limit`.
 * Memoised per object, so the work is linear in the text, not in the expansion.
 *
 * @example
 * expandedSize({ a: [1, 2], b: 'x' }, 1000) // 5 (the mapping, the list, 1, 2, 'x')
 * const a = [1, 2, 3]; expandedSize([a, a, a], 1000) // 13
 */
export function expandedSize(value: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const visit = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, Infinity); // a cycle counts as too big
    let size = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      size += visit(child);
      if (size > limit) break;
    }
    memo.set(v, size);
    return size;
  };
  return visit(value);
}
