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

/**
 * Counts the values in a tree in which no object appears twice (a
 * document without aliases), as `expandedSize` would, and stops early
 * once the count passes `limit`. No memo: each object is met once anyway.
 *
 * @example
 * treeSize({ a: [1, 2], b: 'x' }, 1000) // 5
 * treeSize([1, 2, 3, 4], 2)             // 3 (stopped past the limit)
 */
export function treeSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++size > limit) return size;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push(v[i]);
    else for (const key in v) if (Object.hasOwn(v, key)) stack.push((v as Record<string, unknown>)[key]);
  }
  return size;
}
