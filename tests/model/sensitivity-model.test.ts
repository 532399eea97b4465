import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inBaseRankOrder } from '../../src/model/sensitivity-model.ts';

const row = (id: string, baseline: number) => ({ id, ranks: { baseline } });
const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id);

describe('inBaseRankOrder(rows)', () => {
  it.each<[string, Array<ReturnType<typeof row>>, string[]]>([
    ['puts the best base rank first', [row('c', 3), row('a', 1), row('b', 2)], ['a', 'b', 'c']],
    ['keeps source order among rows that share a base rank', [row('y', 2), row('x', 1), row('z', 2), row('w', 2)], ['x', 'y', 'z', 'w']],
    ['puts a row without a base rank last, in source order', [row('n1', NaN), row('a', 2), row('n2', NaN), row('b', 1)], ['b', 'a', 'n1', 'n2']],
    ['gives no rows for no rows', [], []],
  ])('%s', (_, rows, expected) => {
    expect(ids(inBaseRankOrder(rows))).toEqual(expected);
  });

  it('returns a new list and leaves the given one untouched', () => {
    const rows = Object.freeze([row('b', 2), row('a', 1)]);
    expect(ids(inBaseRankOrder(rows))).toEqual(['a', 'b']);
    expect(ids(rows)).toEqual(['b', 'a']);
  });

  it('orders by base rank, ties by source position, for any ranks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 30 }), (ranks) => {
        const rows = ranks.map((rank, i) => row(String(i), rank));
        const sorted = inBaseRankOrder(rows);
        expect(sorted).toHaveLength(rows.length);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          expect(a.ranks.baseline < b.ranks.baseline || (a.ranks.baseline === b.ranks.baseline && Number(a.id) < Number(b.id))).toBe(true);
        }
      }),
    );
  });
});
